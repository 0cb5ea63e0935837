import { decide } from '../decide';
import type { WorkflowEvent } from '../definition';
import { expectPreconditionRefusal } from '../testing/negative-matrix';
import type { CtContext } from './ct.context';
import { courtCase as ct } from './ct.workflow';

/*
 * R7(b): a valid written arbitration agreement bars the suit when the defendant raises it before the first hearing
 * (仲裁法 第五条、第二十六条; 民事诉讼法 第一百二十七条第二项; 民诉解释 第二百一十六条). One case that passes and the
 * refusals, each with its article; the court keeps the case where it was when the objection fails.
 */

const PARTIES = ['p1', 'p2'];
const TODAY = '2026-06-05';
const OPENED: CtContext = ct.initialContext({ partyIds: PARTIES, openedOn: '2026-06-01', input: { receivedOn: '2026-06-01', procedure: 'SIMPLE' }, category: 'CONTRACT' });
const REGISTERED: CtContext = { ...OPENED, docketNo: '（2026）青溪0101民初601号', registeredOn: '2026-06-02', procedure: 'SIMPLE', simpleTrialFrom: '2026-06-02' };
const IN_TRIAL: CtContext = { ...REGISTERED, feeNoticeReceivedOn: '2026-06-03', feePaidOn: '2026-06-04' };
const REMANDED: CtContext = { ...IN_TRIAL, procedure: 'ORDINARY', simpleTrialFrom: undefined, ordinaryTrialFrom: '2026-06-04', remandedOn: '2026-06-04' };

const VALID = { objectedOn: TODAY, agreementForm: 'CONTRACT_CLAUSE', agreementValid: true, ruledOn: TODAY, rulingNo: '（2026）青溪0101民初601号之一' };
const event = (data: Record<string, unknown> = VALID): WorkflowEvent => ({
  type: 'DISMISS_FOR_ARBITRATION_AGREEMENT',
  data,
  at: `${TODAY}T02:00:00.000Z`,
  today: TODAY,
  deadlines: {},
  actor: { id: 'u-judge', role: 'JUDGE' },
});

const FIRST_HEARING = '仲裁法 第二十六条；最高人民法院关于适用《中华人民共和国民事诉讼法》的解释 第二百一十六条';
const WRITTEN_VALID = '仲裁法 第五条、第十六条、第十七条；民事诉讼法 第一百二十七条第二项';
const legalIn = (state: string, context: CtContext) => {
  const d = decide(ct, { value: state, context }, { ...event(), type: 'NO_SUCH_EVENT' });
  return d.allowed ? [] : d.allowedEvents;
};

describe('court case (ct): a valid written arbitration agreement raised before the first hearing (R7(b))', () => {
  it('dismisses the suit on a written clause the defendant raised before any hearing, and tells the sender', () => {
    expect(decide(ct, { value: 'registered', context: REGISTERED }, event())).toMatchObject({
      allowed: true,
      to: 'dismissedForArbitration',
      final: true,
      effects: [{ type: 'report', params: { outcome: 'DISMISSED' } }],
      context: { closedOn: TODAY },
    });
    // Raised the day before the first hearing is still before it.
    expect(decide(ct, { value: 'trial.simple', context: IN_TRIAL }, event({ ...VALID, firstHearingOn: '2026-06-06' }))).toMatchObject({ allowed: true, to: 'dismissedForArbitration' });
    expect(decide(ct, { value: 'trial.simple', context: IN_TRIAL }, event({ ...VALID, agreementForm: 'SEPARATE_AGREEMENT' }))).toMatchObject({ allowed: true });
  });

  it('refuses an objection raised on or after the first hearing: the agreement is waived and the court goes on (仲裁法 第二十六条)', () => {
    expectPreconditionRefusal(ct, 'trial.simple', IN_TRIAL, event({ ...VALID, firstHearingOn: '2026-06-05' }), [['objectedBeforeFirstHearing', FIRST_HEARING]], legalIn('trial.simple', IN_TRIAL));
    expectPreconditionRefusal(ct, 'registered', REGISTERED, event({ ...VALID, firstHearingOn: '2026-06-03' }), [['objectedBeforeFirstHearing', FIRST_HEARING]], legalIn('registered', REGISTERED));
  });

  it('refuses it in a remanded case, whose first hearing is past whatever is entered', () => {
    expectPreconditionRefusal(ct, 'trial.ordinary', REMANDED, event(), [['objectedBeforeFirstHearing', FIRST_HEARING]], legalIn('trial.ordinary', REMANDED));
  });

  it('refuses it on an oral or void agreement, which does not bar the court (民事诉讼法 第一百二十七条第二项)', () => {
    expectPreconditionRefusal(ct, 'registered', REGISTERED, event({ ...VALID, agreementForm: 'ORAL' }), [['validWrittenArbitrationAgreement', WRITTEN_VALID]], legalIn('registered', REGISTERED));
    expectPreconditionRefusal(ct, 'registered', REGISTERED, event({ ...VALID, agreementValid: false }), [['validWrittenArbitrationAgreement', WRITTEN_VALID]], legalIn('registered', REGISTERED));
  });

  it('refuses a ruling dated tomorrow, and names every failing condition at once', () => {
    expectPreconditionRefusal(ct, 'registered', REGISTERED, event({ ...VALID, ruledOn: '2026-06-06' }), [['dismissalNotInFuture', undefined]], legalIn('registered', REGISTERED));
    expectPreconditionRefusal(
      ct,
      'registered',
      REGISTERED,
      event({ ...VALID, agreementForm: 'ORAL', firstHearingOn: '2026-06-04' }),
      [
        ['objectedBeforeFirstHearing', FIRST_HEARING],
        ['validWrittenArbitrationAgreement', WRITTEN_VALID],
      ],
      legalIn('registered', REGISTERED),
    );
  });

  it('is not open while a mediation organisation holds the case, before registration or after judgment', () => {
    for (const state of ['complaintSubmitted', 'entrusted.mediating', 'agreed', 'judgmentServed', 'appealWindow', 'final']) {
      expect({ state, allowed: decide(ct, { value: state, context: IN_TRIAL }, event()).allowed }).toEqual({ state, allowed: false });
    }
  });
});
