import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * The Standard Webhooks scheme (https://www.standardwebhooks.com): the secret is `whsec_` and base64 key bytes, the
 * signature is `v1,` and base64 HMAC-SHA256 of `id.timestamp.body`, so receivers can verify with its libraries.
 */

const PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}

/** True when one of the space-separated signatures of the header is this body's, as a receiver checks it. */
export function verifyWebhook(secret: string, id: string, timestampSeconds: number, body: string, header: string): boolean {
  const expected = Buffer.from(signWebhook(secret, id, timestampSeconds, body));
  return header.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
