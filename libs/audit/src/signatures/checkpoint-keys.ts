import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { sm2PrivateKeyHex, sm2PublicKeyHex, sm2PublicKeyOf, sm2PublicKeyPem, sm2Sign, sm2Verify } from './sm2';

export type SignatureAlgorithm = 'ed25519' | 'sm2';

/** A public key checkpoints are verified with, whichever algorithm it belongs to. */
export interface VerifyingKey {
  readonly algorithm: SignatureAlgorithm;
  /** `signature` as a checkpoint stores it: base64 (Ed25519 raw, SM2 DER). */
  verify(message: Buffer, signature: string): boolean;
  /** SPKI PEM, what GET /api/audit/checkpoints/public-key publishes and the offline verifier reads. */
  pem(): string;
}

/** The private key checkpoints are signed with; it comes from the environment only. */
export interface SigningKey {
  readonly algorithm: SignatureAlgorithm;
  sign(message: Buffer): string;
  readonly publicKey: VerifyingKey;
}

/** Reads an Ed25519 private key (PEM), or an SM2 one (PEM or 64 hex digits); throws with the reason when it cannot. */
export function readSigningKey(text: string, algorithm: SignatureAlgorithm): SigningKey {
  if (algorithm === 'sm2') {
    const hex = sm2PrivateKeyHex(text);
    if (!hex) throw new Error('is not an SM2 private key (PEM from `openssl genpkey -algorithm SM2`, or 64 hex digits)');
    const publicHex = sm2PublicKeyOf(hex);
    return { algorithm, sign: (message) => sm2Sign(message, hex, publicHex).toString('base64'), publicKey: sm2VerifyingKey(publicHex) };
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(text);
  } catch {
    throw new Error('is not a readable private key in PEM');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'an SM2 or other unnamed key type'}`);
  return { algorithm, sign: (message) => sign(null, message, key).toString('base64'), publicKey: ed25519VerifyingKey(createPublicKey(key)) };
}

/** Reads a public key in SPKI PEM (Ed25519 or SM2) or SM2 uncompressed hex; throws when it is neither. */
export function readVerifyingKey(text: string): VerifyingKey {
  const sm2Hex = sm2PublicKeyHex(text);
  if (sm2Hex) return sm2VerifyingKey(sm2Hex);
  let key: KeyObject;
  try {
    key = createPublicKey(text);
  } catch {
    throw new Error('the public key is not a PEM public key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the public key must be Ed25519 or SM2, not ${key.asymmetricKeyType ?? 'another curve'}`);
  return ed25519VerifyingKey(key);
}

function ed25519VerifyingKey(key: KeyObject): VerifyingKey {
  return {
    algorithm: 'ed25519',
    verify: (message, signature) => {
      try {
        return verify(null, message, key, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
    pem: () => key.export({ type: 'spki', format: 'pem' }) as string,
  };
}

function sm2VerifyingKey(publicHex: string): VerifyingKey {
  return { algorithm: 'sm2', verify: (message, signature) => sm2Verify(message, Buffer.from(signature, 'base64'), publicHex), pem: () => sm2PublicKeyPem(publicHex) };
}
