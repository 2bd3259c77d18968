/** The Priorities view's data: RICE rows in the domain's order, column sorts with blanks last, the matrix's geometry. */
import { costImpactMatrix, rankByRice } from '../../../src/domain/rules/prioritisation';
import { placeLabels, quadrantAt, riceRows, sortRiceRows, spansOrdersOfMagnitude, spreadSharedSpots } from '../../../src/domain/views/priorities';
import { initiative, rice } from '../rules/fixtures';

const list = [
  initiative({ id: 'I-1', title: 'Alpha', rice: rice(100, 1, 100, 10), effort: 10, riskReduction: 1 }),
  initiative({ id: 'I-2', title: 'Bravo', rice: rice(10, 3, 50, 2), effort: 2, reversibility: 'irreversible' }),
  initiative({ id: 'I-3', title: 'Charlie', rice: null, effort: null }),
  initiative({ id: 'I-4', title: 'Delta', rice: rice(400, 2, 80, 20), effort: 20, riskReduction: 3, reversibility: 'costly-to-reverse' }),
];
const rows = () => riceRows(list, rankByRice(list), costImpactMatrix(list));

describe('RICE rows', () => {
  it('follow the domain ranking, unscored last, with each row quadrant from the matrix', () => {
    const r = rows();
    expect(r.map((x) => x.initiativeId)).toEqual(rankByRice(list).map((x) => x.initiativeId));
    expect(r.at(-1)).toMatchObject({ initiativeId: 'I-3', score: null, reach: null, effort: null, quadrant: 'unscored' });
    const placements = new Map(costImpactMatrix(list).placements.map((p) => [p.initiativeId, p.quadrant]));
    for (const row of r) expect(row.quadrant).toBe(placements.get(row.initiativeId));
  });

  it('sort by a number highest first or lowest first, blanks last either way', () => {
    const desc = sortRiceRows(rows(), 'reach', 'descending').map((x) => x.initiativeId);
    expect(desc).toEqual(['I-4', 'I-1', 'I-2', 'I-3']);
    const asc = sortRiceRows(rows(), 'reach', 'ascending').map((x) => x.initiativeId);
    expect(asc).toEqual(['I-2', 'I-1', 'I-4', 'I-3']);
  });

  it('sort titles alphabetically and reversibility from reversible to irreversible, ties in ranking order', () => {
    expect(sortRiceRows(rows(), 'title', 'ascending').map((x) => x.title)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
    const byReversibility = sortRiceRows(rows(), 'reversibility', 'ascending');
    expect(byReversibility.map((x) => x.reversibility)).toEqual(['reversible', 'reversible', 'costly-to-reverse', 'irreversible']);
    const reversible = byReversibility.filter((x) => x.reversibility === 'reversible').map((x) => x.order);
    expect(reversible).toEqual([...reversible].sort((a, b) => a - b));
  });
});

describe('matrix geometry', () => {
  it('uses a log axis only when values span orders of magnitude', () => {
    expect(spansOrdersOfMagnitude([2, 4, 8])).toBe(false);
    expect(spansOrdersOfMagnitude([0, 2, 400])).toBe(true);
    expect(spansOrdersOfMagnitude([5])).toBe(false);
  });

  it('reads the quadrant from a position: right is costly, up is impactful, on a line is low', () => {
    expect(quadrantAt(10, 10, 50, 50)).toBe('quick-win');
    expect(quadrantAt(90, 10, 50, 50)).toBe('big-bet');
    expect(quadrantAt(10, 90, 50, 50)).toBe('fill-in');
    expect(quadrantAt(90, 90, 50, 50)).toBe('money-pit');
    expect(quadrantAt(50, 50, 50, 50)).toBe('fill-in');
  });

  it('spreads points on one spot away from the cost line, never across it', () => {
    const low = spreadSharedSpots(
      [
        { id: 'a', x: 50, y: 5 },
        { id: 'b', x: 50, y: 5 },
        { id: 'c', x: 80, y: 5 },
        { id: 'd', x: 80, y: 5 },
      ],
      50,
      10,
    );
    expect(low.map((p) => p.x)).toEqual([50, 40, 80, 90]);
  });
});

describe('label placement', () => {
  it('puts a label right of its point, and a crowded neighbour label elsewhere', () => {
    const placed = placeLabels(
      [
        { id: 'a', x: 100, y: 100, label: 'Alpha one' },
        { id: 'b', x: 104, y: 102, label: 'Bravo two' },
      ],
      { radius: 8, lineHeight: 16, charWidth: 7, width: 400 },
    );
    expect(placed.get('a')).toEqual({ dx: 12, dy: 0, anchor: 'start' });
    expect(placed.get('b')).not.toEqual({ dx: 12, dy: 0, anchor: 'start' });
  });

  it('keeps labels inside the plot: a point near the right edge is labelled on its left', () => {
    const placed = placeLabels([{ id: 'a', x: 390, y: 100, label: 'A long label' }], { radius: 8, lineHeight: 16, charWidth: 7, width: 400 });
    expect(placed.get('a')?.anchor).toBe('end');
  });
});
