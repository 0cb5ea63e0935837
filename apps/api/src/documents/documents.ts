import { createHash } from 'node:crypto';
import type { DocumentDigest } from '@app/audit';
import { DocumentStamper, type DocumentSourceInput } from '@app/cases';
import { kindsOf, sourceFor, type DocumentKind } from './document-kinds';
import { DocumentSource } from './document-source';
import { renderPdf } from './pdf-renderer';

/** The PDF of one kind for a case, with personal data in clear only when `reveal`. */
export function generateDocument(kind: DocumentKind, input: DocumentSourceInput, reveal: boolean): Buffer {
  const source = sourceFor(kind, input, reveal);
  return renderPdf(kind.layout(source), { createdAt: source.lastAt, author: source.committee });
}

/** The kinds a case's file holds now. */
export function availableKinds(input: DocumentSourceInput): DocumentKind[] {
  const source = new DocumentSource(input, false);
  return kindsOf(input.record.workflowId).filter((k) => k.available(source));
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Digests, for the audit entry of the event that produced them, the documents as the handling organisation holds
 * them (personal data in clear): the copy in the file, which a masked copy for another reader is not.
 */
export class PdfDocumentStamper extends DocumentStamper {
  produces(workflowId: string, eventType: string): boolean {
    return kindsOf(workflowId).some((k) => k.producedBy.includes(eventType));
  }

  stamp(input: DocumentSourceInput): DocumentDigest[] {
    const type = input.history[input.history.length - 1]?.type;
    return availableKinds(input)
      .filter((k) => k.producedBy.includes(type))
      .map((k) => ({ kind: k.kind, sha256: sha256(generateDocument(k, input, true)) }));
  }
}
