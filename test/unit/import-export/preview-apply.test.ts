import { AppError } from '../../../src/domain/errors';
import { applyImportPlan } from '../../../src/domain/import-export/apply';
import { parseRoadmapTable } from '../../../src/domain/import-export/parse';
import { previewImport } from '../../../src/domain/import-export/preview';
import type { ImportPlan } from '../../../src/domain/import-export/types';
import { type DebtItem, initiativeSchema, type Roadmap } from '../../../src/domain/model';
import { emptyRoadmap } from '../../../src/domain/roadmap-ops';

const now = new Date('2026-04-15T09:00:00Z');
const later = new Date('2026-05-01T12:00:00Z');
const actor = { accountId: 'acc-1', now };
const HEADER = 'Phase,Initiative,Goal,Success metric,Target quarter';

const csv = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;
const plan = (roadmap: Roadmap, text: string, mode: 'merge' | 'replace' = 'merge') =>
  previewImport(roadmap, parseRoadmapTable(text, 'auto'), { mode, today: now });

/** Foundation (I-1 Node, I-2 Logging), Scale (I-3 Replicas, depends on I-1), plus one business goal and a promoted debt item. */
function baseRoadmap(): Roadmap {
  const start = plan(
    emptyRoadmap('10001', 'Platform', now),
    csv(
      'Foundation,Upgrade Node,Security,All on v22,Q2 2026',
      'Foundation,Centralize logging,Debugging,Logs in Datadog,Q2 2026',
      'Scale,Read replicas,Reads,Replicas serve reads,Q3 2026',
    ),
  );
  const { roadmap } = applyImportPlan(emptyRoadmap('10001', 'Platform', now), start, actor);
  const debt: DebtItem = {
    id: 'D-1',
    title: 'Old logging',
    category: 'developer-friction',
    description: '',
    impact: 3,
    urgency: 3,
    effort: null,
    promotedTo: 'I-2',
    revision: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  return {
    meta: { ...roadmap.meta, businessGoals: [{ id: 'G-1', title: 'Enterprise readiness', metric: '' }], nextGoalSeq: 2, nextDebtSeq: 2 },
    initiatives: roadmap.initiatives.map((i) => (i.id === 'I-3' ? { ...i, dependsOn: ['I-1'] } : i)),
    debtItems: [debt],
  };
}

describe('previewImport — merge', () => {
  it('updates same-title initiatives in the same phase (case-insensitively) and shows each field before/after', () => {
    const base = baseRoadmap();
    const result = plan(
      base,
      'Phase,Initiative,Goal,Target quarter,Status,Effort,Business goals\n' +
        'FOUNDATION,upgrade node,Security,Q3 2026,In progress,5,enterprise readiness\n' +
        'foundation,Centralize logging,Debugging,Q2 2026,,,\n',
    );
    expect(result.errors).toEqual([{ row: 0, column: 'Success metric', message: expect.stringContaining('No "Success metric" column'), severity: 'warning' }]);
    expect(result.counts).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 1, toRemove: 0, phasesToCreate: 0 });
    expect(result.initiativesToUpdate).toEqual([
      {
        id: 'I-1',
        row: 1,
        title: 'Upgrade Node',
        phaseId: 'P-1',
        patch: { targetQuarter: '2026-Q3', status: 'in-progress', effort: 5, businessGoalIds: ['G-1'] },
        changes: [
          { field: 'targetQuarter', column: 'Target quarter', before: 'Q2 2026', after: 'Q3 2026' },
          { field: 'status', column: 'Status', before: 'Proposed', after: 'In progress' },
          { field: 'effort', column: 'Effort', before: '', after: '5' },
          { field: 'businessGoalIds', column: 'Business goals', before: '', after: 'Enterprise readiness' },
        ],
        moves: true,
      },
    ]);
    expect(result.initiativesUnchanged).toEqual([{ id: 'I-2', row: 2, title: 'Centralize logging' }]);
  });

  it('creates new initiatives, adds new phases after existing ones spanning their rows, and resolves dependencies by title', () => {
    const base = baseRoadmap();
    const result = plan(
      base,
      'Phase,Initiative,Success metric,Target quarter,Depends on\n' +
        'Velocity,Feature flags,Toggle without eng,Q4 2026,Upgrade Node; CI; Nope\n' +
        'Velocity,CI,Under 4 minutes,Q1 2027,\n' +
        'Scale,CDN,,Q3 2026,Feature flags\n',
    );
    expect(result.phasesToCreate).toEqual([{ ref: 'phase-1', name: 'Velocity', order: 2, startQuarter: '2026-Q4', endQuarter: '2027-Q1', rows: [1, 2] }]);
    expect(result.initiativesToCreate.map((c) => [c.ref, c.title, c.phase, c.fields.dependsOn])).toEqual([
      [
        'new-1',
        'Feature flags',
        { kind: 'new', ref: 'phase-1' },
        [
          { kind: 'existing', id: 'I-1' },
          { kind: 'new', ref: 'new-2' },
        ],
      ],
      ['new-2', 'CI', { kind: 'new', ref: 'phase-1' }, []],
      ['new-3', 'CDN', { kind: 'existing', id: 'P-2' }, [{ kind: 'new', ref: 'new-1' }]],
    ]);
    expect(result.initiativesToCreate[2].fields.successMetric).toEqual({ description: 'To be defined' });
    expect(result.errors.map((e) => [e.row, e.column, e.severity, e.message])).toEqual([
      [0, 'Goal', 'warning', expect.any(String)],
      [1, 'Depends on', 'warning', 'No initiative "Nope" to depend on; ignored'],
      [3, 'Success metric', 'warning', 'No success metric; it is set to "To be defined"'],
    ]);

    const { roadmap, change, touched } = applyImportPlan(base, result, { accountId: null, now: later });
    expect(roadmap.meta.phases.map((p) => [p.id, p.name, p.order])).toEqual([
      ['P-1', 'Foundation', 0],
      ['P-2', 'Scale', 1],
      ['P-3', 'Velocity', 2],
    ]);
    const created = roadmap.initiatives.filter((i) => !base.initiatives.some((b) => b.id === i.id));
    expect(created.map((i) => [i.id, i.title, i.phaseId, i.dependsOn])).toEqual([
      ['I-4', 'Feature flags', 'P-3', ['I-1', 'I-5']],
      ['I-5', 'CI', 'P-3', []],
      ['I-6', 'CDN', 'P-2', ['I-4']],
    ]);
    created.forEach((i) => expect(() => initiativeSchema.parse(i)).not.toThrow());
    expect(roadmap.meta).toMatchObject({ nextPhaseSeq: 4, nextInitiativeSeq: 7, revision: base.meta.revision + 1, updatedAt: later.toISOString() });
    expect(change.summary).toBe('Imported 3 initiatives (3 new, 0 updated) from CSV, with 1 new phase');
    expect(change.accountId).toBeNull();
    expect(touched).toEqual(['I-4', 'I-5', 'I-6']);
  });

  it('warns about unknown business goals and self-dependencies, and prefers a same-phase title match', () => {
    const base = baseRoadmap();
    const withTwin = { ...base, initiatives: [...base.initiatives, { ...base.initiatives[0], id: 'I-9', phaseId: 'P-2', dependsOn: [] }] };
    const result = plan(
      withTwin,
      'Phase,Initiative,Success metric,Target quarter,Business goals,Depends on\n' +
        'Scale,Read replicas,Replicas serve reads,Q3 2026,Growth,Upgrade Node; Read replicas\n',
    );
    expect(result.initiativesToUpdate[0].patch).toEqual({ dependsOn: [{ kind: 'existing', id: 'I-9' }] });
    expect(result.errors.filter((e) => e.row === 1).map((e) => e.message)).toEqual([
      'No business goal "Growth" on this roadmap; ignored',
      'An initiative cannot depend on itself; ignored',
    ]);
  });

  it('carries parse errors over and counts the rows they are on', () => {
    const result = plan(baseRoadmap(), csv('Scale,Good,,m,Q3 2026', 'Scale,Bad,,m,someday'));
    expect(result.counts).toMatchObject({ rows: 2, toCreate: 1, errors: 1 });
    expect(result.errors).toEqual([{ row: 2, column: 'Target quarter', message: 'Not a quarter: "someday" (write Q2 2026 or 2026-Q2)', severity: 'error' }]);
  });

  it('is deterministic and plain JSON', () => {
    const text = csv('Velocity,Flags,,m,Q4 2026', 'Foundation,Upgrade Node,x,y,Q1 2027');
    const a = plan(baseRoadmap(), text);
    const b = plan(baseRoadmap(), text);
    expect(a).toEqual(b);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});

describe('previewImport — replace', () => {
  it('lists stored initiatives the table leaves out as removals; applying deletes them and cleans references', () => {
    const base = baseRoadmap();
    const result = plan(base, csv('Foundation,Upgrade Node,Security,All on v22,Q2 2026', 'Scale,Read replicas,Reads,Replicas serve reads,Q3 2026'), 'replace');
    expect(result.initiativesToRemove).toEqual([{ id: 'I-2', title: 'Centralize logging', phaseId: 'P-1' }]);
    expect(result.counts).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 2, toRemove: 1 });
    // merge mode never removes
    expect(plan(base, csv('Foundation,Upgrade Node,Security,All on v22,Q2 2026')).initiativesToRemove).toEqual([]);

    const { roadmap, change, touched } = applyImportPlan(base, result, actor);
    expect(roadmap.initiatives.map((i) => i.id)).toEqual(['I-1', 'I-3']);
    expect(roadmap.debtItems[0]).toMatchObject({ promotedTo: null, revision: 2 });
    expect(touched).toEqual(['I-2', 'D-1']);
    expect(change.summary).toBe('Imported 0 initiatives (0 new, 0 updated) from CSV; removed 1 initiative not in the table');
    expect(change.diffs.filter((d) => d.id === 'I-2' && d.field === 'title')).toEqual([
      { entity: 'initiative', id: 'I-2', field: 'title', before: 'Centralize logging', after: undefined },
    ]);
  });

  it('drops dependencies on removed initiatives from the ones that stay', () => {
    const base = baseRoadmap();
    const result = plan(base, csv('Scale,Read replicas,Reads,Replicas serve reads,Q4 2026'), 'replace');
    expect(result.initiativesToRemove.map((r) => r.id)).toEqual(['I-1', 'I-2']);
    expect(result.counts.toMove).toBe(1);
    const { roadmap, touched } = applyImportPlan(base, result, actor, 'Replicas slipped a quarter');
    expect(roadmap.initiatives).toHaveLength(1);
    expect(roadmap.initiatives[0]).toMatchObject({ id: 'I-3', dependsOn: [], targetQuarter: '2026-Q4', revision: 2 });
    expect(touched.sort()).toEqual(['D-1', 'I-1', 'I-2', 'I-3']);
  });
});

describe('applyImportPlan — refusals', () => {
  it('refuses a plan with row errors, naming rows and columns', () => {
    const base = baseRoadmap();
    const bad = plan(base, csv('Scale,Good,,m,Q3 2026', ',No phase,,m,Q3 2026'));
    let thrown: unknown;
    try {
      applyImportPlan(base, bad, actor);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'INVALID_INPUT', fields: { 'rows.2.Phase': 'Phase is required' } });
    expect((thrown as AppError).message).toContain('row 2');
  });

  it('does not refuse a plan that only has warnings', () => {
    const base = baseRoadmap();
    const warned = plan(base, 'Phase,Initiative,Target quarter,Notes\nScale,New one,Q3 2026,x\n');
    expect(warned.counts.warnings).toBeGreaterThan(0);
    expect(applyImportPlan(base, warned, actor).roadmap.initiatives).toHaveLength(4);
  });

  it('refuses a plan previewed against an older revision', () => {
    const base = baseRoadmap();
    const stale: ImportPlan = plan(base, csv('Scale,New one,,m,Q3 2026'));
    const moved = { ...base, meta: { ...base.meta, revision: base.meta.revision + 1 } };
    expect(() => applyImportPlan(moved, stale, actor)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('re-checks what a plan would store against the model (a plan may come back from the UI altered)', () => {
    const base = baseRoadmap();
    const good = plan(base, csv('Scale,New one,,m,Q3 2026'));
    const tampered: ImportPlan = {
      ...good,
      initiativesToCreate: good.initiativesToCreate.map((c) => ({ ...c, fields: { ...c.fields, targetQuarter: 'next year' } })),
    };
    expect(() => applyImportPlan(base, tampered, actor)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', fields: { targetQuarter: expect.any(String) } }),
    );
  });

  it('applies updates: patch fields, revision + 1, field diffs in the change record', () => {
    const base = baseRoadmap();
    const result = plan(base, csv('Foundation,Upgrade Node,Security and APIs,All services on v22,Q3 2026'));
    const { roadmap, change, touched } = applyImportPlan(base, result, actor, 'Node 22 certification slipped');
    const node = roadmap.initiatives.find((i) => i.id === 'I-1');
    expect(node).toMatchObject({ goal: 'Security and APIs', successMetric: { description: 'All services on v22' }, targetQuarter: '2026-Q3', revision: 2 });
    expect(change.summary).toBe('Imported 1 initiative (0 new, 1 updated) from CSV');
    expect(change.diffs.map((d) => d.field)).toEqual(['goal', 'successMetric', 'targetQuarter']);
    expect(change.reason).toBe('Node 22 certification slipped');
    expect(touched).toEqual(['I-1']);
  });
});
