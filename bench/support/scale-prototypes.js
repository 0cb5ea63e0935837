// The prototype cases of the scale seed: real cases walked over HTTP through the engine, one per channel, organisation
// and path, that the seed then copies. Whatever the engine writes for a case (its context, deadlines, audit data,
// transfers, the cases a transfer opens and their links) thus comes from the engine itself; the copies only change
// names, identity numbers, phones, dates, numbers and ids.
const { get, post } = require('./http');

/**
 * Distinct words the copies replace: the parties' names, and the summary, which also names the prototype (the seed
 * finds the prototypes by it and reads which one each is after the dot).
 */
const PROTO = { applicant: '样本申请人', respondent: '样本被申请人', summary: '样本纠纷摘要' };

/** Demo users who mediate people's disputes, with the organisation's kind (a copy may move to another organisation of that kind). */
const MEDIATORS = [
  { username: 'fy_mediator', orgId: 'org-fengyuan', regionCode: '330199101201', kind: 'VILLAGE', director: 'fy_director' },
  { username: 'lq_mediator', orgId: 'org-liqiao', regionCode: '330199101202', kind: 'VILLAGE' },
  { username: 'fq_mediator', orgId: 'org-fengqiao', regionCode: '330199101', kind: 'TOWNSHIP' },
  { username: 'qx_mediator', orgId: 'org-district-centre', regionCode: '330199', kind: 'DISTRICT' },
];
/** Share of the people's mediations by kind of organisation; a kind's share is split between its prototypes. */
const KIND_SHARE = { VILLAGE: 0.6, TOWNSHIP: 0.25, DISTRICT: 0.15 };

/**
 * Share of the disputes by the channel they start in, in per cent, scaled from spec §12's yearly national figures to
 * one district: 人民调解 ~15M (which already counts the ~6.75M the courts entrust or delegate, so the court series
 * of ~4–12M court-linked mediations is not added to it; the court's own share here is the suits filed there, a fifth
 * of them entrusted back to mediation), labour disputes low millions (most mediated first, then arbitrated),
 * 行政复议 ~0.75M (2024), commercial arbitration ~0.45M, rural land-contract disputes a few hundred thousand.
 * 信访, 综治中心 intake and police mediation have no figure in §12: a few per cent each is an estimate. Traffic
 * accidents: ~0.9M civil first-instance cases a year (2016, §10, §12), most of them first handled by the traffic police
 * under 道交一体化; 3% of the disputes for the brigade's own channel is an estimate (taken from people's mediation and the
 * court, whose ROAD_TRAFFIC category keeps the accidents that reach them otherwise). The 三级听证 has no national figure
 * (§8): the village hearing is an estimated 3% of the village committees' mediations.
 */
const CHANNEL_SHARE = { pm: 53, ct: 15, lm: 6, xf: 6, zz: 5, ps: 4, rx: 2.5, arb: 2, cm: 1.5, land: 2, ta: 3 };

/** A village hearing on the linked hr case, run by the committee's director, its notice period let pass. */
const onHearing = (type, data) => ({ on: 'hr', user: (d) => d.director, type, data });
const VILLAGE_HEARING = [
  onHearing('SIGN_FOR', () => ({})),
  onHearing('CONSENT', (d) => ({ consentedPartyIds: ['P1', 'P2'], consentedOn: d.today })),
  onHearing('DECIDE_TO_HOLD', (d) => ({ decidedOn: d.today })),
  onHearing('APPOINT_PANEL', () => ({ presiding: { name: '村党支部书记', capacity: 'OTHER', relations: [] }, members: [{ name: '村民代表', capacity: 'OTHER', relations: [] }, { name: '乡贤', capacity: 'OTHER', relations: [] }] })),
  onHearing('SERVE_NOTICE', (d) => ({ noticedOn: d.today, hearingOn: d.shift(14), venue: '村文化礼堂', notifiedPartyIds: ['P1', 'P2'] })),
  // Seven working days' notice at the most, as the strictest local rules of spec §8 ask. The worker is not run: the
  // hearing itself meets the notice deadline, which the engine reads while it is pending.
  { advance: 14, fire: false },
  onHearing('RECORD_HEARING', (d) => ({ heldOn: d.today, participants: [{ name: PROTO.applicant, role: 'PARTY' }, { name: PROTO.respondent, role: 'PARTY' }], statements: [{ speaker: PROTO.applicant, summary: '围墙堵塞排水沟' }], attachments: [{ name: '现场照片' }] })),
  onHearing('CONCLUDE', (d) => ({ deliberatedOn: d.today, votesFor: 3, votesAgainst: 0, majorityOpinion: '拆除围墙堵沟部分，恢复排水', minorityOpinions: [], opinion: '拆除围墙堵沟部分，恢复排水' })),
  onHearing('PUBLISH', (d) => ({ publishedOn: d.today, channel: '村务公开栏' })),
];
const pmStep = (type) => ({ type });

/**
 * The paths of 人民调解, with the share of cases that end on each (spec §12: most cases close, about seven in ten with an
 * agreement; a few per cent go to the court for 司法确认). `steps` names the events after opening.
 */
const PM = ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'RECORD_SESSION'];
const PM_AGREED = [...PM, 'SIGN_WRITTEN_AGREEMENT'];
const PATHS = [
  { name: 'registered', weight: 3, steps: [] },
  { name: 'consentPending', weight: 3, steps: ['SEEK_CONSENT'] },
  { name: 'mediating', weight: 9, steps: [...PM, 'RECORD_SESSION', 'RECORD_SESSION'] },
  { name: 'agreedWritten', weight: 4, steps: PM_AGREED },
  { name: 'monitoring', weight: 7, steps: [...PM_AGREED, 'DECLINE_JUDICIAL_CONFIRMATION', 'RECORD_FOLLOW_UP', 'RECORD_FOLLOW_UP'] },
  { name: 'performed', weight: 8, steps: [...PM_AGREED, 'DECLINE_JUDICIAL_CONFIRMATION', 'RECORD_FOLLOW_UP', 'RECORD_FOLLOW_UP', 'RECORD_PERFORMED'] },
  { name: 'archived', weight: 45, steps: [...PM, 'RECORD_SESSION', 'RECORD_SESSION', 'SIGN_WRITTEN_AGREEMENT', 'DECLINE_JUDICIAL_CONFIRMATION', 'RECORD_FOLLOW_UP', 'RECORD_FOLLOW_UP', 'RECORD_PERFORMED', 'ARCHIVE'] },
  { name: 'terminatedFailed', weight: 12, steps: [...PM, 'RECORD_SESSION', 'RECORD_SESSION', 'TERMINATE_FAILED'] },
  { name: 'refused', weight: 2, steps: ['SEEK_CONSENT', 'RECORD_REFUSAL'] },
  // Route R4: the agreement goes to the court, which confirms it; the ruling comes back through the outbox.
  { name: 'confirmedArchived', weight: 4, steps: [...PM_AGREED, 'APPLY_JUDICIAL_CONFIRMATION', ...confirmation('monitoring'), 'RECORD_PERFORMED', 'ARCHIVE'] },
  // 三级听证 at the first level (spec §8 L1): the village committee convenes a hearing on a dispute its mediation cannot
  // settle; the panel's opinion comes back and the parties sign an agreement on it. Only villages convene at L1; the
  // prototype is walked at 枫源村 (its director runs the hearing) and its copies move to any village.
  { name: 'heard', weight: 3, orgs: ['org-fengyuan'], steps: [...PM, 'RECORD_SESSION', 'REQUEST_HEARING', ...VILLAGE_HEARING, { ...pmStep('SIGN_WRITTEN_AGREEMENT'), retry: true }, 'DECLINE_JUDICIAL_CONFIRMATION', 'RECORD_FOLLOW_UP', 'RECORD_PERFORMED', 'ARCHIVE'] },
  // Sent to the court and not yet signed for: the court's inbox.
  { name: 'atCourt', weight: 1, steps: [...PM_AGREED, 'APPLY_JUDICIAL_CONFIRMATION'] },
  // Route R7: mediation fails and a party sues; the court case is opened at the court.
  { name: 'toCourt', weight: 2, steps: [...PM, { type: 'TRANSFER', data: { to: 'COURT', receivingOrgId: 'org-court', receivingOrgName: '青溪区人民法院', reason: '一方坚持起诉' } }] },
];

/** The court's side of 司法确认 (R4, R25) on the linked jc case, then waiting for the ruling to reach the sender. */
function confirmation(senderState) {
  const docket = (d) => `（${d.today.slice(0, 4)}）青溪0101民特${d.serial}号`;
  return [
    { on: 'jc', user: 'court_clerk', type: 'SIGN_FOR', data: {} },
    { on: 'jc', user: 'court_clerk', type: 'REGISTER', data: (d) => ({ docketNo: docket(d), registeredOn: d.today }) },
    { on: 'jc', user: 'judge', type: 'SCHEDULE_VERIFICATION', data: (d) => ({ scheduledOn: d.today }) },
    { on: 'jc', user: 'judge', type: 'RULE_VALID', data: (d) => ({ rulingNo: docket(d), ruledOn: d.today }) },
    { wait: senderState },
  ];
}

function pmData(type, d) {
  const rightsNotice = { routes: ['LITIGATION', 'ADMINISTRATIVE'], notifiedOn: d.today, method: 'WRITTEN' };
  switch (type) {
    case 'SEEK_CONSENT': return { note: '电话征询双方意见' };
    case 'SIGN_FOR': return { note: '已签收移交材料' };
    case 'ASSIGN_MEDIATOR': return { mediatorId: d.mediatorId, consentedPartyIds: d.partyIds ?? ['P1', 'P2'], selectedBy: 'COMMITTEE' };
    case 'START_MEDIATION': return { startedOn: d.today, mode: 'ON_SITE' };
    case 'RECORD_SESSION': return { heldOn: d.today, summary: '双方到场，陈述意见，调解员释法说理。' };
    case 'SIGN_WRITTEN_AGREEMENT': return { content: '被申请人于一个月内赔偿申请人损失并赔礼道歉', signedPartyIds: ['P1', 'P2'], mediatorSigned: true, committeeSealed: true, effectiveOn: d.today, performanceDueOn: d.later };
    case 'DECLINE_JUDICIAL_CONFIRMATION': return {};
    case 'RECORD_FOLLOW_UP': return { visitedOn: d.today, method: 'PHONE', summary: '电话回访，正在履行' };
    case 'RECORD_PERFORMED': return { performedOn: d.today };
    case 'ARCHIVE': return { dossierComplete: true, fileNo: `${d.today.slice(0, 4)}-001` };
    case 'TERMINATE_FAILED': return { reason: '双方对赔偿数额分歧过大', rightsNotice };
    case 'WITHDRAW': return { partyIds: ['P1'], reason: '双方已自行和解' };
    case 'RECORD_REFUSAL': return { refusingPartyIds: ['P2'], rightsNotice };
    case 'APPLY_JUDICIAL_CONFIRMATION': return { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' };
    case 'REQUEST_HEARING': return { hearingOrgId: d.orgId, matter: '围墙堵塞排水沟，双方各执一词', initiative: 'APPLICATION' };
    default: throw new Error(`no sample data for ${type}`);
  }
}

/** The steps of a people's mediation received from another channel (R1a, R8, …), on the linked pm case. */
const pmReceived = (user, director, steps, partyIds) => steps.map((type) => ({ on: 'pm', user: type === 'ASSIGN_MEDIATOR' ? director : user, type, data: (d) => pmData(type, { ...d, mediatorId: d.ids[user], partyIds }) }));

/** Route R12 as far as the commission serves the respondent (劳动争议调解仲裁法 第二十九条、第三十条). */
const LM_TO_LAB = [
  { user: 'fq_director', type: 'ACCEPT_APPLICATION' },
  'RECORD_SESSION',
  'FAIL',
  'APPLY_ARBITRATION',
  { on: 'lab', user: 'arbitrator', type: 'ACCEPT', data: (d) => ({ acceptedOn: d.today }) },
  { on: 'lab', user: 'arbitrator', type: 'SERVE_NOTICES', data: (d) => ({ respondentServedOn: d.today, arbitratorId: d.ids.arbitrator, tribunal: 'SOLE', tribunalNotifiedOn: d.today }) },
];
const LAB_HEARING_NOTICE = { on: 'lab', user: 'arbitrator', type: 'NOTICE_HEARING', data: (d) => ({ hearingOn: d.shift(10), venue: '青溪区劳动人事争议仲裁院第一仲裁庭' }) };
const LAB_DATA = {
  HOLD_HEARING: () => ({}),
  MEDIATION_FAILED: () => ({ outcome: 'NO_AGREEMENT' }),
  AWARD: (d) => ({ awardNo: `青劳人仲案字〔${d.today.slice(0, 4)}〕第${d.serial}号`, awardedOn: d.today, monthlyMinimumWage: 2000, performanceDueOn: d.later, items: [{ kind: 'WAGES', amount: 18_000, description: '支付拖欠工资' }, { kind: 'SEVERANCE', amount: 42_000, description: '支付经济补偿' }] }),
  SERVE_AWARD: (d) => ({ workerReceivedOn: d.today, employerReceivedOn: d.today }),
};
const onLab = (types) => types.map((type) => ({ on: 'lab', user: 'arbitrator', type, data: LAB_DATA[type] }));

const LAND_DATA = {
  ACCEPT: (d) => ({ acceptedOn: d.today, otherProceedings: 'NONE' }),
  SERVE_RESPONDENT: (d) => ({ respondentServedOn: d.today }),
  FORM_TRIBUNAL: (d) => ({ formedOn: d.today, composition: 'THREE' }),
  NOTIFY_COMPOSITION: (d) => ({ notifiedOn: d.today }),
  NOTICE_HEARING: (d) => ({ hearingOn: d.shift(8), place: 'VILLAGE', bothPartiesAskedLocal: true }),
  HOLD_HEARING: () => ({}),
  SIGN_MEDIATION_DOC: (d) => ({ docNo: `青农仲调字〔${d.today.slice(0, 4)}〕第${d.serial}号`, signedPartyIds: ['P1', 'P2'] }),
};
const onLand = (types) => types.map((type) => ({ on: 'land', user: 'land_arbitrator', type, data: LAND_DATA[type] }));
const LAND_TO_ARBITRATION = ['START_MEDIATION', 'FAIL_MEDIATION', 'APPLY_ARBITRATION', ...onLand(['ACCEPT', 'SERVE_RESPONDENT', 'FORM_TRIBUNAL', 'NOTIFY_COMPOSITION'])];
const TA_GENERAL = ['ASSIGN_OFFICER', 'START_INVESTIGATION', 'ISSUE_DETERMINATION', 'SERVE_DETERMINATION', { advance: 12 }];
const RX_OFFICER = { type: 'ASSIGN_OFFICER', data: (d) => ({ officerId: d.ids.rx_officer }) };
const ASSIGN_JUDGE = { type: 'ASSIGN_JUDGE', data: (d) => ({ judgeId: d.ids.judge }) };

/** 督办 of the case the centre dispatched. */
const SUPERVISE = { type: 'SUPERVISE', data: (d, view) => ({ childCaseId: linked(view, 'pm'), note: '请于三日内反馈调解进展', replyBy: d.soon }) };

const person = (role, name, n) => ({ role, name, idNumber: protoIdNumber(n), phone: `1300000${String(n).padStart(4, '0')}` });
const organisation = (role, name) => ({ role, name });
const FENGYUAN = '330199101201';
const FENGQIAO = '330199101';
const DISTRICT = '330199';

/**
 * The other channels: who opens a case, with what, and the paths it takes (each path's steps after opening, a step
 * a type with the channel's sample data or { type, data, user, on: linked workflow, wait: state }).
 */
const CHANNELS = [
  {
    workflow: 'ct',
    user: 'court_clerk',
    open: (d) => ({ category: 'CONTRACT', regionCode: FENGYUAN, source: 'APPLICATION', input: { receivedOn: d.today, causeOfAction: '买卖合同纠纷', claimAmount: 6000, procedure: 'SIMPLE' } }),
    categories: [['CONTRACT', 30, '买卖合同纠纷：拖欠货款'], ['PROPERTY_MANAGEMENT', 20, '物业服务合同纠纷：业主欠缴物业费'], ['TORT_DAMAGES', 15, '人身损害赔偿纠纷'], ['MARRIAGE_FAMILY', 15, '离婚纠纷'], ['FINANCE', 12, '金融借款合同纠纷'], ['ROAD_TRAFFIC', 8, '机动车交通事故责任纠纷']],
    data: (type, d) => {
      const docket = `（${d.today.slice(0, 4)}）青溪0101民初${d.serial}号`;
      switch (type) {
        case 'REGISTER': return { docketNo: docket, registeredOn: d.today, procedure: 'SIMPLE' };
        case 'SEEK_MEDIATION_CONSENT': return { note: '立案时征询双方调解意愿' };
        case 'RECORD_MEDIATION_CONSENT': return { consentedPartyIds: ['P1', 'P2'], consentedOn: d.today, method: 'WRITTEN' };
        case 'ENTRUST_MEDIATION': return { mediationOrgId: 'org-district-centre', entrustedOn: d.today, note: '委托区调解中心调解' };
        case 'NOTIFY_FEE': return { amount: 400, noticeReceivedOn: d.today };
        case 'PAY_FEE': return { paidOn: d.today, amount: 400 };
        case 'RECORD_MEDIATION_REFUSAL': return { refusingPartyIds: ['P2'] };
        case 'MEDIATION_DOC_SIGNED': return { docNo: docket, signedPartyIds: ['P1', 'P2'], signedOn: d.today, performanceDueOn: d.later };
        case 'JUDGE': return { judgmentNo: docket, judgedOn: d.today, result: 'SUPPORTED', performanceDays: 10 };
        case 'SERVE_JUDGMENT': return { servedOn: d.today };
        case 'APPEAL': return { appellantPartyIds: ['P2'], appealedOn: d.today };
        case 'APPEAL_REGISTERED': return { registeredOn: d.today };
        case 'SECOND_INSTANCE_CONCLUDED': return { result: 'UPHELD', servedOn: d.today };
        case 'RECORD_PERFORMED': return { performedOn: d.today };
        default: throw new Error(`no sample data for ${type}`);
      }
    },
    paths: [
      { name: 'filed', weight: 6, steps: [] },
      { name: 'registered', weight: 8, steps: ['REGISTER', ASSIGN_JUDGE, 'NOTIFY_FEE'] },
      // Route R8: entrusted to the district centre after registering (立案后委托调解), mediation under way.
      { name: 'entrusted', weight: 12, steps: ['REGISTER', ASSIGN_JUDGE, 'SEEK_MEDIATION_CONSENT', 'RECORD_MEDIATION_CONSENT', 'ENTRUST_MEDIATION', ...pmReceived('qx_mediator', 'qx_director', ['SIGN_FOR', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'RECORD_SESSION', 'RECORD_SESSION'])] },
      // 撤诉 after the parties settle: about a quarter of first-instance civil cases end so.
      { name: 'withdrawn', weight: 22, steps: ['REGISTER', ASSIGN_JUDGE, 'SEEK_MEDIATION_CONSENT', 'RECORD_MEDIATION_REFUSAL', 'NOTIFY_FEE', 'PAY_FEE', { user: 'judge', type: 'WITHDRAW_SUIT', data: (d) => ({ rulingNo: `（${d.today.slice(0, 4)}）青溪0101民初${d.serial}号`, ruledOn: d.today }) }] },
      // 调解结案: the judge mediates after the parties consent, and the mediation document is performed.
      { name: 'mediated', weight: 16, steps: ['REGISTER', ASSIGN_JUDGE, 'NOTIFY_FEE', 'PAY_FEE', { user: 'judge', type: 'MEDIATION_DOC_SIGNED' }, 'RECORD_PERFORMED'] },
      // Judged and served; the fifteen days to appeal pass (the deadline worker fires them) and the judgment is performed.
      { name: 'judged', weight: 26, steps: ['REGISTER', ASSIGN_JUDGE, 'SEEK_MEDIATION_CONSENT', 'RECORD_MEDIATION_REFUSAL', 'NOTIFY_FEE', 'PAY_FEE', { user: 'judge', type: 'JUDGE' }, 'SERVE_JUDGMENT', { advance: 16 }, 'RECORD_PERFORMED'] },
      // Appealed: the second instance upholds the judgment (民事诉讼法 第一百七十一条).
      { name: 'appealed', weight: 10, steps: ['REGISTER', ASSIGN_JUDGE, 'SEEK_MEDIATION_CONSENT', 'RECORD_MEDIATION_REFUSAL', 'NOTIFY_FEE', 'PAY_FEE', { user: 'judge', type: 'JUDGE' }, 'SERVE_JUDGMENT', 'APPEAL', 'APPEAL_REGISTERED', 'SECOND_INSTANCE_CONCLUDED'] },
    ],
  },
  {
    workflow: 'lm',
    user: 'fq_mediator',
    open: (d) => ({ category: 'LABOUR', regionCode: FENGQIAO, source: 'APPLICATION', input: { receivedOn: d.today, workerPartyIds: ['P1'], knewOn: d.earlier, employmentEndedOn: d.earlier } }),
    categories: [['LABOUR', 1, '追索劳动报酬纠纷：拖欠工资']],
    data: (type, d) => {
      switch (type) {
        case 'ACCEPT_APPLICATION': return { mediatorId: d.ids.fq_mediator, workerPartyIds: ['P1'] };
        case 'RECORD_SESSION': return { heldOn: d.today, summary: '用人单位仅同意支付部分工资' };
        case 'FAIL': return { reason: 'NO_AGREEMENT', explanation: '双方对工资数额分歧较大' };
        case 'APPLY_ARBITRATION': return { commissionOrgId: 'org-labour-arbitration', applicantPartyIds: ['P1'], note: '调解不成，申请仲裁' };
        case 'SIGN_AGREEMENT': return { content: '用人单位于十五日内支付拖欠工资', signedPartyIds: ['P1', 'P2'], mediatorSigned: true, organisationSealed: true, effectiveOn: d.today, performanceDueOn: d.shift(15) };
        case 'RECORD_PERFORMED': return { performedOn: d.today };
        case 'CLOSE': return {};
        default: throw new Error(`no sample data for ${type}`);
      }
    },
    paths: [
      { name: 'received', weight: 10, steps: [] },
      { name: 'mediating', weight: 15, steps: [{ user: 'fq_director', type: 'ACCEPT_APPLICATION' }, 'RECORD_SESSION', 'RECORD_SESSION'] },
      // Most labour mediations that succeed end in an agreement the employer performs (贵州 2024: 79.7% success, spec §12).
      { name: 'agreed', weight: 30, steps: [{ user: 'fq_director', type: 'ACCEPT_APPLICATION' }, 'RECORD_SESSION', 'RECORD_SESSION', 'SIGN_AGREEMENT', 'RECORD_PERFORMED'] },
      // Route R12: mediation fails and the worker applies for arbitration, which accepts, serves and gives notice of the hearing.
      { name: 'arbitration', weight: 15, steps: [...LM_TO_LAB, LAB_HEARING_NOTICE] },
      // The hearing is held after its five days' notice; mediation at the hearing fails and the award is served.
      { name: 'awarded', weight: 30, steps: [...LM_TO_LAB, LAB_HEARING_NOTICE, { advance: 10 }, ...onLab(['HOLD_HEARING', 'MEDIATION_FAILED', 'AWARD', 'SERVE_AWARD'])] },
    ],
  },
  {
    workflow: 'xf',
    user: 'petition_officer',
    parties: () => [person('APPLICANT', PROTO.applicant, 0), organisation('RESPONDENT', '青溪区住房和城乡建设局')],
    open: () => ({ category: 'HOUSING_HOMESTEAD', regionCode: DISTRICT, source: 'APPLICATION', input: { channel: 'VISIT', groupVisit: false } }),
    categories: [['HOUSING_HOMESTEAD', 30, '老旧小区改造范围争议'], ['LAND_EXPROPRIATION_DEMOLITION', 30, '征地拆迁补偿诉求'], ['LABOUR', 20, '反映工程款拖欠农民工工资'], ['ENVIRONMENTAL', 20, '反映企业噪声扰民']],
    data: (type, d) => {
      switch (type) {
        case 'CLASSIFY': return { classification: 'REQUEST' };
        case 'ACCEPT': return { acceptedOn: d.today, notifiedOn: d.today };
        case 'ISSUE_OPINION': return { outcomes: ['NOT_SUPPORTED', 'EXPLAIN'], issuedOn: d.today, receivedOn: d.today };
        case 'START_MEDIATION': return { consentedPartyIds: ['P1', 'P2'], startedOn: d.today };
        case 'SETTLE': return { kind: 'RECONCILIATION', signedPartyIds: ['P1', 'P2'], signedOn: d.today };
        case 'EXTEND': return { days: 30, reason: '情况复杂，需会同住建、街道调查核实', approvedBy: '区信访局负责人', notifiedOn: d.today };
        case 'REQUEST_REVIEW': return { requestedOn: d.today, receivedOn: d.today, reviewBody: '青溪区人民政府', reviewRegionCode: DISTRICT };
        case 'ISSUE_REVIEW_OPINION': return { decision: 'UPHOLD', issuedOn: d.today, receivedOn: d.today };
        case 'RECORD_AFTERCARE': return { on: d.today, measure: 'EDUCATION' };
        default: throw new Error(`no sample data for ${type}`);
      }
    },
    paths: [
      { name: 'received', weight: 10, steps: [] },
      { name: 'handling', weight: 20, steps: ['CLASSIFY', 'ACCEPT', 'EXTEND'] },
      // 处理意见 issued; the thirty days to ask for a review pass (the worker fires them) and the opinion is final.
      { name: 'opinion', weight: 50, steps: ['CLASSIFY', 'ACCEPT', 'EXTEND', 'ISSUE_OPINION', { advance: 32 }] },
      // Settled by a reconciliation agreement while being handled (第三十三条).
      { name: 'settled', weight: 20, steps: ['CLASSIFY', 'ACCEPT', 'START_MEDIATION', 'SETTLE'] },
    ],
  },
  {
    workflow: 'ta',
    user: 'tp_officer',
    parties: () => [person('APPLICANT', PROTO.applicant, 0), person('RESPONDENT', PROTO.respondent, 1), organisation('RESPONDENT', '中国人民财产保险股份有限公司青溪支公司')],
    open: (d) => ({ category: 'ROAD_TRAFFIC', regionCode: DISTRICT, source: 'APPLICATION', input: { accidentOn: d.today, harm: 'INJURY', location: '青溪大道与枫桥路交叉口', insurerPartyIds: ['P3'] } }),
    categories: [['ROAD_TRAFFIC', 1, '机动车交通事故责任纠纷']],
    data: (type, d) => {
      const all = ['P1', 'P2', 'P3'];
      switch (type) {
        case 'ASSIGN_OFFICER': return { officerId: d.ids.tp_officer };
        case 'CHOOSE_SELF_NEGOTIATION': return { agreedPartyIds: all, evidenceFixed: true };
        case 'RECORD_SELF_SETTLEMENT': return { settledOn: d.today, content: '保险公司赔付修车费' };
        case 'MEDIATE_ON_SPOT': return { requestedPartyIds: all, sceneOn: d.today };
        case 'SIGN_ON_SPOT_AGREEMENT': return { signedOn: d.today, signedPartyIds: all, content: '保险公司赔付医疗费8000元' };
        case 'START_INVESTIGATION': return { procedure: 'GENERAL', sceneOn: d.today };
        case 'ISSUE_DETERMINATION': return { madeOn: d.today, kind: 'DETERMINATION', liability: [{ partyId: 'P2', share: 'MAIN' }, { partyId: 'P1', share: 'MINOR' }] };
        case 'SERVE_DETERMINATION': return { servedOn: d.today, servedPartyIds: all, rights: ['REVIEW', 'MEDIATION', 'LITIGATION'] };
        case 'RECORD_LOSS_FIXED': return { kind: 'TREATMENT_ENDED', fixedOn: d.today };
        case 'ORDER_APPRAISAL': return { orderedOn: d.today, institution: '青州明正司法鉴定所', matter: '伤残等级' };
        case 'RECORD_APPRAISAL': return { resultOn: d.today, institution: '青州明正司法鉴定所', disabilityGrade: 10 };
        case 'CALCULATE_COMPENSATION': return { medical: 40_000, deathDisability: 125_000, property: 5_000, liability: 'FULL', compulsoryInsured: true, commercialLimit: 1_000_000, excludedFromCommercial: 5_000 };
        case 'APPLY_PEOPLES_MEDIATION': return { mediationOrgId: 'org-traffic-mediation', appliedOn: d.today };
        case 'APPLY_CLAIM': return { claimedOn: d.today, insurerPartyId: 'P3', amount: 8_000 };
        case 'INSURER_PAID': return { paidOn: d.today, amount: 8_000, reference: `YJLP-${d.serial}` };
        case 'CLOSE': return { closedOn: d.today };
        default: throw new Error(`no sample data for ${type}`);
      }
    },
    paths: [
      // 快处快赔 (第十九条): a property-only accident the parties settle themselves, the insurer paying.
      { name: 'quickSettled', weight: 35, open: (d) => ({ category: 'ROAD_TRAFFIC', regionCode: DISTRICT, source: 'APPLICATION', input: { accidentOn: d.today, harm: 'PROPERTY_ONLY', location: '青溪大道', insurerPartyIds: ['P3'] } }), steps: ['ASSIGN_OFFICER', 'CHOOSE_SELF_NEGOTIATION', 'RECORD_SELF_SETTLEMENT'] },
      // 当场调解 of a slight injury on the parties' joint request (第二十五条), then 一键理赔 and closure.
      { name: 'onSpot', weight: 25, steps: ['ASSIGN_OFFICER', 'MEDIATE_ON_SPOT', 'SIGN_ON_SPOT_AGREEMENT', 'APPLY_CLAIM', 'INSURER_PAID', 'CLOSE'] },
      // The general procedure: investigation, determination served with the rights notice, the three days to ask for
      // 复核 pass (the worker fires them), treatment ends and the disability is appraised.
      { name: 'lossFixing', weight: 15, steps: [...TA_GENERAL, 'RECORD_LOSS_FIXED', 'ORDER_APPRAISAL'] },
      // 诉前人民调解 on the platform: the accident committee mediates the compensation the brigade calculated.
      { name: 'mediation', weight: 25, steps: [...TA_GENERAL, 'RECORD_LOSS_FIXED', 'ORDER_APPRAISAL', 'RECORD_APPRAISAL', 'CALCULATE_COMPENSATION', 'APPLY_PEOPLES_MEDIATION', ...pmReceived('jtw_mediator', 'jtw_mediator', ['SIGN_FOR', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'RECORD_SESSION'], ['P1', 'P2', 'P3'])] },
    ],
  },
  {
    workflow: 'zz',
    user: 'fq_dispatcher',
    open: () => ({ category: 'NEIGHBOUR', regionCode: FENGYUAN, source: 'APPLICATION', input: { intakeChannel: 'COUNTER' } }),
    categories: [['NEIGHBOUR', 40, '邻里纠纷'], ['HOUSING_HOMESTEAD', 25, '宅基地边界纠纷'], ['FOREST_LAND', 15, '山林权属纠纷'], ['VILLAGE_AFFAIRS', 20, '村务管理纠纷']],
    data: (type, d) => {
      switch (type) {
        case 'TRIAGE': return { classification: 'CIVIL', legalChannel: 'pm', riskLevel: 'YELLOW', assessment: '邻里矛盾，适宜人民调解' };
        case 'DISPATCH': return { channel: 'pm', receivingOrgId: 'org-fengqiao', reason: '适宜人民调解' };
        case 'RECORD_FOLLOW_UP': return { visitedOn: d.today, method: 'VISIT', satisfied: true, notes: '双方表示满意' };
        case 'SUPERVISE': throw new Error('SUPERVISE names the dispatched case: give its data with the step');
        case 'CLOSE': return { summary: '纠纷已化解，案结事了' };
        default: throw new Error(`no sample data for ${type}`);
      }
    },
    paths: [
      { name: 'received', weight: 10, steps: [] },
      // Route R1a: triaged and dispatched to the township's committee, which mediates.
      { name: 'supervising', weight: 40, steps: ['TRIAGE', 'DISPATCH', ...pmReceived('fq_mediator', 'fq_director', ['SIGN_FOR', 'ASSIGN_MEDIATOR', 'START_MEDIATION']), SUPERVISE] },
      // The committee's case ends; once the centre hears of it, it follows up and closes (案结事了).
      { name: 'closed', weight: 50, steps: ['TRIAGE', 'DISPATCH', ...pmReceived('fq_mediator', 'fq_director', ['SIGN_FOR', 'ASSIGN_MEDIATOR', 'START_MEDIATION']), SUPERVISE, ...pmReceived('fq_mediator', 'fq_director', ['WITHDRAW']), { type: 'RECORD_FOLLOW_UP', retry: true }, 'CLOSE'] },
    ],
  },
  {
    workflow: 'ps',
    user: 'police_officer',
    open: (d) => ({ category: 'NEIGHBOUR', regionCode: FENGYUAN, source: 'APPLICATION', input: { violation: 'MINOR_INJURY', acceptedOn: d.today, incident: '邻里争执中推搡' } }),
    categories: [['NEIGHBOUR', 60, '邻里争执推搡致轻微伤'], ['TORT_DAMAGES', 25, '酒后纠纷致轻微伤'], ['CONSUMER', 15, '消费纠纷引发争吵']],
    data: (type, d) => {
      switch (type) {
        case 'REVIEW_ELIGIBILITY': return { relationship: 'NEIGHBOURS', arisesFromCivilDispute: true, minorCircumstances: true, minorInvolved: false, facts: '邻居因琐事争执，一方推搡另一方致其手臂擦伤' };
        case 'FIND_ELIGIBLE': return { decidedOn: d.today, consentedPartyIds: ['P1', 'P2'], exclusions: [] };
        case 'FIRST_SESSION_FAILED': return { heldOn: d.today, secondSessionBasis: 'REQUESTED', summary: '双方对医疗费数额分歧较大' };
        case 'SIGN_AGREEMENT': return { signedOn: d.today, form: 'WRITTEN', content: '被申请人赔礼道歉并支付医疗费', signedPartyIds: ['P1', 'P2'], performanceDueOn: d.later };
        case 'RECORD_PERFORMANCE': return { performedOn: d.today, evidence: '医疗费收条' };
        case 'CLOSE_WITHOUT_PENALTY': return { closedOn: d.today };
        default: throw new Error(`no sample data for ${type}`);
      }
    },
    paths: [
      { name: 'accepted', weight: 15, steps: [] },
      { name: 'session', weight: 25, steps: ['REVIEW_ELIGIBILITY', 'FIND_ELIGIBLE'] },
      { name: 'closed', weight: 60, steps: ['REVIEW_ELIGIBILITY', 'FIND_ELIGIBLE', 'FIRST_SESSION_FAILED', 'SIGN_AGREEMENT', 'RECORD_PERFORMANCE', 'CLOSE_WITHOUT_PENALTY'] },
    ],
  },
  {
    workflow: 'rx',
    user: 'rx_officer',
    parties: () => [person('APPLICANT', PROTO.applicant, 0), organisation('RESPONDENT', '青溪区城市管理局')],
    open: (d) => ({ category: 'OTHER', regionCode: DISTRICT, source: 'APPLICATION', input: { actType: 'PENALTY', actRef: '青城管当罚〔2025〕0707号', respondentAgency: '青溪区城市管理局', actOn: d.earlier, knewOn: d.earlier, onTheSpot: true, penaltyKind: 'FINE', amount: 200 } }),
    categories: [['OTHER', 1, '不服行政处罚决定申请行政复议']],
    data: (type, d) => {
      switch (type) {
        case 'APPLY': return { appliedOn: d.today, channel: 'PENALISING_AGENCY', forwardingAgency: '青溪区城市管理局', agencyReceivedOn: d.today, receivedOn: d.today, requests: '撤销当场罚款决定', facts: '在菜市场门口被当场罚款200元', reasons: '未占道经营' };
        case 'ACCEPT': return { acceptedOn: d.today, procedure: 'SIMPLE' };
        case 'SERVE_COPY': return { servedOn: d.today };
        case 'RECORD_ANSWER': return { answeredOn: d.today, evidenceSubmitted: true };
        case 'DECIDE': return { decisionNo: `青府复〔${d.today.slice(0, 4)}〕${d.serial}号`, decisionType: 'UPHOLD', decidedOn: d.today };
        case 'SERVE_DECISION': return { servedOn: d.today };
        case 'RECORD_VIEWS': return { heardOn: d.today, mode: 'PHONE' };
        case 'START_MEDIATION': return { consentedPartyIds: ['P1', 'P2'] };
        case 'SIGN_MEDIATION_DOC': return { docNo: `青府复调〔${d.today.slice(0, 4)}〕${d.serial}号`, signedPartyIds: ['P1', 'P2'], organSealed: true };
        case 'WITHDRAW': return { withdrawnOn: d.today, afterSettlement: true, facts: '在菜市场门口被当场罚款200元', reasons: '未占道经营', voluntary: true };
        default: throw new Error(`no sample data for ${type}`);
      }
    },
    paths: [
      { name: 'applied', weight: 10, steps: ['APPLY'] },
      { name: 'examination', weight: 25, steps: ['APPLY', RX_OFFICER, 'ACCEPT', 'SERVE_COPY', 'RECORD_ANSWER', 'RECORD_VIEWS'] },
      // Withdrawn after the agency settles with the applicant (行政复议法 第七十四条).
      { name: 'withdrawn', weight: 15, steps: ['APPLY', RX_OFFICER, 'ACCEPT', 'SERVE_COPY', 'RECORD_ANSWER', 'RECORD_VIEWS', 'WITHDRAW'] },
      // 复议调解 (第七十三条): the organ mediates and both sides sign the mediation document.
      { name: 'mediated', weight: 15, steps: ['APPLY', RX_OFFICER, 'ACCEPT', 'SERVE_COPY', 'RECORD_ANSWER', 'RECORD_VIEWS', 'START_MEDIATION', 'SIGN_MEDIATION_DOC'] },
      { name: 'decided', weight: 35, steps: ['APPLY', RX_OFFICER, 'ACCEPT', 'SERVE_COPY', 'RECORD_ANSWER', 'RECORD_VIEWS', 'DECIDE', 'SERVE_DECISION'] },
    ],
  },
  {
    workflow: 'arb',
    user: 'ca_arbitrator',
    parties: () => [organisation('APPLICANT', '青溪华联机械有限公司'), person('RESPONDENT', PROTO.respondent, 1)],
    open: (d) => ({ category: 'CONTRACT', regionCode: DISTRICT, source: 'APPLICATION', input: { receivedOn: d.today } }),
    categories: [['CONTRACT', 70, '买卖合同纠纷：买方拖欠货款'], ['BUSINESS_OPERATION', 30, '合伙经营纠纷']],
    data: (type, d) => {
      switch (type) {
        case 'CHECK_AGREEMENT': return { checkedOn: d.today, agreementForm: 'CONTRACT_CLAUSE', intentToArbitrate: true, matterAgreed: true, commissionChosen: true, partiesHadCapacity: true, matterType: 'CONTRACT' };
        case 'ACCEPT': return { acceptedOn: d.today };
        case 'FORM_TRIBUNAL': return { formedOn: d.today, arbitratorId: d.ids.ca_arbitrator, tribunal: 'SOLE' };
        case 'HOLD_HEARING': return { heldOn: d.today, summary: '双方到庭，举证质证' };
        case 'AWARD': return { awardNo: `青仲裁字〔${d.today.slice(0, 4)}〕第${d.serial}号`, awardedOn: d.today, performanceDueOn: d.later };
        case 'SERVE_AWARD': return { servedOn: d.today };
        case 'MEDIATE': return {};
        case 'MEDIATION_FAILED': return {};
        case 'SIGN_MEDIATION_DOC': return { docNo: `青仲调字〔${d.today.slice(0, 4)}〕第${d.serial}号`, signedPartyIds: ['P1', 'P2'], performanceDueOn: d.later };
        case 'RECORD_PERFORMED': return { performedOn: d.today };
        default: throw new Error(`no sample data for ${type}`);
      }
    },
    paths: [
      { name: 'accepted', weight: 25, steps: ['CHECK_AGREEMENT', 'ACCEPT', 'FORM_TRIBUNAL'] },
      // 仲裁法 第五十一条: the tribunal mediates before the award; about three cases in ten end so (spec §12: 28%).
      { name: 'mediated', weight: 25, steps: ['CHECK_AGREEMENT', 'ACCEPT', 'FORM_TRIBUNAL', 'HOLD_HEARING', 'MEDIATE', 'SIGN_MEDIATION_DOC', 'RECORD_PERFORMED'] },
      { name: 'awarded', weight: 50, steps: ['CHECK_AGREEMENT', 'ACCEPT', 'FORM_TRIBUNAL', 'HOLD_HEARING', 'MEDIATE', 'MEDIATION_FAILED', 'AWARD', 'SERVE_AWARD'] },
    ],
  },
  {
    workflow: 'cm',
    user: 'cm_mediator',
    parties: () => [organisation('APPLICANT', '青溪华联机械有限公司'), person('RESPONDENT', PROTO.respondent, 1)],
    open: (d) => ({ category: 'CONTRACT', regionCode: DISTRICT, source: 'APPLICATION', input: { appliedOn: d.today } }),
    categories: [['CONTRACT', 70, '买卖合同纠纷：买方拖欠货款'], ['FINANCE', 30, '融资租赁合同纠纷']],
    data: (type, d) => {
      switch (type) {
        case 'ACCEPT': return { mediatorId: d.ids.cm_mediator, matterType: 'CONTRACT' };
        case 'SIGN_AGREEMENT': return { content: '被申请人于三个月内分期支付货款', signedPartyIds: ['P1', 'P2'], effectiveOn: d.today, performanceDueOn: d.later };
        case 'APPLY_JUDICIAL_CONFIRMATION': return { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' };
        case 'RECORD_PERFORMED': return { performedOn: d.today };
        case 'RECORD_SESSION': return { heldOn: d.today, summary: '双方到场，就分期付款方案协商' };
        case 'FAIL': return { reason: 'NO_AGREEMENT' };
        case 'CLOSE': return {};
        default: throw new Error(`no sample data for ${type}`);
      }
    },
    paths: [
      { name: 'mediating', weight: 25, steps: ['ACCEPT', 'RECORD_SESSION'] },
      { name: 'failed', weight: 15, steps: ['ACCEPT', 'RECORD_SESSION', 'RECORD_SESSION', 'FAIL'] },
      { name: 'agreed', weight: 40, steps: ['ACCEPT', 'RECORD_SESSION', 'RECORD_SESSION', 'SIGN_AGREEMENT', 'RECORD_PERFORMED'] },
      // Route R25: the agreement goes to the court for 司法确认.
      { name: 'confirmation', weight: 20, steps: ['ACCEPT', 'RECORD_SESSION', 'SIGN_AGREEMENT', 'APPLY_JUDICIAL_CONFIRMATION', ...confirmation('confirmed'), 'RECORD_PERFORMED'] },
    ],
  },
  {
    workflow: 'land',
    user: 'fy_mediator',
    parties: () => [person('APPLICANT', PROTO.applicant, 0), organisation('RESPONDENT', '青溪县枫源农业专业合作社')],
    open: (d) => ({ category: 'FOREST_LAND', regionCode: FENGYUAN, source: 'APPLICATION', input: { disputeKind: 'TRANSFER', knewOn: d.earlier } }),
    categories: [['FOREST_LAND', 1, '土地经营权出租纠纷：租金未付']],
    data: (type, d) => {
      switch (type) {
        case 'START_MEDIATION': return { startedOn: d.today };
        case 'FAIL_MEDIATION': return { endedOn: d.today };
        case 'APPLY_ARBITRATION': return { commissionOrgId: 'org-land-arbitration' };
        case 'SIGN_AGREEMENT': return { signedPartyIds: ['P1', 'P2'], signedOn: d.today, terms: '合作社于一个月内付清拖欠租金' };
        default: throw new Error(`no sample data for ${type}`);
      }
    },
    paths: [
      { name: 'mediating', weight: 25, steps: ['START_MEDIATION'] },
      { name: 'agreed', weight: 35, steps: ['START_MEDIATION', 'SIGN_AGREEMENT'] },
      // The village's mediation fails and the farmer applies to the land-contract arbitration commission, which accepts,
      // serves the respondent, forms the tribunal and gives notice of the hearing (农村土地承包经营纠纷调解仲裁法 第十八条至第三十条).
      { name: 'arbitration', weight: 20, steps: [...LAND_TO_ARBITRATION, ...onLand(['NOTICE_HEARING'])] },
      // Heard in the village, as both parties asked; the tribunal mediates and the parties sign its mediation document.
      { name: 'heard', weight: 20, steps: [...LAND_TO_ARBITRATION, ...onLand(['NOTICE_HEARING']), { advance: 8 }, ...onLand(['HOLD_HEARING', 'SIGN_MEDIATION_DOC'])] },
    ],
  },
];

/** A valid resident identity number (GB 11643 check character) for the prototypes' parties, distinct per `n`. */
function protoIdNumber(n) {
  const born = new Date(Date.UTC(1960, 0, 1) + n * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  return withCheck(`330199${born}${String(n % 1000).padStart(3, '0')}`);
}
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function withCheck(first17) {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

/**
 * Every prototype: its key (channel.path, with the organisation for 人民调解), who opens it and with what, the steps
 * after opening, and its weight among all disputes. The copies' mix follows the weights.
 */
function prototypes() {
  const out = [];
  const pmTotal = PATHS.reduce((s, p) => s + p.weight, 0);
  for (const m of MEDIATORS) {
    const perKind = MEDIATORS.filter((x) => x.kind === m.kind).length;
    for (const path of PATHS.filter((p) => !p.orgs || p.orgs.includes(m.orgId))) {
      // A path walked at some organisations of a kind only carries the kind's whole share of it.
      const perKindPath = path.orgs ? path.orgs.length : perKind;
      out.push({
        key: `pm.${path.name}.${m.orgId}`,
        workflow: 'pm',
        user: m.username,
        kind: m.kind,
        open: () => ({ category: 'NEIGHBOUR', regionCode: m.regionCode, source: 'APPLICATION' }),
        data: pmData,
        steps: path.steps,
        varySource: true,
        weight: (CHANNEL_SHARE.pm * KIND_SHARE[m.kind] * path.weight) / perKindPath / pmTotal,
      });
    }
  }
  for (const c of CHANNELS) {
    const total = c.paths.reduce((s, p) => s + p.weight, 0);
    for (const path of c.paths) out.push({ ...c, key: `${c.workflow}.${path.name}`, steps: path.steps, open: path.open ?? c.open, weight: (CHANNEL_SHARE[c.workflow] * path.weight) / total });
  }
  return out;
}

/** Engine time between two steps of a prototype: the copies spread the steps over days anyway. */
const STEP_MS = 20 * 60_000;
const DAY_MS = 86_400_000;
/** How long a prototype's walk takes in engine time: its steps, and the days its `advance` steps let pass. */
const spanOf = (proto) => (proto.steps.length + 2) * STEP_MS + proto.steps.reduce((s, raw) => s + (raw?.advance ?? 0) * DAY_MS, 0);

/**
 * Walks every prototype (or those whose key `only` accepts) over HTTP. `login(username)` gives a token.
 *
 * The engine runs on its manual clock (FENGQIAO_CLOCK=manual), so a prototype can let legal time pass (`advance`: a
 * notice period before a hearing, the review window after a traffic determination) and have the deadline worker fire
 * what fell due. Each prototype walks in a time slot of its own, every slot before the one of the prototype walked
 * before it: moving the clock on within a slot never reaches a deadline an earlier-walked prototype left pending, so
 * each one stays in the state its path ends in.
 */
async function createPrototypes(base, login, only = () => true) {
  const tokens = new Map();
  const token = async (username) => {
    if (!tokens.has(username)) tokens.set(username, await login(username));
    return tokens.get(username);
  };
  let now = Date.now();
  const setClock = async (ms) => {
    now = ms;
    await post(base, '/api/admin/clock', await token('admin'), { now: new Date(ms).toISOString() });
  };
  const ids = {};
  const idOf = async (username) => {
    if (!ids[username]) ids[username] = (await get(base, '/api/auth/me', await token(username))).id;
    return ids[username];
  };
  const made = [];
  let serial = 0;
  let slotEnd = Date.now() - DAY_MS;
  for (const proto of prototypes().filter((p) => only(p.key))) {
    serial++;
    for (const u of ['fy_mediator', 'lq_mediator', 'fq_mediator', 'qx_mediator', 'arbitrator', 'ca_arbitrator', 'cm_mediator', 'judge', 'jtw_mediator', 'tp_officer', 'land_arbitrator', 'rx_officer']) await idOf(u);
    // Slots start at 08:30 China time, so a walk stays within office days as far as its steps go.
    const slotStart = Math.floor((slotEnd - spanOf(proto) - DAY_MS + 8 * 3600_000) / DAY_MS) * DAY_MS + 30 * 60_000;
    slotEnd = slotStart;
    await setClock(slotStart);
    const mediator = MEDIATORS.find((m) => m.username === proto.user);
    const dates = () => {
      const today = new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
      const shift = (days) => new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
      return { today, soon: shift(3), later: shift(30), earlier: shift(-10), shift, serial: `样本${serial}`, ids, mediatorId: mediator ? ids[mediator.username] : undefined, orgId: mediator?.orgId, director: mediator?.director };
    };
    const parties = proto.parties ? proto.parties() : [person('APPLICANT', PROTO.applicant, 2 * serial), person('RESPONDENT', PROTO.respondent, 2 * serial + 1)];
    const opened = await post(base, '/api/cases', await token(proto.user), { workflow: proto.workflow, summary: `${PROTO.summary}·${proto.key}`, parties, ...proto.open(dates()) });
    let view = opened;
    try {
      for (const raw of proto.steps) {
        const step = typeof raw === 'string' ? { type: raw } : raw;
        if (step.advance !== undefined) {
          await setClock(now + step.advance * DAY_MS);
          if (step.fire !== false) await post(base, '/api/admin/deadlines/run', await token('admin'), {});
          view = await get(base, `/api/cases/${opened.id}`, await token(proto.user));
          continue;
        }
        if (step.wait !== undefined) {
          if (step.wait) await waitForState(base, await token(proto.user), opened.id, step.wait);
          view = await get(base, `/api/cases/${opened.id}`, await token(proto.user));
          continue;
        }
        await setClock(now + STEP_MS);
        const d = dates();
        const caseId = step.on ? linked(view, step.on) : opened.id;
        const data = typeof step.data === 'function' ? step.data(d, view) : step.data ?? proto.data(step.type, d);
        const user = typeof step.user === 'function' ? step.user(d) : step.user ?? proto.user;
        const send = async () => post(base, `/api/cases/${caseId}/events`, await token(user), { type: step.type, data });
        const after = step.retry ? await retry(send) : await send();
        if (!step.on) view = after;
        else view = await get(base, `/api/cases/${opened.id}`, await token(proto.user));
      }
    } catch (error) {
      throw new Error(`prototype ${proto.key}: ${error.message}`);
    }
    made.push({ caseId: opened.id, key: proto.key });
  }
  await setClock(Date.now());
  return made;
}

function linked(view, workflowId) {
  const link = (view.links ?? []).find((l) => l.workflowId === workflowId && l.direction !== 'FROM');
  if (!link) throw new Error(`case ${view.id} has no linked ${workflowId} case`);
  return link.caseId;
}

/** Retries a step the engine refuses until an outcome another case reports has arrived (through the outbox). */
async function retry(send) {
  for (let i = 0; ; i++) {
    try {
      return await send();
    } catch (error) {
      if (i >= 120 || !/: 409 /.test(error.message)) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function waitForState(base, token, caseId, state) {
  for (let i = 0; i < 240; i++) {
    if ((await get(base, `/api/cases/${caseId}`, token)).state === state) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`case ${caseId} did not reach ${state}`);
}

module.exports = { createPrototypes, prototypes, PROTO, withCheck };
