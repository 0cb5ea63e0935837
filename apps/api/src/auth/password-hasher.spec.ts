import { loadConfig } from '../config/app-config';
import { PasswordHasher } from './password-hasher';

describe('password hashing', () => {
  it('hashes with argon2id at 64 MiB, 3 passes and 4 lanes unless configured', async () => {
    const config = loadConfig({});
    expect(config.passwordHash).toEqual({ memoryKiB: 65_536, timeCost: 3, parallelism: 4 });
    expect(await new PasswordHasher(config.passwordHash).hash('Strong-enough-1')).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
  });

  it('takes its cost from the environment and checks older hashes with the cost they were made with', async () => {
    const cheap = loadConfig({ FENGQIAO_PASSWORD_HASH_MEMORY_KIB: '1024', FENGQIAO_PASSWORD_HASH_TIME_COST: '1', FENGQIAO_PASSWORD_HASH_PARALLELISM: '1' }).passwordHash;
    const strong = new PasswordHasher({ memoryKiB: 19_456, timeCost: 2, parallelism: 1 });
    const older = await strong.hash('Strong-enough-1');
    const hasher = new PasswordHasher(cheap);
    const newer = await hasher.hash('Strong-enough-1');
    expect(newer).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
    expect(await hasher.verify(older, 'Strong-enough-1')).toBe(true);
    expect(await hasher.verify(newer, 'Strong-enough-1')).toBe(true);
    expect(await hasher.verify(older, 'Strong-enough-2')).toBe(false);
    expect(await hasher.verifyNothing('Strong-enough-1')).toBe(false);
  });

  it('refuses a cost out of bounds, naming the variable', () => {
    expect(() => loadConfig({ FENGQIAO_PASSWORD_HASH_MEMORY_KIB: '512' })).toThrow(/FENGQIAO_PASSWORD_HASH_MEMORY_KIB must be a whole number from 1024/);
    expect(() => loadConfig({ FENGQIAO_PASSWORD_HASH_TIME_COST: '0' })).toThrow(/FENGQIAO_PASSWORD_HASH_TIME_COST/);
    expect(() => loadConfig({ FENGQIAO_PASSWORD_HASH_PARALLELISM: 'four' })).toThrow(/FENGQIAO_PASSWORD_HASH_PARALLELISM/);
  });
});
