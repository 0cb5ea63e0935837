import { createPrivateKey, createPublicKey } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

/**
 * SM2 signatures as GB/T 32918.2 defines them: the message is hashed with SM3 after the signer's Z value (GM/T 0009:
 * SM3 over the user ID's bit length, the ID, the curve and the public key), here with the standard default user ID.
 * Node's OpenSSL binding signs plain ECDSA on the SM2 curve without Z, so the signing itself comes from sm-crypto-v2;
 * Node only reads and writes the PEM containers, which it handles for SM2 keys like any other.
 */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** id-ecPublicKey with the SM2 curve (1.2.156.10197.1.301), as the DER of an SPKI starts. */
const SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex');
const SM2_CURVE_OID = Buffer.from('06082a811ccf5501822d', 'hex');
const HEX_PRIVATE = /^[0-9a-f]{64}$/i;
const HEX_PUBLIC = /^04[0-9a-f]{128}$/i;

/** Signs with the private key (64 hex digits); the signature is DER, as OpenSSL and GmSSL write it. */
export function sm2Sign(message: Buffer, privateKeyHex: string, publicKeyHex: string): Buffer {
  return Buffer.from(sm2.doSignature(message, privateKeyHex, { hash: true, der: true, publicKey: publicKeyHex, userId: SM2_DEFAULT_USER_ID }), 'hex');
}

export function sm2Verify(message: Buffer, signature: Buffer, publicKeyHex: string): boolean {
  try {
    return sm2.doVerifySignature(message, signature.toString('hex'), publicKeyHex, { hash: true, der: true, userId: SM2_DEFAULT_USER_ID });
  } catch {
    return false;
  }
}

export function sm2PublicKeyOf(privateKeyHex: string): string {
  return sm2.getPublicKeyFromPrivateKey(privateKeyHex.toLowerCase());
}

/**
 * The private key as 64 hex digits, from those digits or from a PEM (PKCS#8 as `openssl genpkey -algorithm SM2`
 * writes it, or SEC1); null when the text is neither an SM2 key.
 */
export function sm2PrivateKeyHex(text: string): string | null {
  const trimmed = text.trim();
  if (HEX_PRIVATE.test(trimmed)) return validPrivate(trimmed.toLowerCase());
  let der: Buffer;
  try {
    der = createPrivateKey(trimmed).export({ type: 'pkcs8', format: 'der' });
  } catch {
    return null;
  }
  if (!der.includes(SM2_CURVE_OID)) return null;
  // ECPrivateKey (RFC 5915): version 1, then the key as a 32-byte OCTET STRING.
  const at = der.indexOf(Buffer.from('0201010420', 'hex'));
  return at < 0 ? null : validPrivate(der.subarray(at + 5, at + 37).toString('hex'));
}

/** The public key as uncompressed hex (04‖x‖y), from that hex or from an SPKI PEM; null when neither is an SM2 key. */
export function sm2PublicKeyHex(text: string): string | null {
  const trimmed = text.trim();
  if (HEX_PUBLIC.test(trimmed)) return sm2.verifyPublicKey(trimmed.toLowerCase()) ? trimmed.toLowerCase() : null;
  let der: Buffer;
  try {
    der = createPublicKey(trimmed).export({ type: 'spki', format: 'der' });
  } catch {
    return null;
  }
  if (der.length !== SPKI_PREFIX.length + 65 || !der.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX)) return null;
  const hex = der.subarray(SPKI_PREFIX.length).toString('hex');
  return sm2.verifyPublicKey(hex) ? hex : null;
}

/** The public key as an SPKI PEM, which OpenSSL, GmSSL and this verifier read. */
export function sm2PublicKeyPem(publicKeyHex: string): string {
  const der = Buffer.concat([SPKI_PREFIX, Buffer.from(publicKeyHex, 'hex')]);
  return `-----BEGIN PUBLIC KEY-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

const CURVE_ORDER = BigInt('0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123');

/** A private key must lie in [1, n-2] (GB/T 32918.1, 6.1). */
function validPrivate(hex: string): string | null {
  const d = BigInt(`0x${hex}`);
  return d >= 1n && d <= CURVE_ORDER - 2n ? hex : null;
}
