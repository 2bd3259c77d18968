import { horizonFor, horizonOfQuarter } from '../../../src/domain/horizon';
import { addQuarters, compareQuarters, normaliseQuarter, quarterLabel, quarterOf, quartersBetween } from '../../../src/domain/quarter';

describe('quarters', () => {
  it('knows which quarter a date is in, at the boundaries (UTC)', () => {
    expect(quarterOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-03-31T23:59:59Z'))).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-04-01T00:00:00Z'))).toBe('2026-Q2');
    expect(quarterOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-Q4');
  });

  it('rolls over at year end both ways', () => {
    expect(addQuarters('2026-Q4', 1)).toBe('2027-Q1');
    expect(addQuarters('2027-Q1', -1)).toBe('2026-Q4');
    expect(addQuarters('2026-Q3', 6)).toBe('2028-Q1');
    expect(quartersBetween('2026-Q4', '2027-Q1')).toBe(1);
    expect(quartersBetween('2027-Q1', '2026-Q4')).toBe(-1);
    expect(compareQuarters('2026-Q4', '2027-Q1')).toBeLessThan(0);
    expect(compareQuarters('2027-Q1', '2027-Q1')).toBe(0);
  });

  it('reads the ways people write quarters, and nothing else', () => {
    expect(normaliseQuarter('Q2 2026')).toBe('2026-Q2');
    expect(normaliseQuarter(' 2026-q3 ')).toBe('2026-Q3');
    expect(normaliseQuarter('2026 Q4')).toBe('2026-Q4');
    expect(normaliseQuarter('Q1-2027')).toBe('2027-Q1');
    expect(normaliseQuarter('2026-Q5')).toBeNull();
    expect(normaliseQuarter('next year')).toBeNull();
    expect(quarterLabel('2026-Q3')).toBe('Q3 2026');
  });
});

describe('Now / Next / Later', () => {
  const lateDecember = new Date('2026-12-31T12:00:00Z');

  it('buckets by quarters ahead of today, with the default rules', () => {
    expect(horizonOfQuarter('2026-Q4', lateDecember)).toBe('now');
    expect(horizonOfQuarter('2026-Q2', lateDecember)).toBe('now'); // overdue work is still Now
    expect(horizonOfQuarter('2027-Q1', lateDecember)).toBe('next'); // rollover at year end
    expect(horizonOfQuarter('2027-Q2', lateDecember)).toBe('later');
  });

  it('moves everything one step nearer when the quarter turns', () => {
    const newYear = new Date('2027-01-01T00:00:00Z');
    expect(horizonOfQuarter('2027-Q1', newYear)).toBe('now');
    expect(horizonOfQuarter('2027-Q2', newYear)).toBe('next');
  });

  it('honours wider horizon rules', () => {
    const rules = { nowQuarters: 2, nextQuarters: 2 };
    expect(horizonOfQuarter('2027-Q1', lateDecember, rules)).toBe('now');
    expect(horizonOfQuarter('2027-Q2', lateDecember, rules)).toBe('next');
    expect(horizonOfQuarter('2027-Q3', lateDecember, rules)).toBe('next');
    expect(horizonOfQuarter('2027-Q4', lateDecember, rules)).toBe('later');
  });

  it('a pinned horizon wins over the quarter', () => {
    expect(horizonFor({ targetQuarter: '2026-Q4', horizonPin: 'later' }, lateDecember)).toBe('later');
    expect(horizonFor({ targetQuarter: '2030-Q4', horizonPin: null }, lateDecember)).toBe('later');
  });
});
