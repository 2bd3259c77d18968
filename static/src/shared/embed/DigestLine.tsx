import { token } from '@atlaskit/tokens';
import { driftPhrase, reviewPhrase } from '../../../../src/domain/digest-text';
import { useDigestQuery } from '../data/digest';
import { muted } from '../page';
import { formatDay } from '../time';

/**
 * The daily digest in one line, for a Confluence page: "Review overdue by 5 days · 3 drift flags · digest of 23 Nov
 * 2026" — review status and drift count as of the digest's day, counted for this reader (getDigest filters what they
 * may not see). Nothing while it loads, when no digest exists yet, or when the reader may not see the roadmap.
 */
export function DigestLine() {
  const digest = useDigestQuery().data?.digest;
  if (!digest) return null;
  const attention = digest.review.state !== 'on-track' || digest.drift.total > 0;
  return (
    <div data-testid="digest-line" style={{ ...muted, color: attention ? token('color.text.warning') : token('color.text.subtle') }}>
      {reviewPhrase(digest.review)} · {driftPhrase(digest.drift.total, digest.drift.truncated)} · digest of {formatDay(digest.asOf)}
    </div>
  );
}
