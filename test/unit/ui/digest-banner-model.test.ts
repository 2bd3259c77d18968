import { countByKind } from '../../../src/domain/digest';
import type { DigestAnswer } from '../../../src/domain/digest-api';
import { reviewStatus } from '../../../src/domain/rules/staleness';
import { digestBannerOf } from '../../../static/src/project-page/digest-banner-model';

const TODAY = new Date('2026-11-23T10:00:00Z');
const onTrack = reviewStatus({ lastReviewedAt: '2026-11-20T09:00:00Z', reviewCadenceDays: 30 }, TODAY);
const overdue = reviewStatus({ lastReviewedAt: '2026-10-01T09:00:00Z', reviewCadenceDays: 30 }, TODAY);

function answer(fresh: number, visit: Partial<DigestAnswer['visit']> = {}, total = fresh): DigestAnswer {
  return {
    digest: {
      asOf: '2026-11-23',
      review: overdue,
      drift: { total, counts: countByKind([]), initiatives: total, newSinceLastVisit: fresh, newCounts: countByKind([]), truncated: false },
    },
    visit: { firstVisit: false, driftSeenAsOf: '2026-11-20', dismissedToday: false, ...visit },
  };
}

describe('the digest banner', () => {
  it('says nothing while the review is on track and nothing is new to this viewer', () => {
    expect(digestBannerOf(answer(0, {}, 4), onTrack)).toBeNull();
    expect(digestBannerOf(undefined, overdue)).toBeNull();
  });

  it('warns of an overdue review (live, from the page), even before the first digest', () => {
    expect(digestBannerOf({ digest: null, visit: { firstVisit: true, driftSeenAsOf: null, dismissedToday: false } }, overdue)).toEqual({
      review: 'Review overdue by 23 days',
      drift: null,
      asOf: null,
      appearance: 'warning',
    });
  });

  it('counts what is new since the last visit, or everything on a first visit', () => {
    expect(digestBannerOf(answer(2, {}, 5), onTrack)).toMatchObject({
      review: null,
      drift: '2 new drift flags since your last visit',
      appearance: 'information',
    });
    expect(digestBannerOf(answer(1), onTrack)?.drift).toBe('1 new drift flag since your last visit');
    expect(digestBannerOf(answer(3, { firstVisit: true, driftSeenAsOf: null }), overdue)?.drift).toBe('3 drift flags between the roadmap and Jira');
  });

  it('stays hidden for the rest of the day once dismissed', () => {
    expect(digestBannerOf(answer(2, { dismissedToday: true }), overdue)).toBeNull();
  });
});
