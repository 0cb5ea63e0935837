import type { FieldError } from '@app/shared';
import { isYuan } from '../money';
import type { TariffCap, TariffRules } from './tariff';

const CODE = /^[A-Z][A-Z0-9_]{1,29}$/;
const err = (field: string, message: string, messageZh: string): FieldError => ({ field, message, messageZh });
const isRate = (v: unknown) => typeof v === 'number' && v > 0 && v <= 1;
const text = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/** Every problem of a tariff body, each naming its field; empty when the tariff can be stored. */
export function tariffErrors(rules: unknown, knownWorkflows: string[], knownCategories: string[]): FieldError[] {
  const out: FieldError[] = [];
  if (!rules || typeof rules !== 'object') return [err('rules', 'must be an object', '必须是对象')];
  const r = rules as Partial<TariffRules> & Record<string, unknown>;
  if (!text(r.name, 100)) out.push(err('rules.name', 'must be a name of 1–100 characters', '标准名称不能为空（不超过100字）'));
  if (!Array.isArray(r.workflows) || r.workflows.length === 0 || r.workflows.some((w) => !knownWorkflows.includes(w))) {
    out.push(err('rules.workflows', `must list workflows among ${knownWorkflows.join(', ')}`, '适用的流程不正确'));
  }
  const codes = new Set<string>();
  if (!Array.isArray(r.tiers) || r.tiers.length === 0 || r.tiers.length > 10) out.push(err('rules.tiers', 'must list 1–10 tiers', '须列出1至10个补贴档次'));
  else
    r.tiers.forEach((t, i) => {
      const f = `rules.tiers[${i}]`;
      if (!t || typeof t !== 'object') return out.push(err(f, 'must be an object', '必须是对象'));
      if (typeof t.code !== 'string' || !CODE.test(t.code)) out.push(err(`${f}.code`, 'must be an upper-case code such as SIMPLE', '档次代码须为大写英文，如 SIMPLE'));
      else if (codes.has(t.code)) out.push(err(`${f}.code`, 'is listed twice', '档次代码重复'));
      else codes.add(t.code);
      if (!text(t.label, 50)) out.push(err(`${f}.label`, 'must be a Chinese label', '档次名称不能为空'));
      if (!isYuan(t.amount)) out.push(err(`${f}.amount`, 'must be yuan as a decimal string such as "200.00"', '金额须为元，如 "200.00"'));
      if (!text(t.fundingSource, 100)) out.push(err(`${f}.fundingSource`, 'must name the funding source', '须写明资金来源'));
    });
  if (r.categoryAmounts !== undefined) {
    if (!r.categoryAmounts || typeof r.categoryAmounts !== 'object') out.push(err('rules.categoryAmounts', 'must be an object', '必须是对象'));
    else
      for (const [category, byTier] of Object.entries(r.categoryAmounts)) {
        const f = `rules.categoryAmounts.${category}`;
        if (!knownCategories.includes(category)) out.push(err(f, 'is not a dispute category', '不是纠纷类别'));
        for (const [tier, amount] of Object.entries(byTier ?? {})) {
          if (!codes.has(tier)) out.push(err(`${f}.${tier}`, 'names no tier of this tariff', '不是本标准的档次'));
          if (!isYuan(amount)) out.push(err(`${f}.${tier}`, 'must be yuan as a decimal string', '金额须为元，如 "200.00"'));
        }
      }
  }
  const c = r.conditions as TariffRules['conditions'] | undefined;
  if (!c || typeof c !== 'object') out.push(err('rules.conditions', 'must state the conditions', '须写明补贴条件'));
  else {
    for (const key of ['followUp', 'dossier', 'filing', 'ledger'] as const) {
      if (typeof c[key] !== 'boolean') out.push(err(`rules.conditions.${key}`, 'must be true or false', '须为是或否'));
    }
    if (c.minSatisfaction !== undefined && !isRate(c.minSatisfaction)) out.push(err('rules.conditions.minSatisfaction', 'must be a share between 0 and 1', '满意度下限须在0至1之间'));
  }
  if (r.oral !== undefined && (!r.oral || !isRate(r.oral.rate) || typeof r.oral.presenceEvidence !== 'boolean')) {
    out.push(err('rules.oral', 'must give a rate between 0 and 1 and whether presence evidence is required', '口头协议比例须在0至1之间并写明是否需要到场证据'));
  }
  if (r.unsuccessful !== undefined && (!r.unsuccessful || !isRate(r.unsuccessful.rate))) out.push(err('rules.unsuccessful.rate', 'must be a share between 0 and 1', '调解不成补贴比例须在0至1之间'));
  for (const period of ['perMediatorMonth', 'perMediatorYear'] as const) {
    const cap = r.caps?.[period] as TariffCap | undefined;
    if (cap === undefined) continue;
    const f = `rules.caps.${period}`;
    if (cap.cases !== undefined && !(Number.isInteger(cap.cases) && cap.cases > 0)) out.push(err(`${f}.cases`, 'must be a positive whole number', '须为正整数'));
    if (cap.amount !== undefined && !isYuan(cap.amount)) out.push(err(`${f}.amount`, 'must be yuan as a decimal string', '金额须为元，如 "200.00"'));
  }
  const allowed = ['name', 'workflows', 'tiers', 'categoryAmounts', 'conditions', 'oral', 'unsuccessful', 'caps'];
  for (const key of Object.keys(r)) if (!allowed.includes(key)) out.push(err(`rules.${key}`, 'is not a tariff field', '不是补贴标准的字段'));
  return out;
}
