import { chineseDate, type Block } from '../document-layout';
import { paragraphs, partyBlocks, type DocumentKind } from './document-kind';

/** 人民调解申请书／受理登记表: the dispute as it was registered (人民调解法 第十七条、第二十七条). */
export const application: DocumentKind = {
  kind: 'application',
  title: '人民调解受理登记表',
  producedBy: [],
  available: () => true,
  layout(source) {
    const opened = source.entries('OPEN')[0];
    const blocks: Block[] = [
      { type: 'field', label: '登记日期', value: chineseDate(source.openedOn) },
      { type: 'field', label: '纠纷来源', value: source.sourceLabel },
      { type: 'field', label: '纠纷类型', value: source.categoryLabel },
      { type: 'field', label: '受理人民调解委员会', value: source.committee },
      { type: 'heading', text: '当事人' },
      ...partyBlocks(source.parties()),
      { type: 'heading', text: '纠纷简要情况及申请事项' },
      ...paragraphs(source.summary),
      { type: 'paragraph', text: '申请人自愿申请人民调解委员会调解，并知悉人民调解不收取任何费用，申请人民调解的，诉讼时效自申请之日起中断。' },
      { type: 'signature', label: '申请人（签名或按指印）', value: '' },
      { type: 'signature', label: '登记人', value: opened ? source.userName(opened.actorId) : '' },
      { type: 'right', text: source.committee },
      { type: 'right', text: chineseDate(source.openedOn) },
    ];
    return { kind: 'application', title: '人民调解受理登记表', number: source.caseNo, blocks };
  },
};
