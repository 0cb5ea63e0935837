import { isIP } from 'node:net';

/** What Fastify's `trustProxy` gets: off, the number of proxy hops in front, or the proxies' addresses and CIDR ranges. */
export type TrustProxy = false | number | string[];

/**
 * FENGQIAO_TRUST_PROXY: unset or 0, the client address is the socket's peer (`X-Forwarded-For` is ignored, so a
 * client cannot choose the address its failed logins count against); a whole number, that many reverse proxies in
 * front; otherwise a comma-separated list of the proxies' addresses or CIDR ranges, e.g. `127.0.0.1,10.0.0.0/8`.
 */
export function trustProxySetting(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === '0') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 20) throw new Error(`FENGQIAO_TRUST_PROXY must be a number of proxy hops from 0 to 20 or a list of proxy addresses, not "${raw}"`);
    return hops;
  }
  const entries = value.split(',').map((e) => e.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits))) {
      throw new Error(`FENGQIAO_TRUST_PROXY must be a number of proxy hops or a comma-separated list of proxy addresses or CIDR ranges; "${entry}" is neither`);
    }
  }
  return entries;
}
