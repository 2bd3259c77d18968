import type { ProgressReport } from '../domain/api';
import type { Roadmap } from '../domain/model';
import { type BaselineDrift, driftForBaseline, NO_DRIFT } from '../domain/review/baseline';
import type { Actor } from '../domain/roadmap-ops';
import { driftRoadmapOf } from '../domain/rules/drift';
import { driftOf } from '../domain/rules/drift';
import type { Deps } from './deps';
import { roadmapWithoutHiddenEpics } from './hidden-epics';
import { cachedProgress } from './progress-cache';

/**
 * How long a review waits for Jira before it lands without drift: the review is the point, the drift a bonus, and
 * the whole invocation must stay well inside Forge's 25 s.
 */
export const REVIEW_JIRA_BUDGET_MS = 10_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer from Jira within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The drift open at a review, as the reviewer sees it: Jira progress as the caller for the roadmap without the epics
 * hidden from them, then the drift rules. Each flag remembers the Jira projects (other than the roadmap's) of the
 * epics it came from — where the roadmap expects them and where Jira says they are now — so that a later reader who
 * cannot browse one of them never gets it. When Jira fails or is slow the review still lands, without drift.
 */
export async function driftAtReview(deps: Deps, roadmap: Roadmap, hidden: ReadonlySet<string>, actor: Actor): Promise<BaselineDrift> {
  const now = actor.now;
  const visible = roadmapWithoutHiddenEpics(roadmap, hidden);
  let progress: ProgressReport;
  try {
    // The reviewer's own cached progress (what Jira answered to them), usually warm from the page they review on.
    progress = await within(cachedProgress(deps, roadmap.meta.projectId, actor.accountId ?? undefined, visible), REVIEW_JIRA_BUDGET_MS);
  } catch (error) {
    console.warn('Review without drift: Jira progress failed', error);
    return NO_DRIFT;
  }
  const own = roadmap.meta.projectId;
  const expected = roadmap.meta.epicProjects ?? {};
  const seenIn = new Map(progress.epics.map((epic) => [epic.id, epic.projectId]));
  const projectsOf = (epicId: string) => [expected[epicId], seenIn.get(epicId)].filter((p): p is string => typeof p === 'string' && p !== own);
  return driftForBaseline(driftOf(driftRoadmapOf(visible), progress, now), projectsOf);
}
