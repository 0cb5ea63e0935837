import type { EventSpec } from '../definition';
import type { JsonSchema } from '../json-schema';
import { dateField, enumField, objectSchema, textField } from '../building-blocks';

const LAW = '人民调解法 第六条、第十六条；财政部 司法部《关于进一步加强人民调解工作经费保障的意见》（财行〔2007〕179号）';
export const REVIEWERS = ['COMMITTEE_DIRECTOR', 'JUSTICE_STATION_OFFICER', 'AUDITOR'] as const;

/** A tier code of the region's tariff (SIMPLE, ORDINARY, …): the tariff, not the machine, says which exist. */
const tierField: JsonSchema = { type: 'string', title: '补贴档次', pattern: '^[A-Z][A-Z0-9_]{1,29}$' };
const money = (title: string): JsonSchema => ({ type: 'string', title, pattern: '^(0|[1-9][0-9]{0,8})\\.[0-9]{2}$' });
const opinion = textField('审核意见', 1000);

export const REJECT_REASONS = {
  DUPLICATE: '同一纠纷重复申报（只能按一件补贴）',
  INELIGIBLE: '不符合补贴条件',
  DEFECTIVE_FILE: '卷宗不规范或材料不全',
  FALSE_FILE: '虚假卷宗',
  INFLATED_TIER: '虚报案件等级',
  OTHER: '其他',
};
export const SPOT_CHECK_REASONS = { RANDOM: '随机抽取', RISK: '风险抽取（重大案件或疑点）' };
export const CALL_BACK_RESULTS = { CONFIRMED: '当事人确认调解属实', DENIED: '当事人称未经调解或情况不符' };

export const subEvents: Record<string, EventSpec> = {
  DRAFT: {
    label: '填报补贴申请',
    labelEn: 'Draft the claim',
    roles: ['MEDIATOR'],
    schema: objectSchema({ tier: tierField, note: textField('申报说明', 1000) }, ['tier']),
    legalBasis: LAW,
  },
  SUBMIT: {
    label: '提交申报',
    labelEn: 'Submit the claim to the committee',
    roles: ['MEDIATOR'],
    schema: objectSchema({ note: textField('说明', 1000) }),
    legalBasis: LAW,
  },
  ORG_APPROVE: {
    label: '调委会初审通过',
    labelEn: 'Committee first review passed',
    roles: ['COMMITTEE_DIRECTOR'],
    schema: objectSchema({ opinion }),
    legalBasis: LAW,
  },
  STATION_APPROVE: {
    label: '司法所复核通过',
    labelEn: 'Justice office review passed',
    roles: ['JUSTICE_STATION_OFFICER'],
    schema: objectSchema({ opinion }),
    legalBasis: LAW,
  },
  SELECT_FOR_SPOT_CHECK: {
    label: '抽中抽查回访',
    labelEn: 'Picked for a spot check',
    roles: ['SYSTEM'],
    schema: objectSchema({ spotCheckId: textField('抽查批次', 64), reason: enumField('抽取方式', SPOT_CHECK_REASONS) }, ['spotCheckId', 'reason']),
  },
  RECORD_CALL_BACK: {
    label: '记录回访核实结果',
    labelEn: 'Record the call-back',
    roles: ['AUDITOR'],
    schema: objectSchema(
      { calledOn: dateField('回访日期'), result: enumField('回访结果', CALL_BACK_RESULTS), note: textField('回访情况', 1000) },
      ['calledOn', 'result', 'note'],
    ),
    preconditions: ['callBackConfirmed'],
  },
  BUREAU_APPROVE: {
    label: '司法局评查审定',
    labelEn: 'Bureau approval',
    roles: ['AUDITOR'],
    schema: objectSchema({ tier: tierField, opinion }, ['tier']),
    legalBasis: LAW,
    preconditions: ['spotCheckCleared'],
  },
  FUNDS_COMMITTED: {
    label: '补贴资金已核定',
    labelEn: 'Funds committed from the budget',
    roles: ['SYSTEM'],
    schema: objectSchema(
      { tier: tierField, amount: money('补贴金额（元）'), fundingSource: textField('资金来源', 100), tariffVersion: textField('补贴标准版本', 100), budgetYear: { type: 'integer', title: '预算年度' } },
      ['tier', 'amount', 'fundingSource', 'tariffVersion', 'budgetYear'],
    ),
  },
  PAY: {
    label: '财政支付',
    labelEn: 'Record the payment',
    roles: ['AUDITOR'],
    schema: objectSchema({ paidOn: dateField('支付日期'), voucherNo: textField('支付凭证号', 100) }, ['paidOn', 'voucherNo']),
  },
  PUBLISH: {
    label: '公示',
    labelEn: 'Publish',
    roles: ['AUDITOR'],
    schema: objectSchema({ publishedOn: dateField('公示日期'), batchNo: textField('公示批次', 100) }, ['publishedOn', 'batchNo']),
  },
  RETURN_FOR_CORRECTION: {
    label: '退回补正',
    labelEn: 'Return for correction',
    roles: [...REVIEWERS],
    schema: objectSchema({ reason: textField('退回理由', 1000) }, ['reason']),
  },
  RESUBMIT: {
    label: '补正后重新申报',
    labelEn: 'Resubmit after correction',
    roles: ['MEDIATOR'],
    schema: objectSchema({ tier: tierField, note: textField('补正说明', 1000) }, ['note']),
  },
  REJECT: {
    label: '不予补贴',
    labelEn: 'Reject',
    roles: [...REVIEWERS],
    schema: objectSchema({ reason: enumField('不予补贴理由', REJECT_REASONS), note: textField('说明', 1000) }, ['reason']),
  },
  SUSPEND_FOR_FRAUD: {
    label: '涉嫌虚报冒领暂停',
    labelEn: 'Suspend for suspected fraud',
    roles: ['AUDITOR'],
    schema: objectSchema({ reason: textField('暂停理由', 1000), relatedClaimId: textField('引发暂停的申请', 64) }, ['reason']),
  },
  LIFT_SUSPENSION: {
    label: '解除暂停',
    labelEn: 'Lift the suspension',
    roles: ['AUDITOR'],
    schema: objectSchema({ note: textField('核查结论', 1000) }, ['note']),
    preconditions: ['resumesWhereSuspended'],
  },
  CLAW_BACK: {
    label: '追回补贴',
    labelEn: 'Claw back',
    roles: ['AUDITOR'],
    schema: objectSchema(
      { recoveredAmount: money('追回金额（元）'), note: textField('查处情况', 1000), discipline: textField('追责处理', 1000) },
      ['recoveredAmount', 'note'],
    ),
  },
};
