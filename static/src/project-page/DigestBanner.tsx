import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useEffect, useMemo, useRef } from 'react';
import type { ReviewStatus } from '../../../src/domain/rules/staleness';
import { useDigestQuery } from '../shared/data/digest';
import { useMarkDigestSeen } from '../shared/data/digest-visit';
import { usePageRoute } from '../shared/route/PageRouteProvider';
import { type PageViewId, TAB_VIEWS, VIEW_LABEL } from '../shared/route/route-model';
import { formatDay } from '../shared/time';
import { digestBannerOf } from './digest-banner-model';

/** The Drift view; on a branch without it, Health (which lists the same kind of problems). */
const DRIFT_VIEW = ((TAB_VIEWS as readonly string[]).includes('drift') ? 'drift' : 'health') as PageViewId;

/**
 * Under the page header: "Review overdue by 5 days · 2 new drift flags since your last visit · Open Drift", from the
 * daily digest as this viewer may see it. Opening the Drift view marks its flags seen (this viewer's last visit, kept
 * server-side); Dismiss does too, and hides the banner for the rest of the day.
 */
export function DigestBanner({ review, canEdit }: { review: ReviewStatus; canEdit: boolean }) {
  const digest = useDigestQuery();
  const mark = useMarkDigestSeen();
  const { route, navigate } = usePageRoute();
  const content = useMemo(() => digestBannerOf(digest.data, review), [digest.data, review]);
  const asOf = digest.data?.digest?.asOf ?? null;
  const fresh = digest.data?.digest?.drift.newSinceLastVisit ?? 0;
  const { mutate } = mark;
  // Once per digest day: a failed write is not retried in a loop (the next visit marks it).
  const markedFor = useRef<string | null>(null);

  useEffect(() => {
    if (route.view !== DRIFT_VIEW || fresh === 0 || asOf === null || markedFor.current === asOf) return;
    markedFor.current = asOf;
    mutate({ asOf });
  }, [route.view, fresh, asOf, mutate]);

  if (!content) return null;
  const title = [content.review, content.drift].filter(Boolean).join(' · ');
  return (
    <SectionMessage testId="digest-banner" appearance={content.appearance} title={title} isDismissible onDismiss={() => mutate({ asOf, dismiss: true })}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}>
        <span data-testid="digest-banner-detail">
          {content.drift
            ? `From the daily digest of ${content.asOf ? formatDay(content.asOf) : 'today'}: flags you have not seen yet.`
            : canEdit
              ? 'Hold the regular review to keep the roadmap living: walk the board, then mark it reviewed.'
              : "The roadmap's regular review is due; its editors mark it reviewed."}
        </span>
        {content.drift && route.view !== DRIFT_VIEW ? (
          // Button from button/new (already on the page): SectionMessage's own actions would add 7 KB of legacy button.
          <Button spacing="compact" testId="digest-open-drift" onClick={() => navigate({ view: DRIFT_VIEW, filters: {} })}>
            {`Open ${VIEW_LABEL[DRIFT_VIEW]}`}
          </Button>
        ) : null}
      </div>
    </SectionMessage>
  );
}
