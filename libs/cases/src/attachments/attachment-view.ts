import type { Directory } from '@app/organisations';
import type { WorkflowDefinition } from '@app/workflow';
import { ATTACHMENT_KINDS, type AttachmentRecord, type AttachmentSettings } from './attachment';
import { ATTACHMENT_TYPES } from './attachment-type';

export interface AttachmentView {
  id: string;
  /** The case holding the file: this one, or the case a transfer came from (the dossier). */
  caseId: string;
  caseNo: string;
  fromTransfer: boolean;
  eventSeq: number | null;
  eventType: string | null;
  eventLabel: string | null;
  kind: string;
  kindLabel: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  note: string | null;
  uploadedBy: { id: string; name: string };
  uploadedAt: string;
  /** Audit entry of the upload. */
  seq: number;
  downloadUrl: string;
}

export interface AttachmentList {
  items: AttachmentView[];
  /** Whether the caller may add files to this case. */
  canUpload: boolean;
  kinds: { code: string; label: string }[];
  types: { mediaType: string; label: string }[];
  maxBytes: number;
}

export function presentAttachment(
  r: AttachmentRecord,
  owner: { caseNo: string; def: WorkflowDefinition },
  fromTransfer: boolean,
  directory: Directory,
): AttachmentView {
  return {
    id: r.id,
    caseId: r.caseId,
    caseNo: owner.caseNo,
    fromTransfer,
    eventSeq: r.eventSeq,
    eventType: r.eventType,
    eventLabel: r.eventType ? (owner.def.events[r.eventType]?.label ?? r.eventType) : null,
    kind: r.kind,
    kindLabel: ATTACHMENT_KINDS[r.kind] ?? r.kind,
    fileName: r.fileName,
    mediaType: r.mediaType,
    size: r.size,
    sha256: r.sha256,
    note: r.note,
    uploadedBy: { id: r.uploadedBy, name: directory.user(r.uploadedBy)?.displayName ?? r.uploadedBy },
    uploadedAt: r.uploadedAt,
    seq: r.seq,
    downloadUrl: `/api/cases/${r.caseId}/attachments/${r.id}`,
  };
}

export function attachmentVocabulary(settings: AttachmentSettings): Pick<AttachmentList, 'kinds' | 'types' | 'maxBytes'> {
  return {
    kinds: Object.entries(ATTACHMENT_KINDS).map(([code, label]) => ({ code, label })),
    types: settings.types.map((t) => ({ mediaType: ATTACHMENT_TYPES[t].mediaType, label: ATTACHMENT_TYPES[t].label })),
    maxBytes: settings.maxBytes,
  };
}
