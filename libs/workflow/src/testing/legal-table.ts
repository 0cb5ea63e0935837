import type { WorkflowDescription } from '../describe';

/** A row of a machine spec's hand-written table of legal transitions: [from, event, to, guards]. */
export type LegalRow = [string, string, string | null, string[]];

const sorted = (xs: Iterable<string>) => [...xs].sort();
const row = (from: string, event: string, to: string | null, guards: Iterable<string>) => JSON.stringify([from, event, to, sorted(guards)]);

/** The machine's transitions and the hand-written table, each as sorted comparable rows, so a spec can assert they are equal. */
export const machineRows = (description: WorkflowDescription) => sorted(description.transitions.map((t) => row(t.from, t.event, t.to, t.guards)));
export const legalRows = (legal: LegalRow[]) => sorted(legal.map(([from, event, to, guards]) => row(from, event, to, guards)));

/** A transition a machine spec applies, and the state it must reach. */
type Applied = { from: string; type: string; to: string };

/**
 * The hand-written cases plus a plain one (built by `plain`, e.g. the state's usual context and no data) for each row
 * of the legal table they leave out, so that every legal transition is applied at least once.
 */
export function withPlainCases<C extends Applied>(cases: C[], legal: LegalRow[], plain: (from: string, type: string, to: string) => C): C[] {
  const explicit = new Set(cases.map((c) => `${c.from}|${c.type}`));
  return [...cases, ...legal.filter(([from, type]) => !explicit.has(`${from}|${type}`)).map(([from, type, to]) => plain(from, type, to ?? from))];
}

/** The rows of the legal table that no case applies. */
export function uncoveredRows(cases: Applied[], legal: LegalRow[]): LegalRow[] {
  const covered = new Set(cases.map((c) => `${c.from}|${c.type}|${c.to}`));
  return legal.filter(([from, type, to]) => !covered.has(`${from}|${type}|${to ?? from}`));
}
