import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

export interface CheckpointSettings {
  /** The signing key, read from the environment only; never stored in the database. */
  privateKey: KeyObject | null;
  publicKey: KeyObject | null;
  intervalMinutes: number;
}

/**
 * FENGQIAO_CHECKPOINT_KEY is an Ed25519 private key in PEM, inline or as a file path. FENGQIAO_CHECKPOINT_ALGORITHMS
 * names the hash and signature; only `sha256+ed25519` is implemented (see CHECKPOINT_ALGORITHMS for why not SM3/SM2).
 */
export function checkpointSettings(env: NodeJS.ProcessEnv, intervalMinutes: number): CheckpointSettings {
  const algorithms = env.FENGQIAO_CHECKPOINT_ALGORITHMS?.trim() || 'sha256+ed25519';
  if (algorithms !== 'sha256+ed25519') {
    throw new Error(`FENGQIAO_CHECKPOINT_ALGORITHMS must be "sha256+ed25519"${algorithms === 'sm3+sm2' ? ': SM3/SM2 needs an SM2 (GB/T 32918) signature library this build does not include' : `, not "${algorithms}"`}`);
  }
  const raw = env.FENGQIAO_CHECKPOINT_KEY?.trim();
  if (!raw) return { privateKey: null, publicKey: null, intervalMinutes };
  let pem: string;
  if (raw.startsWith('-----BEGIN')) pem = raw;
  else if (existsSync(raw)) pem = readFileSync(raw, 'utf8');
  else throw new Error('FENGQIAO_CHECKPOINT_KEY must be an Ed25519 private key in PEM or the path of a file holding one');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new Error('FENGQIAO_CHECKPOINT_KEY is not a readable private key in PEM');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`FENGQIAO_CHECKPOINT_KEY must be an Ed25519 key, not ${privateKey.asymmetricKeyType}`);
  return { privateKey, publicKey: createPublicKey(privateKey), intervalMinutes };
}
