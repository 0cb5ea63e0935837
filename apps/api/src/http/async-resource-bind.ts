import { AsyncResource } from 'node:async_hooks';

type Bind = (this: AsyncResource, fn: (...args: any[]) => any, thisArg?: unknown) => (...args: any[]) => any;

/**
 * Fastify binds one callback per request body to an `AsyncResource`. Before Node 24, `AsyncResource#bind` also
 * attached the deprecated `asyncResource` property (DEP0172) through two `util.deprecate` wrappers, each re-parenting a
 * fresh function's prototype: about 40 µs per call on Node 20, a twentieth of a whole transition
 * (nodejs/node#58218). Node 24 dropped the property; this gives earlier versions the same bind: `fn` runs in the
 * resource's async scope with the caller's `this` (or `thisArg`) and the bound function has `fn`'s length, as before,
 * only without the deprecated property.
 */
export function installFastAsyncResourceBind(): void {
  const prototype = AsyncResource.prototype as unknown as { bind: Bind };
  const original = prototype.bind;
  const probe = original.call(new AsyncResource('fengqiao:probe'), () => undefined);
  if (!Object.getOwnPropertyDescriptor(probe, 'asyncResource')) return;
  prototype.bind = function bind(fn, thisArg) {
    if (typeof fn !== 'function') return original.call(this, fn, thisArg);
    const resource = this;
    const bound =
      thisArg === undefined
        ? function (this: unknown, ...args: unknown[]) {
            return resource.runInAsyncScope(fn, this, ...args);
          }
        : resource.runInAsyncScope.bind(resource, fn, thisArg);
    Object.defineProperty(bound, 'length', { configurable: true, enumerable: false, value: fn.length, writable: false });
    return bound;
  };
}
