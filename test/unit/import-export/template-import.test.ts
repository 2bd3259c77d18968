import { applyImportPlan } from '../../../src/domain/import-export/apply';
import { parseRoadmapTable } from '../../../src/domain/import-export/parse';
import { previewImport } from '../../../src/domain/import-export/preview';
import { initiativeSchema, phaseSchema } from '../../../src/domain/model';
import { emptyRoadmap } from '../../../src/domain/roadmap-ops';
import { SEED_TABLE } from '../../support/seed-template';

const now = new Date('2026-04-15T09:00:00Z');
const actor = { accountId: 'acc-1', now };

describe('importing the seed template table into an empty roadmap', () => {
  const empty = emptyRoadmap('10001', 'Platform', now);
  const plan = previewImport(empty, parseRoadmapTable(SEED_TABLE, 'auto'), { mode: 'merge', today: now });

  it('plans 3 phases and 6 initiatives, with no errors', () => {
    expect(plan.errors).toEqual([]);
    expect(plan.counts).toEqual({ rows: 6, phasesToCreate: 3, toCreate: 6, toUpdate: 0, toMove: 0, unchanged: 0, toRemove: 0, errors: 0, warnings: 0 });
    expect(plan.phasesToCreate).toEqual([
      { ref: 'phase-1', name: 'Foundation', order: 0, startQuarter: '2026-Q2', endQuarter: '2026-Q2', rows: [1, 2] },
      { ref: 'phase-2', name: 'Scale', order: 1, startQuarter: '2026-Q3', endQuarter: '2026-Q3', rows: [3, 4] },
      { ref: 'phase-3', name: 'Velocity', order: 2, startQuarter: '2026-Q4', endQuarter: '2026-Q4', rows: [5, 6] },
    ]);
  });

  it('applies as P-1..P-3 and I-1..I-6 with the right phases, quarters, goals and metrics', () => {
    const { roadmap, change, touched } = applyImportPlan(empty, plan, actor);
    expect(roadmap.meta.phases.map((p) => [p.id, p.name, p.startQuarter, p.endQuarter])).toEqual([
      ['P-1', 'Foundation', '2026-Q2', '2026-Q2'],
      ['P-2', 'Scale', '2026-Q3', '2026-Q3'],
      ['P-3', 'Velocity', '2026-Q4', '2026-Q4'],
    ]);
    roadmap.meta.phases.forEach((p) => expect(phaseSchema.parse(p)).toEqual(p));
    expect(roadmap.initiatives.map((i) => [i.id, i.phaseId, i.title, i.targetQuarter])).toEqual([
      ['I-1', 'P-1', 'Upgrade Node.js to v22 LTS', '2026-Q2'],
      ['I-2', 'P-1', 'Centralize logging', '2026-Q2'],
      ['I-3', 'P-2', 'Migrate primary DB to read replicas', '2026-Q3'],
      ['I-4', 'P-2', 'Implement CDN for static assets', '2026-Q3'],
      ['I-5', 'P-3', 'Adopt feature flags', '2026-Q4'],
      ['I-6', 'P-3', 'Parallelize CI pipeline', '2026-Q4'],
    ]);
    expect(roadmap.initiatives[2]).toMatchObject({
      goal: 'Handle 3x current read traffic',
      successMetric: { description: 'Read queries served by replicas, primary load reduced 60%' },
      status: 'proposed',
      revision: 1,
      createdAt: now.toISOString(),
    });
    roadmap.initiatives.forEach((i) => expect(initiativeSchema.parse(i)).toEqual(i));
    expect(roadmap.meta).toMatchObject({ nextPhaseSeq: 4, nextInitiativeSeq: 7, revision: 1, updatedAt: now.toISOString() });
    expect(change).toMatchObject({ revision: 1, accountId: 'acc-1', summary: 'Imported 6 initiatives (6 new, 0 updated) from Markdown, with 3 new phases' });
    expect(change.diffs.filter((d) => d.entity === 'phase' && d.field === 'name').map((d) => d.after)).toEqual(['Foundation', 'Scale', 'Velocity']);
    expect(touched).toEqual(['I-1', 'I-2', 'I-3', 'I-4', 'I-5', 'I-6']);
  });

  it('is idempotent: previewing the same table again changes nothing', () => {
    const { roadmap } = applyImportPlan(empty, plan, actor);
    const again = previewImport(roadmap, parseRoadmapTable(SEED_TABLE, 'auto'), { mode: 'merge', today: now });
    expect(again.counts).toMatchObject({ phasesToCreate: 0, toCreate: 0, toUpdate: 0, unchanged: 6, errors: 0 });
  });
});
