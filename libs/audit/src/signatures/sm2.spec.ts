import { createHash } from 'node:crypto';
import { digestHex } from '../hash-algorithm';
import { readSigningKey, readVerifyingKey } from './checkpoint-keys';
import { SM2_DEFAULT_USER_ID, sm2PrivateKeyHex, sm2PublicKeyHex, sm2PublicKeyOf, sm2PublicKeyPem, sm2Sign, sm2Verify } from './sm2';
import { sm2 } from 'sm-crypto-v2';

/*
 * GB/T 32918.2's worked examples use a test curve, not the recommended curve that SM2 keys live on, so the signature
 * is checked against another implementation instead: OpenSSL 3.0 (`openssl pkeyutl -sign -rawin -digest sm3
 * -pkeyopt distid:1234567812345678`), which follows GB/T 32918 with the Z value. The key is a throwaway test key.
 */
const OPENSSL_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgBDyBz32fBfMpnWb4
iQR3+dLwheXGTIdrTNh4BTO2qd+hRANCAAQ2B7zIxO+AJov+sl3B1lwm8CAWg2vf
Z/LRiBjLGF+zdcos2K8kNL8JUbzkmEWtJpu4Mt4V6aM0qBT7Z4b1WBN7
-----END PRIVATE KEY-----
`;
/** The same key in SEC1 (`openssl ec`), under the label other tools give it. */
const OPENSSL_SEC1_PEM = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIAQ8gc99nwXzKZ1m+IkEd/nS8IXlxkyHa0zYeAUztqnfoAoGCCqBHM9V
AYItoUQDQgAENge8yMTvgCaL/rJdwdZcJvAgFoNr32fy0YgYyxhfs3XKLNivJDS/
CVG85JhFrSabuDLeFemjNKgU+2eG9VgTew==
-----END EC PRIVATE KEY-----
`;
/** `openssl pkey -pubout` of that key. */
const OPENSSL_PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAENge8yMTvgCaL/rJdwdZcJvAgFoNr
32fy0YgYyxhfs3XKLNivJDS/CVG85JhFrSabuDLeFemjNKgU+2eG9VgTew==
-----END PUBLIC KEY-----
`;
const PRIVATE_HEX = '043c81cf7d9f05f3299d66f8890477f9d2f085e5c64c876b4cd8780533b6a9df';
const PUBLIC_HEX = '043607bcc8c4ef80268bfeb25dc1d65c26f02016836bdf67f2d18818cb185fb375ca2cd8af2434bf0951bce49845ad269bb832de15e9a334a814fb6786f558137b';
/** OpenSSL's signature of "message digest" with that key and the default user ID, DER. */
const OPENSSL_SIGNATURE = '3045022100c724cb3ee29630d56a094a53ea53275b768ae417f5cd2f93e29f4bff4a6b97ea0220082ebf69e96e490d06fdd45a830db7825a7d998920b89ee3d2b204662cefcb06';

/** The recommended curve's a, b, xG, yG (GB/T 32918.5). */
const CURVE = [
  'fffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffc',
  '28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93',
  '32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7',
  'bc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0',
];

describe('SM3 (GB/T 32905)', () => {
  it('gives the standard’s example digests', () => {
    expect(digestHex('sm3', 'abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(digestHex('sm3', 'abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    expect(digestHex('sm3', 'ab', 'c')).toBe(digestHex('sm3', 'abc'));
    expect(digestHex('sha256', 'abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('SM2 signatures (GB/T 32918.2, GM/T 0009)', () => {
  it('reads the key from OpenSSL’s PKCS#8 and SEC1 PEM and from hex, and writes the public key as OpenSSL does', () => {
    expect(sm2PrivateKeyHex(OPENSSL_KEY_PEM)).toBe(PRIVATE_HEX);
    expect(sm2PrivateKeyHex(OPENSSL_SEC1_PEM)).toBe(PRIVATE_HEX);
    expect(sm2PrivateKeyHex(PRIVATE_HEX.toUpperCase())).toBe(PRIVATE_HEX);
    expect(sm2PublicKeyOf(PRIVATE_HEX)).toBe(PUBLIC_HEX);
    expect(sm2PublicKeyPem(PUBLIC_HEX)).toBe(OPENSSL_PUBLIC_PEM);
    expect(sm2PublicKeyHex(OPENSSL_PUBLIC_PEM)).toBe(PUBLIC_HEX);
    expect(sm2PrivateKeyHex('0'.repeat(64))).toBeNull();
    expect(sm2PrivateKeyHex('not a key')).toBeNull();
  });

  it('hashes the message after the Z value of the default user ID, as the standard defines it', () => {
    const id = Buffer.from(SM2_DEFAULT_USER_ID);
    const entl = Buffer.from([(id.length * 8) >> 8, (id.length * 8) & 0xff]);
    const z = createHash('sm3').update(Buffer.concat([entl, id, ...CURVE.map((h) => Buffer.from(h, 'hex')), Buffer.from(PUBLIC_HEX.slice(2), 'hex')])).digest('hex');
    expect(Buffer.from(sm2.getZ(PUBLIC_HEX, SM2_DEFAULT_USER_ID)).toString('hex')).toBe(z);
    expect(Buffer.from(sm2.getZ(PUBLIC_HEX)).toString('hex')).toBe(z);
  });

  it('verifies the signature OpenSSL made, and nothing else', () => {
    const signature = Buffer.from(OPENSSL_SIGNATURE, 'hex');
    expect(sm2Verify(Buffer.from('message digest'), signature, PUBLIC_HEX)).toBe(true);
    expect(sm2Verify(Buffer.from('message digesT'), signature, PUBLIC_HEX)).toBe(false);
    const flipped = Buffer.from(signature);
    flipped[10] ^= 1;
    expect(sm2Verify(Buffer.from('message digest'), flipped, PUBLIC_HEX)).toBe(false);
    expect(sm2Verify(Buffer.from('message digest'), Buffer.from('garbage'), PUBLIC_HEX)).toBe(false);
  });

  it('signs what it verifies, with a fresh signature each time, and only with the matching public key', () => {
    const message = Buffer.from('{"root":"根"}');
    const one = sm2Sign(message, PRIVATE_HEX, PUBLIC_HEX);
    const two = sm2Sign(message, PRIVATE_HEX, PUBLIC_HEX);
    expect(one.equals(two)).toBe(false);
    expect(sm2Verify(message, one, PUBLIC_HEX)).toBe(true);
    expect(sm2Verify(message, two, PUBLIC_HEX)).toBe(true);
    const stranger = sm2PublicKeyOf('1'.repeat(64));
    expect(sm2Verify(message, one, stranger)).toBe(false);
  });

  it('gives checkpoint keys for both algorithms that round-trip through the published PEM', () => {
    const signing = readSigningKey(OPENSSL_KEY_PEM, 'sm2');
    expect(signing.algorithm).toBe('sm2');
    expect(signing.publicKey.pem()).toBe(OPENSSL_PUBLIC_PEM);
    const published = readVerifyingKey(OPENSSL_PUBLIC_PEM);
    expect(published.algorithm).toBe('sm2');
    const message = Buffer.from('checkpoint body');
    expect(published.verify(message, signing.sign(message))).toBe(true);
    expect(published.verify(Buffer.from('another body'), signing.sign(message))).toBe(false);
    expect(() => readSigningKey(OPENSSL_KEY_PEM, 'ed25519')).toThrow(/must be an Ed25519 key/);
    expect(() => readSigningKey('-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----', 'sm2')).toThrow(/not an SM2 private key/);
    expect(() => readVerifyingKey('nope')).toThrow(/not a PEM public key/);
  });
});
