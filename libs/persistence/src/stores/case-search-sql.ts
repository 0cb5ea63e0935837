import type { Dialect, Params } from '../db/db';

/** Trigrams are the shortest substrings the search indexes hold. */
export const TRIGRAM = 3;

/**
 * The case list's free-text condition over the case number, the summary and the party names, ignoring case. Three
 * characters or more are answered by the trigram indexes of migration 1764960000000. One or two characters (噪音,
 * 张三) hold no trigram: the same text is tested on the cases the other conditions and the jurisdiction leave, as the
 * list reads them, so such a search is as fast as the list without it only when those narrow it or matches are
 * common. Null when nothing is left of the query to search.
 */
export function freeTextCondition(dialect: Dialect, raw: string, params: Params): string | null {
  // Control characters cannot be typed into the search box; the unit separator is what divides the indexed parts.
  const q = raw.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!q) return null;
  if (dialect === 'postgres') {
    params.textPattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
    return 'case_search_text(c.case_no, c.summary, c.parties) ILIKE :textPattern';
  }
  if ([...q].length >= TRIGRAM) {
    // One FTS5 phrase: with the trigram tokenizer, the query as a substring.
    params.textPhrase = `"${q.replace(/"/g, '""')}"`;
    return 'c.id IN (SELECT s.case_id FROM case_search s WHERE s.body MATCH :textPhrase)';
  }
  params.textPattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
  return "c.id IN (SELECT s.case_id FROM case_search s WHERE s.body LIKE :textPattern ESCAPE '\\')";
}

/**
 * A region and everything under it, as a range of division codes: codes nest by prefix, and a range is what a plain
 * btree on region_code answers under any collation, where `LIKE 'prefix%'` needs the C collation on PostgreSQL and a
 * case-sensitive LIKE on SQLite. The end is the next prefix of the same length (3301 → 3302; none after 9999).
 */
export function regionCondition(prefix: string, name: string, params: Params): string {
  if (!/^\d+$/.test(prefix)) {
    params[name] = `${prefix.replace(/[\\%_]/g, '')}%`;
    return `c.region_code LIKE :${name}`;
  }
  params[`${name}From`] = prefix;
  const end = nextPrefix(prefix);
  if (end === null) return `c.region_code >= :${name}From`;
  params[`${name}To`] = end;
  return `c.region_code >= :${name}From AND c.region_code < :${name}To`;
}

function nextPrefix(digits: string): string | null {
  const last = digits.replace(/9+$/, '');
  if (!last) return null;
  return last.slice(0, -1) + String(Number(last.slice(-1)) + 1) + '0'.repeat(digits.length - last.length);
}
