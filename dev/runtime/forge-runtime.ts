import type { EmulatedResponse, ProductRequest } from '../http-types';
import { currentInvocation } from './invocation';

/**
 * Installs what the Forge runtime gives a function, so the real `@forge/kvs` and `@forge/api` packages run
 * unchanged: `global.__forge_fetch__` (routes KVS calls to the KVS emulator and product calls to the Jira fake)
 * and a minimal `global.__forge_runtime__`.
 */
export interface KvsBackend {
  handle(path: string, body: unknown): Promise<EmulatedResponse>;
}
export interface ProductBackend {
  handle(req: ProductRequest): Promise<EmulatedResponse>;
}

interface FetchTarget {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

type ForgeFetch = (target: FetchTarget, path: string, init?: RequestInit) => Promise<Response>;

declare global {
  var __forge_fetch__: ForgeFetch | undefined;
  var __forge_runtime__: unknown;
}

export function toFetchResponse(answer: EmulatedResponse): Response {
  const body = answer.body === undefined ? null : JSON.stringify(answer.body);
  const headers: Record<string, string> = { ...(answer.headers ?? {}) };
  if (body !== null && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  // 204/205/304 may not carry a body.
  return new Response([204, 205, 304].includes(answer.status) ? null : body, { status: answer.status, headers });
}

function parseBody(init?: RequestInit): unknown {
  if (init?.body === undefined || init.body === null) return undefined;
  if (typeof init.body !== 'string') throw new Error('The emulator only forwards string bodies');
  return init.body === '' ? undefined : JSON.parse(init.body);
}

export function installForgeRuntime(backends: { kvs: KvsBackend; jira: ProductBackend }): () => void {
  const previousFetch = global.__forge_fetch__;
  const previousRuntime = global.__forge_runtime__;

  global.__forge_fetch__ = async (target, path, init) => {
    if (target.type === 'kvs') {
      return toFetchResponse(await backends.kvs.handle(path, parseBody(init)));
    }
    if (target.type === 'fpp' && target.remote === 'jira') {
      // asUser() without an id means "the user of this invocation", as on the platform.
      const accountId = target.provider === 'user' ? (target.accountId ?? currentInvocation()?.accountId ?? null) : null;
      if (target.provider === 'user' && !accountId) {
        return toFetchResponse({ status: 401, body: { errorMessages: ['You are not authenticated.'], errors: {} } });
      }
      const method = (init?.method ?? 'GET').toUpperCase();
      return toFetchResponse(await backends.jira.handle({ method, path, accountId, body: parseBody(init) }));
    }
    throw new Error(`The local Forge runtime does not emulate ${target.type}/${target.remote ?? ''}`);
  };
  global.__forge_runtime__ = {
    appContext: { appId: 'local-app', environmentId: 'local', environmentType: 'DEVELOPMENT', installationId: 'local' },
    lambdaContext: { getRemainingTimeInMillis: () => 25_000 },
    metrics: {
      counter: () => ({ incr: () => undefined }),
      timing: () => ({ measure: () => ({ stop: () => undefined }) }),
    },
    tracing: { traceId: 'local', spanId: 'local' },
  };
  return () => {
    global.__forge_fetch__ = previousFetch;
    global.__forge_runtime__ = previousRuntime;
  };
}
