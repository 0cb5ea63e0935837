import type { FastifyInstance, FastifyReply } from 'fastify';

export type SetSecurityHeaders = (url: string, reply: FastifyReply) => void;

/**
 * Every API answer may carry personal data or a token, so no cache (browser, proxy) keeps one, and no browser guesses
 * a type other than the one sent. HSTS only when the operator says the engine is reached over TLS: sent over plain
 * HTTP it would lock browsers out of a deployment that has no certificate.
 */
export function securityHeaders(hstsMaxAge: number | null): SetSecurityHeaders {
  const hsts = hstsMaxAge === null ? null : `max-age=${hstsMaxAge}; includeSubDomains`;
  return (url, reply) => {
    if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) {
      reply.header('cache-control', 'no-store');
      reply.header('x-content-type-options', 'nosniff');
    }
    if (hsts) reply.header('strict-transport-security', hsts);
  };
}

/** On every answer sent through Fastify's hooks; the router's own refusals skip them and call `set` themselves. */
export function addSecurityHeaders(fastify: FastifyInstance, set: SetSecurityHeaders): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    set(request.url, reply);
    return payload;
  });
}
