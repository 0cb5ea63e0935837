/**
 * Personal data kept out of log lines. Query values under these names are replaced whatever they hold; anywhere else
 * in a URL, what looks like a resident ID number (15 or 18 characters) or a mainland mobile number is masked.
 */
const PERSONAL_PARAMS = new Set(['q', 'idnumber', 'phone', 'name', 'partyname', 'search', 'keyword', 'username']);
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx]|\d{1})(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export function maskText(text: string): string {
  return text.replace(ID_NUMBER, (_m, head: string, tail: string) => `${head}${'*'.repeat(8)}${tail.slice(-1)}`).replace(MOBILE, '$1****$2');
}

export function maskUrl(url: string): string {
  const question = url.indexOf('?');
  const path = maskText(decodeSafely(question < 0 ? url : url.slice(0, question)));
  if (question < 0) return path;
  const params = new URLSearchParams(url.slice(question + 1));
  const masked = [...params].map(([key, value]) => `${key}=${PERSONAL_PARAMS.has(key.toLowerCase()) && value ? '***' : maskText(value)}`);
  return `${path}?${masked.join('&')}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
