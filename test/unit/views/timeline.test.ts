/** The timeline's layout: the quarters it spans, a row per phase, each initiative in its target quarter, today. */
import type { z } from 'zod';
import type { InitiativeView } from '../../../src/domain/api';
import type { initiativeSchema } from '../../../src/domain/model';
import { overdueInitiatives } from '../../../src/domain/rules/staleness';
import { fractionOfQuarter, metricNumbers, milestoneText, timelineLayout, timelineQuarters } from '../../../src/domain/views/timeline';
import { initiative, phase, TODAY } from '../rules/fixtures';

const item = (overrides: Partial<z.input<typeof initiativeSchema>>): InitiativeView => ({ ...initiative(overrides), horizon: 'now' });
const PHASES = [
  phase({ id: 'P-2', name: 'Scale', order: 1, startQuarter: '2027-Q1', endQuarter: '2027-Q2' }),
  phase({ id: 'P-1', name: 'Foundation', order: 0, startQuarter: '2026-Q3', endQuarter: '2026-Q4' }),
];

describe('timeline quarters', () => {
  it('span the earliest to the latest phase or target quarter, with every quarter between', () => {
    const quarters = timelineQuarters({ phases: PHASES, initiatives: [item({ id: 'I-1', targetQuarter: '2027-Q4' })] }, TODAY);
    expect(quarters).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
  });

  it('always include today’s quarter, so the today marker has a place', () => {
    expect(timelineQuarters({ phases: [], initiatives: [item({ targetQuarter: '2027-Q2' })] }, TODAY)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2']);
    expect(timelineQuarters({ phases: [], initiatives: [] }, TODAY)).toEqual(['2026-Q4']);
  });

  it('show a roadmap longer than 18 months whole', () => {
    const quarters = timelineQuarters({ phases: [phase({ startQuarter: '2026-Q1', endQuarter: '2029-Q4' })], initiatives: [] }, TODAY);
    expect(quarters).toHaveLength(16);
    expect(quarters[0]).toBe('2026-Q1');
    expect(quarters.at(-1)).toBe('2029-Q4');
  });
});

describe('timeline layout', () => {
  const initiatives = [
    item({ id: 'I-3', phaseId: 'P-2', targetQuarter: '2027-Q1', title: 'Replicas' }),
    item({ id: 'I-1', phaseId: 'P-1', targetQuarter: '2026-Q3', status: 'in-progress', title: 'Node 22' }),
    item({ id: 'I-2', phaseId: 'P-1', targetQuarter: '2026-Q3', title: 'Logging' }),
    item({ id: 'I-4', phaseId: 'P-9', targetQuarter: '2026-Q4', title: 'Lost' }),
  ];
  const overdue = new Set(overdueInitiatives(initiatives, TODAY).map((o) => o.initiativeId));
  const layout = timelineLayout({ phases: PHASES, initiatives }, TODAY, overdue);

  it('has a row per phase in phase order, each with its span as columns', () => {
    expect(layout.quarters).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
    expect(layout.rows.map((r) => r.name)).toEqual(['Foundation', 'Scale', 'No phase']);
    expect(layout.rows[0].span).toMatchObject({ start: 0, end: 1 });
    expect(layout.rows[1].span).toMatchObject({ start: 2, end: 3 });
    expect(layout.rows[2].span).toBeNull();
  });

  it('puts every initiative once, in its phase’s row and its target quarter’s column, stacked by id', () => {
    const placed = layout.rows.flatMap((r) => r.cells.flat());
    expect(placed.map((p) => p.initiativeId).sort()).toEqual(['I-1', 'I-2', 'I-3', 'I-4']);
    for (const p of placed) expect(layout.quarters[p.column]).toBe(p.quarter);
    expect(layout.rows[0].cells[0].map((p) => p.initiativeId)).toEqual(['I-1', 'I-2']);
    expect(layout.rows[0].depth).toBe(2);
    expect(layout.rows[1].cells[2].map((p) => p.initiativeId)).toEqual(['I-3']);
    // A phase that no longer exists still shows its work, in a "No phase" row.
    expect(layout.rows[2].cells[1].map((p) => p.initiativeId)).toEqual(['I-4']);
  });

  it('marks exactly the overdue initiatives it is given', () => {
    const marked = layout.rows.flatMap((r) => r.cells.flat()).filter((p) => p.overdue);
    expect(marked.map((p) => p.initiativeId).sort()).toEqual([...overdue].sort());
    expect(overdue.size).toBe(2);
  });

  it('places today in its quarter, at the day’s fraction of it', () => {
    expect(layout.today).toEqual({ quarter: '2026-Q4', column: 1, fraction: fractionOfQuarter(TODAY) });
    expect(fractionOfQuarter(new Date('2026-10-01T23:00:00Z'))).toBe(0);
    expect(fractionOfQuarter(new Date('2026-11-15T12:00:00Z'))).toBeCloseTo(45 / 92, 5);
    expect(fractionOfQuarter(new Date('2026-12-31T00:00:00Z'))).toBeCloseTo(91 / 92, 5);
  });

  it('lays out 5,000 initiatives quickly', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      item({ id: `I-${i + 1}`, phaseId: i % 2 ? 'P-1' : 'P-2', targetQuarter: i % 3 ? '2026-Q4' : '2027-Q2' }),
    );
    const started = performance.now();
    const big = timelineLayout({ phases: PHASES, initiatives: many }, TODAY, new Set());
    expect(performance.now() - started).toBeLessThan(500);
    expect(big.rows.reduce((n, r) => n + r.cells.flat().length, 0)).toBe(5000);
  });
});

describe('milestones', () => {
  it('read the success metric with its numbers, or nothing when blank', () => {
    expect(milestoneText({ description: 'Services on Node 22', current: 31, target: 40, unit: 'services' })).toBe('Services on Node 22: 31 → 40 services');
    expect(milestoneText({ description: 'Decision record written' })).toBe('Decision record written');
    expect(milestoneText({ description: '  ' })).toBeNull();
    expect(metricNumbers({ description: 'x', target: 0.5 })).toBe('target 0.5');
    expect(metricNumbers({ description: 'x' })).toBeNull();
  });
});
