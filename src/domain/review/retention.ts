import { LIMITS } from '../model';
import type { BaselineHeader, BaselinePart, EncodedBaseline } from './stored';

/**
 * How many baselines a roadmap keeps: LIMITS.reviewBaselines (12) — a year of reviews at the default 30-day cadence,
 * enough to compare this quarter's plan with the plans of the last four quarters ("planned versus actual over time").
 * The review that would make it 13 deletes the oldest in its own transaction.
 */
export interface PlannedReview {
  header: BaselineHeader;
  parts: BaselinePart[];
  /** The oldest baselines, deleted in the same transaction. */
  prune: BaselineHeader[];
}

/** Storage operations a stored baseline takes: its header and its parts. */
export const operationsOf = (header: Pick<BaselineHeader, 'parts'>): number => 1 + header.parts;

/**
 * Numbers the new baseline (one more than the highest kept) and picks the baselines to prune so that at most `keep`
 * remain — as many as `operations` (the transaction's room for review records) allows; any left over go with the
 * next review. `existing`: the stored headers, any order.
 */
export function planReviewWrite(existing: readonly BaselineHeader[], encoded: EncodedBaseline, options: { keep?: number; operations: number }): PlannedReview {
  const keep = options.keep ?? LIMITS.reviewBaselines;
  const seq = existing.reduce((max, h) => Math.max(max, h.seq), 0) + 1;
  const header: BaselineHeader = { ...encoded.header, seq };
  let room = options.operations - operationsOf(header);
  const oldestFirst = [...existing].sort((a, b) => a.revision - b.revision);
  const prune: BaselineHeader[] = [];
  for (const old of oldestFirst.slice(0, Math.max(0, existing.length + 1 - keep))) {
    if (operationsOf(old) > room) break;
    room -= operationsOf(old);
    prune.push(old);
  }
  return { header, parts: encoded.parts, prune };
}
