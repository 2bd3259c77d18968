import Resolver from '@forge/resolver';
import { createForgeJira } from '../jira/forge-jira';
import { createKvsRoadmapStore } from '../storage/kvs-roadmap-store';
import { RESOLVER_TABLE } from './define';
import type { CallContext, Deps } from './deps';

export function productionDeps(): Deps {
  return { store: createKvsRoadmapStore(), jira: createForgeJira(), now: () => new Date() };
}

/** The Forge resolver function: every key in RESOLVER_TABLE, run with the real storage and Jira adapters. */
export function buildResolver(deps: Deps = productionDeps()) {
  const resolver = new Resolver();
  for (const [key, handler] of Object.entries(RESOLVER_TABLE)) {
    resolver.define(key, ({ payload, context }) => handler(deps, { payload, context: context as CallContext }));
  }
  return resolver.getDefinitions();
}
