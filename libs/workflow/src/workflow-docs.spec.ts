import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_WORKFLOWS } from './index';
import { workflowMarkdown } from './testing/workflow-markdown';

const docsDir = join(__dirname, '..', '..', '..', 'docs', 'workflows');

describe('docs/workflows', () => {
  it.each(ALL_WORKFLOWS.map((d) => [d.id, d] as const))('docs/workflows/%s.md matches the machine', (id, def) => {
    const file = join(docsDir, `${id}.md`);
    const expected = workflowMarkdown(def);
    if (process.env.UPDATE_DOCS === '1') writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });
});
