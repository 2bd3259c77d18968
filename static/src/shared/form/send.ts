import type { RoadmapView } from '../../../../src/domain/api';
import type { Result } from '../../../../src/domain/result';
import { type ResolverKey, type ResolverTypes, call } from '../client';

/**
 * The one door from the forms to the resolvers: every write a form sends, and the newest roadmap it fetches after a
 * CONFLICT, go through here (so a data layer — caching, invalidation — hooks in at one place).
 */
export function sendWrite<K extends ResolverKey>(resolver: K, payload: ResolverTypes[K]['payload']): Promise<Result<ResolverTypes[K]['value']>> {
  return call(resolver, payload);
}

/** The newest roadmap view, fetched after a CONFLICT so the form can rebase onto it. */
export function fetchNewestView(): Promise<Result<RoadmapView>> {
  return call('getRoadmapView', {});
}
