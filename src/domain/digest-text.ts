import type { ReviewStatus } from './rules/staleness';

/**
 * The digest in words, for the banner and the macro's line. Its own module, without zod, so the macro's first
 * download does not carry the digest's storage schemas.
 */

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Review overdue by 5 days", "Review due today", "Never reviewed", "Next review in 3 days". */
export function reviewPhrase(review: Pick<ReviewStatus, 'state' | 'daysUntilNextReview'>): string {
  switch (review.state) {
    case 'never-reviewed':
      return 'Never reviewed';
    case 'overdue':
      return `Review overdue by ${plural(-(review.daysUntilNextReview ?? 0), 'day')}`;
    case 'due-today':
      return 'Review due today';
    case 'on-track':
      return `Next review in ${plural(review.daysUntilNextReview ?? 0, 'day')}`;
  }
}

export const reviewNeeded = (review: Pick<ReviewStatus, 'state'>): boolean => review.state !== 'on-track';

/** "3 drift flags", "No drift", "500+ drift flags". */
export function driftPhrase(total: number, truncated: boolean): string {
  if (total === 0) return 'No drift';
  return truncated ? `${total}+ drift flags` : plural(total, 'drift flag');
}
