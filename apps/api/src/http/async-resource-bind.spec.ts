import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { installFastAsyncResourceBind } from './async-resource-bind';

describe('installFastAsyncResourceBind', () => {
  beforeAll(() => installFastAsyncResourceBind());

  it('runs the bound function in the async context of its resource, with the arguments, this and result it was called with', () => {
    const store = new AsyncLocalStorage<string>();
    const bound = store.run('at bind', () => new AsyncResource('test').bind(function (this: unknown, a: number, b: number) {
      return { context: store.getStore(), self: this, sum: a + b };
    }));
    const receiver = { name: 'receiver' };
    expect(store.run('at call', () => bound.call(receiver, 2, 3))).toEqual({ context: 'at bind', self: receiver, sum: 5 });
  });

  it('binds this when a thisArg is given, keeps the length and drops only the deprecated asyncResource property', () => {
    const self = { n: 7 };
    const bound = (new AsyncResource('test') as unknown as { bind(fn: (...a: unknown[]) => unknown, thisArg: unknown): (...a: unknown[]) => unknown }).bind(function (this: { n: number }, x: unknown) {
      return [this.n, x];
    }, self);
    expect(bound('x')).toEqual([7, 'x']);
    expect(new AsyncResource('test').bind((_a: number, _b: number) => undefined).length).toBe(2);
    expect(Object.getOwnPropertyDescriptor(new AsyncResource('test').bind(() => undefined), 'asyncResource')).toBeUndefined();
  });

  it('still refuses what is not a function, as the original does', () => {
    expect(() => new AsyncResource('test').bind(42 as unknown as () => void)).toThrow(/"fn" argument must be of type function/);
  });

  it('can be installed twice', () => {
    installFastAsyncResourceBind();
    const store = new AsyncLocalStorage<number>();
    const bound = store.run(1, () => new AsyncResource('test').bind(() => store.getStore()));
    expect(bound()).toBe(1);
  });
});
