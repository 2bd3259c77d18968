import { costImpactMatrix, debtBand, debtPriority, impactOf, rankByRice, rankDebt, riceScore, riceValue } from '../../../src/domain/rules/prioritisation';
import { debtItem, initiative, rice } from './fixtures';

describe('riceScore', () => {
  it('is reach × impact × confidence % / effort', () => {
    expect(riceScore(rice(100, 2, 50, 4))).toBe(25);
    expect(riceValue(rice(100, 2, 50, 4))).toBe(100);
  });

  it('is null without RICE inputs', () => {
    expect(riceScore(null)).toBeNull();
    expect(riceValue(null)).toBeNull();
  });

  it('is 0 with confidence 0', () => {
    expect(riceScore(rice(1000, 3, 0, 5))).toBe(0);
  });

  it('stays finite with a tiny effort', () => {
    const score = riceScore(rice(100, 1, 100, 0.001));
    expect(score).toBeCloseTo(100_000, 6);
    expect(Number.isFinite(score)).toBe(true);
  });

  it('is null for a non-positive effort the schema would refuse', () => {
    expect(riceScore({ reach: 1, impact: 1, confidence: 100, effort: 0 })).toBeNull();
  });
});

describe('rankByRice', () => {
  it('ranks by score, then risk reduction, then title; unscored initiatives come last without a rank', () => {
    const ranking = rankByRice([
      initiative({ id: 'I-1', title: 'unscored', rice: null, riskReduction: 3 }),
      initiative({ id: 'I-2', title: 'beta', rice: rice(10, 1, 100, 1) }), // 10
      initiative({ id: 'I-3', title: 'Alpha', rice: rice(10, 1, 100, 1) }), // 10, same risk → title
      initiative({ id: 'I-4', title: 'zeta', rice: rice(10, 1, 100, 1), riskReduction: 2 }), // 10, more risk reduced
      initiative({ id: 'I-5', title: 'top', rice: rice(100, 1, 100, 1) }), // 100
    ]);
    expect(ranking.map((r) => r.initiativeId)).toEqual(['I-5', 'I-4', 'I-3', 'I-2', 'I-1']);
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4, null]);
    expect(ranking[0]).toMatchObject({ riceScore: 100, message: '#1 “top” (I-5): RICE 100' });
    expect(ranking[4].message).toBe('“unscored” (I-1) has no RICE inputs yet');
  });

  it('ranks a confidence-0 initiative below scored ones but above unscored ones', () => {
    const ranking = rankByRice([
      initiative({ id: 'I-1', rice: null }),
      initiative({ id: 'I-2', rice: rice(1000, 3, 0, 1) }),
      initiative({ id: 'I-3', rice: rice(1, 0.25, 10, 100) }),
    ]);
    expect(ranking.map((r) => [r.initiativeId, r.rank])).toEqual([
      ['I-3', 1],
      ['I-2', 2],
      ['I-1', null],
    ]);
  });

  it('returns an empty ranking for no initiatives', () => {
    expect(rankByRice([])).toEqual([]);
  });
});

describe('costImpactMatrix', () => {
  // Impact is reach when impact = 1, confidence = 100 and risk reduction = 0.
  const scored = (id: string, cost: number, impact: number) => initiative({ id, effort: cost, rice: rice(impact, 1, 100, cost) });

  it('splits at the medians of an odd count; the median itself counts as low', () => {
    const matrix = costImpactMatrix([scored('I-1', 1, 30), scored('I-2', 2, 20), scored('I-3', 3, 10)]);
    expect(matrix.thresholds).toEqual({ cost: 2, impact: 20, scoredCount: 3 });
    expect(matrix.placements.map((p) => [p.initiativeId, p.quadrant])).toEqual([
      ['I-1', 'quick-win'],
      ['I-2', 'fill-in'],
      ['I-3', 'money-pit'],
    ]);
  });

  it('splits at the mean of the two middle values for an even count', () => {
    const matrix = costImpactMatrix([scored('I-1', 1, 30), scored('I-2', 2, 20), scored('I-3', 3, 10), scored('I-4', 4, 40)]);
    expect(matrix.thresholds).toEqual({ cost: 2.5, impact: 25, scoredCount: 4 });
    expect(matrix.placements.map((p) => p.quadrant)).toEqual(['quick-win', 'fill-in', 'money-pit', 'big-bet']);
    expect(matrix.counts).toEqual({ 'quick-win': 1, 'big-bet': 1, 'fill-in': 1, 'money-pit': 1, unscored: 0 });
    expect(matrix.placements[3].message).toBe('“Initiative I-4” (I-4) is a big bet (high cost, high impact)');
  });

  it('puts initiatives without RICE inputs in unscored and leaves them out of the medians', () => {
    const matrix = costImpactMatrix([scored('I-1', 1, 10), scored('I-2', 3, 30), initiative({ id: 'I-3', effort: 100, rice: null })]);
    expect(matrix.thresholds).toEqual({ cost: 2, impact: 20, scoredCount: 2 });
    expect(matrix.placements[2]).toMatchObject({ quadrant: 'unscored', cost: 100, impact: null });
    expect(matrix.counts.unscored).toBe(1);
  });

  it('uses the RICE effort as cost when no effort is set', () => {
    const [placement] = costImpactMatrix([initiative({ effort: null, rice: rice(10, 1, 100, 7) })]).placements;
    expect(placement.cost).toBe(7);
  });

  it('has no thresholds and only unscored initiatives when nothing is scored', () => {
    const matrix = costImpactMatrix([initiative({ id: 'I-1' })]);
    expect(matrix.thresholds).toEqual({ cost: null, impact: null, scoredCount: 0 });
    expect(matrix.placements[0].quadrant).toBe('unscored');
    expect(costImpactMatrix([]).placements).toEqual([]);
  });

  it('raises impact with risk reduction, up to double at 3', () => {
    expect(impactOf({ rice: rice(30, 1, 100, 1), riskReduction: 0 })).toBe(30);
    expect(impactOf({ rice: rice(30, 1, 100, 1), riskReduction: 3 })).toBe(60);
    expect(impactOf({ rice: null, riskReduction: 3 })).toBeNull();
  });

  it('risk reduction can move an initiative into high impact', () => {
    const matrix = costImpactMatrix([
      scored('I-1', 1, 10),
      initiative({ id: 'I-2', effort: 1, rice: rice(10, 1, 100, 1), riskReduction: 3 }),
      scored('I-3', 1, 15),
    ]);
    expect(matrix.thresholds.impact).toBe(15);
    expect(matrix.placements[1]).toMatchObject({ impact: 20, quadrant: 'quick-win' });
  });
});

describe('debt priority', () => {
  it.each([
    [5, 5, 25, 'act-now'],
    [4, 4, 16, 'act-now'],
    [3, 5, 15, 'plan'],
    [3, 3, 9, 'plan'],
    [4, 2, 8, 'watch'],
    [1, 1, 1, 'watch'],
  ] as const)('impact %i × urgency %i = %i → %s', (impact, urgency, score, band) => {
    expect(debtPriority({ impact, urgency })).toEqual({ score, band });
    expect(debtBand(score)).toBe(band);
  });

  it('ranks debt by score, then urgency, then title', () => {
    const ranked = rankDebt([
      debtItem({ id: 'D-1', title: 'b', impact: 3, urgency: 4 }), // 12
      debtItem({ id: 'D-2', title: 'a', impact: 4, urgency: 3 }), // 12, less urgent
      debtItem({ id: 'D-3', title: 'c', impact: 5, urgency: 4, promotedTo: 'I-9' }), // 20
      debtItem({ id: 'D-4', title: 'a', impact: 2, urgency: 5 }), // 10
      debtItem({ id: 'D-5', title: 'A', impact: 2, urgency: 5 }), // 10, same as D-4 → id
    ]);
    expect(ranked.map((d) => d.debtId)).toEqual(['D-3', 'D-1', 'D-2', 'D-4', 'D-5']);
    expect(ranked[0]).toMatchObject({ score: 20, band: 'act-now', promotedTo: 'I-9' });
    expect(ranked[0].message).toBe('“c” (D-3) scores 20 of 25 (impact 5 × urgency 4): act now');
  });
});
