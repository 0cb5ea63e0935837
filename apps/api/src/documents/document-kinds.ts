import type { DocumentSourceInput } from '@app/cases';
import { DocumentSource } from './document-source';
import { agreement } from './kinds/agreement';
import { application } from './kinds/application';
import { closingReport } from './kinds/closing-report';
import { confirmationApplication } from './kinds/confirmation-application';
import type { DocumentKind } from './kinds/document-kind';
import { rightsNotice } from './kinds/rights-notice';
import { sessionRecord } from './kinds/session-record';

export type { DocumentKind } from './kinds/document-kind';

/** The documents of each channel's file, in the order the file holds them. */
const KINDS: Record<string, DocumentKind[]> = {
  pm: [application, rightsNotice, sessionRecord, agreement, confirmationApplication, closingReport],
};

export function kindsOf(workflowId: string): DocumentKind[] {
  return KINDS[workflowId] ?? [];
}

/**
 * The source a kind is generated from: the trail up to its latest producing entry when it has one, so a download
 * reproduces the bytes whose digest that entry recorded; otherwise the whole trail.
 */
export function sourceFor(kind: DocumentKind, input: DocumentSourceInput, reveal: boolean): DocumentSource {
  let end = input.history.length;
  while (kind.producedBy.length && end > 0 && !kind.producedBy.includes(input.history[end - 1].type)) end--;
  if (end === 0) end = input.history.length;
  return new DocumentSource({ ...input, history: input.history.slice(0, end) }, reveal);
}
