import { peopleMediation } from '@app/workflow';
import { dateRuleErrors } from './event-data-validator';

/** The 人民调解 forms' dated fields against the engine's today and the case's own days. */
describe('dates of event data', () => {
  const schema = (type: string) => peopleMediation.events[type].schema!;
  const facts = { today: '2026-03-09', context: { openedOn: '2026-03-02', mediationStartedOn: '2026-03-04' } };

  it('accepts today and the days between the case’s own days and today', () => {
    expect(dateRuleErrors(schema('START_MEDIATION'), { startedOn: '2026-03-02' }, facts)).toEqual([]);
    expect(dateRuleErrors(schema('RECORD_SESSION'), { heldOn: '2026-03-09' }, facts)).toEqual([]);
    expect(dateRuleErrors(schema('SIGN_WRITTEN_AGREEMENT'), { effectiveOn: '2026-03-04', performanceDueOn: '2026-04-30' }, facts)).toEqual([]);
  });

  it('refuses a mediation that starts in the future or before the case was registered, naming the field', () => {
    expect(dateRuleErrors(schema('START_MEDIATION'), { startedOn: '2026-03-10' }, facts)).toEqual([
      { field: 'data.startedOn', message: 'must not be later than today (2026-03-09)', messageZh: '开始日期不能晚于今天（2026-03-09）' },
    ]);
    expect(dateRuleErrors(schema('START_MEDIATION'), { startedOn: '2026-03-01' }, facts)).toEqual([
      { field: 'data.startedOn', message: 'must not be earlier than openedOn (2026-03-02)', messageZh: '开始日期不能早于登记日期（2026-03-02）' },
    ]);
  });

  it('refuses a session or an agreement before the mediation started, and a performance deadline before the agreement', () => {
    expect(dateRuleErrors(schema('RECORD_SESSION'), { heldOn: '2026-03-03' }, facts)).toEqual([
      { field: 'data.heldOn', message: 'must not be earlier than mediationStartedOn (2026-03-04)', messageZh: '调解日期不能早于开始调解日期（2026-03-04）' },
    ]);
    expect(dateRuleErrors(schema('SIGN_WRITTEN_AGREEMENT'), { effectiveOn: '2026-03-05', performanceDueOn: '2026-03-01' }, facts)).toEqual([
      { field: 'data.performanceDueOn', message: 'must not be earlier than effectiveOn (2026-03-05)', messageZh: '约定履行期限不能早于生效日期（2026-03-05）' },
    ]);
    expect(dateRuleErrors(schema('RECORD_ORAL_AGREEMENT'), { reachedOn: '2026-03-12' }, facts).map((e) => e.field)).toEqual(['data.reachedOn']);
  });

  it('takes a day the case has not recorded as no bound', () => {
    expect(dateRuleErrors(schema('RECORD_SESSION'), { heldOn: '2026-01-01' }, { today: facts.today, context: {} })).toEqual([]);
  });
});
