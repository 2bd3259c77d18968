import { overdueInitiatives, reviewStatus, staleness, untouchedInitiatives } from '../../../src/domain/rules/staleness';
import { initiative } from './fixtures';

const day = (iso: string) => new Date(`${iso}T12:00:00.000Z`);

describe('reviewStatus', () => {
  it('is overdue when never reviewed', () => {
    expect(reviewStatus({ lastReviewedAt: null, reviewCadenceDays: 30 }, day('2026-11-15'))).toEqual({
      state: 'never-reviewed',
      overdue: true,
      cadenceDays: 30,
      lastReviewedAt: null,
      nextReviewOn: null,
      daysUntilNextReview: null,
      message: 'The roadmap has never been reviewed: review it now',
    });
  });

  it('treats an unreadable review date as never reviewed', () => {
    const status = reviewStatus({ lastReviewedAt: 'last Tuesday', reviewCadenceDays: 30 }, day('2026-11-15'));
    expect(status).toMatchObject({ state: 'never-reviewed', overdue: true, lastReviewedAt: 'last Tuesday' });
    expect(status.message).toContain('cannot be read');
  });

  it('counts the days until the next review', () => {
    const status = reviewStatus({ lastReviewedAt: '2026-11-01T08:00:00Z', reviewCadenceDays: 30 }, day('2026-11-15'));
    expect(status).toMatchObject({ state: 'on-track', overdue: false, nextReviewOn: '2026-12-01', daysUntilNextReview: 16 });
    expect(status.message).toBe('Next review in 16 days (2026-12-01)');
  });

  it('a review due exactly today is due, not overdue — at any time of day', () => {
    const meta = { lastReviewedAt: '2026-10-16T23:30:00Z', reviewCadenceDays: 30 };
    for (const today of [new Date('2026-11-15T00:00:00Z'), new Date('2026-11-15T23:59:59Z')]) {
      const status = reviewStatus(meta, today);
      expect(status).toMatchObject({ state: 'due-today', overdue: false, daysUntilNextReview: 0, nextReviewOn: '2026-11-15' });
      expect(status.message).toBe('The review is due today');
    }
  });

  it('is overdue the day after it was due', () => {
    const status = reviewStatus({ lastReviewedAt: '2026-10-16T10:00:00Z', reviewCadenceDays: 30 }, day('2026-11-16'));
    expect(status).toMatchObject({ state: 'overdue', overdue: true, daysUntilNextReview: -1 });
    expect(status.message).toBe('The review is 1 day overdue (due 2026-11-15)');
  });
});

describe('untouchedInitiatives', () => {
  it('an initiative updated exactly one cadence ago is not stale; one day more is', () => {
    const found = untouchedInitiatives(
      [
        initiative({ id: 'I-1', updatedAt: '2026-10-16T09:00:00Z' }), // 30 days before 2026-11-15
        initiative({ id: 'I-2', updatedAt: '2026-10-15T09:00:00Z' }), // 31 days
        initiative({ id: 'I-3', updatedAt: '2026-11-14T09:00:00Z' }),
      ],
      30,
      day('2026-11-15'),
    );
    expect(found).toEqual([
      { initiativeId: 'I-2', daysSinceUpdate: 31, message: '“Initiative I-2” (I-2) has not been updated for 31 days (review cadence 30)' },
    ]);
  });

  it('ignores done and dropped work and unreadable timestamps; lists the longest untouched first', () => {
    const found = untouchedInitiatives(
      [
        initiative({ id: 'I-1', status: 'done', updatedAt: '2025-01-01T00:00:00Z' }),
        initiative({ id: 'I-2', status: 'dropped', updatedAt: '2025-01-01T00:00:00Z' }),
        initiative({ id: 'I-3', updatedAt: 'not a date' }),
        initiative({ id: 'I-4', updatedAt: '2026-09-01T00:00:00Z' }),
        initiative({ id: 'I-5', updatedAt: '2026-06-01T00:00:00Z' }),
      ],
      30,
      day('2026-11-15'),
    );
    expect(found.map((f) => f.initiativeId)).toEqual(['I-5', 'I-4']);
  });
});

describe('overdueInitiatives', () => {
  it('flags open work whose target quarter has passed, across the year end', () => {
    const found = overdueInitiatives(
      [
        initiative({ id: 'I-1', targetQuarter: '2026-Q4' }),
        initiative({ id: 'I-2', targetQuarter: '2026-Q2' }),
        initiative({ id: 'I-3', targetQuarter: '2027-Q1' }),
        initiative({ id: 'I-4', targetQuarter: '2026-Q3', status: 'done' }),
        initiative({ id: 'I-5', targetQuarter: '2026-Q3', status: 'dropped' }),
      ],
      day('2027-01-01'),
    );
    expect(found).toEqual([
      { initiativeId: 'I-2', targetQuarter: '2026-Q2', quartersLate: 3, message: '“Initiative I-2” (I-2) targeted Q2 2026 and is not done: 3 quarters late' },
      { initiativeId: 'I-1', targetQuarter: '2026-Q4', quartersLate: 1, message: '“Initiative I-1” (I-1) targeted Q4 2026 and is not done: 1 quarter late' },
    ]);
  });

  it('the current quarter is not overdue, even on its last day', () => {
    expect(overdueInitiatives([initiative({ targetQuarter: '2026-Q4' })], new Date('2026-12-31T23:59:59Z'))).toEqual([]);
  });
});

describe('staleness', () => {
  it('combines the review, untouched and overdue checks', () => {
    const report = staleness(
      { lastReviewedAt: null, reviewCadenceDays: 14 },
      [initiative({ id: 'I-1', targetQuarter: '2026-Q3', updatedAt: '2026-10-01T00:00:00Z' })],
      day('2026-11-15'),
    );
    expect(report.review.state).toBe('never-reviewed');
    expect(report.untouched.map((u) => u.daysSinceUpdate)).toEqual([45]);
    expect(report.overdue.map((o) => o.quartersLate)).toEqual([1]);
  });

  it('is empty for no initiatives', () => {
    const report = staleness({ lastReviewedAt: '2026-11-15T00:00:00Z', reviewCadenceDays: 30 }, [], day('2026-11-15'));
    expect(report.untouched).toEqual([]);
    expect(report.overdue).toEqual([]);
    expect(report.review.daysUntilNextReview).toBe(30);
  });
});
