import type { Initiative, RoadmapMeta } from '../model';
import { quarterLabel, quarterOf, quartersBetween } from '../quarter';
import { addCalendarDays, calendarDaysBetween, isoDay, parseInstant } from './dates';
import { healthRule } from './health-rule';
import { describeInitiative, isOpen } from './initiative-facts';

/**
 * Keeping the roadmap alive: the regular review, initiatives nobody has touched for a review cycle, and work whose
 * target quarter has passed. Everything is judged by calendar day (UTC): a review due today is due, not overdue,
 * and an initiative last touched exactly one cadence ago is not yet stale.
 */

export type ReviewState = 'never-reviewed' | 'overdue' | 'due-today' | 'on-track';

export interface ReviewStatus {
  state: ReviewState;
  overdue: boolean;
  cadenceDays: number;
  lastReviewedAt: string | null;
  /** `2026-11-05`; null when the roadmap was never reviewed (or the date cannot be read). */
  nextReviewOn: string | null;
  /** Negative when overdue; null when never reviewed. */
  daysUntilNextReview: number | null;
  message: string;
}

export function reviewStatus(meta: Pick<RoadmapMeta, 'lastReviewedAt' | 'reviewCadenceDays'>, today: Date): ReviewStatus {
  const cadenceDays = meta.reviewCadenceDays;
  const lastReviewed = parseInstant(meta.lastReviewedAt);
  if (lastReviewed === null) {
    return {
      state: 'never-reviewed',
      overdue: true,
      cadenceDays,
      lastReviewedAt: meta.lastReviewedAt,
      nextReviewOn: null,
      daysUntilNextReview: null,
      message:
        meta.lastReviewedAt === null ? 'The roadmap has never been reviewed: review it now' : 'The last review date cannot be read: review the roadmap now',
    };
  }
  const due = addCalendarDays(lastReviewed, cadenceDays);
  const daysUntilNextReview = calendarDaysBetween(today, due);
  const state: ReviewState = daysUntilNextReview < 0 ? 'overdue' : daysUntilNextReview === 0 ? 'due-today' : 'on-track';
  const messages: Record<Exclude<ReviewState, 'never-reviewed'>, string> = {
    overdue: `The review is ${-daysUntilNextReview} day${daysUntilNextReview === -1 ? '' : 's'} overdue (due ${isoDay(due)})`,
    'due-today': 'The review is due today',
    'on-track': `Next review in ${daysUntilNextReview} day${daysUntilNextReview === 1 ? '' : 's'} (${isoDay(due)})`,
  };
  return {
    state,
    overdue: state === 'overdue',
    cadenceDays,
    lastReviewedAt: meta.lastReviewedAt,
    nextReviewOn: isoDay(due),
    daysUntilNextReview,
    message: messages[state],
  };
}

export interface UntouchedInitiative {
  initiativeId: string;
  daysSinceUpdate: number;
  message: string;
}

/**
 * Open initiatives not updated for longer than the review cadence. An unreadable `updatedAt` is skipped rather than
 * guessed at (no false alarms).
 */
export function untouchedInitiatives(initiatives: readonly Initiative[], cadenceDays: number, today: Date): UntouchedInitiative[] {
  const untouched: UntouchedInitiative[] = [];
  for (const initiative of initiatives) {
    if (!isOpen(initiative)) continue;
    const updated = parseInstant(initiative.updatedAt);
    if (updated === null) continue;
    const daysSinceUpdate = calendarDaysBetween(updated, today);
    if (daysSinceUpdate <= cadenceDays) continue;
    untouched.push({
      initiativeId: initiative.id,
      daysSinceUpdate,
      message: `${describeInitiative(initiative)} has not been updated for ${daysSinceUpdate} days (review cadence ${cadenceDays})`,
    });
  }
  return untouched.sort((a, b) => b.daysSinceUpdate - a.daysSinceUpdate);
}

export interface OverdueInitiative {
  initiativeId: string;
  targetQuarter: string;
  quartersLate: number;
  message: string;
}

/** Open initiatives whose target quarter is already over. */
export function overdueInitiatives(initiatives: readonly Initiative[], today: Date): OverdueInitiative[] {
  const currentQuarter = quarterOf(today);
  const overdue: OverdueInitiative[] = [];
  for (const initiative of initiatives) {
    if (!isOpen(initiative)) continue;
    const quartersLate = quartersBetween(initiative.targetQuarter, currentQuarter);
    if (quartersLate <= 0) continue;
    overdue.push({
      initiativeId: initiative.id,
      targetQuarter: initiative.targetQuarter,
      quartersLate,
      message: `${describeInitiative(initiative)} targeted ${quarterLabel(initiative.targetQuarter)} and is not done: ${quartersLate} quarter${quartersLate === 1 ? '' : 's'} late`,
    });
  }
  return overdue.sort((a, b) => b.quartersLate - a.quartersLate);
}

export interface StalenessReport {
  review: ReviewStatus;
  untouched: UntouchedInitiative[];
  overdue: OverdueInitiative[];
}

export function staleness(meta: Pick<RoadmapMeta, 'lastReviewedAt' | 'reviewCadenceDays'>, initiatives: readonly Initiative[], today: Date): StalenessReport {
  return {
    review: reviewStatus(meta, today),
    untouched: untouchedInitiatives(initiatives, meta.reviewCadenceDays, today),
    overdue: overdueInitiatives(initiatives, today),
  };
}

/** Health: overdue and untouched initiatives, and a review that is due. */
export const stalenessRule = healthRule({
  key: 'staleness',
  analyse: ({ roadmap, today }) => staleness(roadmap.meta, roadmap.initiatives, today),
  problems: (report) => report.overdue.length + report.untouched.length + (report.review.overdue ? 1 : 0),
});
