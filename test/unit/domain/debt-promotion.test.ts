import { phaseForQuarter, proposedQuarter, proposePromotion, QUARTERS_AHEAD } from '../../../src/domain/debt-promotion';
import { DEBT_ACT_NOW_FROM, DEBT_PLAN_FROM } from '../../../src/domain/rules/prioritisation';
import { debtItem, phase, TODAY } from '../rules/fixtures';

// TODAY is mid Q4 2026.
describe('the quarter a promoted debt item proposes', () => {
  it('follows the urgency band: act now → this quarter, plan → next, watch → the one after', () => {
    expect(proposedQuarter({ impact: 4, urgency: 4 }, TODAY)).toBe('2026-Q4'); // 16: act now
    expect(proposedQuarter({ impact: 3, urgency: 3 }, TODAY)).toBe('2027-Q1'); // 9: plan
    expect(proposedQuarter({ impact: 2, urgency: 4 }, TODAY)).toBe('2027-Q2'); // 8: watch
    expect(QUARTERS_AHEAD).toEqual({ 'act-now': 0, plan: 1, watch: 2 });
  });

  it('changes exactly at the band boundaries', () => {
    expect([DEBT_PLAN_FROM, DEBT_ACT_NOW_FROM]).toEqual([9, 16]);
    expect(proposedQuarter({ impact: 2, urgency: 4 }, TODAY)).toBe('2027-Q2'); // 8: watch
    expect(proposedQuarter({ impact: 3, urgency: 3 }, TODAY)).toBe('2027-Q1'); // 9: plan
    expect(proposedQuarter({ impact: 3, urgency: 5 }, TODAY)).toBe('2027-Q1'); // 15: plan
    expect(proposedQuarter({ impact: 4, urgency: 4 }, TODAY)).toBe('2026-Q4'); // 16: act now
    expect(proposedQuarter({ impact: 5, urgency: 5 }, TODAY)).toBe('2026-Q4');
    expect(proposedQuarter({ impact: 1, urgency: 1 }, TODAY)).toBe('2027-Q2');
  });

  it('counts from the quarter today is in (UTC), across the year end', () => {
    const lastMinuteOfYear = new Date('2026-12-31T23:59:59Z');
    expect(proposedQuarter({ impact: 3, urgency: 3 }, lastMinuteOfYear)).toBe('2027-Q1');
    expect(proposedQuarter({ impact: 3, urgency: 3 }, new Date('2027-01-01T00:00:00Z'))).toBe('2027-Q2');
    expect(proposedQuarter({ impact: 1, urgency: 2 }, new Date('2026-08-01T00:00:00Z'))).toBe('2027-Q1');
  });
});

describe('the phase a promotion proposes', () => {
  const phases = [
    phase({ id: 'P-2', name: 'Scale', order: 1, startQuarter: '2027-Q1', endQuarter: '2027-Q2' }),
    phase({ id: 'P-1', name: 'Foundation', order: 0, startQuarter: '2026-Q3', endQuarter: '2026-Q4' }),
    phase({ id: 'P-3', name: 'Overlapping', order: 2, startQuarter: '2027-Q2', endQuarter: '2027-Q4' }),
  ];

  it('is the first phase in order whose span holds the quarter', () => {
    expect(phaseForQuarter(phases, '2026-Q4')).toBe('P-1');
    expect(phaseForQuarter(phases, '2027-Q1')).toBe('P-2');
    expect(phaseForQuarter(phases, '2027-Q2')).toBe('P-2');
    expect(phaseForQuarter(phases, '2027-Q3')).toBe('P-3');
  });

  it('falls back to the first phase when none holds it, and to nothing without phases', () => {
    expect(phaseForQuarter(phases, '2030-Q1')).toBe('P-1');
    expect(phaseForQuarter([], '2026-Q4')).toBe('');
  });
});

describe('proposePromotion', () => {
  it('takes the item’s title, proposes quarter and phase, and says why in words', () => {
    const phases = [
      phase({ id: 'P-1', startQuarter: '2026-Q4', endQuarter: '2026-Q4' }),
      phase({ id: 'P-2', order: 1, startQuarter: '2027-Q1', endQuarter: '2027-Q4' }),
    ];
    expect(proposePromotion(debtItem({ title: 'Payments pinned to Postgres 11', impact: 5, urgency: 4 }), phases, TODAY)).toEqual({
      title: 'Payments pinned to Postgres 11',
      targetQuarter: '2026-Q4',
      phaseId: 'P-1',
      band: 'act-now',
      score: 20,
      reason: 'It scores 20 of 25 — act now, so this quarter.',
    });
    expect(proposePromotion(debtItem({ impact: 2, urgency: 3 }), phases, TODAY)).toMatchObject({
      targetQuarter: '2027-Q2',
      phaseId: 'P-2',
      band: 'watch',
      reason: 'It scores 6 of 25 — watch it, so the quarter after next.',
    });
  });
});
