/**
 * `Content-Disposition` with the file's own name (RFC 6266): an ASCII `filename` for old clients, with every other
 * character replaced, and `filename*` in UTF-8 (RFC 5987) carrying the Chinese name exactly.
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
