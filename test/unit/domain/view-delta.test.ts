import fc from 'fast-check';
import { largeRoadmap } from '../../../dev/fixtures/large-roadmap';
import type { RoadmapView } from '../../../src/domain/api';
import type { DebtItem, Initiative, Roadmap } from '../../../src/domain/model';
import { addQuarters } from '../../../src/domain/quarter';
import { applyViewDelta, compareItemIds, sameValue, viewDelta } from '../../../src/domain/view-delta';
import type { ProjectAccess } from '../../../src/resolvers/access';
import { toRoadmapView } from '../../../src/resolvers/view';

const NOW = new Date('2026-11-23T12:00:00Z');
const access: ProjectAccess = { project: { id: '10000', key: 'TR', name: 'Tech' }, canEdit: true, canAdminister: false };
const view = (roadmap: Roadmap): RoadmapView => toRoadmapView(roadmap, access, NOW);

const debt = (n: number, title = `Debt ${n}`): DebtItem => ({
  id: `D-${n}`,
  title,
  category: 'scaling-bottleneck',
  impact: 3,
  urgency: 3,
  effort: null,
  description: '',
  promotedTo: null,
  revision: 1,
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
});

/** A roadmap of `count` initiatives and `debts` debt items, stored (revision ≥ 1). */
function roadmapOf(count: number, debts: number): Roadmap {
  const base = largeRoadmap('10000', count, { now: NOW });
  return {
    ...base,
    meta: { ...base.meta, revision: 3, nextDebtSeq: debts + 1 },
    debtItems: Array.from({ length: debts }, (_, i) => debt(i + 1)),
  };
}

/** One random edit, as the write resolvers make them (ids only ever count up; a write touches a few records). */
type Op =
  | { kind: 'update'; pick: number; title: string; quarterShift: number; epics: string[] }
  | { kind: 'delete'; pick: number }
  | { kind: 'create'; title: string }
  | { kind: 'debtCreate'; title: string }
  | { kind: 'debtUpdate'; pick: number; title: string }
  | { kind: 'debtDelete'; pick: number }
  | { kind: 'retitle'; title: string }
  | { kind: 'reviewed' }
  | { kind: 'phaseSwap' }
  | { kind: 'capacity'; perQuarter: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('update' as const),
    pick: fc.nat(),
    title: fc.string({ minLength: 1, maxLength: 12 }),
    quarterShift: fc.integer({ min: -2, max: 6 }),
    epics: fc.array(fc.integer({ min: 10000, max: 99999 }).map(String), { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('create' as const), title: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('debtCreate' as const), title: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('debtUpdate' as const), pick: fc.nat(), title: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('debtDelete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('retitle' as const), title: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.constant({ kind: 'reviewed' as const }),
  fc.constant({ kind: 'phaseSwap' as const }),
  fc.record({ kind: fc.constant('capacity' as const), perQuarter: fc.integer({ min: 0, max: 500 }) }),
);

function applyOp(roadmap: Roadmap, op: Op): Roadmap {
  const { meta, initiatives, debtItems } = roadmap;
  const at = <T>(items: T[], pick: number): T | undefined => items[pick % Math.max(1, items.length)];
  switch (op.kind) {
    case 'update': {
      const target = at(initiatives, op.pick);
      if (!target) return roadmap;
      const next: Initiative = { ...target, title: op.title, targetQuarter: addQuarters(target.targetQuarter, op.quarterShift), epicIds: op.epics };
      return { ...roadmap, initiatives: initiatives.map((i) => (i.id === target.id ? next : i)) };
    }
    case 'delete': {
      const target = at(initiatives, op.pick);
      return target ? { ...roadmap, initiatives: initiatives.filter((i) => i.id !== target.id) } : roadmap;
    }
    case 'create': {
      const template = initiatives[0] ?? largeRoadmap('10000', 1, { now: NOW }).initiatives[0];
      const created: Initiative = { ...template, id: `I-${meta.nextInitiativeSeq}`, title: op.title, dependsOn: [] };
      return { ...roadmap, meta: { ...meta, nextInitiativeSeq: meta.nextInitiativeSeq + 1 }, initiatives: [...initiatives, created] };
    }
    case 'debtCreate':
      return { ...roadmap, meta: { ...meta, nextDebtSeq: meta.nextDebtSeq + 1 }, debtItems: [...debtItems, debt(meta.nextDebtSeq, op.title)] };
    case 'debtUpdate': {
      const target = at(debtItems, op.pick);
      return target ? { ...roadmap, debtItems: debtItems.map((d) => (d.id === target.id ? { ...d, title: op.title } : d)) } : roadmap;
    }
    case 'debtDelete': {
      const target = at(debtItems, op.pick);
      return target ? { ...roadmap, debtItems: debtItems.filter((d) => d.id !== target.id) } : roadmap;
    }
    case 'retitle':
      return { ...roadmap, meta: { ...meta, title: op.title } };
    case 'reviewed':
      return { ...roadmap, meta: { ...meta, lastReviewedAt: NOW.toISOString() } };
    case 'phaseSwap': {
      const [a, b, ...rest] = meta.phases;
      return b ? { ...roadmap, meta: { ...meta, phases: [{ ...a, order: b.order }, { ...b, order: a.order }, ...rest] } } : roadmap;
    }
    case 'capacity':
      return { ...roadmap, meta: { ...meta, capacity: { ...meta.capacity, perQuarter: op.perQuarter } } };
  }
}

/** A write: some edits, one revision up. */
const write = (roadmap: Roadmap, ops: Op[]): Roadmap => {
  const edited = ops.reduce(applyOp, roadmap);
  return { ...edited, meta: { ...edited.meta, revision: roadmap.meta.revision + 1 } };
};

const roadmapArb = fc
  .record({ count: fc.integer({ min: 0, max: 60 }), debts: fc.integer({ min: 0, max: 8 }) })
  .map(({ count, debts }) => roadmapOf(count, debts));
const opsArb = fc.array(opArb, { minLength: 0, maxLength: 6 });

describe('view deltas: what a write answers instead of the whole view', () => {
  it('merged into the view before, a delta gives exactly the view after — arrays in the same order (property)', () => {
    fc.assert(
      fc.property(roadmapArb, opsArb, (roadmap, ops) => {
        const before = view(roadmap);
        const after = view(write(roadmap, ops));
        const delta = viewDelta(before, after);
        expect(applyViewDelta(before, delta)).toEqual(after);
        // Also as it crosses the bridge (JSON), and byte for byte in key order of arrays.
        const merged = applyViewDelta(before, JSON.parse(JSON.stringify(delta)));
        expect(merged).toEqual(after);
        expect(merged!.initiatives.map((i) => i.id)).toEqual(after.initiatives.map((i) => i.id));
        expect(merged!.debtItems.map((d) => d.id)).toEqual(after.debtItems.map((d) => d.id));
      }),
      { numRuns: 200 },
    );
  });

  it('carries only what changed: the records an edit touched, and the top-level fields it changed (property)', () => {
    fc.assert(
      fc.property(roadmapArb, opsArb, (roadmap, ops) => {
        const before = view(roadmap);
        const after = view(write(roadmap, ops));
        const delta = viewDelta(before, after);
        const old = new Map(before.initiatives.map((i) => [i.id, i]));
        for (const upserted of delta.initiatives.upsert) expect(sameValue(old.get(upserted.id), upserted)).toBe(false);
        expect(
          delta.initiatives.upsert.length + delta.initiatives.remove.length + delta.debtItems.upsert.length + delta.debtItems.remove.length,
        ).toBeLessThanOrEqual(ops.length);
        const { baseRevision, revision, initiatives: _i, debtItems: _d, ...fields } = delta;
        expect([baseRevision, revision]).toEqual([before.revision, after.revision]);
        for (const [key, value] of Object.entries(fields)) expect(sameValue(before[key as keyof RoadmapView], value)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('merges by id into a view still loading its later records, adding only what the delta names (property)', () => {
    fc.assert(
      fc.property(roadmapArb, opsArb, fc.nat(), (roadmap, ops, cut) => {
        const before = view(roadmap);
        const after = view(write(roadmap, ops));
        const delta = viewDelta(before, after);
        const loaded = before.initiatives.slice(0, cut % (before.initiatives.length + 1));
        const partial = applyViewDelta({ ...before, initiatives: loaded }, delta)!;
        const known = new Set([...loaded.map((i) => i.id), ...delta.initiatives.upsert.map((i) => i.id)]);
        expect(partial.initiatives).toEqual(after.initiatives.filter((i) => known.has(i.id)));
      }),
      { numRuns: 100 },
    );
  });

  it('is refused (null) on a view at another revision, so the client refetches', () => {
    const roadmap = roadmapOf(5, 1);
    const before = view(roadmap);
    const delta = viewDelta(before, view(write(roadmap, [{ kind: 'retitle', title: 'New' }])));
    expect(applyViewDelta({ ...before, revision: before.revision + 1 }, delta)).toBeNull();
    expect(applyViewDelta({ ...before, revision: before.revision - 1 }, delta)).toBeNull();
  });

  it('an edit of one initiative carries that initiative and nothing else; an unchanged view carries nothing', () => {
    const roadmap = roadmapOf(40, 0);
    const before = view(roadmap);
    const delta = viewDelta(before, view(write(roadmap, [{ kind: 'update', pick: 11, title: 'Renamed', quarterShift: 1, epics: [] }])));
    expect(delta).toEqual({
      baseRevision: 3,
      revision: 4,
      initiatives: { upsert: [expect.objectContaining({ id: 'I-12', title: 'Renamed' })], remove: [] },
      debtItems: { upsert: [], remove: [] },
    });
    expect(viewDelta(before, before)).toEqual({ baseRevision: 3, revision: 3, initiatives: { upsert: [], remove: [] }, debtItems: { upsert: [], remove: [] } });
  });

  it('orders ids by number (I-2 before I-10), as the store chunks them', () => {
    expect(['I-10', 'I-2', 'I-1', 'I-100'].sort(compareItemIds)).toEqual(['I-1', 'I-2', 'I-10', 'I-100']);
  });
});
