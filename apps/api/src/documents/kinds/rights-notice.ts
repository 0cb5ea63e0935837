import { REMEDY_ROUTES } from '@app/workflow';
import { chineseDate, type Block } from '../document-layout';
import type { DocumentKind } from './document-kind';

const RIGHTS = [
  '一、选择或者接受人民调解员；',
  '二、接受调解、拒绝调解或者要求终止调解；',
  '三、要求调解公开进行或者不公开进行；',
  '四、自主表达意愿、自愿达成调解协议。',
];
const DUTIES = ['一、如实陈述纠纷事实；', '二、遵守调解现场秩序，尊重人民调解员；', '三、尊重对方当事人行使权利。'];
const ENDINGS = ['TERMINATE_FAILED', 'RECORD_REFUSAL'];

/**
 * 人民调解告知书: the parties' rights and duties in mediation (人民调解法 第二十三条、第二十四条) and, once mediation
 * ended without agreement or was refused, the other routes they were told of (第二十六条).
 */
export const rightsNotice: DocumentKind = {
  kind: 'rights-notice',
  title: '人民调解告知书',
  producedBy: ENDINGS,
  available: () => true,
  layout(source) {
    const ended = source.last(...ENDINGS);
    const notice = (ended?.data.rightsNotice ?? {}) as { routes?: string[]; notifiedOn?: string };
    const routes = (notice.routes ?? []).map((r) => REMEDY_ROUTES[r as keyof typeof REMEDY_ROUTES] ?? r);
    const blocks: Block[] = [
      { type: 'paragraph', text: `${source.parties().map((p) => p.name).join('、')}：` },
      { type: 'paragraph', text: `你（们）之间的${source.categoryLabel}纠纷，由${source.committee}依法调解。人民调解遵循自愿、平等、合法的原则，不收取任何费用。依照《中华人民共和国人民调解法》，现将当事人的权利和义务告知如下：` },
      { type: 'heading', text: '当事人享有下列权利' },
      ...RIGHTS.map((text) => ({ type: 'paragraph' as const, text })),
      { type: 'heading', text: '当事人履行下列义务' },
      ...DUTIES.map((text) => ({ type: 'paragraph' as const, text })),
    ];
    if (ended) {
      const what = ended.type === 'RECORD_REFUSAL' ? '因当事人拒绝调解，本委员会不再进行调解。' : '经调解，双方未能达成协议，本委员会依法终止调解。';
      blocks.push(
        { type: 'heading', text: '终止调解告知' },
        { type: 'paragraph', text: `${what}依照《中华人民共和国人民调解法》第二十六条，你（们）可以依法通过下列途径维护自己的权利：` },
        ...routes.map((text, i) => ({ type: 'paragraph' as const, text: `${i + 1}. ${text}` })),
      );
    }
    const day = notice.notifiedOn ?? source.openedOn;
    blocks.push(
      ...source.parties().map((p) => ({ type: 'signature' as const, label: '当事人（签收）', value: p.name })),
      { type: 'right', text: `${source.committee}（印）` },
      { type: 'right', text: chineseDate(day) },
    );
    return { kind: 'rights-notice', title: '人民调解告知书', number: source.caseNo, blocks };
  },
};
