import fc from 'fast-check';
import { updateInitiative } from '../../../src/domain/edits/initiatives';
import { markReviewed } from '../../../src/domain/edits/settings';
import { baselineViolations } from '../../../src/domain/limits';
import { HORIZONS, INITIATIVE_STATUSES, isCleanText, LIMITS } from '../../../src/domain/model';
import {
  type BaselineContent,
  type BaselineFlag,
  type BaselineItem,
  driftForBaseline,
  parseFlagKey,
  snapshotOf,
  visibleFlags,
} from '../../../src/domain/review/baseline';
import {
  BASELINE_PART_BYTES,
  type BaselineHeader,
  decodeBaseline,
  encodeBaseline,
  MAX_BASELINE_PARTS,
  UnreadableBaseline,
} from '../../../src/domain/review/codec';
import { planReviewWrite } from '../../../src/domain/review/retention';
import { jsonBytes, utf8Bytes } from '../../../src/domain/review/utf8';
import { DRIFT_KINDS, type DriftReport } from '../../../src/domain/rules/drift';
import { templateRoadmap } from '../../../src/domain/template';

const NOW = new Date('2026-11-23T12:00:00Z');
const actor = { accountId: '557058:aaaa-admin', now: NOW };
const PER_EPIC = new Set(['epic-unavailable', 'epic-moved']);

// ---- arbitraries ------------------------------------------------------------------------------------------------

const phasesArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 999_999_999 }), { minLength: 1, maxLength: 20 })
  .map((ns) => ns.map((n) => ({ id: `P-${n}`, name: `Phase ${n} ✓ 漢` })));
/** Finite numbers as stored JSON gives them back (no −0: JSON writes it as 0). */
const metricArb = fc.option(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
  { nil: null },
);
const quarterArb = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${String(y).padStart(4, '0')}-Q${q}`);
const projectArb = fc.constantFrom('10001', '10002', '999999999999999999', '7');

function contentArb(options: { maxItems?: number } = {}): fc.Arbitrary<BaselineContent> {
  return phasesArb.chain((phases) =>
    fc
      .uniqueArray(fc.integer({ min: 1, max: 999_999_999 }), { maxLength: options.maxItems ?? 250 })
      .map((ns) => [...ns].sort((a, b) => a - b))
      .chain((numbers) =>
        fc
          .tuple(
            fc.tuple(
              ...numbers.map((n) =>
                fc.record({
                  id: fc.constant(`I-${n}`),
                  horizon: fc.constantFrom(...HORIZONS),
                  targetQuarter: quarterArb,
                  phaseId: fc.constantFrom(...phases.map((p) => p.id)),
                  status: fc.constantFrom(...INITIATIVE_STATUSES),
                  metricCurrent: metricArb,
                  metricTarget: metricArb,
                }),
              ),
            ),
            // Flags per initiative, in initiative order (the order a decoded baseline has).
            fc.tuple(
              ...numbers.map((n) =>
                fc
                  .uniqueArray(
                    fc.record({
                      kind: fc.constantFrom(...DRIFT_KINDS),
                      epic: fc.stringMatching(/^[1-9]\d{0,17}$/),
                      projects: fc.uniqueArray(projectArb, { maxLength: 3 }).map((ps) => ps.sort()),
                    }),
                    { maxLength: 4, selector: (f) => `${f.kind}:${PER_EPIC.has(f.kind) ? f.epic : ''}` },
                  )
                  .map((flags) =>
                    flags.map((f): BaselineFlag => ({ key: PER_EPIC.has(f.kind) ? `${f.kind}:I-${n}:${f.epic}` : `${f.kind}:I-${n}`, projects: f.projects })),
                  ),
              ),
            ),
            fc.constantFrom('recorded' as const, 'unavailable' as const),
            fc.option(
              fc.string({ maxLength: 500 }).filter((s) => isCleanText(s)),
              { nil: null },
            ),
          )
          .map(([items, flags, state, note]): BaselineContent => ({
            revision: 42,
            reviewedAt: NOW.toISOString(),
            reviewer: '557058:aaaa-admin',
            note,
            phases,
            items: items,
            drift: state === 'recorded' ? { state, flags: flags.flat(), uncovered: [] } : { state, flags: [], uncovered: [] },
          })),
      ),
  );
}

const decode = (content: BaselineContent, seq = 1) => {
  const encoded = encodeBaseline(content);
  return decodeBaseline({ ...encoded.header, seq }, JSON.parse(JSON.stringify(encoded.parts)) as unknown[]);
};

// ---- tests ------------------------------------------------------------------------------------------------------

describe('the baseline codec', () => {
  it('round-trips any baseline through stored JSON (property)', () => {
    fc.assert(
      fc.property(contentArb(), (content) => {
        expect(decode(content, 3)).toEqual({ ...content, seq: 3 });
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every part within its budget and the header honest about the parts', () => {
    fc.assert(
      fc.property(contentArb(), (content) => {
        const encoded = encodeBaseline(content);
        expect(encoded.header.parts).toBe(encoded.parts.length);
        expect(encoded.header.bytes).toBe(encoded.parts.reduce((sum, p) => sum + jsonBytes(p), 0));
        for (const part of encoded.parts) expect(jsonBytes(part)).toBeLessThanOrEqual(BASELINE_PART_BYTES);
        expect(baselineViolations(encoded)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('stores the worst-case 5,000-initiative plan in two parts, about 70 bytes an initiative', () => {
    const longest = -2.2250738585072014e-308; // 24 characters as JSON: as long as a finite number gets
    const content: BaselineContent = {
      revision: 9,
      reviewedAt: NOW.toISOString(),
      reviewer: null,
      note: '漢'.repeat(500),
      phases: Array.from({ length: 20 }, (_, i) => ({ id: `P-${999_999_980 + i}`, name: '漢'.repeat(100) })),
      // Ids spread over the whole id space: the deltas are as long as they get.
      items: Array.from({ length: LIMITS.initiatives }, (_, i) => ({
        id: `I-${(i + 1) * 199_999}`,
        horizon: 'later',
        targetQuarter: i % 2 ? '0000-Q1' : '9999-Q4',
        phaseId: `P-${999_999_980 + (i % 20)}`,
        status: 'in-progress',
        metricCurrent: longest,
        metricTarget: -1.7976931348623157e308,
      })),
      drift: { state: 'unavailable', flags: [], uncovered: [] },
    };
    const encoded = encodeBaseline(content);
    expect(encoded.parts).toHaveLength(2);
    expect(encoded.header.bytes / LIMITS.initiatives).toBeLessThan(75);
    expect(decode(content)).toEqual({ ...content, seq: 1 });
  });

  it('leaves out the drift of the last initiatives when it would not fit, and says so', () => {
    // 5,000 initiatives with every flag they can have at once — ten per-epic flags (18-digit epic ids), three flags
    // derived from all ten epics, each epic in two other projects: over two megabytes of drift.
    const items: BaselineItem[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `I-${i + 1}`,
      horizon: 'now',
      targetQuarter: '2026-Q4',
      phaseId: 'P-1',
      status: 'planned',
      metricCurrent: 1.2345678901234566e-7,
      metricTarget: 9.876543210987654e300,
    }));
    const flags: BaselineFlag[] = items.flatMap((item, i) => [
      ...Array.from({ length: 10 }, (_, e) => ({
        key: `epic-moved:${item.id}:9${String(i * 10 + e).padStart(17, '0')}`,
        projects: [`${20000 + e}`, '999999999999999999'],
      })),
      { key: `later-in-progress:${item.id}`, projects: Array.from({ length: 10 }, (_, e) => `${20000 + e}`) },
      { key: `past-target:${item.id}`, projects: Array.from({ length: 10 }, (_, e) => `${20000 + e}`) },
      { key: `over-effort:${item.id}`, projects: Array.from({ length: 10 }, (_, e) => `${20000 + e}`) },
      { key: `metric-stale:${item.id}`, projects: [] },
    ]);
    const content: BaselineContent = {
      revision: 5,
      reviewedAt: NOW.toISOString(),
      reviewer: null,
      note: null,
      phases: [{ id: 'P-1', name: 'Foundation' }],
      items,
      drift: { state: 'recorded', flags, uncovered: [] },
    };
    const encoded = encodeBaseline(content);
    expect(encoded.parts.length).toBeLessThanOrEqual(MAX_BASELINE_PARTS);
    expect(encoded.header.drift).toBe('partial');
    const decoded = decode(content);
    expect(decoded.items).toEqual(items);
    expect(decoded.drift.state).toBe('partial');
    expect(decoded.drift.uncovered.length).toBeGreaterThan(0);
    // What is recorded is exactly the flags of the covered initiatives; the rest are named as uncovered.
    const uncovered = new Set(decoded.drift.uncovered);
    expect(decoded.drift.flags).toEqual(flags.filter((f) => !uncovered.has(parseFlagKey(f.key)!.initiativeId)));
    expect(decoded.drift.uncovered).toEqual(items.slice(items.length - uncovered.size).map((i) => i.id));
  });

  it('refuses stored parts that do not match their header', () => {
    const content: BaselineContent = {
      revision: 2,
      reviewedAt: NOW.toISOString(),
      reviewer: null,
      note: null,
      phases: [{ id: 'P-1', name: 'Foundation' }],
      items: [{ id: 'I-1', horizon: 'now', targetQuarter: '2026-Q4', phaseId: 'P-1', status: 'planned', metricCurrent: 1, metricTarget: 2 }],
      drift: { state: 'recorded', flags: [{ key: 'now-not-started:I-1', projects: [] }], uncovered: [] },
    };
    const { header, parts } = encodeBaseline(content);
    const stored = { ...header, seq: 1 };
    expect(() => decodeBaseline(stored, [])).toThrow(UnreadableBaseline);
    expect(() => decodeBaseline({ ...stored, initiatives: 2 }, parts)).toThrow(UnreadableBaseline);
    expect(() => decodeBaseline(stored, [{ ...parts[0], blocks: [{ ...parts[0].blocks[0], s: 'zz' }] }])).toThrow(UnreadableBaseline);
    expect(() => decodeBaseline(stored, [{ ...parts[0], blocks: [{ ...parts[0].blocks[0], fn: [3] }] }])).toThrow(UnreadableBaseline);
    expect(() => decodeBaseline({ ...stored, v: 2 }, parts)).toThrow(UnreadableBaseline);
  });

  it('counts UTF-8 bytes as Node does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(utf8Bytes(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
    );
  });
});

describe('building a baseline', () => {
  it('markReviewed keeps the plan as derived at the review, with who, when and the note', () => {
    const roadmap = templateRoadmap('10000', 'Demo', actor).roadmap;
    const edit = markReviewed(roadmap, actor, 'Monthly review');
    expect(edit.review).toBeDefined();
    const baseline = decodeBaseline({ ...edit.review!.header, seq: 1 }, edit.review!.parts);
    expect(baseline).toMatchObject({ revision: edit.roadmap.meta.revision, reviewedAt: NOW.toISOString(), reviewer: actor.accountId, note: 'Monthly review' });
    expect(baseline.items).toEqual(snapshotOf(roadmap, NOW).items);
    expect(baseline.drift.state).toBe('unavailable');
    expect(baseline.phases.map((p) => p.name)).toEqual(['Foundation', 'Scale', 'Velocity']);
    // An empty note is no note.
    expect(markReviewed(roadmap, actor, '').review!.header.note).toBeNull();
  });

  it('snapshots horizons as derived for the day, metrics as numbers or null, in id order', () => {
    const roadmap = templateRoadmap('10000', 'Demo', actor).roadmap;
    const moved = updateInitiative(roadmap, 'I-2', { successMetric: { description: 'x', current: 5 } }, actor, null).roadmap;
    const snapshot = snapshotOf({ ...moved, initiatives: [...moved.initiatives].reverse() }, NOW);
    expect(snapshot.items.map((i) => i.id)).toEqual(roadmap.initiatives.map((i) => i.id));
    expect(snapshot.items.find((i) => i.id === 'I-2')).toMatchObject({ metricCurrent: 5, metricTarget: null });
  });

  it('guards each flag with the other projects of the epics it came from, and filters them for a reader', () => {
    const report = {
      flags: [
        { key: 'epic-moved:I-1:501', epicId: '501', epicIds: ['501'] },
        { key: 'later-in-progress:I-2', epicId: null, epicIds: ['601', '602'] },
        { key: 'metric-stale:I-3', epicId: null, epicIds: [] },
        { key: 'epic-unavailable:I-4:701', epicId: '701', epicIds: ['701'] },
      ],
    } as unknown as DriftReport;
    const where: Record<string, string[]> = { '501': ['20001'], '601': [], '602': ['20002', '20001'] };
    const drift = driftForBaseline(report, (id) => where[id] ?? []);
    expect(drift.flags).toEqual([
      { key: 'epic-moved:I-1:501', projects: ['20001'] },
      { key: 'later-in-progress:I-2', projects: ['20001', '20002'] },
      { key: 'metric-stale:I-3', projects: [] },
      { key: 'epic-unavailable:I-4:701', projects: [] },
    ]);
    expect(visibleFlags(drift, new Set(['20002']), new Set()).flags.map((f) => f.key)).toEqual([
      'epic-moved:I-1:501',
      'metric-stale:I-3',
      'epic-unavailable:I-4:701',
    ]);
    // An epic hidden from the reader now never shows through a key naming it.
    expect(visibleFlags(drift, new Set(), new Set(['701'])).flags.map((f) => f.key)).toEqual([
      'epic-moved:I-1:501',
      'later-in-progress:I-2',
      'metric-stale:I-3',
    ]);
    expect(driftForBaseline(null, () => [])).toEqual({ state: 'unavailable', flags: [], uncovered: [] });
  });
});

describe('pruning', () => {
  const header = (seq: number, revision: number, parts = 1): BaselineHeader => ({
    v: 1,
    seq,
    revision,
    reviewedAt: NOW.toISOString(),
    reviewer: null,
    note: null,
    initiatives: 0,
    drift: 'unavailable',
    flags: 0,
    parts,
    bytes: 10,
  });
  const encoded = (revision: number, parts = 1) => {
    const { seq: _seq, ...rest } = header(0, revision, parts);
    return { header: rest, parts: [] };
  };

  it('numbers a review after the highest kept, and prunes the oldest to keep twelve', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => header(i + 1, (i + 1) * 10));
    expect(planReviewWrite(eleven, encoded(200), { operations: 23 })).toMatchObject({ header: { seq: 12 }, prune: [] });
    const twelve = [...eleven, header(12, 120)];
    const plan = planReviewWrite(twelve.reverse(), encoded(200), { operations: 23 });
    expect(plan.header.seq).toBe(13);
    expect(plan.prune.map((h) => h.seq)).toEqual([1]);
  });

  it('prunes only what the transaction has room for; the rest goes with the next review', () => {
    const many = Array.from({ length: 15 }, (_, i) => header(i + 1, i + 1, 8));
    const plan = planReviewWrite(many, encoded(100, 8), { operations: 23 });
    // 23 − (1 + 8) = 14 operations left: one old baseline of 9.
    expect(plan.prune.map((h) => h.seq)).toEqual([1]);
    expect(planReviewWrite(many, encoded(100, 1), { operations: 23 }).prune.map((h) => h.seq)).toEqual([1, 2]);
  });

  it('never keeps more than LIMITS.reviewBaselines in a row of reviews (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.integer({ min: 1, max: MAX_BASELINE_PARTS }), { minLength: 1, maxLength: 40 }), (_n, sizes) => {
        let kept: BaselineHeader[] = [];
        sizes.forEach((parts, i) => {
          const plan = planReviewWrite(kept, encoded(i + 1, parts), { operations: 23 });
          const pruned = new Set(plan.prune.map((h) => h.seq));
          kept = [...kept.filter((h) => !pruned.has(h.seq)), plan.header];
          expect(kept.length).toBeLessThanOrEqual(LIMITS.reviewBaselines);
          // The survivors are the newest.
          expect(kept.map((h) => h.seq)).toEqual(Array.from({ length: kept.length }, (_, k) => i + 2 - kept.length + k));
        });
      }),
    );
  });
});
