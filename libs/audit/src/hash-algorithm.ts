import { createHash } from 'node:crypto';

/**
 * The hash a deployment's chains use. SHA-256 by default; SM3 (GB/T 32905) for deployments under the
 * commercial-cryptography rules. Node's OpenSSL provides both.
 */
export type ChainHashAlgorithm = 'sha256' | 'sm3';

export const CHAIN_HASH_ALGORITHMS: readonly ChainHashAlgorithm[] = ['sha256', 'sm3'];

/** Hex digest of the parts, in order, under the chosen algorithm. */
export function digestHex(algorithm: ChainHashAlgorithm, ...parts: (string | Buffer)[]): string {
  const hash = createHash(algorithm);
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}
