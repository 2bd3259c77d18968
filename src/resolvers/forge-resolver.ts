import api from '@forge/api';
import Resolver from '@forge/resolver';
import { createForgeJira } from '../jira/forge-jira';
import { createKvsDigestStore } from '../storage/digest-store';
import { createKvsProgressCacheStore } from '../storage/kvs-progress-cache-store';
import { createKvsRoadmapStore } from '../storage/kvs-roadmap-store';
import { RESOLVER_TABLE, screenCall } from './define';
import type { Deps } from './deps';

export function productionDeps(): Deps {
  return {
    store: createKvsRoadmapStore(),
    jira: createForgeJira(),
    appJira: createForgeJira((path, init) => api.asApp().requestJira(path, init)),
    progressCache: createKvsProgressCacheStore(),
    now: () => new Date(),
    digests: createKvsDigestStore(),
  };
}

type Definitions = ReturnType<Resolver['getDefinitions']>;

/**
 * The Forge resolver function: every key in RESOLVER_TABLE, run with the real storage and Jira adapters. Calls are
 * screened before @forge/resolver sees them: it looks keys up with `in` on a plain object, so `constructor`,
 * `toString` or `__proto__` would reach Object.prototype's functions. Only the table's own keys run; anything else,
 * and any payload over Forge's invoke limit, is answered with an error value.
 */
export function buildResolver(deps: Deps = productionDeps()): Definitions {
  const resolver = new Resolver();
  for (const [key, handler] of Object.entries(RESOLVER_TABLE)) {
    resolver.define(key, ({ payload, context }) => handler(deps, { payload, context }));
  }
  const definitions = resolver.getDefinitions();
  return async (request, runtime) => {
    const refused = screenCall(request?.call?.functionKey, request?.call?.payload);
    return refused ?? definitions(request, runtime);
  };
}
