import fc from 'fast-check';
import type { ChangeRecord } from '../../../src/domain/changes';
import { deleteInitiative, updateInitiative } from '../../../src/domain/edits/initiatives';
import { HORIZONS, INITIATIVE_STATUSES } from '../../../src/domain/model';
import { type BaselineItem, snapshotOf } from '../../../src/domain/review/baseline';
import { changedIds, compareDrift, compareSnapshots, type DriftSide, limitDriftSide } from '../../../src/domain/review/compare';
import { REASONS_PER_INITIATIVE, reasonsFrom, titlesFrom } from '../../../src/domain/review/reasons';
import { templateRoadmap } from '../../../src/domain/template';

const NOW = new Date('2026-11-23T12:00:00Z');
const actor = { accountId: '557058:aaaa-admin', now: NOW };

const itemArb = (id: string): fc.Arbitrary<BaselineItem> =>
  fc.record({
    id: fc.constant(id),
    horizon: fc.constantFrom(...HORIZONS),
    targetQuarter: fc.constantFrom('2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2'),
    phaseId: fc.constantFrom('P-1', 'P-2'),
    status: fc.constantFrom(...INITIATIVE_STATUSES),
    metricCurrent: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
    metricTarget: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
  });
const itemsArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 25 })
  .chain((ns) => fc.tuple(...[...ns].sort((a, b) => a - b).map((n) => itemArb(`I-${n}`))));

const item = (id: string, patch: Partial<BaselineItem> = {}): BaselineItem => ({
  id,
  horizon: 'next',
  targetQuarter: '2027-Q1',
  phaseId: 'P-1',
  status: 'planned',
  metricCurrent: 10,
  metricTarget: 50,
  ...patch,
});

describe('compareSnapshots', () => {
  it('finds nothing changed between a baseline and itself (property)', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const c = compareSnapshots({ items }, { items });
        expect({ ...c, unchanged: [] }).toEqual({ added: [], removed: [], moved: [], slipped: [], pulledIn: [], status: [], metrics: [], unchanged: [] });
        expect(c.unchanged).toEqual(items.map((i) => i.id));
      }),
    );
  });

  it('puts every initiative in exactly one of added, removed, changed or unchanged (property)', () => {
    fc.assert(
      fc.property(itemsArb, itemsArb, (from, to) => {
        const c = compareSnapshots({ items: from }, { items: to });
        const groups = [c.added, c.removed, changedIds(c), c.unchanged];
        const all = groups.flat();
        expect(new Set(all).size).toBe(all.length);
        expect(new Set(all)).toEqual(new Set([...from, ...to].map((i) => i.id)));
        for (const id of c.added) expect(from.some((i) => i.id === id)).toBe(false);
        for (const id of c.removed) expect(to.some((i) => i.id === id)).toBe(false);
      }),
    );
  });

  it('is symmetric: back from `to` to `from` swaps added and removed, slipped and pulled in (property)', () => {
    fc.assert(
      fc.property(itemsArb, itemsArb, (from, to) => {
        const there = compareSnapshots({ items: from }, { items: to });
        const back = compareSnapshots({ items: to }, { items: from });
        expect(back.added).toEqual(there.removed);
        expect(back.removed).toEqual(there.added);
        expect(back.slipped.map((s) => [s.id, s.quarters])).toEqual(there.pulledIn.map((s) => [s.id, s.quarters]));
        expect(new Set(changedIds(back))).toEqual(new Set(changedIds(there)));
      }),
    );
  });

  it('names moves, slips by whole quarters, pulled-in work, status changes and metrics toward or away from target', () => {
    const from = [
      item('I-1'),
      item('I-2'),
      item('I-3'),
      item('I-4'),
      item('I-5'),
      item('I-6', { metricCurrent: 10 }),
      item('I-7', { metricCurrent: null }),
      item('I-8', { horizon: 'now', targetQuarter: '2026-Q4' }),
    ];
    const to = [
      item('I-1', { horizon: 'later', targetQuarter: '2027-Q3' }),
      item('I-2', { phaseId: 'P-2' }),
      item('I-3', { targetQuarter: '2026-Q4', horizon: 'now' }),
      item('I-4', { status: 'in-progress' }),
      item('I-5', { metricCurrent: 30 }),
      item('I-6', { metricCurrent: 5 }),
      item('I-7', { metricCurrent: 50 }),
      // The calendar moved it: same quarter, a new quarter began.
      item('I-8', { horizon: 'now', targetQuarter: '2026-Q4' }),
      item('I-9'),
    ];
    const c = compareSnapshots({ items: from }, { items: to });
    expect(c.added).toEqual(['I-9']);
    expect(c.removed).toEqual([]);
    expect(c.moved).toEqual([
      { id: 'I-1', from: { horizon: 'next', phaseId: 'P-1' }, to: { horizon: 'later', phaseId: 'P-1' }, quarterChanged: true },
      { id: 'I-2', from: { horizon: 'next', phaseId: 'P-1' }, to: { horizon: 'next', phaseId: 'P-2' }, quarterChanged: false },
      { id: 'I-3', from: { horizon: 'next', phaseId: 'P-1' }, to: { horizon: 'now', phaseId: 'P-1' }, quarterChanged: true },
    ]);
    expect(c.slipped).toEqual([{ id: 'I-1', from: '2027-Q1', to: '2027-Q3', quarters: 2 }]);
    expect(c.pulledIn).toEqual([{ id: 'I-3', from: '2027-Q1', to: '2026-Q4', quarters: 1 }]);
    expect(c.status).toEqual([{ id: 'I-4', from: 'planned', to: 'in-progress' }]);
    expect(c.metrics.map((m) => [m.id, m.current.from, m.current.to, m.direction])).toEqual([
      ['I-5', 10, 30, 'toward'],
      ['I-6', 10, 5, 'away'],
      ['I-7', null, 50, 'unclear'],
    ]);
    expect(c.unchanged).toEqual(['I-8']);
    const reached = compareSnapshots({ items: [item('I-1')] }, { items: [item('I-1', { metricCurrent: 50 })] });
    expect(reached.metrics[0].direction).toBe('reached');
  });

  it('sees a move the calendar made: Next becomes Now when its quarter begins', () => {
    const roadmap = templateRoadmap('10000', 'Demo', actor).roadmap;
    const before = snapshotOf(roadmap, NOW);
    const nextQuarter = new Date('2027-01-05T12:00:00Z');
    const c = compareSnapshots(before, snapshotOf(roadmap, nextQuarter));
    expect(c.moved.length).toBeGreaterThan(0);
    for (const move of c.moved) expect(move.quarterChanged).toBe(false);
    expect(c.slipped).toEqual([]);
  });
});

describe('compareDrift', () => {
  const side = (keys: string[], patch: Partial<DriftSide> = {}): DriftSide => ({ state: 'recorded', keys, uncovered: [], ...patch });

  it('lists drift that appeared and cleared; a removed initiative did not clear its flags', () => {
    const change = compareDrift(
      side(['now-not-started:I-1', 'past-target:I-2', 'metric-stale:I-3']),
      side(['past-target:I-2', 'epic-unavailable:I-4:10042']),
      new Set(['I-1', 'I-2', 'I-4']),
    );
    expect(change).toEqual({ state: 'compared', appeared: ['epic-unavailable:I-4:10042'], cleared: ['now-not-started:I-1'], skipped: 0 });
  });

  it('compares nothing when a side has no drift recorded, and skips uncovered initiatives', () => {
    expect(compareDrift(side([], { state: 'unavailable' }), side(['past-target:I-1']))).toMatchObject({ state: 'unavailable', appeared: [], cleared: [] });
    expect(compareDrift(side(['past-target:I-1'], { state: 'partial', uncovered: ['I-2'] }), side(['past-target:I-2']))).toEqual({
      state: 'partial',
      appeared: [],
      cleared: ['past-target:I-1'],
      skipped: 1,
    });
  });

  it('cuts a side to whole initiatives in id order; the rest are uncovered and not compared', () => {
    const keys = ['past-target:I-10', 'metric-stale:I-2', 'now-not-started:I-2', 'past-target:I-3', 'epic-moved:I-3:7'];
    const limited = limitDriftSide(side(keys), 3);
    expect(limited).toEqual({ state: 'partial', keys: ['metric-stale:I-2', 'now-not-started:I-2'], uncovered: ['I-3', 'I-10'] });
    expect(limitDriftSide(side(keys), 5)).toEqual(side(keys));
    expect(compareDrift(limited, side(['past-target:I-3']))).toMatchObject({
      state: 'partial',
      appeared: [],
      cleared: ['metric-stale:I-2', 'now-not-started:I-2'],
    });
  });

  it('finds no drift change between a side and itself (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('past-target:I-1', 'metric-stale:I-1', 'now-not-started:I-2', 'epic-moved:I-3:7')), (keys) => {
        expect(compareDrift(side(keys), side(keys))).toEqual({ state: 'compared', appeared: [], cleared: [], skipped: 0 });
      }),
    );
  });
});

describe('reasons and titles from the changelog', () => {
  it('cites the changes that moved, re-planned, created or deleted each listed initiative, newest first, each change once', () => {
    const roadmap = templateRoadmap('10000', 'Demo', actor).roadmap;
    const moved = updateInitiative(roadmap, 'I-1', { targetQuarter: '2027-Q4' }, actor, 'Vendor slipped');
    const renamed = updateInitiative(moved.roadmap, 'I-2', { title: 'Centralise logging' }, actor, null);
    const deleted = deleteInitiative(renamed.roadmap, 'I-3', actor, 'Not needed');
    const changes: ChangeRecord[] = [deleted.change, renamed.change, moved.change];
    const reasons = reasonsFrom(changes, new Set(['I-1', 'I-2', 'I-3']));
    expect(reasons.byInitiative).toEqual({ 'I-1': [moved.change.revision], 'I-3': [deleted.change.revision] });
    expect(reasons.changes.map((c) => [c.revision, c.reason])).toEqual([
      [deleted.change.revision, 'Not needed'],
      [moved.change.revision, 'Vendor slipped'],
    ]);
    // A removed initiative's title comes from its deletion record; a renamed one reads by its newest title.
    expect(titlesFrom(changes, new Set(['I-3', 'I-2']))).toEqual({ 'I-3': roadmap.initiatives[2].title, 'I-2': 'Centralise logging' });
  });

  it(`keeps at most ${REASONS_PER_INITIATIVE} reasons an initiative`, () => {
    let roadmap = templateRoadmap('10000', 'Demo', actor).roadmap;
    const changes: ChangeRecord[] = [];
    for (const quarter of ['2027-Q2', '2027-Q3', '2027-Q4', '2028-Q1', '2028-Q2']) {
      const edit = updateInitiative(roadmap, 'I-1', { targetQuarter: quarter }, actor, `To ${quarter}`);
      roadmap = edit.roadmap;
      changes.unshift(edit.change);
    }
    const reasons = reasonsFrom(changes, new Set(['I-1']));
    expect(reasons.byInitiative['I-1']).toEqual(changes.slice(0, REASONS_PER_INITIATIVE).map((c) => c.revision));
    expect(reasons.changes).toHaveLength(REASONS_PER_INITIATIVE);
  });
});
