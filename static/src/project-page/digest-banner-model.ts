import type { DigestAnswer } from '../../../src/domain/digest-api';
import { driftPhrase, reviewNeeded, reviewPhrase } from '../../../src/domain/digest-text';
import type { ReviewStatus } from '../../../src/domain/rules/staleness';

/** What the project page's digest banner says, or null when it has nothing to say. Pure. */
export interface DigestBannerContent {
  /** "Review overdue by 5 days" when the review is due (from the page's own, live review status). */
  review: string | null;
  /** "2 new drift flags since your last visit"; null when nothing is new to this viewer. */
  drift: string | null;
  /** The digest's day, when there is one. */
  asOf: string | null;
  /** An overdue review warns; otherwise it informs. */
  appearance: 'warning' | 'information';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The banner shows when the review is due or overdue, or when drift appeared that this viewer has not seen since their
 * last visit — unless they dismissed it today. The review comes from the page (live: "Mark reviewed" clears it at
 * once); the drift from the digest (as of its day, filtered for this viewer by getDigest).
 */
export function digestBannerOf(
  answer: DigestAnswer | undefined,
  review: Pick<ReviewStatus, 'state' | 'daysUntilNextReview' | 'overdue'>,
): DigestBannerContent | null {
  if (!answer || answer.visit.dismissedToday) return null;
  const fresh = answer.digest?.drift.newSinceLastVisit ?? 0;
  const drift =
    fresh === 0
      ? null
      : answer.visit.firstVisit
        ? `${driftPhrase(fresh, answer.digest?.drift.truncated ?? false)} between the roadmap and Jira`
        : `${plural(fresh, 'new drift flag')} since your last visit`;
  const due = reviewNeeded(review) ? reviewPhrase(review) : null;
  if (!due && !drift) return null;
  return { review: due, drift, asOf: answer.digest?.asOf ?? null, appearance: review.overdue ? 'warning' : 'information' };
}
