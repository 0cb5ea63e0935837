import { ROLE_LABELS } from '@app/shared';
import type { WorkflowDefinition } from '../definition';
import { describeWorkflow } from '../describe';

const ROLE_ZH: Record<string, string> = ROLE_LABELS;

const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The reference page of one workflow, generated from the machine so it cannot drift from the code. */
export function workflowMarkdown(def: WorkflowDefinition): string {
  const d = describeWorkflow(def);
  const lines: string[] = [];
  lines.push(`# ${d.title}（${d.titleEn}）— \`${d.id}\` v${d.version}`, '');
  lines.push(`> Generated from \`libs/workflow\` by \`UPDATE_DOCS=1 npx jest workflow-docs\`; a test fails when this page is out of date.`, '');
  lines.push(`Legal basis: ${d.legalBasis}. Opened directly by: ${def.openRoles.map((r) => ROLE_ZH[r] ?? r).join('、')}.`, '');
  lines.push('## Diagram', '', '```mermaid', d.mermaid, '```', '');
  lines.push('## States', '', '| id | 状态 | State | final | legal basis | meaning |', '| --- | --- | --- | --- | --- | --- |');
  for (const s of d.states) lines.push(`| \`${s.id}\` | ${s.label} | ${s.labelEn} | ${s.final ? 'yes' : ''} | ${cell(s.legalBasis)} | ${cell(s.description)} |`);
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
  for (const t of d.transitions) lines.push(`| \`${t.from}\` | \`${t.event}\` | ${t.to ? `\`${t.to}\`` : '(stays)'} | ${t.guards.join(', ')} |`);
  lines.push('');
  return lines.join('\n');
}
