import fc from 'fast-check';
import {
  buildDigest,
  countByKind,
  digestBytes,
  flagsForViewer,
  markVisit,
  MAX_DIGEST_BYTES,
  MAX_DIGEST_FLAGS,
  newSince,
  type StoredDigest,
  storedDigestSchema,
} from '../../../src/domain/digest';
import { driftPhrase, reviewPhrase } from '../../../src/domain/digest-text';
import { DRIFT_KINDS, type DriftFlag, type DriftKind, type DriftReport } from '../../../src/domain/rules/drift';
import { reviewStatus } from '../../../src/domain/rules/staleness';
import { meta, roadmap } from '../rules/fixtures';

const DAY = '2026-11-23';
const TODAY = new Date(`${DAY}T08:00:00Z`);

function flag(kind: DriftKind, initiativeId: string, epicIds: string[], epicId: string | null = null): DriftFlag {
  return {
    key: epicId ? `${kind}:${initiativeId}:${epicId}` : `${kind}:${initiativeId}`,
    kind,
    initiativeId,
    epicId,
    epicKey: null,
    epicIds,
    label: 'x',
    message: 'A message naming “a secret epic summary” that must never be stored',
    fix: null,
  };
}
function report(flags: DriftFlag[]): DriftReport {
  const counts = Object.fromEntries(DRIFT_KINDS.map((k) => [k, 0])) as Record<DriftKind, number>;
  for (const f of flags) counts[f.kind]++;
  return { asOf: DAY, flags, counts, initiatives: new Set(flags.map((f) => f.initiativeId)).size };
}
const review = reviewStatus({ lastReviewedAt: '2026-10-01T09:00:00Z', reviewCadenceDays: 30 }, TODAY);
const build = (flags: DriftFlag[], previous: StoredDigest | null = null, day = DAY, epicProjects: Record<string, string> = {}) =>
  buildDigest({ roadmap: roadmap({ meta: meta({ epicProjects }) }), drift: report(flags), review, previous, day });

describe('buildDigest', () => {
  it('stores keys, epic ids and first days only — no flag messages — and parses with the stored schema', () => {
    const digest = build([flag('later-in-progress', 'I-5', ['20018']), flag('metric-stale', 'I-2', [])]);
    expect(storedDigestSchema.parse(digest)).toEqual(digest);
    expect(digest.flags).toEqual([
      { key: 'later-in-progress:I-5', epicIds: ['20018'], since: DAY },
      { key: 'metric-stale:I-2', epicIds: [], since: DAY },
    ]);
    expect(JSON.stringify(digest)).not.toContain('secret');
    expect(digest.review).toMatchObject({ state: 'overdue', daysUntilNextReview: -23 });
  });

  it('keeps the day a flag first appeared while it persists; a flag that went away and came back starts again', () => {
    const day1 = build([flag('epics-done', 'I-4', ['1']), flag('past-target', 'I-1', [])], null, '2026-11-20');
    const day2 = build([flag('epics-done', 'I-4', ['1'])], day1, '2026-11-21');
    const day3 = build([flag('epics-done', 'I-4', ['1']), flag('past-target', 'I-1', []), flag('metric-stale', 'I-3', [])], day2, '2026-11-22');
    expect(day3.flags.map((f) => [f.key, f.since])).toEqual([
      ['epics-done:I-4', '2026-11-20'],
      ['past-target:I-1', '2026-11-22'],
      ['metric-stale:I-3', '2026-11-22'],
    ]);
  });

  it('is a pure function of its inputs: the same day twice gives the same value (the trigger then writes nothing)', () => {
    const flags = [flag('epic-moved', 'I-1', ['7'], '7'), flag('epics-done', 'I-4', ['1'])];
    const first = build(flags, build(flags, null, '2026-11-22'));
    expect(build(flags, first)).toEqual(first);
    expect(JSON.stringify(build(flags, first))).toBe(JSON.stringify(first));
  });

  it('ignores a previous digest from a later day (a clock that went back)', () => {
    const later = build([flag('epics-done', 'I-4', ['1'])], null, '2026-12-01');
    expect(build([flag('epics-done', 'I-4', ['1'])], later).flags[0].since).toBe(DAY);
  });

  it('remembers the foreign project of the epics its flags mention, and only those', () => {
    const digest = build([flag('later-in-progress', 'I-6', ['20024', '20033'])], null, DAY, { '20033': '10001', '20099': '10001' });
    expect(digest.epicProjects).toEqual({ '20033': '10001' });
  });

  it(`keeps at most ${MAX_DIGEST_FLAGS} flags, and the worst case stays under 240 KiB (UTF-8 bytes)`, () => {
    // Longest kind, largest ids, ten 18-digit epic ids on every flag, every epic foreign.
    const epicId = (i: number, j: number) => `${'9'.repeat(12)}${String(i * 10 + j).padStart(6, '0')}`;
    const flags = Array.from({ length: 2 * MAX_DIGEST_FLAGS }, (_, i) =>
      flag(
        'done-with-open-epics',
        `I-${999_999_000 + i}`,
        Array.from({ length: 10 }, (_, j) => epicId(i, j)),
      ),
    );
    const foreign = Object.fromEntries(
      flags
        .flatMap((f) => f.epicIds)
        .slice(0, 500)
        .map((id) => [id, '999999999999999999']),
    );
    const digest = build(flags, null, DAY, foreign);
    expect(digest.flags).toHaveLength(MAX_DIGEST_FLAGS);
    expect(digest.truncated).toBe(true);
    expect(Object.keys(digest.epicProjects)).toHaveLength(500);
    const bytes = digestBytes(digest);
    expect(bytes).toBeLessThan(MAX_DIGEST_BYTES);
    expect(bytes).toBeGreaterThan(160_000); // the worst case really is the documented ≈ 164 KB
    expect(storedDigestSchema.safeParse(digest).success).toBe(true);
  });
});

describe('flagsForViewer: what one viewer may see of a digest', () => {
  const digest = build([
    flag('epic-unavailable', 'I-2', ['6'], '6'),
    flag('epic-moved', 'I-1', ['1'], '1'),
    flag('later-in-progress', 'I-6', ['24', '99']),
    flag('metric-stale', 'I-3', []),
    flag('epics-done', 'I-4', ['15']),
  ]);
  const keys = (hidden: string[], visible: string[]) => flagsForViewer(digest, { hidden: new Set(hidden), visible: new Set(visible) }).map((f) => f.key);

  it('someone who sees every epic sees every flag (the unavailable epic stays unavailable to them)', () => {
    expect(keys([], ['1', '24', '99', '15'])).toEqual(digest.flags.map((f) => f.key));
  });

  it('drops flags derived from an epic of a project they cannot browse, even when other epics are visible', () => {
    expect(keys(['99'], ['1', '24', '15'])).toEqual(['epic-unavailable:I-2:6', 'epic-moved:I-1:1', 'metric-stale:I-3', 'epics-done:I-4']);
  });

  it('drops flags derived from an epic Jira does not show them (issue-level security), keeps roadmap-only flags', () => {
    expect(keys([], ['24', '99'])).toEqual(['epic-unavailable:I-2:6', 'later-in-progress:I-6', 'metric-stale:I-3']);
  });

  it('drops an "epic unavailable" flag when the viewer can see that epic, or when it belongs to a hidden project', () => {
    expect(keys([], ['6', '1', '24', '99', '15'])).not.toContain('epic-unavailable:I-2:6');
    expect(keys(['6'], ['1', '24', '99', '15'])).not.toContain('epic-unavailable:I-2:6');
  });

  it('never shows a flag touching a hidden epic, and only ever a subset of the stored flags (property)', () => {
    const id = fc.constantFrom<string>('1', '2', '3', '4', '5', '6');
    const flagArb = fc.record({
      kind: fc.constantFrom(...DRIFT_KINDS),
      n: fc.integer({ min: 1, max: 30 }),
      epicIds: fc.uniqueArray(id, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(flagArb, { selector: (f) => `${f.kind}${f.n}`, maxLength: 20 }),
        fc.uniqueArray(id),
        fc.uniqueArray(id),
        (raw, hidden, visible) => {
          const d = build(raw.map((f) => flag(f.kind, `I-${f.n}`, f.epicIds)));
          const shown = flagsForViewer(d, { hidden: new Set(hidden), visible: new Set(visible) });
          expect(shown.every((f) => d.flags.includes(f))).toBe(true);
          expect(shown.some((f) => f.epicIds.some((e) => hidden.includes(e)))).toBe(false);
          const counts = countByKind(shown);
          expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(shown.length);
        },
      ),
    );
  });
});

describe('new since the last visit', () => {
  const flags = [
    { key: 'epics-done:I-4', epicIds: [], since: '2026-11-20' },
    { key: 'past-target:I-1', epicIds: [], since: '2026-11-22' },
    { key: 'metric-stale:I-3', epicIds: [], since: '2026-11-23' },
  ];
  it('a first visit sees every flag as new; later, those that appeared after the day seen', () => {
    expect(newSince(flags, null)).toHaveLength(3);
    expect(newSince(flags, '2026-11-21').map((f) => f.key)).toEqual(['past-target:I-1', 'metric-stale:I-3']);
    expect(newSince(flags, '2026-11-23')).toEqual([]);
  });

  it('markVisit: never past the stored digest, never backwards; dismiss records today', () => {
    const first = markVisit(null, { asOf: '2026-11-22', dismiss: false, today: DAY, digestAsOf: DAY });
    expect(first).toEqual({ driftSeenAsOf: '2026-11-22', dismissedOn: null });
    expect(markVisit(first, { asOf: '2027-01-01', dismiss: false, today: DAY, digestAsOf: DAY }).driftSeenAsOf).toBe(DAY);
    expect(markVisit(first, { asOf: '2026-01-01', dismiss: false, today: DAY, digestAsOf: DAY }).driftSeenAsOf).toBe('2026-11-22');
    expect(markVisit(first, { asOf: null, dismiss: true, today: DAY, digestAsOf: null })).toEqual({ driftSeenAsOf: '2026-11-22', dismissedOn: DAY });
  });

  it('markVisit is monotonic in the day seen (property)', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(day, { nil: null }), day, fc.boolean()), { maxLength: 12 }), (marks) => {
        let visit = null as ReturnType<typeof markVisit> | null;
        for (const [asOf, digestAsOf, dismiss] of marks) {
          const next = markVisit(visit, { asOf, dismiss, today: DAY, digestAsOf });
          if (visit?.driftSeenAsOf) expect(next.driftSeenAsOf! >= visit.driftSeenAsOf).toBe(true);
          if (next.driftSeenAsOf && next.driftSeenAsOf !== visit?.driftSeenAsOf) expect(next.driftSeenAsOf <= digestAsOf).toBe(true);
          visit = next;
        }
      }),
    );
  });
});

describe('phrases', () => {
  it('says the review status and the drift count in a few words', () => {
    expect(reviewPhrase(review)).toBe('Review overdue by 23 days');
    expect(reviewPhrase({ state: 'due-today', daysUntilNextReview: 0 })).toBe('Review due today');
    expect(reviewPhrase({ state: 'never-reviewed', daysUntilNextReview: null })).toBe('Never reviewed');
    expect(reviewPhrase({ state: 'on-track', daysUntilNextReview: 1 })).toBe('Next review in 1 day');
    expect(driftPhrase(0, false)).toBe('No drift');
    expect(driftPhrase(1, false)).toBe('1 drift flag');
    expect(driftPhrase(500, true)).toBe('500+ drift flags');
  });
});
