import type { Precondition, WorkflowEvent } from '../definition';
import { everyParty, notInFuture } from '../building-blocks';
import type { ArbContext } from './arb.context';

export const LAW = '仲裁法';

/** Matters an arbitration commission may decide: contract and other property disputes between equal parties (第二条). */
export const ARBITRABLE_MATTERS = { CONTRACT: '合同纠纷', PROPERTY: '其他财产权益纠纷' };
/** Matters it may not: 第三条 (family and administrative matters), 第七十七条 (labour and rural contracting, their own laws). */
export const EXCLUDED_MATTERS = {
  MARRIAGE: '婚姻纠纷',
  ADOPTION: '收养纠纷',
  GUARDIANSHIP: '监护纠纷',
  SUPPORT: '扶养纠纷',
  INHERITANCE: '继承纠纷',
  ADMINISTRATIVE: '依法应当由行政机关处理的行政争议',
  LABOUR: '劳动争议',
  RURAL_CONTRACTING: '农业集体经济组织内部的农业承包合同纠纷',
};

/** The set-aside deadline of the award's regime: D-AR2 (three months, 2025 law) or D-AR2-2017 (six months). */
const setAsideDue = (context: ArbContext, event: WorkflowEvent) => event.deadlines[context.setAsideRegime === 'LAW_2025' ? 'D-AR2' : 'D-AR2-2017'];

export const arbPreconditions: Record<string, Precondition<ArbContext>> = {
  // Routing rule R24 (spec appendix (c)): commercial arbitration needs a written, valid agreement on an arbitrable matter.
  writtenAgreement: {
    check: (_context, event) => typeof event.data.agreementForm === 'string' && event.data.agreementForm !== 'ORAL',
    message: '当事人采用仲裁方式解决纠纷，应当双方自愿达成仲裁协议；仲裁协议须为书面形式（合同中订立的仲裁条款或者以其他书面方式达成的请求仲裁的协议），没有书面仲裁协议的，仲裁委员会不予受理',
    messageEn: 'Arbitration needs a written arbitration agreement (a clause in the contract or another written agreement); without one the commission does not accept the case',
    legalBasis: `${LAW} 第四条、第十六条`,
  },
  agreementValid: {
    check: (_context, event) => {
      const d = event.data;
      return d.intentToArbitrate === true && d.matterAgreed === true && d.commissionChosen === true && d.partiesHadCapacity === true && d.concludedUnderDuress !== true;
    },
    message:
      '仲裁协议应当具有请求仲裁的意思表示、仲裁事项和选定的仲裁委员会；无民事行为能力人或者限制民事行为能力人订立的，或者一方采取胁迫手段迫使对方订立的，仲裁协议无效；对仲裁事项或者仲裁委员会没有约定或者约定不明确、又未达成补充协议的，仲裁协议无效',
    messageEn:
      'An arbitration agreement must state the intent to arbitrate, the matters and the chosen commission; it is void if concluded by a person without full capacity or under duress, or if the matters or the commission are missing or unclear and not supplemented',
    legalBasis: `${LAW} 第十六条、第十七条、第十八条`,
  },
  matterArbitrable: {
    check: (_context, event) => typeof event.data.matterType === 'string' && event.data.matterType in ARBITRABLE_MATTERS,
    message:
      '仲裁的范围是平等主体之间发生的合同纠纷和其他财产权益纠纷；婚姻、收养、监护、扶养、继承纠纷和依法应当由行政机关处理的行政争议不能仲裁，劳动争议和农业集体经济组织内部的农业承包合同纠纷的仲裁另行规定',
    messageEn:
      'Only contract and other property disputes between equal parties can be arbitrated; marriage, adoption, guardianship, support, inheritance and administrative matters cannot, and labour and rural contracting disputes have their own arbitration',
    legalBasis: `${LAW} 第二条、第三条、第七十七条`,
  },
  checkedNotInFuture: notInFuture('checkedOn', '审查日期'),
  acceptedNotInFuture: notInFuture('acceptedOn', '受理日期'),
  formedNotInFuture: notInFuture('formedOn', '仲裁庭组成日期'),
  heldNotInFuture: notInFuture('heldOn', '开庭日期'),
  awardedNotInFuture: notInFuture('awardedOn', '裁决日期'),
  everyPartySignedMediationDoc: everyParty(
    'signedPartyIds',
    '调解书经双方当事人签收后，即发生法律效力；在调解书签收前当事人反悔的，仲裁庭应当及时作出裁决',
    'The mediation document takes effect only when every party has signed for it',
    `${LAW} 第五十一条、第五十二条`,
  ),
  awardServedAfterAward: {
    check: (context, event) => {
      const on = event.data.servedOn;
      return typeof on === 'string' && on <= event.today && (!context.awardedOn || on >= context.awardedOn);
    },
    message: '裁决书送达日期须在裁决作出之后且不得晚于今天',
    messageEn: 'The award is served on or after the day it was made and not later than today',
    legalBasis: `${LAW} 第五十四条、第五十七条`,
  },
  withinSetAsideWindow: {
    check: (context, event) => {
      const due = setAsideDue(context, event);
      const on = event.data.appliedOn;
      return typeof due === 'string' && typeof on === 'string' && on <= due && on <= event.today;
    },
    message: '当事人申请撤销裁决的，应当自收到裁决书之日起六个月内（2026年3月1日起施行的仲裁法规定为三个月内）向仲裁委员会所在地的中级人民法院提出，期限已过',
    messageEn: 'A set-aside application must reach the intermediate court within six months of receiving the award (three months under the 2025 law); the period has passed',
    legalBasis: '仲裁法（2017年修正） 第五十八条、第五十九条；仲裁法（2025年修订） 第七十二条',
  },
  ruledNotInFuture: notInFuture('ruledOn', '裁定日期'),
};
