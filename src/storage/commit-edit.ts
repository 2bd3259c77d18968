import type { ChangeRecord } from '../domain/changes';
import { epicLinkChanges, nextEpicProjects } from '../domain/epic-links';
import { assertBaselineWithinLimits, assertWithinLimits } from '../domain/limits';
import type { Roadmap } from '../domain/model';
import type { Edit } from '../domain/roadmap-ops';
import type { RoadmapStore } from './roadmap-store';

export interface CommitOptions {
  /**
   * Confirms that every epic the edit adds to an initiative exists and may be linked by whoever makes the edit (the
   * resolvers ask Jira as the caller); throws to refuse, or answers each epic's Jira project. Required when the edit
   * adds epics.
   */
  confirmAddedEpics?: (issueIds: string[]) => Promise<Array<{ id: string; projectId: string }>>;
}

/**
 * Stores a pure edit made on `before` (null for a roadmap that does not exist yet) — the one path every write takes
 * (resolvers, the trigger, startRoadmap, the demo seed):
 *   1. epics it adds are confirmed (Jira, as the caller) after reading the epic-deletion epoch — first, so that no
 *      later message can say anything about an epic the caller may not see;
 *   2. the edit must not add a limit violation (domain/limits.ts), so nothing can store an unloadable roadmap;
 *   3. one transaction, conditional on before's revision (and on that epoch when epics are added), writes the
 *      roadmap, its change record and the epic index entries together (and a review's baseline, pruning the oldest).
 */
export async function commitEdit(
  store: RoadmapStore,
  projectId: string,
  before: Roadmap | null,
  edit: Edit,
  options: CommitOptions = {},
): Promise<{ roadmap: Roadmap; change: ChangeRecord }> {
  const epicLinks = epicLinkChanges(projectId, before?.initiatives ?? [], edit.roadmap.initiatives, edit.touched);
  let epicDeletionEpoch: number | null | undefined;
  let confirmed: Array<{ id: string; projectId: string }> = [];
  if (epicLinks.added.length > 0) {
    if (!options.confirmAddedEpics) throw new Error('This write links epics but has no way to confirm them');
    // Read before asking Jira: a deletion after this point bumps the epoch and the commit's check fails.
    epicDeletionEpoch = await store.epicDeletionEpoch();
    confirmed = await options.confirmAddedEpics(epicLinks.added);
  }
  const meta = edit.roadmap.meta;
  const epicProjects = nextEpicProjects(projectId, meta.epicProjects ?? {}, edit.roadmap.initiatives, confirmed);
  const roadmap: Roadmap = { ...edit.roadmap, meta: { ...meta, epicProjects } };
  assertWithinLimits(before, roadmap, edit.touched);
  if (edit.review) assertBaselineWithinLimits(edit.review);
  const change = withEpicProjects(edit.change, { ...(before?.meta.epicProjects ?? {}), ...epicProjects });
  await store.commit(projectId, {
    baseRevision: before?.meta.revision ?? 0,
    roadmap,
    touched: edit.touched,
    change,
    epicLinks,
    epicDeletionEpoch,
    review: edit.review,
  });
  return { roadmap, change };
}

/** The change record remembers the projects of the foreign epics its diffs mention (for filtering the changelog). */
function withEpicProjects(change: ChangeRecord, known: Record<string, string>): ChangeRecord {
  const mentioned = new Set<string>();
  for (const diff of change.diffs) {
    if (diff.field !== 'epicIds') continue;
    for (const side of [diff.before, diff.after]) if (Array.isArray(side)) side.forEach((id) => mentioned.add(String(id)));
  }
  const projects = Object.fromEntries([...mentioned].filter((id) => known[id] !== undefined).map((id) => [id, known[id]]));
  return Object.keys(projects).length > 0 ? { ...change, epicProjects: projects } : change;
}
