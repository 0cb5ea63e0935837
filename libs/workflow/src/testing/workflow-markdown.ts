import { ORG_TYPE_LABELS, ROLE_LABELS } from '../catalogue';
import type { WorkflowDefinition } from '../definition';
import { describeWorkflow } from '../describe';
import type { RouteRule } from '../routes/route';

const ROLE_ZH: Record<string, string> = ROLE_LABELS;

const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The file a workflow version's page is written to, under docs/workflows. */
export const workflowPageName = (def: Pick<WorkflowDefinition, 'id' | 'version'>) => `${def.id}-v${def.version}.md`;

const orgTypes = (types: string[]) => types.map((t) => ORG_TYPE_LABELS[t] ?? t).join('、');
const labelled = (entries: Record<string, string>) => Object.entries(entries).map(([k, v]) => `\`${k}\` ${v}`).join('、') || '—';
const mapping = (entries: Record<string, string | null>) => Object.entries(entries).map(([k, v]) => `${k} → ${v ? `\`${v}\`` : '—'}`).join('；');

/** The reference page of one workflow version, generated from the registry so it cannot drift from the code. */
export function workflowMarkdown(def: WorkflowDefinition, routes: RouteRule[] = [], versions: number[] = [def.version]): string {
  const d = describeWorkflow(def);
  const m = def.manifest;
  const lines: string[] = [];
  lines.push(`# ${d.title}（${d.titleEn}）— \`${d.id}\` v${d.version}`, '');
  lines.push(`> Generated from \`libs/workflow\` by \`UPDATE_DOCS=1 npx jest workflow-docs\`; a test fails when this page is out of date.`, '');
  lines.push(`Legal basis: ${d.legalBasis}. Opened directly by: ${def.openRoles.map((r) => ROLE_ZH[r] ?? r).join('、')}.`, '');
  if (versions.length > 1) lines.push(`Versions: ${versions.map((v) => (v === def.version ? `v${v} (this page)` : `[v${v}](${workflowPageName({ id: def.id, version: v })})`)).join(', ')}.`, '');
  lines.push('## Channel', '', '| | |', '| --- | --- |');
  lines.push(`| case number word | ${m.caseNumberKind}（例：（2026）某单位${m.caseNumberKind}字第1号） |`);
  lines.push(`| handled by | ${orgTypes(m.handlingOrgTypes)} |`);
  lines.push(`| assignee field | ${m.assigneeField ? `\`${m.assigneeField}\`` : '—'} |`);
  lines.push(`| roles introduced | ${labelled(m.roles)} |`);
  lines.push(`| organisation types introduced | ${labelled(m.orgTypes)} |`);
  lines.push(`| outcomes reported to a sender | ${labelled(m.outcomes)} |`);
  lines.push(`| inbox states (tag \`inbox\`) | ${d.states.filter((s) => (s.tags ?? []).includes('inbox')).map((s) => `\`${s.id}\``).join('、') || '—'} |`);
  lines.push(`| console queues | ${m.queues.map((q) => `${q.label}（${q.roles.map((r) => ROLE_ZH[r] ?? r).join('、')}）`).join('；') || '—'} |`, '');
  const into = routes.filter((r) => r.to.workflow === def.id);
  const out = routes.filter((r) => r.from.workflow === def.id);
  lines.push('## Routes', '', '| route | rule | direction | event | other workflow | receiving organisation | outcomes back | legal basis |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of into) lines.push(`| ${r.id} | ${r.label} | in | ${r.start ? `\`${r.start.event}\`` : '—'} | \`${r.from.workflow}\` (\`${r.from.event}\`) | ${orgTypes(r.to.orgTypes)} | ${cell(mapping(r.up))} | ${r.legalBasis} |`);
  for (const r of out) lines.push(`| ${r.id} | ${r.label} | out | \`${r.from.event}\`${r.when ? ` when ${Object.entries(r.when).map(([k, v]) => `${k}=${v}`).join(', ')}` : ''}${r.from.states ? ` from ${r.from.states.map((x) => `\`${x}\``).join('、')}` : ''} | \`${r.to.workflow}\` | ${orgTypes(r.to.orgTypes)} | ${cell(mapping(r.up))} | ${r.legalBasis} |`);
  if (!into.length && !out.length) lines.push('| — | | | | | | | |');
  lines.push('');
  lines.push('## Diagram', '', '```mermaid', d.mermaid, '```', '');
  // A flat machine's states are atomic or final; a nested machine's table names each node's type (and ids are paths).
  const nested = d.states.some((s) => s.parent !== null);
  lines.push('## States', '', `| id | 状态 | State | ${nested ? 'type' : 'final'} | legal basis | meaning |`, '| --- | --- | --- | --- | --- | --- |');
  for (const s of d.states) lines.push(`| \`${s.id}\` | ${s.label} | ${s.labelEn} | ${nested ? s.type : s.final ? 'yes' : ''} | ${cell(s.legalBasis)} | ${cell(s.description)} |`);
  lines.push('', '## Events', '', '| type | 事件 | Event | roles | preconditions | legal basis |', '| --- | --- | --- | --- | --- | --- |');
  for (const e of d.events) {
    const pre = e.preconditionTexts.map((p) => `${p.message}${p.legalBasis ? `（${p.legalBasis}）` : ''}`).join('；');
    lines.push(`| \`${e.type}\` | ${e.label} | ${e.labelEn} | ${e.roles.map((r) => ROLE_ZH[r] ?? r).join('、')} | ${cell(pre)} | ${cell(e.legalBasis)} |`);
  }
  lines.push('', '## Deadlines', '', '| state | id | 期限 | period | day type | starts | on expiry | legal basis | confidence |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const s of d.states) {
    for (const dl of s.deadlines) {
      const period = `${dl.period.amount} ${dl.period.unit}${dl.period.amount === 1 ? '' : 's'}${dl.configKey ? ` (configurable: \`${dl.configKey}\`)` : ''}`;
      const starts = dl.anchor ? `context \`${dl.anchor.contextDate}\`` : 'entering the state';
      const expiry = dl.onExpiry ? `\`${dl.onExpiry}\`` : dl.soft ? 'marked missed, supervised (soft)' : 'marked missed';
      lines.push(`| \`${s.id}\` | ${dl.id} | ${dl.label} | ${period} | ${dl.dayType} | ${starts} | ${expiry} | ${dl.legalBasis} | ${dl.confidence} |`);
    }
  }
  lines.push('', '## Transitions', '', '| from | event | to | guards |', '| --- | --- | --- | --- |');
  for (const t of d.transitions) lines.push(`| \`${t.from}\` | \`${t.event}\` | ${t.targets.length ? t.targets.map((x) => `\`${x}\``).join(', ') : '(stays)'} | ${t.guards.join(', ')} |`);
  lines.push('');
  return lines.join('\n');
}
