/** The quarter a move into a horizon proposes: the quarter derives that horizon, and it is the smallest change. */
import fc from 'fast-check';
import { DEFAULT_HORIZON_RULES, horizonOfQuarter, proposeQuarter } from '../../../src/domain/horizon';
import { HORIZONS } from '../../../src/domain/model';
import { addQuarters, quartersBetween } from '../../../src/domain/quarter';

describe('proposeQuarter', () => {
  const midMay = new Date('2026-05-15T12:00:00Z'); // 2026-Q2
  const rules = DEFAULT_HORIZON_RULES;

  it('with the default rules: this quarter for Now, the next for Next, the one after for Later', () => {
    expect(proposeQuarter('now', '2026-Q3', rules, midMay)).toBe('2026-Q2');
    expect(proposeQuarter('next', '2026-Q2', rules, midMay)).toBe('2026-Q3');
    expect(proposeQuarter('later', '2026-Q3', rules, midMay)).toBe('2026-Q4');
    expect(proposeQuarter('next', '2028-Q1', rules, midMay)).toBe('2026-Q3');
  });

  it('keeps the current quarter when it is already in that horizon (overdue work is in Now)', () => {
    expect(proposeQuarter('now', '2026-Q2', rules, midMay)).toBe('2026-Q2');
    expect(proposeQuarter('now', '2025-Q4', rules, midMay)).toBe('2025-Q4');
    expect(proposeQuarter('next', '2026-Q3', rules, midMay)).toBe('2026-Q3');
    expect(proposeQuarter('later', '2029-Q1', rules, midMay)).toBe('2029-Q1');
  });

  it('an overdue quarter moved out of Now goes to the start of the chosen horizon', () => {
    expect(proposeQuarter('next', '2025-Q1', rules, midMay)).toBe('2026-Q3');
    expect(proposeQuarter('later', '2025-Q1', rules, midMay)).toBe('2026-Q4');
  });

  it('with wider rules, the edge of the window nearest to the current quarter', () => {
    const wide = { nowQuarters: 2, nextQuarters: 3 };
    // Now = Q2, Q3 2026; Next = Q4 2026 … Q2 2027; Later from Q3 2027.
    expect(proposeQuarter('now', '2027-Q4', wide, midMay)).toBe('2026-Q3');
    expect(proposeQuarter('next', '2026-Q2', wide, midMay)).toBe('2026-Q4');
    expect(proposeQuarter('next', '2028-Q2', wide, midMay)).toBe('2027-Q2');
    expect(proposeQuarter('later', '2026-Q4', wide, midMay)).toBe('2027-Q3');
  });

  it('crosses the year end', () => {
    const lateDecember = new Date('2026-12-31T23:00:00Z');
    expect(proposeQuarter('next', '2026-Q4', rules, lateDecember)).toBe('2027-Q1');
    expect(proposeQuarter('later', '2026-Q4', rules, lateDecember)).toBe('2027-Q2');
  });

  it('always derives the chosen horizon, keeps a quarter already in it, and no quarter of that horizon is nearer', () => {
    const quarter = fc.record({ year: fc.integer({ min: 2020, max: 2040 }), q: fc.integer({ min: 1, max: 4 }) }).map(({ year, q }) => `${year}-Q${q}`);
    fc.assert(
      fc.property(
        fc.constantFrom(...HORIZONS),
        quarter,
        fc.record({ nowQuarters: fc.integer({ min: 1, max: 4 }), nextQuarters: fc.integer({ min: 1, max: 8 }) }),
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }),
        (horizon, current, someRules, today) => {
          const proposed = proposeQuarter(horizon, current, someRules, today);
          expect(horizonOfQuarter(proposed, today, someRules)).toBe(horizon);
          if (horizonOfQuarter(current, today, someRules) === horizon) expect(proposed).toBe(current);
          const distance = Math.abs(quartersBetween(current, proposed));
          for (let d = 0; d < distance; d++) {
            for (const nearer of [addQuarters(current, d), addQuarters(current, -d)]) expect(horizonOfQuarter(nearer, today, someRules)).not.toBe(horizon);
          }
        },
      ),
    );
  });
});
