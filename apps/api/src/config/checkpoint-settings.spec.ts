import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config';

// A throwaway SM2 test key from `openssl genpkey -algorithm SM2`, and the same key as 64 hex digits.
const SM2_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgBDyBz32fBfMpnWb4
iQR3+dLwheXGTIdrTNh4BTO2qd+hRANCAAQ2B7zIxO+AJov+sl3B1lwm8CAWg2vf
Z/LRiBjLGF+zdcos2K8kNL8JUbzkmEWtJpu4Mt4V6aM0qBT7Z4b1WBN7
-----END PRIVATE KEY-----
`;
const SM2_HEX = '043c81cf7d9f05f3299d66f8890477f9d2f085e5c64c876b4cd8780533b6a9df';

describe('checkpoint settings', () => {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

  it('runs on SHA-256 without checkpoints when nothing is set, every hour by default', () => {
    const config = loadConfig({});
    expect(config.auditHash).toBe('sha256');
    expect(config.checkpoints).toEqual({ suite: 'sha256+ed25519', signingKey: null, intervalMinutes: 60 });
  });

  it('reads the Ed25519 key inline or from a file and derives the public key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fengqiao-key-'));
    try {
      writeFileSync(join(dir, 'key.pem'), pem);
      for (const value of [pem, join(dir, 'key.pem')]) {
        const settings = loadConfig({ FENGQIAO_CHECKPOINT_KEY: value, FENGQIAO_CHECKPOINT_MINUTES: '5' }).checkpoints;
        expect(settings.signingKey?.algorithm).toBe('ed25519');
        expect(settings.signingKey?.publicKey.pem()).toMatch(/^-----BEGIN PUBLIC KEY-----/);
        expect(settings.intervalMinutes).toBe(5);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes SM3 with SM2 checkpoints, the SM2 key inline in PEM or hex or from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fengqiao-key-'));
    try {
      writeFileSync(join(dir, 'sm2.pem'), SM2_PEM);
      const published = new Set<string>();
      for (const value of [SM2_PEM, SM2_HEX, join(dir, 'sm2.pem')]) {
        const config = loadConfig({ FENGQIAO_AUDIT_HASH: 'sm3', FENGQIAO_CHECKPOINT_KEY: value });
        expect(config.auditHash).toBe('sm3');
        expect(config.checkpoints.suite).toBe('sm3+sm2');
        expect(config.checkpoints.signingKey?.algorithm).toBe('sm2');
        published.add(config.checkpoints.signingKey!.publicKey.pem());
      }
      expect(published.size).toBe(1);
      expect(loadConfig({ FENGQIAO_AUDIT_HASH: 'sm3', FENGQIAO_CHECKPOINT_ALGORITHMS: 'sm3+sm2' }).checkpoints).toEqual({ suite: 'sm3+sm2', signingKey: null, intervalMinutes: 60 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a missing file, a non-key, another key type, a bad interval and algorithms it does not implement', () => {
    expect(() => loadConfig({ FENGQIAO_CHECKPOINT_KEY: '/nonexistent/key.pem' })).toThrow(/FENGQIAO_CHECKPOINT_KEY must be an Ed25519 private key/);
    expect(() => loadConfig({ FENGQIAO_CHECKPOINT_KEY: '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----' })).toThrow(/not a readable private key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(() => loadConfig({ FENGQIAO_CHECKPOINT_KEY: rsa })).toThrow(/must be an Ed25519 key, not rsa/);
    expect(() => loadConfig({ FENGQIAO_CHECKPOINT_MINUTES: '0' })).toThrow(/FENGQIAO_CHECKPOINT_MINUTES/);
    expect(() => loadConfig({ FENGQIAO_CHECKPOINT_ALGORITHMS: 'md5+rsa' })).toThrow(/FENGQIAO_CHECKPOINT_ALGORITHMS must be one of sha256\+ed25519, sm3\+sm2, not "md5\+rsa"/);
    expect(() => loadConfig({ FENGQIAO_AUDIT_HASH: 'md5' })).toThrow(/FENGQIAO_AUDIT_HASH must be one of sha256, sm3, not "md5"/);
    expect(loadConfig({ FENGQIAO_CHECKPOINT_ALGORITHMS: 'sha256+ed25519' }).checkpoints.signingKey).toBeNull();
  });

  it('refuses an SM2 key where Ed25519 is expected and the reverse, and a chain hash of the other family', () => {
    expect(() => loadConfig({ FENGQIAO_CHECKPOINT_KEY: SM2_PEM })).toThrow(/FENGQIAO_CHECKPOINT_KEY must be an Ed25519 key/);
    expect(() => loadConfig({ FENGQIAO_AUDIT_HASH: 'sm3', FENGQIAO_CHECKPOINT_KEY: pem })).toThrow(/FENGQIAO_CHECKPOINT_KEY is not an SM2 private key/);
    expect(() => loadConfig({ FENGQIAO_AUDIT_HASH: 'sm3', FENGQIAO_CHECKPOINT_KEY: 'ab12' })).toThrow(/must be an SM2 private key \(PEM or 64 hex digits\) or the path/);
    expect(() => loadConfig({ FENGQIAO_CHECKPOINT_ALGORITHMS: 'sm3+sm2' })).toThrow(/sm3\+sm2 signs sm3 chains, but FENGQIAO_AUDIT_HASH is sha256/);
    expect(() => loadConfig({ FENGQIAO_AUDIT_HASH: 'sm3', FENGQIAO_CHECKPOINT_ALGORITHMS: 'sha256+ed25519' })).toThrow(/sha256\+ed25519 signs sha256 chains, but FENGQIAO_AUDIT_HASH is sm3/);
  });
});
