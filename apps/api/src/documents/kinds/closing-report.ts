import { REMEDY_ROUTES } from '@app/workflow';
import { chineseDate, type Block } from '../document-layout';
import { paragraphs, partyBlocks, type DocumentKind } from './document-kind';

const date = (v: unknown) => (typeof v === 'string' ? chineseDate(v) : '');

/** 结案报告: how the mediation went and ended, written when the file is closed and archived (人民调解法 第二十七条). */
export const closingReport: DocumentKind = {
  kind: 'closing-report',
  title: '人民调解结案报告',
  producedBy: ['ARCHIVE'],
  available: (source) => source.entries('ARCHIVE').length > 0,
  layout(source) {
    const archived = source.last('ARCHIVE')!;
    const assigned = source.last('ASSIGN_MEDIATOR');
    const sessions = source.entries('RECORD_SESSION');
    const agreed = source.last('SIGN_WRITTEN_AGREEMENT', 'RECORD_ORAL_AGREEMENT');
    const performed = source.last('RECORD_PERFORMED');
    const defaulted = source.last('RECORD_DEFAULT');
    const confirmed = source.last('JC_CONFIRMED', 'JC_NOT_CONFIRMED');
    const visits = source.entries('RECORD_FOLLOW_UP');
    const told = Array.isArray(archived.data.routeNotice) ? archived.data.routeNotice.map((r) => REMEDY_ROUTES[r as keyof typeof REMEDY_ROUTES] ?? String(r)) : [];
    const blocks: Block[] = [
      { type: 'field', label: '受理日期', value: chineseDate(source.openedOn) },
      { type: 'field', label: '纠纷类型', value: source.categoryLabel },
      { type: 'field', label: '人民调解员', value: assigned ? source.userName(assigned.data.mediatorId) : '' },
      { type: 'heading', text: '当事人' },
      ...partyBlocks(source.parties()),
      { type: 'heading', text: '纠纷简要情况' },
      ...paragraphs(source.summary),
      { type: 'heading', text: '调解经过' },
      { type: 'paragraph', text: sessions.length ? `共调解${sessions.length}次：${sessions.map((s) => date(s.data.heldOn)).join('、')}。` : '未记录调解过程。' },
      { type: 'heading', text: '调解结果' },
      ...(agreed
        ? [
            { type: 'paragraph' as const, text: agreed.type === 'SIGN_WRITTEN_AGREEMENT' ? `达成书面调解协议，于${date(agreed.data.effectiveOn)}生效。` : `达成口头调解协议，于${date(agreed.data.reachedOn)}达成。` },
            ...paragraphs(agreed.data.content),
          ]
        : [{ type: 'paragraph' as const, text: '未达成调解协议。' }]),
      ...(confirmed ? [{ type: 'field' as const, label: '司法确认', value: confirmed.type === 'JC_CONFIRMED' ? '人民法院裁定调解协议有效' : '未获人民法院确认' }] : []),
      { type: 'field', label: '履行情况', value: performed ? `已于${date(performed.data.performedOn)}履行完毕${performed.data.evidence ? `（${performed.data.evidence}）` : ''}` : defaulted ? `未履行：${defaulted.data.note}` : '无需履行或未记录' },
      { type: 'field', label: '回访情况', value: visits.length ? visits.map((v) => `${date(v.data.visitedOn)}：${v.data.summary}`).join('；') : '未回访' },
      ...(told.length ? [{ type: 'field' as const, label: '告知的其他途径', value: told.join('、') }] : []),
      { type: 'field', label: '卷宗', value: `登记、调解记录、协议书齐全${archived.data.fileNo ? `，归档号 ${archived.data.fileNo}` : ''}` },
      { type: 'signature', label: '人民调解员（签名）', value: assigned ? source.userName(assigned.data.mediatorId) : '' },
      { type: 'right', text: `${source.committee}（印）` },
      { type: 'right', text: `结案日期：${chineseDate(source.asOf)}` },
    ];
    return { kind: 'closing-report', title: '人民调解结案报告', number: source.caseNo, blocks };
  },
};
