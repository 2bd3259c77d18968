import { z } from 'zod';
import type { Comparison, DriftSide } from './review/compare';
import type { ReviewReason } from './review/reasons';
import type { BaselineHeader } from './review/stored';

/**
 * The contract of the review resolvers ("Since last review"): payloads (parsed on the server) and answers. A review is
 * named by its `seq` on the roadmap (1 for the first; pruning keeps the numbers).
 */

const seqSchema = z
  .number({ error: 'A review number' })
  .int({ error: 'A review number is a whole number' })
  .min(1, { error: 'Review numbers start at 1' })
  .max(999_999_999, { error: 'No such review number' });

/** The reviews kept for the project's roadmap (the picker). */
export const getReviewBaselinesPayload = z.object({}).strict();

/**
 * Compare review `from` (default: the latest) with review `to` (default: the roadmap now). `to` must be a later
 * review than `from`.
 */
export const getReviewComparisonPayload = z.object({ from: seqSchema.optional(), to: seqSchema.optional() }).strict();

/**
 * One kept review, as the picker lists it: its stored header without the storage bookkeeping (how many flags, parts
 * and bytes — a count of flags would tell a reader about epics they may not see).
 */
export type ReviewSummary = Pick<BaselineHeader, 'seq' | 'revision' | 'reviewedAt' | 'reviewer' | 'note' | 'initiatives' | 'drift'>;

export interface ReviewBaselines {
  /** Newest first. */
  baselines: ReviewSummary[];
  /** How many reviews a roadmap keeps; older ones are pruned. */
  keep: number;
}

export interface ReviewComparisonResult {
  from: ReviewSummary;
  /** The later review, or null for the roadmap now. */
  to: ReviewSummary | null;
  /** When "now" was read (ISO). */
  asOf: string;
  changes: Comparison;
  /** Initiative id → title: from the roadmap now, or (for removed ones) the changelog. Missing: show the id. */
  titles: Record<string, string>;
  /** Phase id → name: now, or as named at the review for a phase deleted since. */
  phases: Record<string, string>;
  /**
   * Initiative id → the revisions (newest first) of the changes that moved, re-planned, created or deleted it; each
   * change once in `changelog.changes`, with its reason.
   */
  reasons: Record<string, number[]>;
  /** The changelog in between as read for reasons: its newest `read` of `total` changes (`truncated` when not all). */
  changelog: { read: number; total: number; truncated: boolean; changes: ReviewReason[] };
  /**
   * Drift flags as this reader may see them: at `from`, and at `to` when it is a review. For now (`to` null) the page
   * computes the flags from the view and Jira progress and compares them with compareDrift.
   */
  drift: { from: DriftSide; to: DriftSide | null };
}

export interface ReviewComparisonAnswer extends ReviewBaselines {
  /** Null when the roadmap has no review with a baseline yet. */
  comparison: ReviewComparisonResult | null;
}
