import { ALL_ATTACHMENT_TYPES, DEFAULT_ATTACHMENT_TYPES, type AttachmentType } from '@app/cases';

export interface AttachmentConfig {
  /** Largest file accepted (FENGQIAO_ATTACHMENTS_MAX_BYTES, default 10 MB); a larger upload is cut off while streaming with 413. */
  maxBytes: number;
  /** File types accepted, by content (FENGQIAO_ATTACHMENTS_TYPES, default pdf,jpeg,png,heic,tiff). */
  types: AttachmentType[];
  /** Keep the bytes in this directory instead of the database (FENGQIAO_ATTACHMENTS_DIR); null: in the database. */
  directory: string | null;
}

export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The upload settings; the environment schema has already checked the forms of the values. */
export function attachmentSettings(env: NodeJS.ProcessEnv): AttachmentConfig {
  const rawMax = env.FENGQIAO_ATTACHMENTS_MAX_BYTES;
  const rawTypes = env.FENGQIAO_ATTACHMENTS_TYPES?.trim();
  const types = rawTypes ? [...new Set(rawTypes.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))] : DEFAULT_ATTACHMENT_TYPES;
  const unknown = types.filter((t) => !ALL_ATTACHMENT_TYPES.includes(t as AttachmentType));
  if (unknown.length || !types.length) throw new Error(`FENGQIAO_ATTACHMENTS_TYPES must list some of ${ALL_ATTACHMENT_TYPES.join(', ')}, not "${rawTypes}"`);
  return {
    maxBytes: rawMax ? Number(rawMax) : DEFAULT_ATTACHMENT_MAX_BYTES,
    types: types as AttachmentType[],
    directory: env.FENGQIAO_ATTACHMENTS_DIR?.trim() || null,
  };
}
