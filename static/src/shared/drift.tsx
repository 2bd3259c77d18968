import { type ReactNode, useMemo } from 'react';
import type { RoadmapView } from '../../../src/domain/api';
import { type DriftFlag, driftOf } from '../../../src/domain/rules/drift';
import { useProgressQuery } from './data/queries';
import { apiErrorOf } from './data/query-client';
import { DriftContext, type DriftState } from './drift-state';

/**
 * Computes drift once per view and progress for everything a surface draws — the board's cards, the Drift tab,
 * Health, the one-pager — never per card. Progress is the viewer's own (getProgress as them), so drift names only
 * epics they may see.
 */
export function DriftProvider({ view, children }: { view: RoadmapView; children: ReactNode }) {
  const progress = useProgressQuery();
  const data = progress.data ?? null;
  // Today is read with the data: a page left open overnight shows drift as of its last load, like Health.
  const report = useMemo(() => driftOf(view, data, new Date()), [view, data]);
  const status: DriftState['status'] = data ? 'ready' : progress.isError ? 'error' : 'loading';
  const failure = progress.isError && !data ? progress.error : null;
  const error = useMemo(() => (failure ? apiErrorOf(failure) : null), [failure]);
  const state = useMemo<DriftState>(() => {
    const byInitiative = new Map<string, DriftFlag[]>();
    for (const flag of report.flags) {
      const list = byInitiative.get(flag.initiativeId);
      if (list) list.push(flag);
      else byInitiative.set(flag.initiativeId, [flag]);
    }
    return { status, report, byInitiative, error };
  }, [status, report, error]);
  return <DriftContext.Provider value={state}>{children}</DriftContext.Provider>;
}
