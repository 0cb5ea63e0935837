import { createHmac } from 'node:crypto';

/** What a keyed digest stands for: a party's resident identity number, or a phone number. */
export type SearchKeyKind = 'ID' | 'PHONE';

/** What a party lookup's digest stands for (fraud_party_keys): an identity number, or a name with a phone. */
export type PartyKeyKind = 'ID' | 'NAME_PHONE';

/**
 * The key used when FENGQIAO_SEARCH_KEY is not set (development and tests only; refused in production). Digests made
 * with it are as good as clear values to anyone who reads this file.
 */
export const DEVELOPMENT_SEARCH_KEY = 'fengqiao-development-search-key-not-for-production';

/**
 * Keyed digests (HMAC-SHA256) of identity numbers and phones, so a case can be found by one without the database
 * holding it in a form it can search: without the key a digest cannot be tested against guesses.
 */
export class SearchDigests {
  constructor(private readonly key: string = DEVELOPMENT_SEARCH_KEY) {}

  digest(kind: SearchKeyKind | PartyKeyKind, value: string): string {
    return createHmac('sha256', this.key).update(`${kind}:${normalise(kind, value)}`).digest('hex');
  }

  /** Names the key without revealing it: stored, it tells a later start whether the digests were made with its key. */
  fingerprint(): string {
    return createHmac('sha256', this.key).update('fengqiao search key fingerprint').digest('hex').slice(0, 16);
  }

  /** The digests of a case's parties' identity numbers and phones, each once. */
  ofParties(parties: { idNumber?: string | null; phone?: string | null }[]): { kind: SearchKeyKind; digest: string }[] {
    const out = new Map<string, { kind: SearchKeyKind; digest: string }>();
    for (const p of parties) {
      for (const [kind, value] of [['ID', p.idNumber], ['PHONE', p.phone]] as const) {
        if (!value || !normalise(kind, value)) continue;
        const digest = this.digest(kind, value);
        out.set(`${kind}:${digest}`, { kind, digest });
      }
    }
    return [...out.values()];
  }

  /**
   * The digests of a case's parties as the fraud checks and the related-case lookups find a person: the identity
   * number (the search's own digest), and the name with the phone as entered, both trimmed as the checks compare them.
   */
  ofPartyKeys(parties: { idNumber?: string | null; name?: string | null; phone?: string | null }[]): { kind: PartyKeyKind; digest: string }[] {
    const keys = new Set<string>();
    for (const p of parties) {
      const id = p.idNumber?.trim();
      if (id) keys.add(`id:${id}`);
      const [name, phone] = [p.name?.trim(), p.phone?.trim()];
      if (name && phone) keys.add(`np:${name}|${phone}`);
    }
    return [...keys].map((k) => ({ kind: k.startsWith('id:') ? 'ID' : 'NAME_PHONE', digest: this.ofPartyKey(k) }));
  }

  /** A party key in the form the checks compare (`id:<number>`, `np:<name>|<phone>`) as its digest. */
  ofPartyKey(key: string): string {
    if (key.startsWith('id:')) return this.digest('ID', key.slice(3));
    if (key.startsWith('np:')) return this.digest('NAME_PHONE', key.slice(3));
    throw new Error(`not a party key: ${key.slice(0, 3)}`);
  }
}

/** One spelling per number: identity numbers upper-case (the check character X), phones digits only (0571-88886666). */
function normalise(kind: SearchKeyKind | PartyKeyKind, value: string): string {
  if (kind === 'NAME_PHONE') return value;
  return kind === 'ID' ? value.trim().toUpperCase() : value.replace(/\D/g, '');
}
