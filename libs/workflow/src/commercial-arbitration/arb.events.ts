import type { EventSpec } from '../definition';
import { dateField, enumField, objectSchema, partyIdsField, returnSchema, textField } from '../building-blocks';
import { ARBITRABLE_MATTERS, EXCLUDED_MATTERS, LAW } from './arb.preconditions';

const COMMISSION = ['ARBITRATOR', 'INTAKE_CLERK'] as const;
const LAW_2017 = '仲裁法（2017年修正）';
const LAW_2025 = '仲裁法（2025年修订）';

export const AGREEMENT_FORMS = {
  CONTRACT_CLAUSE: '合同中订立的仲裁条款',
  SEPARATE_AGREEMENT: '纠纷发生前后单独达成的仲裁协议书',
  OTHER_WRITTEN: '以其他书面方式（信函、数据电文等）达成的仲裁协议',
  ORAL: '仅有口头约定',
};

const NOT_ACCEPTED_REASONS = {
  NO_VALID_AGREEMENT: '没有有效的书面仲裁协议',
  NOT_ARBITRABLE: '不属于仲裁范围',
  NOT_THIS_COMMISSION: '仲裁协议未选定本仲裁委员会',
  NO_CLEAR_CLAIM: '无明确的被申请人、仲裁请求或事实、理由',
  OTHER: '其他不符合受理条件的情形',
};

/** 仲裁法（2017年修正） 第五十八条; the 2025 revision keeps the grounds. */
const SET_ASIDE_GROUNDS = {
  NO_AGREEMENT: '没有仲裁协议',
  BEYOND_AGREEMENT: '裁决的事项不属于仲裁协议的范围或者仲裁委员会无权仲裁',
  TRIBUNAL_OR_PROCEDURE: '仲裁庭的组成或者仲裁的程序违反法定程序',
  FORGED_EVIDENCE: '裁决所根据的证据是伪造的',
  EVIDENCE_CONCEALED: '对方当事人隐瞒了足以影响公正裁决的证据',
  ARBITRATOR_MISCONDUCT: '仲裁员在仲裁该案时有索贿受贿，徇私舞弊，枉法裁决行为',
  PUBLIC_INTEREST: '裁决违背社会公共利益',
};

const docNoField = (title: string) => textField(title, 60);

export const arbEvents: Record<string, EventSpec> = {
  CHECK_AGREEMENT: {
    label: '审查仲裁协议',
    labelEn: 'Check the arbitration agreement',
    roles: [...COMMISSION],
    schema: objectSchema(
      {
        checkedOn: dateField('审查日期'),
        agreementForm: enumField('仲裁协议形式', AGREEMENT_FORMS),
        intentToArbitrate: { type: 'boolean', title: '有请求仲裁的意思表示' },
        matterAgreed: { type: 'boolean', title: '约定了仲裁事项' },
        commissionChosen: { type: 'boolean', title: '选定了本仲裁委员会' },
        partiesHadCapacity: { type: 'boolean', title: '订立协议的当事人均有完全民事行为能力' },
        concludedUnderDuress: { type: 'boolean', title: '一方采取胁迫手段迫使对方订立' },
        matterType: enumField('争议事项', { ...ARBITRABLE_MATTERS, ...EXCLUDED_MATTERS }),
        note: textField('审查说明', 1000),
      },
      ['checkedOn', 'agreementForm', 'intentToArbitrate', 'matterAgreed', 'commissionChosen', 'partiesHadCapacity', 'matterType'],
    ),
    legalBasis: `${LAW} 第二条、第三条、第四条、第十六条至第十八条`,
    preconditions: ['writtenAgreement', 'agreementValid', 'matterArbitrable', 'checkedNotInFuture'],
  },
  ACCEPT: {
    label: '受理仲裁申请',
    labelEn: 'Accept the application',
    roles: ['ARBITRATOR'],
    schema: objectSchema({ acceptedOn: dateField('受理日期') }, ['acceptedOn']),
    legalBasis: `${LAW} 第二十一条、第二十四条、第二十五条`,
    preconditions: ['acceptedNotInFuture'],
  },
  NOT_ACCEPT: {
    label: '决定不予受理',
    labelEn: 'Refuse the application',
    roles: ['ARBITRATOR'],
    schema: returnSchema(NOT_ACCEPTED_REASONS),
    legalBasis: `${LAW} 第四条、第二十一条、第二十四条`,
  },
  FORM_TRIBUNAL: {
    label: '组成仲裁庭',
    labelEn: 'Form the tribunal',
    roles: [...COMMISSION],
    schema: objectSchema(
      {
        formedOn: dateField('仲裁庭组成日期'),
        arbitratorId: { type: 'string', title: '首席仲裁员或独任仲裁员', 'x-source': 'orgUsers:ARBITRATOR' },
        tribunal: enumField('仲裁庭组成', { PANEL: '三名仲裁员组成仲裁庭', SOLE: '独任仲裁员' }),
      },
      ['formedOn', 'arbitratorId', 'tribunal'],
    ),
    legalBasis: `${LAW} 第三十条、第三十一条、第三十三条`,
    preconditions: ['formedNotInFuture'],
  },
  HOLD_HEARING: {
    label: '开庭审理',
    labelEn: 'Hold the hearing',
    roles: ['ARBITRATOR'],
    schema: objectSchema({ heldOn: dateField('开庭日期'), summary: textField('庭审情况', 2000) }, ['heldOn']),
    legalBasis: `${LAW} 第三十九条、第四十一条`,
    preconditions: ['heldNotInFuture'],
  },
  MEDIATE: {
    label: '仲裁庭调解',
    labelEn: 'The tribunal mediates',
    roles: ['ARBITRATOR'],
    schema: objectSchema({ note: textField('说明', 1000) }),
    legalBasis: `${LAW} 第五十一条`,
  },
  MEDIATION_FAILED: {
    label: '调解不成',
    labelEn: 'The mediation failed',
    roles: ['ARBITRATOR'],
    schema: objectSchema({ note: textField('说明', 1000) }),
    legalBasis: `${LAW} 第五十一条`,
  },
  SIGN_MEDIATION_DOC: {
    label: '调解书经双方签收',
    labelEn: 'Every party signed for the mediation document',
    roles: ['ARBITRATOR'],
    schema: objectSchema(
      { docNo: docNoField('调解书编号'), signedPartyIds: partyIdsField('已签收的当事人'), performanceDueOn: dateField('履行期限届满日') },
      ['docNo', 'signedPartyIds'],
    ),
    legalBasis: `${LAW} 第五十一条、第五十二条`,
    preconditions: ['everyPartySignedMediationDoc'],
  },
  AWARD: {
    label: '作出裁决',
    labelEn: 'Make the award',
    roles: ['ARBITRATOR'],
    schema: objectSchema(
      {
        awardNo: docNoField('裁决书编号'),
        awardedOn: dateField('裁决日期'),
        performanceDueOn: dateField('履行期限届满日'),
        byAgreement: { type: 'boolean', title: '根据调解协议的结果制作裁决书' },
      },
      ['awardNo', 'awardedOn'],
    ),
    legalBasis: `${LAW} 第九条、第五十一条、第五十四条、第五十七条`,
    preconditions: ['awardedNotInFuture'],
  },
  SERVE_AWARD: {
    label: '送达裁决书',
    labelEn: 'Serve the award',
    roles: [...COMMISSION],
    schema: objectSchema({ servedOn: dateField('当事人收到裁决书日期') }, ['servedOn']),
    legalBasis: `${LAW_2017} 第五十九条；${LAW_2025} 第七十二条`,
    preconditions: ['awardServedAfterAward'],
  },
  APPLY_SET_ASIDE: {
    label: '当事人向中级人民法院申请撤销裁决',
    labelEn: 'A party applied to the intermediate court to set the award aside',
    roles: [...COMMISSION],
    schema: objectSchema(
      {
        applicantPartyIds: partyIdsField('申请撤销的当事人'),
        appliedOn: dateField('申请日期'),
        courtName: textField('中级人民法院', 100),
        grounds: { type: 'array', title: '申请撤销的理由', items: enumField('理由', SET_ASIDE_GROUNDS), minItems: 1, uniqueItems: true },
      },
      ['applicantPartyIds', 'appliedOn', 'courtName', 'grounds'],
    ),
    legalBasis: `${LAW_2017} 第五十八条、第五十九条；${LAW_2025} 第七十二条`,
    preconditions: ['withinSetAsideWindow'],
  },
  SET_ASIDE_WINDOW_ENDED: {
    label: '申请撤销裁决期限届满',
    labelEn: 'The set-aside period ended',
    roles: ['SYSTEM'],
    legalBasis: `${LAW_2017} 第五十九条；${LAW_2025} 第七十二条`,
  },
  SET_ASIDE_GRANTED: {
    label: '中级人民法院裁定撤销裁决',
    labelEn: 'The intermediate court set the award aside',
    roles: [...COMMISSION],
    schema: objectSchema({ ruledOn: dateField('裁定日期'), rulingNo: docNoField('裁定书编号') }, ['ruledOn', 'rulingNo']),
    legalBasis: `${LAW} 第九条、第五十八条、第六十条`,
    preconditions: ['ruledNotInFuture'],
  },
  SET_ASIDE_REFUSED: {
    label: '中级人民法院裁定驳回撤销申请',
    labelEn: 'The intermediate court refused to set the award aside',
    roles: [...COMMISSION],
    schema: objectSchema({ ruledOn: dateField('裁定日期'), rulingNo: docNoField('裁定书编号') }, ['ruledOn', 'rulingNo']),
    legalBasis: `${LAW} 第六十条`,
    preconditions: ['ruledNotInFuture'],
  },
  APPLY_ENFORCEMENT: {
    label: '当事人申请强制执行',
    labelEn: 'A party applied for enforcement',
    roles: [...COMMISSION],
    schema: objectSchema({ appliedOn: dateField('申请执行日期'), courtName: textField('执行法院', 100) }, ['appliedOn', 'courtName']),
    legalBasis: `${LAW} 第六十二条；民事诉讼法 第二百五十条`,
  },
  RECORD_PERFORMED: {
    label: '记录已履行',
    labelEn: 'Record performance',
    roles: [...COMMISSION],
    schema: objectSchema({ performedOn: dateField('履行日期') }, ['performedOn']),
  },
  WITHDRAW: {
    label: '撤回仲裁申请',
    labelEn: 'Withdraw the application',
    roles: ['ARBITRATOR'],
    schema: objectSchema({ partyIds: partyIdsField('撤回申请的当事人'), reason: textField('理由', 500) }, ['partyIds']),
    legalBasis: `${LAW} 第四十九条`,
  },
};
