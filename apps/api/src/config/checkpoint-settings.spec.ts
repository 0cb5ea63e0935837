import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config';

describe('checkpoint settings', () => {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

  it('runs without checkpoints when no key is set, every hour by default', () => {
    expect(loadConfig({}).checkpoints).toEqual({ privateKey: null, publicKey: null, intervalMinutes: 60 });
  });

  it('reads the Ed25519 key inline or from a file and derives the public key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fengqiao-key-'));
    try {
      writeFileSync(join(dir, 'key.pem'), pem);
      for (const value of [pem, join(dir, 'key.pem')]) {
        const settings = loadConfig({ FENGQIAO_CHECKPOINT_KEY: value, FENGQIAO_CHECKPOINT_MINUTES: '5' }).checkpoints;
        expect(settings.privateKey?.asymmetricKeyType).toBe('ed25519');
        expect(settings.publicKey?.type).toBe('public');
        expect(settings.intervalMinutes).toBe(5);
      }
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
    expect(() => loadConfig({ FENGQIAO_CHECKPOINT_ALGORITHMS: 'sm3+sm2' })).toThrow(/SM2 \(GB\/T 32918\) signature library/);
    expect(() => loadConfig({ FENGQIAO_CHECKPOINT_ALGORITHMS: 'md5+rsa' })).toThrow(/must be "sha256\+ed25519"/);
    expect(loadConfig({ FENGQIAO_CHECKPOINT_ALGORITHMS: 'sha256+ed25519' }).checkpoints.privateKey).toBeNull();
  });
});
