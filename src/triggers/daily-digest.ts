import { buildDigest, sameDigest } from '../domain/digest';
import { isoDay } from '../domain/rules/dates';
import { driftRoadmapOf } from '../domain/rules/drift';
import { driftOf } from '../domain/rules/drift';
import { reviewStatus } from '../domain/rules/staleness';
import { computeProgress } from '../resolvers/progress-core';
import type { DigestStore } from '../storage/digest-store';
import type { TriggerDeps } from './issue-events';

/**
 * The scheduled digest (manifest.yml: `tech-roadmap-daily-digest`, interval day; `tech-roadmap-digest-resume`,
 * interval hour). For every stored roadmap, as the app (a scheduled trigger has no user): the review status and the
 * drift between the roadmap and Jira, stored as a small digest per roadmap (domain/digest.ts says what it holds, why
 * it is safe to serve per viewer, and its worst-case size).
 *
 * The platform's rules: no user context, no retries, an invocation may be duplicated, and a scheduled function runs
 * at most its `timeoutSeconds` (55 s by default; manifest.yml sets the 900 s maximum). So:
 * - idempotent: a digest is a pure function of (roadmap, Jira, day, previous digest); a write that would store the
 *   same value is skipped, and a run of a day already done does nothing (no writes at all);
 * - resumable: roadmaps are walked in the meta entity index's order and the run remembers the last one done
 *   (`digest-run`). An invocation stops starting roadmaps after `budgetMs` (default 10 of its 15 minutes) and saves
 *   where it got to; the hourly resume trigger carries on from there the same day (it never starts a day's run);
 * - isolated: one roadmap failing (Jira 5xx, a storage error) is logged and skipped — its previous digest stays,
 *   showing its older day — and the run goes on with the next one. Duplicated invocations compute the same values.
 */

export interface DigestTriggerDeps extends TriggerDeps {
  digests: DigestStore;
}

export interface DigestRunOptions {
  /** 'start': the daily trigger (starts or continues today's run); 'resume': the hourly one (only continues it). */
  mode?: 'start' | 'resume';
  /** Stop starting roadmaps after this long (ms); default 600 s of the function's 900 s. */
  budgetMs?: number;
  /** Milliseconds since the invocation started (injectable for tests); default wall-clock time. */
  elapsedMs?: () => number;
  /** Roadmaps read per index page (meta records are large: keep pages small). */
  pageSize?: number;
}

export interface DigestRunOutcome {
  day: string;
  /** Why nothing was done: today's run is finished, or (resume) was never started. */
  skipped: null | 'done today' | 'not started today';
  written: string[];
  unchanged: string[];
  failed: string[];
  /** The whole walk finished (false: the budget ran out; the next invocation resumes). */
  done: boolean;
}

export const DEFAULT_BUDGET_MS = 600_000;
const DEFAULT_PAGE_SIZE = 10;
/** Save the cursor at least this often, so an invocation cut short repeats little. */
const SAVE_EVERY = 20;

export async function runDailyDigest(deps: DigestTriggerDeps, options: DigestRunOptions = {}): Promise<DigestRunOutcome> {
  const started = Date.now();
  const elapsed = options.elapsedMs ?? (() => Date.now() - started);
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const now = deps.now();
  const day = isoDay(now);
  const outcome: DigestRunOutcome = { day, skipped: null, written: [], unchanged: [], failed: [], done: false };

  const run = await deps.digests.getRun();
  const today = run?.day === day ? run : null;
  if (today?.done) return { ...outcome, skipped: 'done today', done: true };
  if (!today && options.mode === 'resume') return { ...outcome, skipped: 'not started today' };

  let after = today?.after ?? null;
  let unsaved = 0;
  const save = (done: boolean) => deps.digests.putRun({ day, after, done });
  for (;;) {
    if (elapsed() >= budget) {
      await save(false);
      return outcome;
    }
    const ids = await deps.store.listRoadmapIds({ after, limit: pageSize });
    if (ids.length === 0) {
      await save(true);
      return { ...outcome, done: true };
    }
    for (const projectId of ids) {
      if (elapsed() >= budget) {
        await save(false);
        return outcome;
      }
      try {
        const result = await digestRoadmap(deps, projectId, now, day);
        if (result === 'written') outcome.written.push(projectId);
        else if (result === 'unchanged') outcome.unchanged.push(projectId);
      } catch (error) {
        // No retries from the platform, and one roadmap must not stop the others: log it, keep its old digest.
        console.error(`Daily digest: roadmap ${projectId} failed`, error);
        outcome.failed.push(projectId);
      }
      after = projectId;
      if (++unsaved >= SAVE_EVERY) {
        await save(false);
        unsaved = 0;
      }
    }
  }
}

/** One roadmap's digest for `day`: computed as the app, written only when it differs from what is stored. */
export async function digestRoadmap(deps: DigestTriggerDeps, projectId: string, now: Date, day: string): Promise<'written' | 'unchanged' | 'missing'> {
  const roadmap = await deps.store.load(projectId);
  if (!roadmap) return 'missing';
  // As the app: every epic counts (viewers' permissions are applied when the digest is served, see getDigest).
  const progress = await computeProgress(deps.appJira, roadmap);
  const drift = driftOf(driftRoadmapOf(roadmap), progress, now);
  const previous = await deps.digests.get(projectId);
  const digest = buildDigest({ roadmap, drift, review: reviewStatus(roadmap.meta, now), previous, day });
  if (previous && sameDigest(previous, digest)) return 'unchanged';
  await deps.digests.put(digest);
  return 'written';
}

/** What a scheduled trigger answers: the platform records 204 as success (see its events reference). */
export const SCHEDULED_OK = { statusCode: 204 } as const;
