import type { LookupCase } from '../definition';
import { earlierPetitions, handledBelow, normaliseSummary, sameMatter, samePerson, samePetitioner, standing } from './xf.earlier';

// ---------- fixtures: 刘建华's petitions about the 老旧小区改造 of scenario S7 ----------

const LIU = { role: 'APPLICANT', name: '刘建华', idNumber: '330199197003021234', phone: '13700001111' };
const DEPARTMENT = { role: 'RESPONDENT', name: '青溪区住房和城乡建设局' };
const SUMMARY = '老旧小区改造范围争议（30户联名）';

function petition(over: Partial<LookupCase> = {}, context: Record<string, unknown> = {}): LookupCase {
  return {
    id: 'xf-1',
    caseNo: '（2025）青溪住建信字第1号',
    workflowId: 'xf',
    state: 'handling',
    closed: false,
    orgName: '青溪区住房和城乡建设局',
    orgType: 'GOVERNMENT_DEPARTMENT',
    regionCode: '330199',
    disputeCode: 'D330199-20250210-AAAAAA',
    category: 'HOUSING_HOMESTEAD',
    summary: SUMMARY,
    parties: [LIU, DEPARTMENT],
    context: { handlingRegionCode: '330199', ...context },
    deadlines: { 'D-XF4': '2025-04-18' },
    ...over,
  };
}
const AT_CITY = petition({ id: 'xf-city', caseNo: '（2025）青州信访信字第9号', orgName: '青州市信访局', orgType: 'PETITION_BUREAU', regionCode: '330100', disputeCode: 'D330100-20250301-BBBBBB', state: 'triage', deadlines: {} }, { handlingRegionCode: '330100' });

describe('信访 lookup rules (第十九条、第三十六条)', () => {
  describe('the same petitioner', () => {
    it('is one applicant with the same identity number, or the same name and phone', () => {
      expect(samePerson(LIU, { ...LIU, idNumber: ' 330199197003021234 ', phone: undefined })).toBe(true);
      expect(samePerson({ role: 'APPLICANT', name: '刘建华', phone: '13700001111' }, { role: 'APPLICANT', name: '刘建华 ', phone: '13700001111' })).toBe(true);
      expect(samePerson({ role: 'APPLICANT', name: '刘建华' }, { role: 'APPLICANT', name: '刘建华' })).toBe(false);
      expect(samePerson({ role: 'APPLICANT', name: '刘建华', phone: '13700001111' }, { role: 'APPLICANT', name: '刘建国', phone: '13700001111' })).toBe(false);
    });

    it('counts only petitioners (applicants), not the organ or person petitioned about', () => {
      const other = { role: 'APPLICANT', name: '陈美玲', idNumber: '330199197505051111' };
      expect(samePetitioner(AT_CITY, petition({ parties: [other, DEPARTMENT] }))).toBe(false);
      expect(samePetitioner(petition({ parties: [other, { ...LIU, role: 'RESPONDENT' }] }), AT_CITY)).toBe(false);
      expect(samePetitioner(AT_CITY, petition({ parties: [other, LIU, DEPARTMENT] }))).toBe(true);
    });
  });

  describe('the same matter', () => {
    it('is the same dispute code, else the same matter key, else the same category and summary', () => {
      expect(sameMatter(AT_CITY, petition({ disputeCode: AT_CITY.disputeCode, summary: '别的说法' }))).toBe('DISPUTE_CODE');
      expect(sameMatter(petition({ id: 'a', disputeCode: 'D1' }, { matterKey: 'XF-2025-0017' }), petition({ disputeCode: 'D2', summary: '另一种表述' }, { matterKey: 'xf-2025-0017 ' }))).toBe('MATTER_KEY');
      // Two keys that differ are two matters, however alike the summaries.
      expect(sameMatter(petition({ id: 'a', disputeCode: 'D1' }, { matterKey: 'XF-1' }), petition({ disputeCode: 'D2' }, { matterKey: 'XF-2' }))).toBeNull();
      expect(sameMatter(AT_CITY, petition({ summary: ' 老旧小区改造范围争议(30户联名)。' }))).toBe('SUMMARY');
      expect(sameMatter(AT_CITY, petition({ summary: SUMMARY, category: 'PROPERTY_MANAGEMENT' }))).toBeNull();
      expect(sameMatter(AT_CITY, petition({ summary: '小区违章搭建' }))).toBeNull();
    });

    it('reads a summary without spacing, punctuation, case or full-width forms', () => {
      expect(normaliseSummary('ＡＢＣ 小区，改造！')).toBe(normaliseSummary('abc小区改造'));
      expect(normaliseSummary('——')).toBe('');
    });
  });

  describe('where an earlier petition stands', () => {
    const today = '2025-03-01';

    it('is HANDLING within the 60 days or the extension at the organ that has it, and nothing once they ran out', () => {
      expect(standing(petition(), today)).toEqual({ status: 'HANDLING', regionCode: '330199', orgType: 'GOVERNMENT_DEPARTMENT', dueOn: '2025-04-18' });
      expect(standing(petition(), '2025-04-19')).toBeNull();
      expect(standing(petition({ state: 'extended', deadlines: { 'D-XF5': '2025-05-19' } }), '2025-05-01')).toMatchObject({ status: 'HANDLING', dueOn: '2025-05-19' });
      expect(standing(petition({ state: 'referredPM' }), today)).toMatchObject({ status: 'HANDLING', dueOn: '2025-04-18' });
    });

    it('is HANDLING at the superior body during 复查 and 复核, within their periods', () => {
      const review = petition({ state: 'review', deadlines: { 'D-XF7': '2025-07-03' } }, { reviewBody: { name: '青溪区人民政府', regionCode: '330199' } });
      expect(standing(review, '2025-06-10')).toEqual({ status: 'HANDLING', regionCode: '330199', orgType: 'GOVERNMENT', dueOn: '2025-07-03' });
      const reexam = petition({ state: 'reexamHearing', deadlines: { 'D-XF9': '2025-09-04' } }, { reexamBody: { name: '青州市人民政府', regionCode: '330100' } });
      expect(standing(reexam, '2025-08-05')).toMatchObject({ status: 'HANDLING', regionCode: '330100' });
    });

    it('is FINAL once the 复核意见 was issued, in aftercare or closed; registered, answered or diverted petitions stand in no way', () => {
      expect(standing(petition({ state: 'closed', closed: true, deadlines: {} }, { finalOn: '2025-08-29', reexamBody: { name: '青州市人民政府', regionCode: '330100' } }), '2025-10-20')).toEqual({
        status: 'FINAL',
        regionCode: '330100',
        orgType: 'GOVERNMENT_DEPARTMENT',
        finalOn: '2025-08-29',
      });
      for (const state of ['received', 'triage', 'transferReceived', 'forwarded', 'diverted', 'settled', 'opinionIssued', 'opinionFinal']) expect({ state, found: standing(petition({ state }), today) }).toEqual({ state, found: null });
    });
  });

  describe('the petitions found', () => {
    it('keeps the same petitioner’s same matter that stands in the way, and names it only as far as the caller may see', () => {
      const hidden = petition({ id: 'xf-hidden', caseNo: null });
      const found = earlierPetitions(AT_CITY, [AT_CITY, petition(), hidden, petition({ id: 'other-matter', summary: '小区违章搭建' }), petition({ id: 'pm-1', workflowId: 'pm' })], '2025-03-01');
      expect(found).toEqual([
        { caseNo: '（2025）青溪住建信字第1号', orgName: '青溪区住房和城乡建设局', orgType: 'GOVERNMENT_DEPARTMENT', regionCode: '330199', status: 'HANDLING', dueOn: '2025-04-18', matchedBy: 'SUMMARY' },
        expect.objectContaining({ caseNo: null, orgName: '青溪区住房和城乡建设局' }),
      ]);
    });
  });

  describe('below the acting organ (第十九条’s 上级机关)', () => {
    const at = (orgType: string, regionCode: string) => ({ orgType, regionCode });

    it('is a lower division of the ladder, or a department of the government whose petition office acts', () => {
      expect(handledBelow(at('PETITION_OFFICE', '330199101'), at('PETITION_BUREAU', '330199'))).toBe(true);
      expect(handledBelow(at('GOVERNMENT_DEPARTMENT', '330199'), at('PETITION_BUREAU', '330100'))).toBe(true);
      expect(handledBelow(at('GOVERNMENT_DEPARTMENT', '330199'), at('PETITION_BUREAU', '330199'))).toBe(true);
      expect(handledBelow(at('GOVERNMENT_DEPARTMENT', '330199'), at('GOVERNMENT_DEPARTMENT', '330199'))).toBe(false);
      expect(handledBelow(at('PETITION_OFFICE', '330199101'), at('PETITION_OFFICE', '330199101'))).toBe(false);
      expect(handledBelow(at('PETITION_BUREAU', '330100'), at('PETITION_BUREAU', '330199'))).toBe(false);
      expect(handledBelow(at('PETITION_OFFICE', '330199102'), at('PETITION_OFFICE', '330199101'))).toBe(false);
    });
  });
});
