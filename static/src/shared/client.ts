import { invoke } from '@forge/bridge';
import type { ApiError, Result } from '../../../src/domain/api';
import type { PayloadIn, ResolverKey, ValueOf } from '../../../src/domain/contract';

export type { ResolverKey };

/** What each resolver takes and answers, from the one contract (src/domain/contract.ts). */
export type ResolverTypes = { [K in ResolverKey]: { payload: PayloadIn<K>; value: ValueOf<K> } };

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e.code === 'string' && typeof e.message === 'string';
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (r.ok === true && 'value' in r) || (r.ok === false && isApiError(r.error));
}

/**
 * Calls a resolver through the Forge bridge. Never throws: a bridge failure or an answer that is not a
 * `Result` becomes an `UPSTREAM` error value, like the resolvers' own errors.
 */
export async function call<K extends ResolverKey>(key: K, payload: ResolverTypes[K]['payload']): Promise<Result<ResolverTypes[K]['value']>> {
  try {
    const answer: unknown = await invoke(key, payload as Record<string, unknown>);
    if (isResult(answer)) return answer as Result<ResolverTypes[K]['value']>;
    return { ok: false, error: { code: 'UPSTREAM', message: 'The app returned an unexpected answer. Try again.' } };
  } catch (err) {
    const detail = err instanceof Error ? err.message.trim() : '';
    return {
      ok: false,
      error: { code: 'UPSTREAM', message: `Couldn't reach the app${detail ? `: ${detail}` : ''}. Try again.` },
    };
  }
}
