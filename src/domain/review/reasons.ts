import type { ChangeRecord } from '../changes';

/**
 * Why the plan changed between two reviews, from the changelog records in between: each change that touched an
 * initiative's placement (phase, quarter, horizon pin), status or success metric — or created or deleted it — with
 * its reason. Titles of initiatives no longer on the roadmap come from the same records (the deletion record holds
 * the whole initiative as it was).
 */

export interface ReviewReason {
  revision: number;
  at: string;
  accountId: string | null;
  summary: string;
  reason: string | null;
}

/** Fields whose change explains a move, a slip, a status change or a metric change. */
const PLAN_FIELDS = new Set(['phaseId', 'targetQuarter', 'horizonPin', 'status', 'successMetric']);
/** The newest changes shown per initiative. */
export const REASONS_PER_INITIATIVE = 3;

/**
 * For the initiatives in `ids`: the revisions (newest first, at most REASONS_PER_INITIATIVE each) of the changes in
 * `changes` (newest first) that touched their plan, and those changes once each.
 */
export function reasonsFrom(changes: readonly ChangeRecord[], ids: ReadonlySet<string>): { byInitiative: Record<string, number[]>; changes: ReviewReason[] } {
  const byInitiative: Record<string, number[]> = {};
  const used: ReviewReason[] = [];
  for (const change of changes) {
    const touched = new Set<string>();
    for (const diff of change.diffs) {
      if (diff.entity !== 'initiative' || !ids.has(diff.id)) continue;
      const createdOrDeleted = diff.field === 'title' && (diff.before === undefined || diff.after === undefined);
      if (PLAN_FIELDS.has(diff.field) || createdOrDeleted) touched.add(diff.id);
    }
    let cited = false;
    for (const id of touched) {
      const list = (byInitiative[id] ??= []);
      if (list.length >= REASONS_PER_INITIATIVE) continue;
      list.push(change.revision);
      cited = true;
    }
    if (cited) used.push({ revision: change.revision, at: change.at, accountId: change.accountId, summary: change.summary, reason: change.reason });
  }
  return { byInitiative, changes: used };
}

/** The last title each initiative in `ids` had in `changes` (newest first): for initiatives no longer on the roadmap. */
export function titlesFrom(changes: readonly ChangeRecord[], ids: ReadonlySet<string>): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const change of changes) {
    for (const diff of change.diffs) {
      if (diff.entity !== 'initiative' || diff.field !== 'title' || !ids.has(diff.id) || diff.id in titles) continue;
      const title = diff.after ?? diff.before;
      if (typeof title === 'string') titles[diff.id] = title;
    }
  }
  return titles;
}
