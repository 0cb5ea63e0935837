import { readFileSync } from 'node:fs';
import { DEFAULT_HEARING_RULES, hearingRulesProblems, type RegionHearingRules } from '@app/workflow';

/**
 * The regions' hearing rules (三级听证: conveners, panel sizes, periods), from the JSON file FENGQIAO_HEARING_RULES
 * names, or the rules shipped for the demo district. Checked at start: a start with unusable rules is refused, naming
 * each field, rather than a hearing refused later for a typing slip.
 */
export function hearingRulesSetting(env: NodeJS.ProcessEnv): RegionHearingRules[] {
  const path = env.FENGQIAO_HEARING_RULES;
  if (!path) return DEFAULT_HEARING_RULES;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new Error(`FENGQIAO_HEARING_RULES must name a readable JSON file of hearing rules: ${(cause as Error).message}`);
  }
  const problems = hearingRulesProblems(parsed);
  if (problems.length) throw new Error(`FENGQIAO_HEARING_RULES (${path}) is not usable:\n- ${problems.join('\n- ')}`);
  return parsed as RegionHearingRules[];
}
