import { useCallback, useState } from 'react';
import type { MutationResult, RoadmapView } from '../../../src/domain/api';
import { type Remote, useResolver } from '../shared/hooks';

const EMPTY = {};

export type RoadmapRemote = Remote<RoadmapView> & {
  reload: () => void;
  /** After a write: show the view it answered with, or refetch when it answered none (a huge roadmap). */
  applyWrite: (result: MutationResult) => void;
};

/**
 * The project's roadmap view. A write answers with the fresh view (one round trip), which is shown as long as it is
 * newer than the last fetched one; when it carries no view, the page refetches.
 */
export function useRoadmapView(): RoadmapRemote {
  const remote = useResolver('getRoadmapView', EMPTY);
  const [written, setWritten] = useState<RoadmapView | null>(null);
  const { reload } = remote;
  const applyWrite = useCallback(
    (result: MutationResult) => {
      if (result.view) setWritten(result.view);
      else reload();
    },
    [reload],
  );
  if (remote.status === 'ok' && written && written.revision > remote.value.revision) {
    return { ...remote, value: written, applyWrite };
  }
  return { ...remote, applyWrite };
}
