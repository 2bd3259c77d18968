import { epicLinkChanges } from '../domain/epic-links';
import { assertWithinLimits } from '../domain/limits';
import type { Roadmap } from '../domain/model';
import type { Edit } from '../domain/roadmap-ops';
import type { RoadmapStore } from './roadmap-store';

export interface CommitOptions {
  /**
   * Confirms that every epic the edit adds to the roadmap exists and may be linked by whoever makes the edit (the
   * resolvers ask Jira as the caller); throws to refuse. Required when the edit adds epics.
   */
  confirmAddedEpics?: (issueIds: string[]) => Promise<void>;
}

/**
 * Stores a pure edit made on `before` (null for a roadmap that does not exist yet) — the one path every write takes
 * (resolvers, the trigger, startRoadmap, the demo seed):
 *   1. the edit must not add a limit violation (domain/limits.ts), so nothing can store an unloadable roadmap;
 *   2. epics it adds are confirmed (Jira, as the caller) after reading the epic-deletion epoch;
 *   3. one transaction, conditional on before's revision (and on that epoch when epics are added), writes the
 *      roadmap, its change record and the epic index entries together.
 */
export async function commitEdit(store: RoadmapStore, projectId: string, before: Roadmap | null, edit: Edit, options: CommitOptions = {}): Promise<void> {
  assertWithinLimits(before, edit.roadmap, edit.touched);
  const epicLinks = epicLinkChanges(projectId, before?.initiatives ?? [], edit.roadmap.initiatives, edit.touched);
  let epicDeletionEpoch: number | null | undefined;
  if (epicLinks.added.length > 0) {
    if (!options.confirmAddedEpics) throw new Error('This write links epics but has no way to confirm them');
    // Read before asking Jira: a deletion after this point bumps the epoch and the commit's check fails.
    epicDeletionEpoch = await store.epicDeletionEpoch();
    await options.confirmAddedEpics(epicLinks.added);
  }
  await store.commit(projectId, {
    baseRevision: before?.meta.revision ?? 0,
    roadmap: edit.roadmap,
    touched: edit.touched,
    change: edit.change,
    epicLinks,
    epicDeletionEpoch,
  });
}
