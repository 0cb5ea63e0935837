import { BUNDLED_HOLIDAYS, LegalCalendar } from '@app/calendar';
import { reminderMessage } from './deadline-messages';
import { reminderHorizon } from './reminder-policy';

const calendar = new LegalCalendar(BUNDLED_HOLIDAYS);

/** Whether a deadline due on `dueOn` is reminded on `today`, `days` working days ahead. */
const reminded = (today: string, dueOn: string, days = 3) => dueOn < reminderHorizon(calendar, today, days);

describe('reminderHorizon: a deadline is reminded once at most N working days are left', () => {
  it.each([
    // today, due, reminded? — D-PM1 of S1 (2025-04-03, a Thursday before the Qingming holiday 04-04 … 04-06)
    ['2025-03-28', '2025-04-03', false], // Fri: Mon, Tue, Wed, Thu are 4 working days
    ['2025-03-30', '2025-04-03', false], // Sun: still 4
    ['2025-03-31', '2025-04-03', true], // Mon: Tue, Wed, Thu
    ['2025-04-02', '2025-04-03', true],
    // D-JC1 of S3 (2025-10-09, after National Day 10-01 … 10-08; Sunday 09-28 is a make-up working day)
    ['2025-09-26', '2025-10-09', false],
    ['2025-09-27', '2025-10-09', false], // Sat: 09-28, 09-29, 09-30, 10-09 are 4 working days
    ['2025-09-28', '2025-10-09', true], // the make-up Sunday: 09-29, 09-30, 10-09
    ['2025-10-05', '2025-10-09', true], // inside the holiday
  ])('on %s a deadline due %s is reminded: %s', (today, dueOn, expected) => {
    expect(reminded(today, dueOn)).toBe(expected);
    // The rule, stated independently: working days in (today, due] are at most 3.
    expect(calendar.workingDaysBetween(today, dueOn) <= 3).toBe(expected);
  });

  it('covers due dates on the rest days right after the last counted working day', () => {
    // Friday 2025-09-26: 09-28 (make-up Sunday), 09-29, 09-30 are the three working days; National Day follows.
    expect(reminderHorizon(calendar, '2025-09-26', 3)).toBe('2025-10-09');
    expect(reminded('2025-09-26', '2025-10-08')).toBe(true);
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-08')).toBe(3);
    expect(reminded('2025-09-26', '2025-10-09')).toBe(false);
  });

  it('with 0 working days reminds only deadlines due today (or on the rest days before the next working day)', () => {
    expect(reminderHorizon(calendar, '2025-03-31', 0)).toBe('2025-04-01');
    expect(reminded('2025-03-31', '2025-03-31', 0)).toBe(true);
    expect(reminded('2025-03-31', '2025-04-01', 0)).toBe(false);
  });
});

describe('reminderMessage', () => {
  it('names the case, the deadline, the due date, the working days left and the legal basis', () => {
    expect(reminderMessage({ caseNo: '（2025）枫源调字第1号', label: '人民调解一般期限（一个月内调结）', dueOn: '2025-04-03', legalBasis: '人民调解工作若干规定 第三十三条', workingDaysLeft: 3 })).toBe(
      '期限提醒：案件（2025）枫源调字第1号的“人民调解一般期限（一个月内调结）”将于2025-04-03届满（还剩3个工作日），依据：人民调解工作若干规定 第三十三条。请及时办理。',
    );
    expect(reminderMessage({ caseNo: 'X', label: 'L', dueOn: '2025-04-03', legalBasis: 'B', workingDaysLeft: 0 })).toContain('将于今日（2025-04-03）届满');
  });
});
