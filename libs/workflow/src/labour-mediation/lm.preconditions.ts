import type { Precondition } from '../definition';
import { everyParty, notInFuture, withinDeadline } from '../building-blocks';
import type { LmContext } from './lm.context';

const LAW = '劳动争议调解仲裁法';

/** The states an application for arbitration can be made from (lm.machine.ts). */
export const APPLICATION_STATES: readonly string[] = ['applied', 'mediating', 'failed', 'notPerformed'];

export const lmPreconditions: Record<string, Precondition<LmContext>> = {
  agreementSignedAndSealed: {
    check: (context, event) => {
      const signed = event.data.signedPartyIds;
      return (
        Array.isArray(signed) &&
        context.partyIds.every((id) => signed.includes(id)) &&
        event.data.mediatorSigned === true &&
        event.data.organisationSealed === true
      );
    },
    message: '调解协议书由双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效',
    messageEn: 'The agreement binds once both parties signed or sealed it, the mediator signed it and the organisation sealed it',
    legalBasis: `${LAW} 第十四条`,
  },
  effectiveNotInFuture: notInFuture('effectiveOn', '协议生效日期'),
  arbitrationOpen: {
    check: (context, event) => {
      const due = event.deadlines['D-LB1'];
      return context.failed || context.notPerformed || context.periodElapsed || (typeof due === 'string' && event.today > due);
    },
    message: '调解不成、自调解组织收到调解申请之日起十五日内未达成调解协议，或达成协议后一方在约定期限内不履行的，当事人方可申请仲裁',
    messageEn: 'Arbitration is open once mediation failed, 15 days passed without agreement, or the agreement was not performed',
    legalBasis: `${LAW} 第十四条、第十五条`,
  },
  jointReviewApplication: everyParty(
    'applicantPartyIds',
    '仲裁审查须由双方当事人共同申请',
    'Arbitral review of the agreement needs a joint application by both parties',
    '劳动人事争议仲裁办案规则 第七十四条',
  ),
  withinReviewWindow: withinDeadline(
    'D-LB2',
    '须自调解协议生效之日起十五日内共同申请仲裁审查，期限已过',
    'The joint application for arbitral review must be made within 15 days of the agreement taking effect',
    '劳动人事争议仲裁办案规则 第七十四条',
  ),
  performanceOverdue: {
    check: (context, event) => !context.performanceDueOn || event.today > context.performanceDueOn,
    message: '协议约定的履行期限尚未届满',
    messageEn: 'The agreed term for performance has not ended',
    legalBasis: `${LAW} 第十五条`,
  },
  performedNotInFuture: notInFuture('performedOn', '履行日期'),
  // A branch precondition: each transition of ARBITRATION_RETURNED adds guard params naming its state.
  returnsWhereApplied: {
    check: (context) => typeof context.arbitrationFrom === 'string' && APPLICATION_STATES.includes(context.arbitrationFrom),
    message: '仲裁委员会退回的，回到申请仲裁前的阶段；本案未记录申请前的阶段',
    messageEn: 'A returned application goes back to the stage it was made from, which is not recorded',
    legalBasis: `${LAW} 第十四条、第十五条`,
  },
};
