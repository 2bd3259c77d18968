import { AsyncLocalStorage } from 'node:async_hooks';

/** Who a resolver or trigger invocation runs as: Forge knows this from the invocation, so asUser() needs no id. */
export interface Invocation {
  accountId: string | null;
}

const current = new AsyncLocalStorage<Invocation>();

export function runInvocation<T>(invocation: Invocation, fn: () => Promise<T>): Promise<T> {
  return current.run(invocation, fn);
}

export function currentInvocation(): Invocation | undefined {
  return current.getStore();
}
