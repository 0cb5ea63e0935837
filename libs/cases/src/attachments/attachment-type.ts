/** The file types an upload may be, told by their first bytes, never by the name or the declared type alone. */
export const ATTACHMENT_TYPES = {
  pdf: { mediaType: 'application/pdf', label: 'PDF', extension: 'pdf' },
  jpeg: { mediaType: 'image/jpeg', label: 'JPEG', extension: 'jpg' },
  png: { mediaType: 'image/png', label: 'PNG', extension: 'png' },
  heic: { mediaType: 'image/heic', label: 'HEIC', extension: 'heic' },
  tiff: { mediaType: 'image/tiff', label: 'TIFF', extension: 'tif' },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ALL_ATTACHMENT_TYPES = Object.keys(ATTACHMENT_TYPES) as AttachmentType[];
export const DEFAULT_ATTACHMENT_TYPES: AttachmentType[] = ['pdf', 'jpeg', 'png', 'heic', 'tiff'];

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) => bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The type the content is, by its magic bytes; null when it is none of the known types. */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  // ISO base media file: a box size, then "ftyp" and the major brand.
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && HEIC_BRANDS.has(ascii(bytes, 8, 12))) return 'heic';
  return null;
}

/** Declared types that say nothing about the content: browsers send them for files they do not know (HEIC). */
const UNINFORMATIVE = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

const ALIASES: Record<string, AttachmentType> = { 'image/jpg': 'jpeg', 'image/pjpeg': 'jpeg', 'image/heif': 'heic', 'image/tif': 'tiff', 'application/x-pdf': 'pdf' };

/** The known type a declared media type names, undefined when it names none, null when it says nothing. */
export function declaredType(mediaType: string | undefined): AttachmentType | null | undefined {
  const bare = (mediaType ?? '').split(';')[0].trim().toLowerCase();
  if (UNINFORMATIVE.has(bare)) return null;
  const found = ALL_ATTACHMENT_TYPES.find((t) => ATTACHMENT_TYPES[t].mediaType === bare);
  return found ?? ALIASES[bare];
}

export type TypeCheck = { ok: true; type: AttachmentType } | { ok: false; message: string; messageZh: string };

/**
 * Accepts a file when its content is one of the allowed types and its declared type, if it says anything, agrees:
 * a script renamed to .pdf, or a PDF sent as image/png, is refused with what it was found to be.
 */
export function checkType(bytes: Uint8Array, declared: string | undefined, allowed: readonly AttachmentType[]): TypeCheck {
  const names = allowed.map((t) => ATTACHMENT_TYPES[t].label).join(', ');
  const namesZh = allowed.map((t) => ATTACHMENT_TYPES[t].label).join('、');
  const sniffed = sniffType(bytes);
  if (!sniffed || !allowed.includes(sniffed)) {
    const what = sniffed ? ATTACHMENT_TYPES[sniffed].label : 'of an unknown type';
    const whatZh = sniffed ? ATTACHMENT_TYPES[sniffed].label : '无法识别的类型';
    return { ok: false, message: `is ${what}; allowed are ${names}`, messageZh: `的内容是${whatZh}，只接受 ${namesZh} 文件` };
  }
  const claimed = declaredType(declared);
  if (claimed !== null && claimed !== sniffed) {
    return {
      ok: false,
      message: `is declared as ${declared} but its content is ${ATTACHMENT_TYPES[sniffed].label}`,
      messageZh: `声明的类型为 ${declared}，但内容是 ${ATTACHMENT_TYPES[sniffed].label}`,
    };
  }
  return { ok: true, type: sniffed };
}

/** A file name fit to store and to send back: no folders, no control characters, at most 200 characters. */
export function cleanFileName(raw: string | undefined, type: AttachmentType): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const name = cleaned === '' || cleaned === '.' || cleaned === '..' ? `附件.${ATTACHMENT_TYPES[type].extension}` : cleaned;
  return [...name].slice(-200).join('');
}
