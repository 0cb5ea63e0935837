import type { Precondition, WorkflowEvent } from '../definition';
import { everyParty, notInFuture, withinDeadline } from '../building-blocks';
import type { PsContext } from './ps.context';
import { GAXZ, ZAF } from './ps.events';

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

export const psPreconditions: Record<string, Precondition<PsContext>> = {
  mediableViolation: {
    check: (context) => context.violation !== 'OTHER' && context.minorCircumstances === true,
    message: '只有因民间纠纷引起的殴打他人、故意伤害、侮辱、诽谤、诬告陷害、故意损毁财物、干扰他人正常生活、侵犯隐私、非法侵入住宅等违反治安管理行为，情节较轻的，才可以调解处理',
    messageEn: 'Only the listed minor violations (assault, minor injury, insult, damage to property, intrusion …) can be mediated',
    legalBasis: `${ZAF} 第九条；${GAXZ} 第一百七十八条`,
  },
  civilDisputeBetweenKnownParties: {
    check: (context) => context.arisesFromCivilDispute === true && context.relationship !== undefined && context.relationship !== 'STRANGERS',
    message: '治安调解限于亲友、邻里、同事、同学等相识的人之间因民间纠纷引起的案件',
    messageEn: 'Police mediation is for violations arising from a civil dispute between people who know each other (neighbours, family, colleagues …)',
    legalBasis: `${GAXZ} 第一百七十八条`,
  },
  bothPartiesConsent: everyParty('consentedPartyIds', '调解处理须经双方当事人同意', 'Both parties must agree to mediation', `${GAXZ} 第一百七十八条`),
  noExclusionApplies: {
    check: (_context, event) => !Array.isArray(event.data.exclusions) || event.data.exclusions.length === 0,
    message: '雇凶伤害、结伙斗殴、多次违法、当事人明确不愿调解、调解中又实施违法行为或者违法嫌疑人逃跑的，不适用调解处理',
    messageEn: 'The case falls under an exclusion (hired assault, gang fight, repeat violations, refusal, renewed violence, flight …): no mediation',
    legalBasis: `${GAXZ} 第一百七十九条`,
  },
  guardiansPresentForMinors: {
    check: (context, event) => context.minorInvolved !== true || event.data.guardiansNotified === true,
    message: '当事人中有未成年人的，调解时应当通知其父母或者其他监护人到场',
    messageEn: 'A minor is a party: the parents or other guardians must be notified to attend',
    legalBasis: `${GAXZ} 第一百八十一条`,
  },
  decidedNotInFuture: notInFuture('decidedOn', '决定日期'),
  everyPartySigned: everyParty('signedPartyIds', '调解协议书须由双方当事人签名', 'Every party must sign the agreement', `${GAXZ} 第一百八十四条`),
  onTheSpotRecorded: {
    check: (_context, event) => event.data.form !== 'ON_THE_SPOT' || filled(event.data.recordingRef),
    message: '当场调解的，应当全程录音录像，并记录录音录像编号',
    messageEn: 'An on-the-spot mediation is recorded on video: give the recording reference',
    legalBasis: `${GAXZ} 第一百七十八条`,
  },
  singleOfficerRecorded: {
    check: (context, event) => context.regime !== 'ZAF2025' || event.data.singleOfficer !== true || filled(event.data.recordingRef),
    message: '在执法办案场所由一名人民警察调解的，应当全程同步录音录像',
    messageEn: 'A mediation by one officer alone must be recorded on audio and video throughout',
    legalBasis: `${ZAF}（2025年修订） 第一百零八条`,
  },
  signedNotInFuture: notInFuture('signedOn', '签订日期'),
  // Only a second session has a window: an agreement at the first session is the first session.
  withinSecondSessionWindow: ((window) => ({ ...window, check: (context: PsContext, event: WorkflowEvent) => !context.session1On || window.check(context, event) }))(
    withinDeadline('D-PS1', '再次调解应当在第一次调解后七个工作日内完成', 'The second session must be completed within 7 working days of the first', `${GAXZ} 第一百八十三条`),
  ),
  heldNotInFuture: notInFuture('heldOn', '调解日期'),
  endedNotInFuture: notInFuture('endedOn', '终止日期'),
  performedNotInFuture: notInFuture('performedOn', '履行日期'),
  performancePeriodOver: {
    check: (context, event) => !context.performanceDueOn || event.today > context.performanceDueOn,
    message: '协议约定的履行期限尚未届满，不能认定为不履行',
    messageEn: 'The agreed time to perform has not passed yet',
    legalBasis: `${GAXZ} 第一百八十五条`,
  },
  recordedNotInFuture: notInFuture('recordedOn', '确认日期'),
  civilRouteNoticeGiven: {
    // A case that was never mediated (不适用调解) has no failed mediation to tell the parties about.
    check: (context) => context.failure === undefined || context.civilRouteNotice !== undefined,
    message: '经调解未达成协议或者达成协议后不履行的，处理时应当告知当事人可以就民事争议依法向人民法院提起民事诉讼',
    messageEn: 'Before the penalty, tell the parties they can take the civil dispute to court',
    legalBasis: `${ZAF} 第九条；${GAXZ} 第一百八十五条`,
  },
  decisionNotInFuture: notInFuture('decidedOn', '决定日期'),
  everyPartyRequested: everyParty('requestedPartyIds', '人民调解或者自行和解须由双方当事人选择', 'Both parties must choose people’s mediation or settlement', `${GAXZ} 第一百八十六条`),
  referredNotInFuture: notInFuture('referredOn', '移交日期'),
  everyPartyApplied: everyParty('applicantPartyIds', '不予处罚须由双方当事人书面申请', 'Both parties must apply in writing', `${GAXZ} 第一百八十六条`),
  agreementPerformedBeforeApplication: {
    check: (_context, event) => event.data.agreementPerformed === true,
    message: '达成协议并履行后，双方当事人书面申请并经公安机关认可的，才不予处罚',
    messageEn: 'No penalty only once the agreement has been performed',
    legalBasis: `${GAXZ} 第一百八十六条`,
  },
  pmAgreementReported: {
    check: (context) => context.referral?.kind !== 'PEOPLES_MEDIATION' || context.pmAgreedOn !== undefined,
    message: '人民调解组织尚未报告达成调解协议',
    messageEn: 'The people’s mediation organisation has not reported an agreement',
    legalBasis: `${GAXZ} 第一百八十六条`,
  },
  approvedNotInFuture: notInFuture('approvedOn', '认可日期'),
};
