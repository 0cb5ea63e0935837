/**
 * Settings of rules the specification marks unverified or local (e.g. `ct.allowLegacyPreFiling`), handed to every
 * machine in `WorkflowEvent.policy` and `CaseOpening.policy`: guards read them instead of constants. From
 * `FENGQIAO_LEGAL_POLICY` (JSON).
 */
export class LegalPolicy {
  constructor(readonly values: Record<string, unknown> = {}) {}

  static parse(json: string | undefined): LegalPolicy {
    if (!json) return new LegalPolicy();
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (cause) {
      throw new Error(`FENGQIAO_LEGAL_POLICY is not valid JSON: ${(cause as Error).message}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('FENGQIAO_LEGAL_POLICY must be a JSON object, e.g. {"ct.allowLegacyPreFiling": true}');
    return new LegalPolicy(parsed as Record<string, unknown>);
  }
}
