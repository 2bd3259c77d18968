import type { CapacitySettings } from '../../../src/domain/model';
import { bufferSettingWarning, capacityByQuarter } from '../../../src/domain/rules/capacity';
import { initiative, rice } from './fixtures';

const settings = (overrides: Partial<CapacitySettings> = {}): CapacitySettings => ({
  perQuarter: 100,
  unit: 'person-weeks',
  bufferPercent: 25,
  ...overrides,
});

describe('capacityByQuarter', () => {
  it('splits capacity into buffer and plannable, and sums committed effort per quarter', () => {
    const report = capacityByQuarter(settings(), [
      initiative({ id: 'I-1', effort: 30, track: 'security' }),
      initiative({ id: 'I-2', effort: 20, track: 'reliability' }),
      initiative({ id: 'I-3', effort: 10, targetQuarter: '2027-Q1' }),
    ]);
    expect(report.quarters.map((q) => q.quarter)).toEqual(['2026-Q4', '2027-Q1']);
    const [q4, q1] = report.quarters;
    expect(q4).toMatchObject({
      capacity: 100,
      bufferKept: 25,
      plannable: 75,
      committed: 50,
      remaining: 25,
      overCommitted: false,
      overCommitBy: 0,
      effectiveBufferPercent: 50,
      state: 'within-plan',
      initiativeIds: ['I-1', 'I-2'],
      warning: null,
    });
    expect(q4.committedByTrack).toMatchObject({ security: 30, reliability: 20, 'feature-enabling': 0 });
    expect(q4.message).toBe('Q4 2026: 50 of 75 person-weeks committed, 25 free');
    expect(q1.committed).toBe(10);
  });

  it('flags over-commitment beyond plannable capacity with the amount', () => {
    const report = capacityByQuarter(settings(), [initiative({ id: 'I-1', effort: 60 }), initiative({ id: 'I-2', effort: 20 })]);
    const [q] = report.quarters;
    expect(q).toMatchObject({ committed: 80, remaining: 0, overCommitted: true, overCommitBy: 5, state: 'over-committed' });
    expect(q.message).toContain('over-committed by 5 person-weeks');
    expect(report.summary.state).toBe('over-committed');
    expect(report.summary.overCommittedQuarters).toEqual(['2026-Q4']);
  });

  it('committing exactly the plannable capacity is not over-committed', () => {
    const [q] = capacityByQuarter(settings(), [initiative({ effort: 75 })]).quarters;
    expect(q.overCommitted).toBe(false);
    expect(q.remaining).toBe(0);
  });

  it('lists initiatives without an effort estimate instead of counting them as zero', () => {
    const [q] = capacityByQuarter(settings(), [
      initiative({ id: 'I-1', effort: 10 }),
      initiative({ id: 'I-2', effort: null }),
      initiative({ id: 'I-3', effort: null }),
    ]).quarters;
    expect(q.unestimatedIds).toEqual(['I-2', 'I-3']);
    expect(q.unestimatedCount).toBe(2);
    expect(q.committed).toBe(10);
    expect(q.message).toContain('2 initiatives have no effort estimate');
  });

  it('uses the RICE effort when no explicit effort is set, and an explicit 0 is an estimate', () => {
    const [q] = capacityByQuarter(settings(), [
      initiative({ id: 'I-1', effort: null, rice: rice(100, 1, 80, 12) }),
      initiative({ id: 'I-2', effort: 0 }),
    ]).quarters;
    expect(q.committed).toBe(12);
    expect(q.unestimatedIds).toEqual([]);
  });

  it('counts done work in its quarter but not dropped work', () => {
    const [q] = capacityByQuarter(settings(), [
      initiative({ id: 'I-1', effort: 10, status: 'done' }),
      initiative({ id: 'I-2', effort: 40, status: 'dropped' }),
      initiative({ id: 'I-3', effort: null, status: 'dropped' }),
    ]).quarters;
    expect(q.committed).toBe(10);
    expect(q.initiativeIds).toEqual(['I-1']);
    expect(q.unestimatedIds).toEqual([]);
  });

  it('does not let floating-point sums cross a boundary', () => {
    const [q] = capacityByQuarter(settings({ perQuarter: 0.3, bufferPercent: 20 }), [
      initiative({ id: 'I-1', effort: 0.1 }),
      initiative({ id: 'I-2', effort: 0.14 }),
    ]).quarters;
    expect(q.committed).toBe(0.24);
    expect(q.effectiveBufferPercent).toBe(20);
    expect(q.overCommitted).toBe(false);
    expect(q.warning).toBeNull();
  });

  it('sorts quarters across the year end and includes requested empty quarters', () => {
    const report = capacityByQuarter(
      settings(),
      [initiative({ id: 'I-1', targetQuarter: '2027-Q1', effort: 1 }), initiative({ id: 'I-2', targetQuarter: '2026-Q4', effort: 1 })],
      {
        includeQuarters: ['2026-Q3'],
      },
    );
    expect(report.quarters.map((q) => q.quarter)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
    expect(report.quarters[0]).toMatchObject({ committed: 0, remaining: 75, initiativeIds: [] });
  });

  it('summarises across quarters', () => {
    const { summary } = capacityByQuarter(settings(), [
      initiative({ id: 'I-1', effort: 85, track: 'security' }),
      initiative({ id: 'I-2', effort: 30, targetQuarter: '2027-Q1', track: 'security' }),
      initiative({ id: 'I-3', effort: null, targetQuarter: '2027-Q1' }),
    ]);
    expect(summary).toMatchObject({
      state: 'over-committed',
      quarterCount: 2,
      totalCapacity: 200,
      totalBufferKept: 50,
      totalPlannable: 150,
      totalCommitted: 115,
      totalRemaining: 45,
      totalOverCommit: 10,
      overCommittedQuarters: ['2026-Q4'],
      unestimatedIds: ['I-3'],
      unestimatedCount: 1,
      bufferSettingWarning: null,
    });
    expect(summary.committedByTrack.security).toBe(115);
    expect(summary.bufferEatenQuarters).toEqual(['2026-Q4']);
  });

  describe('capacity not set', () => {
    it('an empty roadmap with capacity 0 says capacity is not set', () => {
      const report = capacityByQuarter(settings({ perQuarter: 0 }), []);
      expect(report.quarters).toEqual([]);
      expect(report.summary).toMatchObject({ state: 'capacity-not-set', totalCapacity: 0, totalCommitted: 0, overCommittedQuarters: [] });
      expect(report.summary.message).toMatch(/capacity per quarter is not set/i);
    });

    it('reports committed work without dividing by zero or calling it over-committed', () => {
      const [q] = capacityByQuarter(settings({ perQuarter: 0 }), [initiative({ effort: 40 })]).quarters;
      expect(q).toMatchObject({
        state: 'capacity-not-set',
        committed: 40,
        bufferKept: 0,
        plannable: 0,
        remaining: 0,
        overCommitted: false,
        effectiveBufferPercent: null,
        warning: null,
      });
      expect(q.message).toBe('Q4 2026: capacity per quarter is not set, so 40 person-weeks committed cannot be checked');
    });
  });

  describe('buffer warnings', () => {
    it.each([20, 25, 30])('a %s %% buffer is in range', (bufferPercent) => {
      expect(bufferSettingWarning(bufferPercent)).toBeNull();
      expect(capacityByQuarter(settings({ bufferPercent }), []).summary.bufferSettingWarning).toBeNull();
    });

    it.each([
      [19.9, 'buffer-below-range'],
      [0, 'buffer-below-range'],
      [30.1, 'buffer-above-range'],
      [50, 'buffer-above-range'],
    ])('a %s %% buffer warns (%s)', (bufferPercent, kind) => {
      const warning = capacityByQuarter(settings({ bufferPercent }), []).summary.bufferSettingWarning;
      expect(warning?.kind).toBe(kind);
      expect(warning?.message).toContain(`${bufferPercent} %`);
    });

    it('warns when commitments eat into the configured buffer (effective buffer below 25 %)', () => {
      const [q] = capacityByQuarter(settings(), [initiative({ effort: 81 })]).quarters;
      expect(q.effectiveBufferPercent).toBe(19);
      expect(q.warning?.kind).toBe('buffer-eaten');
      expect(q.warning?.message).toBe('Q4 2026: commitments leave only 19 % of capacity free, below the 25 % buffer for unplanned work');
    });

    it('the warning uses the configured buffer: 22 % free under a 25 % buffer warns, and agrees with "over by"', () => {
      const [q] = capacityByQuarter(settings(), [initiative({ effort: 78 })]).quarters;
      expect(q.effectiveBufferPercent).toBe(22);
      expect(q.overCommitBy).toBe(3);
      expect(q.warning?.message).toContain('below the 25 % buffer');
    });

    it('exactly the configured buffer free is within plan and does not warn', () => {
      const [q] = capacityByQuarter(settings(), [initiative({ effort: 75 })]).quarters;
      expect(q.effectiveBufferPercent).toBe(25);
      expect(q.overCommitted).toBe(false);
      expect(q.warning).toBeNull();
    });

    it('a warning is there exactly when the quarter is over-committed, whatever the buffer setting', () => {
      for (const bufferPercent of [0, 10, 20, 25, 30, 50]) {
        for (let effort = 0; effort <= 130; effort += 1) {
          const [q] = capacityByQuarter(settings({ bufferPercent }), [initiative({ effort })]).quarters;
          expect({ bufferPercent, effort, warned: q.warning !== null }).toEqual({ bufferPercent, effort, warned: q.overCommitted });
        }
      }
    });

    it('reports a negative effective buffer when committed exceeds all capacity', () => {
      const [q] = capacityByQuarter(settings(), [initiative({ effort: 120 })]).quarters;
      expect(q.effectiveBufferPercent).toBe(-20);
      expect(q.overCommitBy).toBe(45);
      expect(q.warning?.message).toBe('Q4 2026: commitments exceed capacity by 20 %, leaving nothing of the 25 % buffer for unplanned work');
    });

    it('an out-of-range setting warns on its own, and a quarter past it still warns against it', () => {
      const report = capacityByQuarter(settings({ bufferPercent: 10 }), [initiative({ effort: 95 })]);
      expect(report.summary.bufferSettingWarning?.kind).toBe('buffer-below-range');
      expect(report.quarters[0].warning?.message).toContain('only 5 % of capacity free, below the 10 % buffer');
    });
  });
});

describe('capacity messages read like people write', () => {
  it('a buffer eaten to two thirds of a percent is said with one decimal', async () => {
    const { capacityByQuarter } = await import('../../../src/domain/rules/capacity');
    const report = capacityByQuarter(
      { perQuarter: 30, unit: 'person-weeks', bufferPercent: 25 },
      [{ id: 'I-1', targetQuarter: '2027-Q1', status: 'planned', effort: 25, track: 'feature-enabling' } as never],
      {},
    );
    const quarter = report.quarters.find((q) => q.quarter === '2027-Q1')!;
    expect(quarter.warning?.message).toBe('Q1 2027: commitments leave only 16.7 % of capacity free, below the 25 % buffer for unplanned work');
  });
});
