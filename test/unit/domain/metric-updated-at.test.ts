/**
 * `metricUpdatedAt`: the server's clock stamps it whenever a write sets or changes the success metric's current value
 * (the drift rules judge a stale metric from it); no payload and no import can set it.
 */
import { createInitiativePayload, updateInitiativePayload } from '../../../src/domain/api';
import { addDebtItem, promoteDebtItem } from '../../../src/domain/edits/debt';
import { addInitiative, updateInitiative } from '../../../src/domain/edits/initiatives';
import { applyImportPlan, exportRoadmap, parseRoadmapTable, previewImport } from '../../../src/domain/import-export';
import { initiativePatchSchema, newInitiativeSchema, type Roadmap } from '../../../src/domain/model';
import { templateRoadmap } from '../../../src/domain/template';

const T0 = new Date('2026-11-01T09:00:00Z');
const T1 = new Date('2026-11-10T10:30:00Z');
const T2 = new Date('2026-11-20T16:45:00Z');
const by = (now: Date) => ({ accountId: '557058:aaaa-admin', now });

const input = (metric: Record<string, unknown>) =>
  newInitiativeSchema.parse({ title: 'Cut p95 latency', phaseId: 'P-1', successMetric: { description: 'p95 latency', ...metric }, targetQuarter: '2027-Q1' });

function withInitiative(metric: Record<string, unknown>): Roadmap {
  return addInitiative(templateRoadmap('10000', 'Demo', by(T0), { withExamples: false }).roadmap, input(metric), by(T0)).roadmap;
}
const last = (roadmap: Roadmap) => roadmap.initiatives[roadmap.initiatives.length - 1];

describe('metricUpdatedAt', () => {
  it('is set at creation when a current value is given, and null without one', () => {
    expect(last(withInitiative({ target: 200, current: 450 })).metricUpdatedAt).toBe(T0.toISOString());
    expect(last(withInitiative({ target: 200 })).metricUpdatedAt).toBeNull();
  });

  it('moves to the write’s time when the current value changes or is first given, and only then', () => {
    let roadmap = withInitiative({ target: 200 });
    const id = last(roadmap).id;
    roadmap = updateInitiative(roadmap, id, { successMetric: { description: 'p95 latency', target: 200, current: 450 } }, by(T1), null).roadmap;
    expect(last(roadmap).metricUpdatedAt).toBe(T1.toISOString());
    // Other fields, and the metric's description, target or unit, leave it alone.
    roadmap = updateInitiative(roadmap, id, { title: 'Cut p95 API latency', status: 'in-progress' }, by(T2), null).roadmap;
    roadmap = updateInitiative(roadmap, id, { successMetric: { description: 'p95 API latency', target: 180, current: 450, unit: 'ms' } }, by(T2), null).roadmap;
    expect(last(roadmap).metricUpdatedAt).toBe(T1.toISOString());
    roadmap = updateInitiative(roadmap, id, { successMetric: { description: 'p95 API latency', target: 180, current: 390, unit: 'ms' } }, by(T2), null).roadmap;
    expect(last(roadmap).metricUpdatedAt).toBe(T2.toISOString());
  });

  it('is not a change of its own in the changelog: the success metric’s diff says it', () => {
    const roadmap = withInitiative({ target: 200, current: 450 });
    const edit = updateInitiative(roadmap, last(roadmap).id, { successMetric: { description: 'p95 latency', target: 200, current: 300 } }, by(T1), null);
    expect(edit.change.diffs.map((d) => d.field)).toEqual(['successMetric']);
    const created = addInitiative(roadmap, input({ current: 1 }), by(T1));
    expect(created.change.diffs.map((d) => d.field)).not.toContain('metricUpdatedAt');
  });

  it('is stamped for an initiative promoted from debt with a current value', () => {
    const base = addDebtItem(
      templateRoadmap('10000', 'Demo', by(T0), { withExamples: false }).roadmap,
      {
        title: 'Slow reports',
        category: 'scaling-bottleneck',
        description: '',
        impact: 3,
        urgency: 3,
        effort: null,
      },
      by(T0),
    ).roadmap;
    const promoted = promoteDebtItem(
      base,
      'D-1',
      { phaseId: 'P-1', targetQuarter: '2027-Q1', successMetric: { description: 'Report time', target: 1, current: 5 } },
      by(T1),
    );
    expect(last(promoted.roadmap).metricUpdatedAt).toBe(T1.toISOString());
  });

  it('cannot come from a payload: every input schema refuses it', () => {
    const initiative = { title: 'X', phaseId: 'P-1', successMetric: { description: 'm' }, targetQuarter: '2027-Q1' };
    expect(newInitiativeSchema.safeParse({ ...initiative, metricUpdatedAt: '2020-01-01T00:00:00Z' }).success).toBe(false);
    expect(initiativePatchSchema.safeParse({ metricUpdatedAt: '2020-01-01T00:00:00Z' }).success).toBe(false);
    expect(createInitiativePayload.safeParse({ baseRevision: 1, initiative: { ...initiative, metricUpdatedAt: null } }).success).toBe(false);
    expect(
      updateInitiativePayload.safeParse({ baseRevision: 1, initiativeId: 'I-1', patch: { successMetric: { description: 'm', metricUpdatedAt: 'x' } } }).success,
    ).toBe(false);
  });

  it('stays out of the import format: exports leave it out, an imported column of that name is ignored, imports keep it', () => {
    const roadmap = withInitiative({ target: 200, current: 450 });
    const stamped = last(roadmap);
    for (const format of ['csv', 'markdown'] as const) {
      const text = exportRoadmap(roadmap, format, T1);
      expect(text).not.toMatch(/metric ?updated/i);
      expect(text).not.toContain(T0.toISOString());
    }
    const table = `Phase,Initiative,Goal,Success metric,Target quarter,metricUpdatedAt\nFoundation,${stamped.title},Faster,p95 latency (renamed),Q1 2027,2020-01-01T00:00:00Z\nFoundation,Brand new,New,Something,Q1 2027,2020-01-01T00:00:00Z\n`;
    const parsed = parseRoadmapTable(table, 'auto');
    expect(parsed.errors.some((e) => e.severity === 'warning' && /metricUpdatedAt/.test(`${e.column ?? ''} ${e.message}`))).toBe(true);
    const plan = previewImport(roadmap, parsed, { mode: 'merge', today: T1 });
    const imported = applyImportPlan(roadmap, plan, by(T2)).roadmap;
    const updated = imported.initiatives.find((i) => i.id === stamped.id)!;
    expect(updated.successMetric).toMatchObject({ description: 'p95 latency (renamed)', current: 450 });
    expect(updated.metricUpdatedAt).toBe(T0.toISOString());
    expect(imported.initiatives.find((i) => i.title === 'Brand new')!.metricUpdatedAt).toBeNull();
  });
});
