import type { AuditEntry, DocumentDigest } from '@app/audit';
import type { Directory } from '@app/organisations';
import type { CaseRecord } from '../domain/case-record';

/** The case as an event leaves it, with the audit trail up to and including that event's entry (its hashes not yet set). */
export interface DocumentSourceInput {
  record: CaseRecord;
  history: Omit<AuditEntry, 'prevHash' | 'hash'>[];
  directory: Directory;
}

/**
 * Generates the documents an event produces (the agreement a signature brings into effect, the closing report of an
 * archiving) and digests them, so the event's audit entry can carry the digests. Implemented where the documents are
 * rendered; the planner runs without one, recording no digests.
 */
export abstract class DocumentStamper {
  /** Whether `eventType` of `workflowId` produces a document (the planner then needs the case's audit trail). */
  abstract produces(workflowId: string, eventType: string): boolean;
  abstract stamp(input: DocumentSourceInput): DocumentDigest[];
}
