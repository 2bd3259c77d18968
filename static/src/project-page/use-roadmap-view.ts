import { useCallback, useState } from 'react';
import type { MutationResult, RoadmapView } from '../../../src/domain/api';
import { type Remote, useResolver } from '../shared/hooks';

const EMPTY = {};

export type RoadmapRemote = Remote<RoadmapView> & {
  reload: () => void;
  /** After a write: show the view it answered with, or refetch when it answered none (a huge roadmap). */
  applyWrite: (result: MutationResult) => void;
  /** Shows a view fetched elsewhere (a form's, after a CONFLICT) when it is newer than the one shown. */
  showView: (view: RoadmapView) => void;
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
  const showView = useCallback((view: RoadmapView) => setWritten((w) => (w && w.revision >= view.revision ? w : view)), []);
  if (remote.status === 'ok' && written && written.revision > remote.value.revision) {
    return { ...remote, value: written, applyWrite, showView };
  }
  return { ...remote, applyWrite, showView };
}
