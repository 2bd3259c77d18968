import type { EpicProgress, ProgressReport } from '../domain/api';
import type { Roadmap } from '../domain/model';
import { byParent, type Progress, rollUp, type StatusCategory, sumProgress } from '../domain/progress';
import type { JiraPort } from '../jira/jira-port';

/**
 * Progress of a roadmap's linked epics in two steps:
 *  1. `readEpicSnapshots` — what Jira answers, to whoever `jira` asks as, about a set of epic ids: the epics visible to
 *     that viewer (⌈epics/100⌉ bulk fetches) and their children (a few `parent in (…)` searches, paged). Nothing of
 *     the roadmap goes in, so the answer can be cached for that viewer (progress-cache.ts).
 *  2. `progressReportFrom` — that answer laid over the roadmap: an epic gone or hidden shows as unavailable, one now in
 *     another project than the roadmap expects as moved, and each initiative sums its available epics.
 * Whoever `jira` asks as decides what is counted — the caller in resolvers, the app in the scheduled digest — so
 * callers pass a roadmap already stripped of what that viewer must not see.
 */

/** One epic as Jira showed it to one viewer. */
export type EpicSnapshot =
  | { id: string; visible: false }
  | { id: string; visible: true; key: string; summary: string; projectId: string; projectKey: string; statusCategory: StatusCategory; progress: Progress };

export interface EpicSnapshots {
  /** The site's story-point field used for the children's points (null: progress is by issue count). */
  pointsFieldId: string | null;
  /** One per requested id, in the order asked. */
  epics: EpicSnapshot[];
  /** false when Jira could not answer for some epics this time (retriable errors): show it, but do not cache it. */
  complete: boolean;
}

/** Every distinct epic id the roadmap links, in roadmap order. */
export function linkedEpicIds(roadmap: Roadmap | null): string[] {
  return [...new Set((roadmap?.initiatives ?? []).flatMap((i) => i.epicIds))];
}

/**
 * What Jira says about `epicIds` to the viewer `jira` asks as. `pointsFieldId`: the story-point field when already
 * known (site configuration, cached app-level); undefined asks Jira's field list, in parallel with the bulk fetches.
 */
export async function readEpicSnapshots(jira: JiraPort, epicIds: readonly string[], pointsFieldId?: string | null): Promise<EpicSnapshots> {
  const [{ epics: visible, failedIds }, pointsField] = await Promise.all([
    jira.getEpicStatuses(epicIds),
    pointsFieldId === undefined ? jira.storyPointsFieldId() : Promise.resolve(pointsFieldId),
  ]);
  const asked = new Set(epicIds);
  // Only what was asked counts: an answer naming another issue (a moved key resolved by Jira) is not ours to show.
  const byId = new Map(visible.filter((epic) => asked.has(epic.id)).map((epic) => [epic.id, epic]));
  const visibleIds = epicIds.filter((id) => byId.has(id));
  const children = byParent(visibleIds.length > 0 ? await jira.childrenOf(visibleIds, pointsField) : []);
  const epics = epicIds.map((id): EpicSnapshot => {
    const epic = byId.get(id);
    if (!epic) return { id, visible: false };
    const { key, summary, projectId, projectKey, statusCategory } = epic;
    return { id, visible: true, key, summary, projectId, projectKey, statusCategory, progress: rollUp(children.get(id) ?? []) };
  });
  return { pointsFieldId: pointsField, epics, complete: failedIds.length === 0 };
}

/** The snapshots laid over the roadmap (see above); epics in roadmap order, initiatives summed from their epics. */
export function progressReportFrom(roadmap: Roadmap, snapshots: readonly EpicSnapshot[], pointsFieldId: string | null): ProgressReport {
  const byId = new Map(snapshots.map((snapshot) => [snapshot.id, snapshot]));
  const expectedProject = (id: string) => roadmap.meta.epicProjects?.[id] ?? roadmap.meta.projectId;
  const epics = linkedEpicIds(roadmap).map((id): EpicProgress => {
    const epic = byId.get(id);
    if (!epic?.visible) return { id, state: 'unavailable' };
    return {
      id,
      state: epic.projectId === expectedProject(id) ? 'ok' : 'moved',
      key: epic.key,
      summary: epic.summary,
      statusCategory: epic.statusCategory,
      progress: epic.progress,
      projectId: epic.projectId,
      projectKey: epic.projectKey,
    };
  });
  const initiatives: ProgressReport['initiatives'] = {};
  for (const initiative of roadmap.initiatives) {
    if (initiative.epicIds.length === 0) continue;
    const available = initiative.epicIds.flatMap((id) => {
      const epic = byId.get(id);
      return epic?.visible ? [epic.progress] : [];
    });
    initiatives[initiative.id] = {
      progress: sumProgress(available),
      epics: initiative.epicIds.length,
      unavailableEpics: initiative.epicIds.length - available.length,
    };
  }
  return { pointsFieldId, epics, initiatives };
}

/**
 * Progress of a roadmap's linked epics from one Jira view of them, uncached: the epics `jira` can see, then their
 * children. Used as the app by the scheduled digest and by the issue panel; the project page goes through
 * `cachedProgress` (progress-cache.ts), which caches this per viewer.
 */
export async function computeProgress(jira: JiraPort, roadmap: Roadmap | null): Promise<ProgressReport> {
  const epicIds = linkedEpicIds(roadmap);
  if (!roadmap || epicIds.length === 0) return { pointsFieldId: null, epics: [], initiatives: {} };
  const snapshots = await readEpicSnapshots(jira, epicIds);
  return progressReportFrom(roadmap, snapshots.epics, snapshots.pointsFieldId);
}
