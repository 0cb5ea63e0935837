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

/**
 * The deployment's chain hash, from its configuration, which the database must have recorded (the engine refuses to
 * start otherwise); injected wherever entries are hashed, so the write path never reads it from the database.
 */
export class ChainHash {
  constructor(readonly algorithm: ChainHashAlgorithm) {}
}

/** Where the engine keeps settings that, once in use, a deployment may not change. */
export abstract class EngineSettingsStore {
  /** Records `value` under `name` unless a value is recorded already; returns the recorded one. */
  abstract recordOnce(name: string, value: string): Promise<string>;
}

export const CHAIN_HASH_SETTING = 'audit.chainHash';

/**
 * Records the configured chain hash on the first start and returns it; refuses a configuration that differs from
 * what the database recorded, because every chain already written would stop verifying.
 */
export async function settleChainHash(store: EngineSettingsStore, configured: ChainHashAlgorithm): Promise<ChainHash> {
  const recorded = await store.recordOnce(CHAIN_HASH_SETTING, configured);
  if (recorded !== configured) {
    throw new Error(
      `审计链哈希算法已在本数据库记录为 ${recorded}，不能改为 ${configured}：一个部署的审计链不能中途更换算法。` +
        ` (FENGQIAO_AUDIT_HASH is ${configured}, but this database's audit chains were recorded with ${recorded}; a deployment's chains cannot switch algorithm midway.)`,
    );
  }
  return new ChainHash(recorded);
}
