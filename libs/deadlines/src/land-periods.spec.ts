import { BUNDLED_HOLIDAYS, LegalCalendar } from '@app/calendar';
import { ruralLand } from '@app/workflow';
import { DeadlinePlanner } from './deadline-planner';

/*
 * The periods of 农村土地承包经营纠纷调解仲裁法 as the legal calendar computes them from the land channel's own deadline
 * declarations: "五个工作日", "二个工作日", "三个工作日" (第二十三条、第二十四条、第二十七条、第三十一条、第四十五条) skip rest days and
 * statutory holidays and count the make-up working days (调休); the 10, 60 and 30 days are calendar days that roll
 * forward when they end on a rest day.
 */

const planner = new DeadlinePlanner(() => new LegalCalendar(BUNDLED_HOLIDAYS));
const now = new Date('2025-03-18T02:00:00Z');

/** The due date of deadline `id`, declared on `state`, with its anchor field set to `anchorOn`. */
function dueOn(state: string, id: string, anchorOn: string): string {
  const field = {
    'D-RL2': 'receivedOn',
    'D-RL3': 'acceptedOn',
    'D-RL7': 'acceptedOn',
    'D-RL4': 'respondentServedOn',
    'D-RL5': 'tribunalFormedOn',
    'D-RL6': 'hearingNoticedOn',
    'D-RL9': 'awardedOn',
    'D-RL10': 'awardReceivedOn',
    'D-RL11': 'rightsDecisionReceivedOn',
  }[id]!;
  const planned = planner.plan({ def: ruralLand, state, nodes: [state], context: { [field]: anchorOn }, caseId: 'c1', orgId: 'o1', enteredOn: anchorOn, now });
  return planned.find((d) => d.specId === id)!.dueOn;
}

describe('land-contract arbitration periods on the legal calendar', () => {
  it('S8 (2025): notice by 03-25, service by 03-27, award by 05-19, answer by 04-03, composition by 04-02, hearing notice ≥ 5 W, award served by 05-20, suit by 06-16', () => {
    expect(dueOn('arb.applied', 'D-RL2', '2025-03-18')).toBe('2025-03-25');
    expect(dueOn('arb.accepted', 'D-RL3', '2025-03-20')).toBe('2025-03-27');
    expect(dueOn('arb.accepted', 'D-RL7', '2025-03-20')).toBe('2025-05-19');
    expect(dueOn('arb.served', 'D-RL4', '2025-03-24')).toBe('2025-04-03');
    expect(dueOn('arb.tribunalFormed', 'D-RL5', '2025-03-31')).toBe('2025-04-02');
    // Noticed by 2025-04-11, the hearing of 2025-04-18 keeps five working days; noticed 04-14 it would have to wait to 04-21.
    expect(dueOn('arb.hearingNoticed', 'D-RL6', '2025-04-11')).toBe('2025-04-18');
    expect(dueOn('arb.hearingNoticed', 'D-RL6', '2025-04-14')).toBe('2025-04-21');
    expect(dueOn('arb.awarded', 'D-RL9', '2025-05-15')).toBe('2025-05-20');
    // The 30th day, 2025-06-15, is a Sunday.
    expect(dueOn('post.suitWindow', 'D-RL10', '2025-05-16')).toBe('2025-06-16');
  });

  it('2026 Spring Festival (02-15 to 02-23 off, Saturdays 02-14 and 02-28 worked)', () => {
    // Received Thu 02-12: 02-13, Sat 02-14, then 02-24, 02-25, 02-26.
    expect(dueOn('arb.applied', 'D-RL2', '2026-02-12')).toBe('2026-02-26');
    // Tribunal formed Fri 02-13: Sat 02-14, then Tue 02-24.
    expect(dueOn('arb.tribunalFormed', 'D-RL5', '2026-02-13')).toBe('2026-02-24');
    // Hearing noticed Fri 02-27: Sat 02-28 counts, then 03-02 to 03-05.
    expect(dueOn('arb.hearingNoticed', 'D-RL6', '2026-02-27')).toBe('2026-03-05');
    // A government decision received 2026-01-19: the 30th day, 02-18, is in the holiday; the period ends on 02-24.
    expect(dueOn('rights.suitWindow', 'D-RL11', '2026-01-19')).toBe('2026-02-24');
  });

  it('2026 Mid-Autumn and National Day (09-25 to 09-27 and 10-01 to 10-07 off, Sunday 09-20 and Saturday 10-10 worked)', () => {
    // Accepted Fri 09-18: Sunday 09-20 counts, then 09-21 to 09-24.
    expect(dueOn('arb.accepted', 'D-RL3', '2026-09-18')).toBe('2026-09-24');
    // Award made Wed 09-30: 10-08, 10-09 and Saturday 10-10.
    expect(dueOn('arb.awarded', 'D-RL9', '2026-09-30')).toBe('2026-10-10');
    // Hearing noticed Thu 09-24: 09-28, 09-29, 09-30, 10-08, 10-09.
    expect(dueOn('arb.hearingNoticed', 'D-RL6', '2026-09-24')).toBe('2026-10-09');
    // Award received 09-07: the 30th day, 10-07, is a holiday; the suit period ends on 10-08.
    expect(dueOn('post.suitWindow', 'D-RL10', '2026-09-07')).toBe('2026-10-08');
  });
});
