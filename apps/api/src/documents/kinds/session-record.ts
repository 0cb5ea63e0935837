import { chineseDate, type Block } from '../document-layout';
import { paragraphs, type DocumentKind } from './document-kind';

/** 调解笔录: each recorded session, with who took part and what was said (人民调解法 第二十七条). */
export const sessionRecord: DocumentKind = {
  kind: 'session-record',
  title: '人民调解笔录',
  producedBy: [],
  available: (source) => source.entries('RECORD_SESSION').length > 0,
  layout(source) {
    const parties = source.parties();
    const blocks: Block[] = source.entries('RECORD_SESSION').flatMap((session, i): Block[] => {
      const invited = Array.isArray(session.data.participants) ? session.data.participants.map(String) : [];
      return [
        { type: 'heading', text: `第${i + 1}次调解` },
        { type: 'field', label: '时间', value: chineseDate(String(session.data.heldOn)) },
        { type: 'field', label: '人民调解员', value: source.userName(session.actorId) },
        { type: 'field', label: '当事人', value: parties.map((p) => `${p.name}（${p.roleLabel}）`).join('、') },
        ...(invited.length ? [{ type: 'field' as const, label: '参与调解人员', value: invited.join('、') }] : []),
        { type: 'field', label: '调解情况', value: '' },
        ...paragraphs(session.data.summary),
      ];
    });
    return {
      kind: 'session-record',
      title: '人民调解笔录',
      number: source.caseNo,
      blocks: [
        { type: 'field', label: '人民调解委员会', value: source.committee },
        ...blocks,
        { type: 'paragraph', text: '以上笔录经当事人核对无误。' },
        ...parties.map((p) => ({ type: 'signature' as const, label: '当事人（签名）', value: p.name })),
        { type: 'signature', label: '人民调解员（签名）', value: '' },
        { type: 'signature', label: '记录人（签名）', value: '' },
      ],
    };
  },
};
