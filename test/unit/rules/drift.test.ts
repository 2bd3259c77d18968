/**
 * The drift rules at their boundaries: each kind just inside and just outside its condition, with the progress a
 * viewer gets from Jira (built here the way computeProgress builds it), and invariants over random roadmaps.
 */
import fc from 'fast-check';
import type { EpicProgress, ProgressReport } from '../../../src/domain/api';
import type { Initiative } from '../../../src/domain/model';
import { type ChildIssue, rollUp, type StatusCategory } from '../../../src/domain/progress';
import { DRIFT_KINDS, driftCountsText, driftFlagsOf, driftOf, type DriftRoadmap } from '../../../src/domain/rules/drift';
import { initiative } from './fixtures';

/** Mid Q4 2026 (UTC). */
const TODAY = new Date('2026-11-15T12:00:00.000Z');

interface EpicSpec {
  id: string;
  state?: EpicProgress['state'];
  status?: StatusCategory;
  /** Child issues by status category; points per child when given. */
  children?: Array<[StatusCategory, number | null]>;
  key?: string;
  projectKey?: string;
}

/** Progress as the resolver reports it: unavailable epics carry nothing but their id and count for no work. */
function progressOf(initiatives: readonly Pick<Initiative, 'id' | 'epicIds'>[], epics: readonly EpicSpec[]): ProgressReport {
  const childrenOf = new Map<string, ChildIssue[]>();
  const report: EpicProgress[] = epics.map((e) => {
    const state = e.state ?? 'ok';
    if (state === 'unavailable') return { id: e.id, state };
    const children = (e.children ?? []).map(([statusCategory, points]): ChildIssue => ({ parentId: e.id, statusCategory, points }));
    childrenOf.set(e.id, children);
    return {
      id: e.id,
      state,
      key: e.key ?? `TR-${e.id}`,
      summary: `Epic ${e.id}`,
      statusCategory: e.status ?? 'new',
      progress: rollUp(children),
      projectId: state === 'moved' ? '10001' : '10000',
      ...(e.projectKey ? { projectKey: e.projectKey } : {}),
    };
  });
  const byInitiative: ProgressReport['initiatives'] = {};
  for (const i of initiatives) {
    if (i.epicIds.length === 0) continue;
    const available = i.epicIds.filter((id) => childrenOf.has(id));
    byInitiative[i.id] = {
      progress: rollUp(available.flatMap((id) => childrenOf.get(id) ?? [])),
      epics: i.epicIds.length,
      unavailableEpics: i.epicIds.length - available.length,
    };
  }
  return { pointsFieldId: 'customfield_10016', epics: report, initiatives: byInitiative };
}

function roadmapOf(initiatives: Initiative[], options: { cadence?: number; unit?: DriftRoadmap['capacity']['unit'] } = {}): DriftRoadmap {
  return {
    initiatives,
    horizonRules: { nowQuarters: 1, nextQuarters: 1 },
    reviewCadenceDays: options.cadence ?? 30,
    capacity: { unit: options.unit ?? 'person-weeks' },
  };
}

/** Drift of one roadmap and its epics as of `today`. */
function drift(initiatives: Initiative[], epics: EpicSpec[] | null, today = TODAY, options: Parameters<typeof roadmapOf>[1] = {}, margin?: number) {
  const progress = epics === null ? null : progressOf(initiatives, epics);
  return driftOf(roadmapOf(initiatives, options), progress, today, margin === undefined ? {} : { effortMarginPercent: margin });
}
const kinds = (report: ReturnType<typeof drift>) => report.flags.map((f) => f.kind);
const keys = (report: ReturnType<typeof drift>) => report.flags.map((f) => f.key);

/** An initiative in Now (this quarter) with a freshly updated metric, so only the rule under test speaks. */
const now = (overrides: Parameters<typeof initiative>[0] = {}) =>
  initiative({ targetQuarter: '2026-Q4', status: 'in-progress', createdAt: '2026-11-10T09:00:00Z', ...overrides });

describe('now-not-started', () => {
  it('flags a Now initiative whose epic and its issues are all still to do', () => {
    const report = drift([now({ epicIds: ['1'] })], [{ id: '1', status: 'new', children: [['new', 3]] }]);
    expect(report.flags).toEqual([
      {
        key: 'now-not-started:I-1',
        kind: 'now-not-started',
        initiativeId: 'I-1',
        epicId: null,
        epicKey: null,
        epicIds: ['1'],
        label: 'Not started',
        message: '“Initiative I-1” (I-1) is in Now, but its epic TR-1 has not started in Jira.',
        fix: { action: 'move', horizon: 'next' },
      },
    ]);
  });

  it('says how many epics have not started when there are several', () => {
    const report = drift([now({ epicIds: ['1', '2'] })], [{ id: '1' }, { id: '2', children: [['new', null]] }]);
    expect(report.flags[0].message).toBe('“Initiative I-1” (I-1) is in Now, but none of its 2 epics has started in Jira.');
    expect(report.flags[0].epicIds).toEqual(['1', '2']);
  });

  it('is cleared by one child issue in progress, one done, or the epic itself in progress', () => {
    for (const epic of [
      { id: '1', status: 'new' as const, children: [['new', 3] as [StatusCategory, number], ['indeterminate', 2] as [StatusCategory, number]] },
      { id: '1', status: 'new' as const, children: [['done', 1] as [StatusCategory, number]] },
      { id: '1', status: 'indeterminate' as const, children: [] },
    ]) {
      expect(kinds(drift([now({ epicIds: ['1'] })], [epic]))).toEqual([]);
    }
  });

  it('only in Now, only with an epic the viewer can see', () => {
    expect(kinds(drift([now({ epicIds: ['1'], targetQuarter: '2027-Q1' })], [{ id: '1' }]))).toEqual([]);
    expect(kinds(drift([now({ epicIds: [] })], []))).toEqual([]);
    // A pinned Now counts as Now whatever the quarter.
    expect(kinds(drift([now({ epicIds: ['1'], targetQuarter: '2027-Q3', horizonPin: 'now' })], [{ id: '1' }]))).toEqual(['now-not-started']);
    // The only epic is gone: that is its own flag, not "not started".
    expect(kinds(drift([now({ epicIds: ['1'] })], [{ id: '1', state: 'unavailable' }]))).toEqual(['epic-unavailable']);
  });
});

describe('past-target', () => {
  const lastDayOfQ3 = new Date('2026-09-30T23:59:59.999Z');
  const firstDayOfQ4 = new Date('2026-10-01T00:00:00.000Z');
  const q3 = (overrides: Parameters<typeof initiative>[0] = {}) => now({ targetQuarter: '2026-Q3', createdAt: '2026-09-20T00:00:00Z', ...overrides });

  it('is not late on the last day of the target quarter, and one quarter late the first day after (UTC)', () => {
    expect(kinds(drift([q3()], null, lastDayOfQ3))).toEqual([]);
    const report = drift([q3()], null, firstDayOfQ4);
    expect(report.flags).toEqual([
      expect.objectContaining({
        key: 'past-target:I-1',
        kind: 'past-target',
        label: '1 quarter late',
        message: '“Initiative I-1” (I-1) targeted Q3 2026 and is not done: 1 quarter late.',
        fix: { action: 'move', horizon: 'next' },
        epicIds: [],
      }),
    ]);
  });

  it('says by how much: quarters late and the work still open in Jira', () => {
    const report = drift(
      [q3({ targetQuarter: '2026-Q2', epicIds: ['1', '2'] })],
      [
        {
          id: '1',
          status: 'indeterminate',
          children: [
            ['done', 1],
            ['indeterminate', 1],
            ['new', 1],
          ],
        },
        { id: '2', status: 'new', children: [['new', 2]] },
      ],
      firstDayOfQ4,
    );
    const flag = report.flags.find((f) => f.kind === 'past-target')!;
    expect(flag.label).toBe('2 quarters late');
    expect(flag.message).toBe('“Initiative I-1” (I-1) targeted Q2 2026 and is not done: 2 quarters late, with 3 of 4 issues still open.');
    expect(flag.epicIds).toEqual(['1', '2']);
  });

  it('says when every issue is done but an epic is still open', () => {
    const report = drift([q3({ epicIds: ['1'] })], [{ id: '1', status: 'indeterminate', children: [['done', 1]] }], firstDayOfQ4);
    expect(report.flags.find((f) => f.kind === 'past-target')?.message).toMatch(/1 quarter late, though its one issue is done\.$/);
  });

  it('gives way to epics-done when all its epics are done, and never flags done or dropped work', () => {
    expect(kinds(drift([q3({ epicIds: ['1'] })], [{ id: '1', status: 'done' }], firstDayOfQ4))).toEqual(['epics-done']);
    expect(kinds(drift([q3({ status: 'done' }), q3({ id: 'I-2', status: 'dropped' })], null, firstDayOfQ4))).toEqual([]);
  });
});

describe('epics-done and done-with-open-epics', () => {
  it('flags an open initiative all of whose epics are done, with mark-done as its fix', () => {
    const report = drift(
      [now({ epicIds: ['1', '2'] })],
      [
        { id: '1', status: 'done' },
        { id: '2', status: 'done', state: 'moved' },
      ],
    );
    expect(report.flags.filter((f) => f.kind === 'epics-done')).toEqual([
      expect.objectContaining({
        key: 'epics-done:I-1',
        epicIds: ['1', '2'],
        label: 'Epics done',
        message: 'All 2 epics of “Initiative I-1” (I-1) are done in Jira, but the initiative is still in progress.',
        fix: { action: 'mark-done' },
      }),
    ]);
    expect(drift([now({ epicIds: ['1'], status: 'planned' })], [{ id: '1', status: 'done' }]).flags[0].message).toBe(
      'The one epic of “Initiative I-1” (I-1), TR-1, is done in Jira, but the initiative is still planned.',
    );
  });

  it('not while one epic is open, nor while one is unavailable (Jira cannot say it is done)', () => {
    expect(
      kinds(
        drift(
          [now({ epicIds: ['1', '2'] })],
          [
            { id: '1', status: 'done' },
            { id: '2', status: 'indeterminate' },
          ],
        ),
      ),
    ).toEqual([]);
    expect(
      kinds(
        drift(
          [now({ epicIds: ['1', '2'] })],
          [
            { id: '1', status: 'done' },
            { id: '2', state: 'unavailable' },
          ],
        ),
      ),
    ).toEqual(['epic-unavailable']);
    // An epic the report does not know yet (progress from before it was linked) leaves the question open too.
    expect(kinds(drift([now({ epicIds: ['1', '2'] })], [{ id: '1', status: 'done' }]))).toEqual([]);
  });

  it('flags a done initiative whose epics are still open, naming them, with reopen as its fix', () => {
    const report = drift(
      [now({ status: 'done', epicIds: ['1', '2', '3'] })],
      [
        { id: '1', status: 'done' },
        { id: '2', status: 'indeterminate' },
        { id: '3', state: 'unavailable' },
      ],
    );
    expect(report.flags).toEqual([
      expect.objectContaining({
        key: 'done-with-open-epics:I-1',
        kind: 'done-with-open-epics',
        epicIds: ['2'],
        message: '“Initiative I-1” (I-1) is marked done but TR-2 is still open in Jira.',
        fix: { action: 'reopen' },
      }),
    ]);
    // Done with every epic done (or gone) says nothing: done work is history.
    expect(
      kinds(
        drift(
          [now({ status: 'done', epicIds: ['1', '3'] })],
          [
            { id: '1', status: 'done' },
            { id: '3', state: 'unavailable' },
          ],
        ),
      ),
    ).toEqual([]);
  });
});

describe('later-in-progress', () => {
  const later = (overrides: Parameters<typeof initiative>[0] = {}) => now({ targetQuarter: '2027-Q2', status: 'planned', ...overrides });

  it('flags Later work whose epics are under way in Jira, with a move to Now', () => {
    const report = drift([later({ epicIds: ['1', '2'] })], [{ id: '1', children: [['indeterminate', 1]] }, { id: '2' }]);
    expect(report.flags).toEqual([
      expect.objectContaining({
        key: 'later-in-progress:I-1',
        epicIds: ['1'],
        label: 'Under way in Jira',
        message: '“Initiative I-1” (I-1) is planned for Later, but TR-1 is already in progress.',
        fix: { action: 'move', horizon: 'now' },
      }),
    ]);
  });

  it('not for Later work not started, nor for Next work under way, nor when everything is done already', () => {
    expect(kinds(drift([later({ epicIds: ['1'] })], [{ id: '1' }]))).toEqual([]);
    expect(kinds(drift([later({ epicIds: ['1'], targetQuarter: '2027-Q1' })], [{ id: '1', status: 'indeterminate' }]))).toEqual([]);
    expect(kinds(drift([later({ epicIds: ['1'] })], [{ id: '1', status: 'done' }]))).toEqual(['epics-done']);
  });
});

describe('epic-unavailable and epic-moved', () => {
  it('flags each epic, keyed by it, with unlink as the fix; a moved epic names the project it is in now', () => {
    const report = drift(
      [now({ epicIds: ['1', '2', '3'] })],
      [
        { id: '1', state: 'unavailable' },
        { id: '2', state: 'moved', key: 'PAY-9', projectKey: 'PAY', status: 'indeterminate' },
        { id: '3', state: 'moved', status: 'indeterminate' },
      ],
    );
    expect(report.flags).toEqual([
      {
        key: 'epic-unavailable:I-1:1',
        kind: 'epic-unavailable',
        initiativeId: 'I-1',
        epicId: '1',
        epicKey: null,
        epicIds: ['1'],
        label: 'Epic missing',
        message: '“Initiative I-1” (I-1): linked epic 1 was deleted or is no longer visible to you in Jira.',
        fix: { action: 'unlink', epicId: '1' },
      },
      expect.objectContaining({
        key: 'epic-moved:I-1:2',
        epicId: '2',
        epicKey: 'PAY-9',
        epicIds: ['2'],
        message: '“Initiative I-1” (I-1): PAY-9 has moved to project PAY.',
        fix: { action: 'unlink', epicId: '2' },
      }),
      expect.objectContaining({ key: 'epic-moved:I-1:3', message: '“Initiative I-1” (I-1): TR-3 has moved to another Jira project.' }),
    ]);
  });

  it('counts a repeated epic id once', () => {
    const report = drift([now({ epicIds: ['1', '1'] })], [{ id: '1', state: 'unavailable' }]);
    expect(keys(report)).toEqual(['epic-unavailable:I-1:1']);
  });
});

describe('metric-stale', () => {
  const measured = (at: string | null, overrides: Parameters<typeof initiative>[0] = {}) =>
    now({ successMetric: { description: 'p95 latency', target: 200, current: 450 }, metricUpdatedAt: at, ...overrides });

  it('is fresh at exactly the review cadence and stale one day more (calendar days, UTC)', () => {
    expect(kinds(drift([measured('2026-10-16T23:59:00Z')], null))).toEqual([]); // 30 days before 2026-11-15
    const report = drift([measured('2026-10-15T00:00:00Z')], null);
    expect(report.flags).toEqual([
      expect.objectContaining({
        key: 'metric-stale:I-1',
        label: 'Metric not updated',
        message: '“Initiative I-1” (I-1): the current value of “p95 latency” has not been updated for 31 days (review cadence 30).',
        fix: { action: 'update-metric' },
        epicIds: [],
      }),
    ]);
    expect(kinds(drift([measured('2026-11-05T00:00:00Z')], null, TODAY, { cadence: 10 }))).toEqual([]);
    expect(kinds(drift([measured('2026-11-04T00:00:00Z')], null, TODAY, { cadence: 10 }))).toEqual(['metric-stale']);
  });

  it('falls back to when the initiative was created while its metric never changed', () => {
    expect(kinds(drift([measured(null, { createdAt: '2026-10-16T08:00:00Z' })], null))).toEqual([]);
    expect(kinds(drift([measured(null, { createdAt: '2026-10-15T08:00:00Z' })], null))).toEqual(['metric-stale']);
    // A metric updated recently wins over an old creation date.
    expect(kinds(drift([measured('2026-11-14T08:00:00Z', { createdAt: '2026-01-01T00:00:00Z' })], null))).toEqual([]);
  });

  it('only for a metric with a target, and only in Now or in progress', () => {
    const old = '2026-06-01T00:00:00Z';
    expect(kinds(drift([measured(old, { successMetric: { description: 'Decision record written' } })], null))).toEqual([]);
    expect(kinds(drift([measured(old, { targetQuarter: '2027-Q1', status: 'planned' })], null))).toEqual([]);
    expect(kinds(drift([measured(old, { targetQuarter: '2027-Q1', status: 'in-progress' })], null))).toEqual(['metric-stale']);
    expect(kinds(drift([measured(old, { status: 'planned' })], null))).toEqual(['metric-stale']);
    expect(kinds(drift([measured(old, { status: 'done' }), measured(old, { id: 'I-2', status: 'dropped' })], null))).toEqual([]);
  });
});

describe('over-effort', () => {
  const sized = (effort: number | null, overrides: Parameters<typeof initiative>[0] = {}) => now({ effort, epicIds: ['1'], ...overrides });
  const points = (...p: number[]): EpicSpec[] => [{ id: '1', status: 'indeterminate', children: p.map((n): [StatusCategory, number] => ['indeterminate', n]) }];
  const pointsUnit = { unit: 'points' as const };

  it('is within the margin at exactly +20 % and flagged just above it, with the new estimate as its fix', () => {
    expect(kinds(drift([sized(10)], points(12), TODAY, pointsUnit))).toEqual([]);
    const report = drift([sized(10)], points(12.5), TODAY, pointsUnit);
    expect(report.flags).toEqual([
      expect.objectContaining({
        key: 'over-effort:I-1',
        epicIds: ['1'],
        label: 'Work +25 %',
        message: '“Initiative I-1” (I-1): its epics hold 12.5 points against an estimate of 10 (+25 %, more than the 20 % margin).',
        fix: { action: 'update-effort', effort: 12.5 },
      }),
    ]);
    // Above the margin by less than rounding would show: still flagged, and it says by how much.
    expect(drift([sized(100)], points(120.4), TODAY, pointsUnit).flags[0].label).toBe('Work +20.4 %');
  });

  it('honours a stated margin', () => {
    expect(kinds(drift([sized(10)], points(15), TODAY, pointsUnit, 50))).toEqual([]);
    expect(kinds(drift([sized(10)], points(15.5), TODAY, pointsUnit, 50))).toEqual(['over-effort']);
  });

  it('only where effort is in points and the epics carry points', () => {
    expect(kinds(drift([sized(10)], points(30), TODAY, { unit: 'person-weeks' }))).toEqual([]);
    expect(
      kinds(
        drift(
          [sized(10)],
          [
            {
              id: '1',
              status: 'indeterminate',
              children: [
                ['new', null],
                ['new', null],
              ],
            },
          ],
          TODAY,
          pointsUnit,
        ),
      ),
    ).toEqual([]);
    expect(kinds(drift([sized(null)], points(30), TODAY, pointsUnit))).toEqual([]);
    // Without an explicit effort, the RICE effort is the estimate (one number for both, as the model says).
    expect(kinds(drift([sized(null, { rice: { reach: 1, impact: 1, confidence: 50, effort: 10 } })], points(30), TODAY, pointsUnit))).toEqual(['over-effort']);
  });

  it('offers no one-click estimate above the model’s effort cap', () => {
    expect(drift([sized(5000)], points(20000), TODAY, pointsUnit).flags[0].fix).toBeNull();
  });
});

describe('drift as a whole', () => {
  it('never flags a dropped initiative, whatever Jira says', () => {
    const dropped = initiative({
      status: 'dropped',
      targetQuarter: '2025-Q1',
      horizonPin: 'later',
      effort: 1,
      successMetric: { description: 'm', target: 1 },
      createdAt: '2020-01-01T00:00:00Z',
      epicIds: ['1', '2', '3'],
    });
    const report = drift(
      [dropped],
      [
        { id: '1', state: 'unavailable' },
        { id: '2', state: 'moved' },
        { id: '3', status: 'done', children: [['done', 40]] },
      ],
      TODAY,
      {
        unit: 'points',
      },
    );
    expect(report.flags).toEqual([]);
    expect(report.initiatives).toBe(0);
  });

  it('without progress runs only the roadmap’s own rules (past target, stale metric)', () => {
    const everything = now({
      targetQuarter: '2026-Q2',
      effort: 1,
      successMetric: { description: 'm', target: 1 },
      createdAt: '2026-01-01T00:00:00Z',
      epicIds: ['1', '2'],
    });
    expect(kinds(drift([everything], null, TODAY, { unit: 'points' }))).toEqual(['past-target', 'metric-stale']);
    expect(kinds(drift([now({ targetQuarter: '2027-Q3', epicIds: ['1'] })], null))).toEqual([]);
  });

  it('orders flags by kind, counts them, and says them in words', () => {
    const report = drift(
      [now({ id: 'I-1', epicIds: ['1'] }), now({ id: 'I-2', epicIds: ['2'] }), now({ id: 'I-3', epicIds: ['3'] }), now({ id: 'I-4', epicIds: ['4'] })],
      [{ id: '1' }, { id: '2', status: 'done' }, { id: '3' }, { id: '4', state: 'unavailable' }],
    );
    expect(keys(report)).toEqual(['epic-unavailable:I-4:4', 'epics-done:I-2', 'now-not-started:I-1', 'now-not-started:I-3']);
    expect(report.counts).toMatchObject({ 'epic-unavailable': 1, 'epics-done': 1, 'now-not-started': 2, 'past-target': 0 });
    expect(report.initiatives).toBe(4);
    expect(report.asOf).toBe('2026-11-15');
    expect(driftCountsText(report.counts)).toBe('1 epic missing · 1 done in Jira · 2 not started');
    expect(driftCountsText(drift([], []).counts)).toBe('');
    expect(driftFlagsOf(report, 'I-3').map((f) => f.kind)).toEqual(['now-not-started']);
  });
});

describe('drift invariants over random roadmaps and Jira answers', () => {
  const status = fc.constantFrom('proposed', 'planned', 'in-progress', 'done', 'dropped' as const);
  const category = fc.constantFrom<StatusCategory>('new', 'indeterminate', 'done');
  const quarter = fc.constantFrom('2025-Q4', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2', '2027-Q4');
  const epicId = fc.integer({ min: 1, max: 12 }).map(String);
  const initiativeArb = fc.record({
    status,
    targetQuarter: quarter,
    horizonPin: fc.constantFrom(null, 'now', 'next', 'later'),
    epicIds: fc.uniqueArray(epicId, { maxLength: 4 }),
    effort: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
    target: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    metricUpdatedAt: fc.option(fc.constantFrom('2026-06-01T00:00:00Z', '2026-10-16T00:00:00Z', '2026-11-14T00:00:00Z'), { nil: null }),
  });
  const epicArb = fc.record({
    state: fc.constantFrom<EpicProgress['state']>('ok', 'ok', 'moved', 'unavailable'),
    status: category,
    children: fc.array(fc.tuple(category, fc.option(fc.integer({ min: 1, max: 8 }), { nil: null })), { maxLength: 4 }),
  });

  it('every flag names one of the roadmap’s initiatives and only its epics; keys are unique; counts add up', () => {
    fc.assert(
      fc.property(
        fc.array(initiativeArb, { maxLength: 6 }),
        fc.dictionary(epicId, epicArb),
        fc.boolean(),
        fc.constantFrom('points' as const, 'person-weeks' as const),
        (specs, epicSpecs, withProgress, unit) => {
          const initiatives = specs.map((s, i) =>
            initiative({
              id: `I-${i + 1}`,
              status: s.status,
              targetQuarter: s.targetQuarter,
              horizonPin: s.horizonPin,
              epicIds: s.epicIds,
              effort: s.effort,
              successMetric: { description: 'm', ...(s.target === undefined ? {} : { target: s.target }) },
              metricUpdatedAt: s.metricUpdatedAt,
            }),
          );
          const epics = Object.entries(epicSpecs).map(([id, e]) => ({ id, ...e }));
          const report = drift(initiatives, withProgress ? epics : null, TODAY, { unit });
          const byId = new Map(initiatives.map((i) => [i.id, i]));
          for (const flag of report.flags) {
            const owner = byId.get(flag.initiativeId);
            expect(owner).toBeDefined();
            expect(owner!.status).not.toBe('dropped');
            for (const id of flag.epicIds) expect(owner!.epicIds).toContain(id);
            if (flag.epicId !== null) expect(flag.epicIds).toContain(flag.epicId);
            expect(flag.message).toContain(`(${flag.initiativeId})`);
            if (!withProgress) expect(['past-target', 'metric-stale']).toContain(flag.kind);
          }
          expect(new Set(keys(report)).size).toBe(report.flags.length);
          expect(DRIFT_KINDS.reduce((sum, kind) => sum + report.counts[kind], 0)).toBe(report.flags.length);
          expect(report.initiatives).toBe(new Set(report.flags.map((f) => f.initiativeId)).size);
        },
      ),
      { numRuns: 300 },
    );
  });
});
