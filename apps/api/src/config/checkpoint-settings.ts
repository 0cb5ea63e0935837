import { existsSync, readFileSync } from 'node:fs';
import { CHAIN_HASH_ALGORITHMS, CHECKPOINT_SUITES, readSigningKey, SUITE_OF_SIGNATURE, type ChainHashAlgorithm, type CheckpointSuite, type SigningKey } from '@app/audit';

export interface CheckpointSettings {
  /** The hash and signature checkpoints are made with; always the family of the chain hash. */
  suite: CheckpointSuite;
  /** The signing key, read from the environment only; never stored in the database. */
  signingKey: SigningKey | null;
  intervalMinutes: number;
}

/** FENGQIAO_AUDIT_HASH: the chain hash, `sha256` (default) or `sm3`; the database records it at the first start. */
export function auditHashSetting(env: NodeJS.ProcessEnv): ChainHashAlgorithm {
  const value = env.FENGQIAO_AUDIT_HASH?.trim() || 'sha256';
  if (!(CHAIN_HASH_ALGORITHMS as readonly string[]).includes(value)) throw new Error(`FENGQIAO_AUDIT_HASH must be one of ${CHAIN_HASH_ALGORITHMS.join(', ')}, not "${value}"`);
  return value as ChainHashAlgorithm;
}

/**
 * FENGQIAO_CHECKPOINT_ALGORITHMS is `sha256+ed25519` or `sm3+sm2`, by default the one of the chain hash's family;
 * a mixture is refused, because an SM3 chain anchored by Ed25519 (or the reverse) meets neither policy.
 * FENGQIAO_CHECKPOINT_KEY is the private key, inline or as a file path: Ed25519 in PEM, or SM2 in PEM or 64 hex digits.
 */
export function checkpointSettings(env: NodeJS.ProcessEnv, intervalMinutes: number, chainHash: ChainHashAlgorithm): CheckpointSettings {
  const fallback = chainHash === 'sm3' ? 'sm3+sm2' : 'sha256+ed25519';
  const suite = env.FENGQIAO_CHECKPOINT_ALGORITHMS?.trim() || fallback;
  if (!(suite in CHECKPOINT_SUITES)) throw new Error(`FENGQIAO_CHECKPOINT_ALGORITHMS must be one of ${Object.keys(CHECKPOINT_SUITES).join(', ')}, not "${suite}"`);
  const algorithms = CHECKPOINT_SUITES[suite as CheckpointSuite];
  if (algorithms.chainHash !== chainHash) {
    throw new Error(`FENGQIAO_CHECKPOINT_ALGORITHMS=${suite} signs ${algorithms.chainHash} chains, but FENGQIAO_AUDIT_HASH is ${chainHash}: use sha256 with sha256+ed25519, or sm3 with sm3+sm2`);
  }
  const raw = env.FENGQIAO_CHECKPOINT_KEY?.trim();
  if (!raw) return { suite: suite as CheckpointSuite, signingKey: null, intervalMinutes };
  const sm2 = algorithms.signature === 'sm2';
  const what = sm2 ? 'an SM2 private key (PEM or 64 hex digits)' : 'an Ed25519 private key in PEM';
  let text: string;
  if (raw.startsWith('-----BEGIN') || (sm2 && /^[0-9a-f]{64}$/i.test(raw))) text = raw;
  else if (existsSync(raw)) text = readFileSync(raw, 'utf8');
  else throw new Error(`FENGQIAO_CHECKPOINT_KEY must be ${what} or the path of a file holding one`);
  let signingKey: SigningKey;
  try {
    signingKey = readSigningKey(text, algorithms.signature);
  } catch (error) {
    throw new Error(`FENGQIAO_CHECKPOINT_KEY ${error instanceof Error ? error.message : String(error)}`);
  }
  if (SUITE_OF_SIGNATURE[signingKey.algorithm] !== suite) throw new Error(`FENGQIAO_CHECKPOINT_KEY is an ${signingKey.algorithm} key, but FENGQIAO_CHECKPOINT_ALGORITHMS is ${suite}`);
  return { suite: suite as CheckpointSuite, signingKey, intervalMinutes };
}
