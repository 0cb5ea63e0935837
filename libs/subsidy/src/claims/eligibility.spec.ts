import type { AuditEntry } from '@app/audit';
import { GAOTAI_STYLE, LINZE_STYLE } from '../tariffs/demo-tariffs';
import type { Tariff } from '../tariffs/tariff';
import { amountFor } from './amount';
import { checkEligibility, type ClaimedCase } from './eligibility';

const entry = (seq: number, type: string, at: string, data: Record<string, unknown> = {}): AuditEntry => ({
  caseId: 'pm-1', seq, at, actorId: 'u-m', actorRole: 'MEDIATOR', type, from: seq === 1 ? null : 'x', to: 'y', data, prevHash: `h${seq - 1}`, hash: `h${seq}`,
});
const WRITTEN: AuditEntry[] = [
  entry(1, 'OPEN', '2025-04-10T02:00:00.000Z'),
  entry(2, 'SIGN_WRITTEN_AGREEMENT', '2025-04-20T02:00:00.000Z', { effectiveOn: '2025-04-20' }),
  entry(3, 'RECORD_PERFORMED', '2025-04-30T02:00:00.000Z', { performedOn: '2025-04-30' }),
  entry(4, 'RECORD_FOLLOW_UP', '2025-04-30T03:00:00.000Z', { visitedOn: '2025-04-30' }),
  entry(5, 'ARCHIVE', '2025-04-30T04:00:00.000Z', { dossierComplete: true }),
];
const tariff = (rules = GAOTAI_STYLE): Tariff => ({ id: 't1', regionCode: '330199', year: 2025, version: 1, rules, createdAt: '', createdBy: '' });
const claimed = (over: Partial<ClaimedCase> = {}): ClaimedCase => ({
  id: 'pm-1', caseNo: '（2025）枫源调字第1号', workflowId: 'pm', state: 'archived', context: { mediatorId: 'u-m' }, category: 'NEIGHBOUR', history: WRITTEN,
  chain: { ok: true, firstBroken: null, reason: null }, ...over,
});
const codes = (c: ClaimedCase, more: Partial<Parameters<typeof checkEligibility>[0]> = {}) =>
  checkEligibility({ claimed: c, tariff: tariff(), filedOn: '2024-12-20', claimedBy: null, ...more }).reasons.map((r) => r.code);

describe('subsidy eligibility (A13, R29)', () => {
  it('accepts a performed, visited, archived 人民调解 case, proving it by the performance entry', () => {
    expect(checkEligibility({ claimed: claimed(), tariff: tariff(), filedOn: '2024-12-20', claimedBy: null })).toEqual({
      eligible: true, reasons: [], outcome: 'AGREED', agreementForm: 'WRITTEN', mediatorId: 'u-m', performedOn: '2025-04-30', auditSeq: 3, auditHash: 'h3',
    });
  });

  it('finds a case ineligible whatever else holds when its audit chain does not verify', () => {
    expect(codes(claimed({ chain: { ok: false, firstBroken: 3, reason: 'hash mismatch' } }))).toEqual(['AUDIT_CHAIN_BROKEN']);
  });

  it('names each missing condition', () => {
    expect(codes(claimed({ state: 'monitoring', history: WRITTEN.slice(0, 2) }))).toEqual(['NOT_PERFORMED', 'NO_FOLLOW_UP', 'DOSSIER_INCOMPLETE']);
    expect(codes(claimed({ workflowId: 'lm' }))).toEqual(['WORKFLOW_NOT_COVERED']);
    expect(codes(claimed(), { filedOn: null })).toEqual(['MEDIATOR_NOT_FILED']);
    expect(codes(claimed(), { filedOn: '2025-05-01' })).toEqual(['MEDIATOR_NOT_FILED']);
    expect(codes(claimed(), { claimedBy: 'sub-1' })).toEqual(['ALREADY_CLAIMED']);
    expect(codes(claimed(), { tariff: null })).toEqual(['NO_TARIFF']);
    expect(codes(claimed({ context: {} }))).toEqual(['NO_MEDIATOR']);
  });

  it('refuses a case registered in the ledger only after its agreement (back-filled)', () => {
    const late = [entry(1, 'OPEN', '2025-04-25T02:00:00.000Z'), ...WRITTEN.slice(1)];
    expect(codes(claimed({ history: late }))).toEqual(['NOT_IN_LEDGER']);
  });

  it('pays an oral agreement only with proof both parties were present, at half the tier', () => {
    const oral = [WRITTEN[0], entry(2, 'RECORD_ORAL_AGREEMENT', '2025-04-20T02:00:00.000Z', { reachedOn: '2025-04-20' }), ...WRITTEN.slice(2)];
    expect(codes(claimed({ history: oral }))).toEqual(['NO_PRESENCE_EVIDENCE']);
    expect(codes(claimed({ history: oral }), { presenceEvidence: '现场照片' })).toEqual([]);
    expect(amountFor(GAOTAI_STYLE, 'SIMPLE', 'NEIGHBOUR', 'ORAL', 'AGREED').fen).toBe(5000);
    expect(amountFor(GAOTAI_STYLE, 'MAJOR', 'NEIGHBOUR', 'WRITTEN', 'AGREED')).toMatchObject({ fen: 30000, tier: { fundingSource: '省级以案定补专项资金' } });
  });

  it('requires the tariff’s minimum satisfaction where it sets one', () => {
    const linze = { tariff: tariff(LINZE_STYLE) };
    expect(codes(claimed(), linze)).toEqual(['SATISFACTION_BELOW_MINIMUM']);
    expect(codes(claimed(), { ...linze, satisfaction: { answered: 2, satisfied: 1 } })).toEqual(['SATISFACTION_BELOW_MINIMUM']);
    expect(codes(claimed(), { ...linze, satisfaction: { answered: 2, satisfied: 2 } })).toEqual([]);
  });

  it('pays a share of an unsuccessful mediation only where the tariff says so', () => {
    const failed = [WRITTEN[0], entry(2, 'TERMINATE_FAILED', '2025-04-20T02:00:00.000Z', { reason: '分歧过大' })];
    const c = claimed({ state: 'terminatedFailed', history: failed });
    expect(codes(c)).toEqual(['NOT_SUCCEEDED']);
    const qingdao = tariff({ ...GAOTAI_STYLE, unsuccessful: { rate: 0.3 } });
    expect(checkEligibility({ claimed: c, tariff: qingdao, filedOn: '2024-12-20', claimedBy: null })).toMatchObject({ eligible: true, outcome: 'FAILED', auditSeq: 2 });
    expect(amountFor(qingdao.rules, 'ORDINARY', 'NEIGHBOUR', null, 'FAILED').fen).toBe(6000);
  });

  it('takes a category’s own amount for a tier, and refuses a tier the tariff lacks naming the field', () => {
    const rules = { ...GAOTAI_STYLE, categoryAmounts: { LAND_EXPROPRIATION_DEMOLITION: { MAJOR: '500.00' } } };
    expect(amountFor(rules, 'MAJOR', 'LAND_EXPROPRIATION_DEMOLITION', 'WRITTEN', 'AGREED').fen).toBe(50000);
    expect(() => amountFor(rules, 'HUGE', 'NEIGHBOUR', 'WRITTEN', 'AGREED')).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ field: 'tier' })] }));
  });
});
