import type { WorkflowDescription } from '../describe';

/** A row of a machine spec's hand-written table of legal transitions: [from, event, to, guards]. */
export type LegalRow = [string, string, string | null, string[]];

const sorted = (xs: Iterable<string>) => [...xs].sort();
const row = (from: string, event: string, to: string | null, guards: Iterable<string>) => JSON.stringify([from, event, to, sorted(guards)]);

/** The machine's transitions and the hand-written table, each as sorted comparable rows, so a spec can assert they are equal. */
export const machineRows = (description: WorkflowDescription) => sorted(description.transitions.map((t) => row(t.from, t.event, t.to, t.guards)));
export const legalRows = (legal: LegalRow[]) => sorted(legal.map(([from, event, to, guards]) => row(from, event, to, guards)));
