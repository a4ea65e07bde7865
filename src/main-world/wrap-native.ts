/** What a wrapper gets: the native function, the `this` it was called with, and its arguments. */
export type Trap = (native: (...args: unknown[]) => unknown, thisArg: unknown, args: unknown[]) => unknown;

/**
 * Replaces `holder[name]` with a Proxy of the native function whose calls go through `trap`. A Proxy keeps the
 * native's `name`, `length` and `toString()` ("[native code]"), so a page that checks them sees what it expects.
 * Nothing happens when there is no such function.
 */
export function wrapNative(holder: object | undefined, name: string, trap: Trap): void {
  const native = (holder as Record<string, unknown> | undefined)?.[name];
  if (!holder || typeof native !== 'function') return;
  (holder as Record<string, unknown>)[name] = new Proxy(native, { apply: trap as ProxyHandler<typeof native>['apply'] });
}
