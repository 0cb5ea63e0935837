import { loadConfig } from './app-config';

describe('login throttle and proxy settings', () => {
  it('locks an account after 5 failures and an address after 50, within 15 minutes, for 15 minutes, trusting no proxy', () => {
    const config = loadConfig({});
    expect(config.loginThrottle).toEqual({
      account: { maxFailures: 5, windowMs: 900_000, lockMs: 900_000 },
      address: { maxFailures: 50, windowMs: 900_000, lockMs: 900_000 },
    });
    expect(config.trustProxy).toBe(false);
  });

  it('reads every limit from the environment', () => {
    const config = loadConfig({
      FENGQIAO_LOGIN_ACCOUNT_FAILURES: '3',
      FENGQIAO_LOGIN_ACCOUNT_WINDOW_SECONDS: '60',
      FENGQIAO_LOGIN_ACCOUNT_LOCK_SECONDS: '2',
      FENGQIAO_LOGIN_ADDRESS_FAILURES: '10',
      FENGQIAO_LOGIN_ADDRESS_WINDOW_SECONDS: '120',
      FENGQIAO_LOGIN_ADDRESS_BLOCK_SECONDS: '30',
    });
    expect(config.loginThrottle).toEqual({ account: { maxFailures: 3, windowMs: 60_000, lockMs: 2_000 }, address: { maxFailures: 10, windowMs: 120_000, lockMs: 30_000 } });
  });

  it('refuses a limit that is not a positive whole number, naming the variable', () => {
    expect(() => loadConfig({ FENGQIAO_LOGIN_ACCOUNT_FAILURES: '0' })).toThrow(/FENGQIAO_LOGIN_ACCOUNT_FAILURES must be a whole number/);
    expect(() => loadConfig({ FENGQIAO_LOGIN_ADDRESS_BLOCK_SECONDS: '1.5' })).toThrow(/FENGQIAO_LOGIN_ADDRESS_BLOCK_SECONDS/);
  });

  it('trusts a number of proxy hops or a list of proxy addresses, and nothing else', () => {
    expect(loadConfig({ FENGQIAO_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ FENGQIAO_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ FENGQIAO_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.local', '99']) expect(() => loadConfig({ FENGQIAO_TRUST_PROXY: bad })).toThrow(/FENGQIAO_TRUST_PROXY/);
  });
});
