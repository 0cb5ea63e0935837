import type { AttachmentKind, AttachmentRecord, AttachmentStorage } from '@app/cases';
import { readInstant } from '../db/db';

type Row = Record<string, any>;

export function attachmentParams(a: AttachmentRecord): Record<string, unknown> {
  return {
    id: a.id,
    case_id: a.caseId,
    seq: a.seq,
    event_seq: a.eventSeq,
    event_type: a.eventType,
    kind: a.kind,
    file_name: a.fileName,
    media_type: a.mediaType,
    size: a.size,
    sha256: a.sha256,
    note: a.note,
    storage: a.storage,
    uploaded_by: a.uploadedBy,
    uploaded_at: a.uploadedAt,
  };
}

export function toAttachment(r: Row): AttachmentRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    seq: Number(r.seq),
    eventSeq: r.event_seq === null || r.event_seq === undefined ? null : Number(r.event_seq),
    eventType: r.event_type ?? null,
    kind: r.kind as AttachmentKind,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size),
    sha256: r.sha256,
    note: r.note ?? null,
    storage: r.storage as AttachmentStorage,
    uploadedBy: r.uploaded_by,
    uploadedAt: readInstant(r.uploaded_at),
  };
}
