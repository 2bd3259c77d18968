import { useMemo } from 'react';
import type { RoadmapView } from '../../../../src/domain/api';
import type { Result } from '../../../../src/domain/result';
import type { ResolverKey, ResolverTypes } from '../client';
import { useFetchNewestView, useShowsRoadmap, useWrite } from '../data/writes';

export interface FormSend {
  /** Sends the form's write; a landed write updates the surface's cache (view, changelog, progress) from its answer. */
  sendWrite: <K extends ResolverKey>(resolver: K, payload: ResolverTypes[K]['payload']) => Promise<Result<ResolverTypes[K]['value']>>;
  /** The newest roadmap view, fetched after a CONFLICT and shown on the page, so the form can rebase onto it. */
  fetchNewestView: () => Promise<Result<RoadmapView>>;
  /** Whether the surface shows a roadmap to rebase onto (not the issue panel). */
  showsRoadmap: () => boolean;
}

/** The one door from the forms to the resolvers, through the surface's data layer (static/src/shared/data). */
export function useFormSend(): FormSend {
  const sendWrite = useWrite();
  const fetchNewestView = useFetchNewestView();
  const showsRoadmap = useShowsRoadmap();
  return useMemo(() => ({ sendWrite, fetchNewestView, showsRoadmap }), [sendWrite, fetchNewestView, showsRoadmap]);
}
