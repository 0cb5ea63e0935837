import type { Block, DocumentLayout } from '../document-layout';
import type { DocumentSource, PartyLine } from '../document-source';

/** One kind of document a mediation file holds: when it exists, which event produces it, and its layout. */
export interface DocumentKind {
  /** In the URL: /api/cases/:id/documents/<kind>.pdf. */
  kind: string;
  title: string;
  /** The events whose audit entries record the document's digest; the latest one fixes what the document shows. */
  producedBy: string[];
  available(source: DocumentSource): boolean;
  layout(source: DocumentSource): DocumentLayout;
}

/** 申请人：张三　性别：男　… — one paragraph per party, as the forms list them. */
export function partyBlocks(parties: PartyLine[], label?: string): Block[] {
  return parties.map((p) => ({ type: 'paragraph' as const, text: [`${label ?? p.roleLabel}：${p.name}`, ...p.details].join('　') }));
}

/** A text as paragraphs, one per line it was written with; a dash when the case records none. */
export function paragraphs(text: unknown): Block[] {
  const lines = typeof text === 'string' ? text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : [];
  return (lines.length ? lines : ['（无）']).map((t) => ({ type: 'paragraph' as const, text: t }));
}

export const done = (yes: unknown, what: string): string => (yes ? `（已${what}）` : `（未${what}）`);
