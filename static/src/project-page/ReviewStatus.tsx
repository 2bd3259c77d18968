import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useEffect } from 'react';
import type { ReviewStatus as Review } from '../../../src/domain/rules/staleness';
import { muted } from '../shared/components';
import { useWriteAction } from '../shared/data/writes';
import { formatDay } from '../shared/time';
import { WriteError } from '../shared/write-error';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** "Never reviewed", "Review overdue by 12 days", "Review due today", "Next review in 5 days". */
export function reviewHeadline(review: Review): string {
  switch (review.state) {
    case 'never-reviewed':
      return review.lastReviewedAt === null ? 'Never reviewed' : 'Last review date unreadable';
    case 'overdue':
      return `Review overdue by ${days(-(review.daysUntilNextReview ?? 0))}`;
    case 'due-today':
      return 'Review due today';
    case 'on-track':
      return `Next review in ${days(review.daysUntilNextReview ?? 0)}`;
  }
}

const APPEARANCE = { 'never-reviewed': 'moved', overdue: 'removed', 'due-today': 'moved', 'on-track': 'success' } as const;
const LOZENGE = { 'never-reviewed': 'Review needed', overdue: 'Overdue', 'due-today': 'Due', 'on-track': 'On track' } as const;

/**
 * The roadmap's review status and, for editors, "Mark reviewed" (a buttons-only write through the data layer, whose
 * answer updates the page).
 */
export function ReviewStatus({ review, revision, canEdit }: { review: Review; revision: number; canEdit: boolean }) {
  const action = useWriteAction('markReviewed');
  const { reset, error } = action;
  const busy = action.pending;

  // A newer revision (after a reload or another write) makes an old error moot.
  useEffect(() => reset(), [revision, reset]);

  const markReviewed = () => action.run({ baseRevision: revision });

  return (
    <div data-testid="review-status" data-state={review.state} style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: token('space.100') }}>
        <Lozenge appearance={APPEARANCE[review.state]}>{LOZENGE[review.state]}</Lozenge>
        <span data-testid="review-headline" style={{ fontWeight: token('font.weight.semibold') }}>
          {reviewHeadline(review)}
        </span>
        {canEdit ? (
          <div style={{ marginInlineStart: 'auto' }}>
            <Button appearance={review.overdue ? 'primary' : 'default'} spacing="compact" isLoading={busy} onClick={markReviewed}>
              Mark reviewed
            </Button>
          </div>
        ) : null}
      </div>
      <div style={muted}>
        {review.lastReviewedAt && review.state !== 'never-reviewed' ? `Last reviewed ${formatDay(review.lastReviewedAt)} · ` : ''}
        Reviewed every {days(review.cadenceDays)}
        {review.nextReviewOn && review.state !== 'never-reviewed' ? ` · next due ${formatDay(review.nextReviewOn)}` : ''}
      </div>
      {error ? <WriteError error={error} retryHint="Reload the roadmap to see the latest changes, then mark it reviewed again." /> : null}
    </div>
  );
}
