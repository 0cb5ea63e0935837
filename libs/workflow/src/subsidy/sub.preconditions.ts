import type { Precondition } from '../definition';
import type { SubContext } from './sub.context';

/** The states a suspension for suspected fraud may interrupt and returns to (平湖 rule: all current claims of the mediator). */
export const SUSPENDABLE = ['eligible', 'drafted', 'returned', 'orgReview', 'stationReview', 'bureauReview', 'spotCheck', 'awaitingFunds', 'approved', 'paid', 'published'] as const;

export const subPreconditions: Record<string, Precondition<SubContext>> = {
  spotCheckCleared: {
    check: (context) => !context.spotCheckPending,
    message: '抽查回访尚未完成，不能审定',
    messageEn: 'The claim was picked for a spot check and its call-back is not recorded yet',
  },
  callBackConfirmed: {
    check: (_context, event) => event.data.result === 'CONFIRMED',
    message: '回访中当事人确认调解属实的，回到评查审定；否则暂停该申请',
    messageEn: 'A confirmed call-back returns the claim to the bureau’s review; a denied one suspends it',
  },
  resumesWhereSuspended: {
    check: (context) => typeof context.suspendedIn === 'string' && (SUSPENDABLE as readonly string[]).includes(context.suspendedIn),
    message: '解除暂停的，回到暂停前的环节；本申请未记录暂停前的环节',
    messageEn: 'Lifting a suspension returns the claim to the stage it was suspended in, which is not recorded',
  },
};
