/**
 * The page to open after login, from `/login?next=…`: only a path of the console itself. Anything that a browser
 * would take to another site (`//host`, `/\host`, `http:…`, `javascript:…`) or that is not a path at all gives `/`,
 * so a crafted link cannot send a person from the login page to a look-alike site. The login page itself gives `/`
 * too, so a login never lands on the login form again.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2000) return '/';
  // Browsers treat a backslash as a slash and drop tabs and newlines inside URLs: judge what they would see.
  if (/[\u0000-\u001f\\]/.test(next)) return '/';
  if (!next.startsWith('/') || next.startsWith('//')) return '/';
  let parsed: URL;
  try {
    parsed = new URL(next, 'http://console.invalid');
  } catch {
    return '/';
  }
  if (parsed.origin !== 'http://console.invalid') return '/';
  if (parsed.pathname === '/login' || parsed.pathname.startsWith('/api/') || parsed.pathname === '/api') return '/';
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
