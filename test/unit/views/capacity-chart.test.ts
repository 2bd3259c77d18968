/** The capacity chart's data: committed effort stacked by track, adding up to the domain's numbers. */
import { capacityByQuarter } from '../../../src/domain/rules/capacity';
import { capacityBars, tracksInUse, valueAxisTop } from '../../../src/domain/views/capacity-chart';
import { initiative } from '../rules/fixtures';

describe('capacity bars', () => {
  it('stack each quarter committed effort by track, adding up to the domain total', () => {
    const report = capacityByQuarter({ perQuarter: 40, unit: 'person-weeks', bufferPercent: 25 }, [
      initiative({ id: 'I-1', targetQuarter: '2026-Q4', effort: 10, track: 'security' }),
      initiative({ id: 'I-2', targetQuarter: '2026-Q4', effort: 5, track: 'feature-enabling' }),
      initiative({ id: 'I-3', targetQuarter: '2027-Q1', effort: 50, track: 'security' }),
    ]);
    const bars = capacityBars(report);
    expect(bars[0].segments).toEqual([
      { track: 'feature-enabling', amount: 5, from: 0, to: 5 },
      { track: 'security', amount: 10, from: 5, to: 15 },
    ]);
    expect(bars[1]).toMatchObject({ committed: 50, capacity: 40, bufferKept: 10, plannable: 30, overCommitted: true });
    expect(valueAxisTop(bars)).toBeCloseTo(55);
    expect(tracksInUse(bars)).toEqual(['feature-enabling', 'security']);
  });
});
