import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { ReviewStatus as Review } from '../../../src/domain/rules/staleness';
import { muted } from '../shared/components';
import { useWriteAction } from '../shared/data/writes';
import { Field, TextInput } from '../shared/fields';
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
 * answer updates the page). Marking it reviewed also keeps the plan as the review's baseline ("Since last review");
 * `withNote` adds an optional note saying what the review decided.
 */
export function ReviewStatus({ review, revision, canEdit, withNote = false }: { review: Review; revision: number; canEdit: boolean; withNote?: boolean }) {
  const [note, setNote] = useState('');
  const action = useWriteAction('markReviewed', { onSuccess: () => setNote('') });
  const { reset, error } = action;
  const busy = action.pending;

  // A newer revision (after a reload or another write) makes an old error moot.
  useEffect(() => reset(), [revision, reset]);

  const markReviewed = () => action.run(note.trim() ? { baseRevision: revision, note: note.trim() } : { baseRevision: revision });

  const button = (
    <Button appearance={review.overdue || withNote ? 'primary' : 'default'} spacing={withNote ? 'default' : 'compact'} isLoading={busy} onClick={markReviewed}>
      Mark reviewed
    </Button>
  );
  return (
    <div data-testid="review-status" data-state={review.state} style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: token('space.100') }}>
        <Lozenge appearance={APPEARANCE[review.state]}>{LOZENGE[review.state]}</Lozenge>
        <span data-testid="review-headline" style={{ fontWeight: token('font.weight.semibold') }}>
          {reviewHeadline(review)}
        </span>
        {canEdit && !withNote ? <div style={{ marginInlineStart: 'auto' }}>{button}</div> : null}
      </div>
      {canEdit && withNote ? (
        // The note and the button together: what the review decided is kept with its baseline.
        <div style={{ display: 'flex', alignItems: 'flex-start', flexWrap: 'wrap', gap: token('space.100'), maxWidth: '720px' }}>
          <div style={{ flex: '1 1 320px' }}>
            <Field id="review-note" label="Review note (optional)" help="What the review decided; kept with this review's baseline.">
              <TextInput id="review-note" value={note} onChange={setNote} maxLength={500} help="What the review decided; kept with this review's baseline." />
            </Field>
          </div>
          <div style={{ paddingBlockStart: token('space.300') }}>{button}</div>
        </div>
      ) : null}
      <div style={muted}>
        {review.lastReviewedAt && review.state !== 'never-reviewed' ? `Last reviewed ${formatDay(review.lastReviewedAt)} · ` : ''}
        Reviewed every {days(review.cadenceDays)}
        {review.nextReviewOn && review.state !== 'never-reviewed' ? ` · next due ${formatDay(review.nextReviewOn)}` : ''}
      </div>
      {error ? <WriteError error={error} retryHint="Reload the roadmap to see the latest changes, then mark it reviewed again." /> : null}
    </div>
  );
}
