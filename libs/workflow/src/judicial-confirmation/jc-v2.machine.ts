import { and, assign, setup } from 'xstate';
import type { StateMeta, WorkflowEvent } from '../definition';
import { engineEffects, guardsFrom } from '../building-blocks';
import type { JcV2Context } from './jc-v2.context';
import { jcV2Preconditions } from './jc-v2.preconditions';
import { jcMachine } from './jc.machine';

/*
 * Version 2 of 司法确认 is version 1's machine with the objection stage completed from 民诉解释 第三百七十二条: besides
 * the parties' 15 days from service (D-JC4), an interested person (利害关系人) may object within six months of knowing,
 * or having to know, of the harm (D-JC5), and the court may change the ruling as well as revoke it or reject the
 * objection. Every other state is version 1's, unchanged and with the same id, so a case moves between them 1:1.
 */

const v1 = jcMachine.config;
const v1States = v1.states!;
const meta = (m: StateMeta) => m;

/** The court's answer to an objection: back into the parties' window while it still runs, otherwise enforceable. */
const afterObjection = [
  { target: 'objectionWindow', guard: 'partiesWindowStillOpen', actions: 'clearPartiesWindow' },
  { target: 'enforceable', actions: 'clearPartiesWindow' },
] as const;

/** D-JC5: an interested person's objection, within six months of knowing of the harm, opens a review. */
const interestedPersonObjection = { target: 'objectionReview', guard: and(['knewOfHarmNotInFuture', 'interestedPersonInTime']) } as const;

const enforcementPeriod = (v1States.enforceable.meta as StateMeta).deadlines!.find((d) => d.id === 'D-EX1')!;

export const jcV2Machine = setup({
  types: {} as { context: JcV2Context; events: WorkflowEvent; input: JcV2Context },
  guards: guardsFrom(jcV2Preconditions),
  actions: {
    // Version 1's own actions (recordRegistration, recordService, …), which its states below still name.
    ...(jcMachine.implementations.actions as object),
    ...engineEffects,
    // The parties' window is still running when an interested person objects inside it: remember its last day.
    keepPartiesWindow: assign({ partiesObjectionDueOn: ({ event }) => event.deadlines['D-JC4'] }),
    clearPartiesWindow: assign({ partiesObjectionDueOn: undefined }),
  },
}).createMachine({
  id: v1.id,
  initial: String(v1.initial),
  context: ({ input }) => input,
  states: {
    // Version 1's states as they are, checked against v1's setup; the guards and actions they name are provided above.
    ...(v1States as object),
    objectionWindow: {
      description: '当事人自收到裁定之日起十五日内可提出异议；利害关系人自知道或者应当知道其民事权益受到侵害之日起六个月内可提出异议。',
      meta: v1States.objectionWindow.meta,
      on: {
        ...v1States.objectionWindow.on,
        FILE_INTERESTED_PERSON_OBJECTION: { ...interestedPersonObjection, actions: 'keepPartiesWindow' },
      },
    },
    objectionReview: {
      description: '法院审查异议：异议成立的撤销或者改变原裁定，不成立的裁定驳回。利害关系人的异议审查期间，当事人异议期未届满的，当事人仍可提出异议，一并审查。',
      meta: v1States.objectionReview.meta,
      on: {
        ...v1States.objectionReview.on,
        REJECT_OBJECTION: afterObjection,
        AMEND_RULING: afterObjection,
        // A party's objection joins the one under review; its window is then used, so a rejection ends in enforceable.
        FILE_OBJECTION: { guard: 'partiesWithinFifteenDays', actions: 'clearPartiesWindow' },
      },
    },
    enforceable: {
      description: '裁定生效；一方拒绝履行或未全部履行的，对方可申请强制执行（期间二年）。利害关系人仍可在六个月内提出异议。',
      meta: meta({
        ...(v1States.enforceable.meta as StateMeta),
        // An interested person's objection does not by itself stop the enforcement period, which is suspended or
        // interrupted only as limitation is (民事诉讼法 第二百五十条): it runs on through the review.
        deadlines: [{ ...enforcementPeriod, runsThrough: ['objectionReview'] }],
      }),
      on: {
        ...v1States.enforceable.on,
        FILE_INTERESTED_PERSON_OBJECTION: interestedPersonObjection,
      },
    },
  },
});
