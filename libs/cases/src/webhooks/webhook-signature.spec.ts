import { newWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures (Standard Webhooks)', () => {
  // The example of the Standard Webhooks specification and its libraries' tests.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const body = '{"test": 2432232314}';

  it('signs id.timestamp.body with HMAC-SHA256 of the base64 key, as the specification’s example', () => {
    expect(signWebhook(secret, id, 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verifies a header listing several signatures, and refuses a changed body, id or time', () => {
    const header = `v1,bm9wZQ== ${signWebhook(secret, id, 1614265330, body)}`;
    expect(verifyWebhook(secret, id, 1614265330, body, header)).toBe(true);
    expect(verifyWebhook(secret, id, 1614265330, '{"test": 2432232315}', header)).toBe(false);
    expect(verifyWebhook(secret, 'msg_other', 1614265330, body, header)).toBe(false);
    expect(verifyWebhook(secret, id, 1614265331, body, header)).toBe(false);
  });

  it('makes a new 32-byte secret each time', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
