import { z } from 'zod';
import { AppError } from '../errors';
import { accountIdSchema, HORIZONS, INITIATIVE_STATUSES, projectIdSchema } from '../model';
import { parseQuarter, type Quarter } from '../quarter';
import { DRIFT_KINDS } from '../rules/drift';
import { type Baseline, type BaselineContent, type BaselineFlag, type BaselineItem, type BaselinePhase, initiativeNumber, parseFlagKey } from './baseline';
import { BASELINE_FORMAT, BASELINE_PART_BYTES, type BaselineBlock, type BaselinePart, type EncodedBaseline, MAX_BASELINE_PARTS } from './stored';
import { jsonBytes } from './utf8';

export { BASELINE_FORMAT, BASELINE_PART_BYTES, type BaselineHeader, type BaselinePart, type EncodedBaseline, MAX_BASELINE_PARTS } from './stored';

/**
 * The stored form of a baseline: a small header (listed for the picker without reading any baseline) and the plan in
 * one or more parts, each a list of columnar blocks of 100 initiatives:
 *   i   initiative numbers, delta-encoded (ids ascend: mostly `1`)
 *   s   horizon × status, one letter per initiative (`a`…`o`)
 *   q0  the block's earliest quarter as an ordinal (year × 4 + quarter − 1); q: each quarter's offset from it
 *   p   phase, as an index into the phase table of part 0
 *   c t the success metric's current and target values (any finite number; null when unset)
 *   f   drift: one letter per flag (its kind; upper case when the key names an epic), grouped by initiative;
 *       fn: how many flags each initiative has; fe: the epics of the upper-case flags, comma-joined; fp: `[flag,
 *       project…]` for flags derived from epics of other Jira projects (indexes into pr, the block's project table);
 *       x: 1 when the block's drift was left out to stay inside the budget
 *
 * Worst case per initiative without drift, in bytes: id delta 7 (5,000 ids spread over 10⁹), state 1, quarter 6,
 * phase 3, two metric values of up to 25 characters each plus commas — about 70, so 5,000 initiatives need about
 * 350 KB: two parts. A drift flag costs a letter (plus 2 bytes of count per initiative), the epic id (up to 19) of a
 * per-epic flag, and a few bytes per other project it depends on. A baseline takes at most MAX_BASELINE_PARTS parts;
 * a drift too large for them (over about 60,000 flags) is recorded for the first initiatives only and the baseline
 * says so (state 'partial'). Sizes: storage/keys.ts.
 */

const BLOCK_ITEMS = 100;
type Block = BaselineBlock;

// ---- letters and ordinals ---------------------------------------------------------------------------------------

const STATE_COUNT = HORIZONS.length * INITIATIVE_STATUSES.length;
const stateLetter = (item: BaselineItem) =>
  String.fromCharCode(97 + HORIZONS.indexOf(item.horizon) * INITIATIVE_STATUSES.length + INITIATIVE_STATUSES.indexOf(item.status));
const kindLetter = (kindIndex: number, withEpic: boolean) => String.fromCharCode((withEpic ? 65 : 97) + kindIndex);
const quarterOrdinal = (quarter: Quarter) => {
  const { year, q } = parseQuarter(quarter);
  return year * 4 + q - 1;
};
// Years are four digits in a stored quarter (0000–9999): pad, as the quarter pattern requires.
const ordinalQuarter = (ordinal: number): Quarter => `${String(Math.floor(ordinal / 4)).padStart(4, '0')}-Q${(ordinal % 4) + 1}`;
const MAX_ORDINAL = 9999 * 4 + 3;

// ---- encode -----------------------------------------------------------------------------------------------------

function encodeBlock(items: BaselineItem[], phaseIndex: Map<string, number>, flagsOf: (id: string) => BaselineFlag[], withDrift: boolean): Block {
  const ordinals = items.map((item) => quarterOrdinal(item.targetQuarter));
  const q0 = Math.min(...ordinals);
  let previous = 0;
  const block: Block = {
    i: items.map((item) => {
      const n = initiativeNumber(item.id);
      const delta = n - previous;
      previous = n;
      return delta;
    }),
    s: items.map(stateLetter).join(''),
    q0,
    q: ordinals.map((o) => o - q0),
    p: items.map((item) => phaseIndex.get(item.phaseId)!),
    c: items.map((item) => item.metricCurrent),
    t: items.map((item) => item.metricTarget),
  };
  if (!withDrift) return block;
  let kinds = '';
  const counts: number[] = [];
  const epics: string[] = [];
  const guarded: number[][] = [];
  const projects = new Map<string, number>();
  for (const item of items) {
    const flags = flagsOf(item.id);
    counts.push(flags.length);
    for (const flag of flags) {
      const parts = parseFlagKey(flag.key)!;
      const flagIndex = kinds.length;
      kinds += kindLetter(DRIFT_KINDS.indexOf(parts.kind), parts.epicId !== null);
      if (parts.epicId !== null) epics.push(parts.epicId);
      if (flag.projects.length > 0) {
        guarded.push([
          flagIndex,
          ...flag.projects.map((project) => {
            if (!projects.has(project)) projects.set(project, projects.size);
            return projects.get(project)!;
          }),
        ]);
      }
    }
  }
  if (kinds.length > 0) {
    block.f = kinds;
    block.fn = counts;
    if (epics.length > 0) block.fe = epics.join(',');
    if (guarded.length > 0) {
      block.fp = guarded;
      block.pr = [...projects.keys()];
    }
  }
  return block;
}

/** Blocks packed into parts of at most BASELINE_PART_BYTES each (`sizes`: each block's JSON bytes); part 0 carries the phase table. */
function pack(blocks: Block[], sizes: number[], phases: Array<[string, string]>): BaselinePart[] {
  const parts: BaselinePart[] = [];
  let current: BaselinePart = { v: BASELINE_FORMAT, n: 0, phases, blocks: [] };
  let size = jsonBytes(current);
  blocks.forEach((block, b) => {
    if (current.blocks.length > 0 && size + 1 + sizes[b] > BASELINE_PART_BYTES) {
      parts.push(current);
      current = { v: BASELINE_FORMAT, n: parts.length, blocks: [] };
      size = jsonBytes(current);
    }
    size += sizes[b] + (current.blocks.length > 0 ? 1 : 0);
    current.blocks.push(block);
  });
  parts.push(current);
  return parts;
}

/**
 * The stored form of `content`. Flags whose key is not a drift flag's, or whose initiative is not in the baseline,
 * cannot be compared and are left out. Refused with LIMIT only when the plan alone would not fit (never for a roadmap
 * inside the model's limits).
 */
export function encodeBaseline(content: BaselineContent): EncodedBaseline {
  const phases: Array<[string, string]> = content.phases.map((p) => [p.id, p.name]);
  const phaseIndex = new Map(phases.map(([id], index) => [id, index]));
  // A phase the roadmap lost (a roadmap stored out of limits) still gets an entry, named by its id.
  for (const item of content.items) {
    if (!phaseIndex.has(item.phaseId)) {
      phaseIndex.set(item.phaseId, phases.length);
      phases.push([item.phaseId, item.phaseId]);
    }
  }
  const flags = new Map<string, BaselineFlag[]>();
  for (const flag of content.drift.flags) {
    const parts = parseFlagKey(flag.key);
    if (!parts) continue;
    flags.set(parts.initiativeId, [...(flags.get(parts.initiativeId) ?? []), flag]);
  }
  const flagsOf = (id: string) => flags.get(id) ?? [];
  const recorded = content.drift.state !== 'unavailable';
  const uncovered = new Set(content.drift.uncovered);
  const slices: BaselineItem[][] = [];
  for (let from = 0; from < content.items.length; from += BLOCK_ITEMS) slices.push(content.items.slice(from, from + BLOCK_ITEMS));
  const blocks = slices.map((items) => {
    if (!recorded) return encodeBlock(items, phaseIndex, flagsOf, false);
    const full = encodeBlock(items, phaseIndex, flagsOf, true);
    // A block whose drift alone would fill a part, or that was already uncovered, keeps its plan without drift.
    if (items.some((item) => uncovered.has(item.id)) || jsonBytes(full) > BASELINE_PART_BYTES / 2)
      return { ...encodeBlock(items, phaseIndex, flagsOf, false), x: 1 as const };
    return full;
  });
  const sizes = blocks.map((block) => jsonBytes(block));
  let parts = pack(blocks, sizes, phases);
  // Over budget: the last blocks' drift goes first (their initiatives' drift is then not compared).
  for (let b = blocks.length - 1; parts.length > MAX_BASELINE_PARTS && b >= 0; b--) {
    if (blocks[b].x) continue;
    blocks[b] = { ...encodeBlock(slices[b], phaseIndex, flagsOf, false), x: 1 };
    sizes[b] = jsonBytes(blocks[b]);
    parts = pack(blocks, sizes, phases);
  }
  if (parts.length > MAX_BASELINE_PARTS) {
    throw new AppError('LIMIT', `This roadmap's review baseline would need ${parts.length} storage records, over the ${MAX_BASELINE_PARTS} a review may use`);
  }
  const stored = blocks.reduce((sum, block) => sum + (block.f?.length ?? 0), 0);
  const partial = blocks.some((block) => block.x === 1);
  return {
    header: {
      v: BASELINE_FORMAT,
      revision: content.revision,
      reviewedAt: content.reviewedAt,
      reviewer: content.reviewer,
      note: content.note,
      initiatives: content.items.length,
      drift: !recorded ? 'unavailable' : partial ? 'partial' : 'recorded',
      flags: stored,
      parts: parts.length,
      bytes: parts.reduce((sum, part) => sum + jsonBytes(part), 0),
    },
    parts,
  };
}

// ---- decode -----------------------------------------------------------------------------------------------------

const int = (min = 0) => z.number().int().min(min);
const kindLetters = new RegExp(`^[a-${kindLetter(DRIFT_KINDS.length - 1, false)}A-${kindLetter(DRIFT_KINDS.length - 1, true)}]*$`);

export const baselineHeaderSchema = z
  .object({
    v: z.literal(BASELINE_FORMAT),
    seq: int(1),
    revision: int(1),
    reviewedAt: z.string().max(40),
    reviewer: accountIdSchema.nullable(),
    note: z.string().max(500).nullable(),
    initiatives: int(),
    drift: z.enum(['recorded', 'partial', 'unavailable']),
    flags: int(),
    parts: int(1).max(MAX_BASELINE_PARTS),
    bytes: int(),
  })
  .strict();

const blockSchema = z
  .object({
    i: z.array(int()),
    s: z.string().regex(new RegExp(`^[a-${String.fromCharCode(97 + STATE_COUNT - 1)}]*$`)),
    q0: int().max(MAX_ORDINAL),
    q: z.array(int().max(MAX_ORDINAL)),
    p: z.array(int()),
    c: z.array(z.number().finite().nullable()),
    t: z.array(z.number().finite().nullable()),
    f: z.string().regex(kindLetters).optional(),
    fn: z.array(int()).optional(),
    fe: z
      .string()
      .regex(/^\d{1,18}(,\d{1,18})*$/)
      .optional(),
    fp: z.array(z.array(int()).min(2)).optional(),
    pr: z.array(projectIdSchema).optional(),
    x: z.literal(1).optional(),
  })
  .strict();

const partSchema = z
  .object({
    v: z.literal(BASELINE_FORMAT),
    n: int(),
    phases: z.array(z.tuple([z.string().max(20), z.string().max(400)])).optional(),
    blocks: z.array(blockSchema),
  })
  .strict();

/** Why a stored baseline cannot be read (the resolver answers that the baseline is unreadable). */
export class UnreadableBaseline extends Error {}

function fail(why: string): never {
  throw new UnreadableBaseline(why);
}

/** The baseline a header and its parts (in part order) hold; throws UnreadableBaseline when they disagree. */
export function decodeBaseline(rawHeader: unknown, rawParts: readonly unknown[]): Baseline {
  const header = baselineHeaderSchema.safeParse(rawHeader);
  if (!header.success) fail(`header: ${header.error.issues[0]?.message}`);
  const h = header.data;
  if (rawParts.length !== h.parts) fail(`${rawParts.length} parts stored, ${h.parts} expected`);
  const parts = rawParts.map((raw, index) => {
    const part = partSchema.safeParse(raw);
    if (!part.success) fail(`part ${index}: ${part.error.issues[0]?.message}`);
    if (part.data.n !== index) fail(`part ${index} says it is part ${part.data.n}`);
    return part.data;
  });
  const phaseTable = parts[0].phases ?? fail('part 0 has no phase table');
  const phases: BaselinePhase[] = phaseTable.map(([id, name]) => ({ id, name }));
  const items: BaselineItem[] = [];
  const flags: BaselineFlag[] = [];
  const uncovered: string[] = [];
  let previousId = 0;
  for (const block of parts.flatMap((part) => part.blocks)) {
    const n = block.i.length;
    if ([block.s.length, block.q.length, block.p.length, block.c.length, block.t.length].some((length) => length !== n))
      fail('a block has columns of different lengths');
    const ids: string[] = [];
    let id = 0;
    for (let k = 0; k < n; k++) {
      id += block.i[k];
      if (id <= previousId || id > 999_999_999) fail('initiative ids are not ascending');
      previousId = id;
      const code = block.s.charCodeAt(k) - 97;
      const phase = phases[block.p[k]] ?? fail(`phase index ${block.p[k]} is outside the phase table`);
      const ordinal = block.q0 + block.q[k];
      if (ordinal > MAX_ORDINAL) fail('a quarter is out of range');
      ids.push(`I-${id}`);
      items.push({
        id: `I-${id}`,
        horizon: HORIZONS[Math.floor(code / INITIATIVE_STATUSES.length)],
        status: INITIATIVE_STATUSES[code % INITIATIVE_STATUSES.length],
        targetQuarter: ordinalQuarter(ordinal),
        phaseId: phase.id,
        metricCurrent: block.c[k],
        metricTarget: block.t[k],
      });
    }
    if (block.x === 1) uncovered.push(...ids);
    const kinds = block.f ?? '';
    const counts = block.fn ?? [];
    const epics = block.fe ? block.fe.split(',') : [];
    if (kinds.length > 0 && counts.length !== n) fail('drift flag counts do not match the initiatives');
    if (counts.reduce((sum, c) => sum + c, 0) !== kinds.length) fail('drift flags and their counts differ');
    const guards = new Map<number, string[]>();
    for (const [flagIndex, ...projectIndexes] of block.fp ?? []) {
      guards.set(
        flagIndex,
        projectIndexes.map((p) => block.pr?.[p] ?? fail(`project index ${p} is outside the project table`)),
      );
    }
    let k = 0;
    let epic = 0;
    counts.forEach((count, item) => {
      for (let c = 0; c < count; c++, k++) {
        const letter = kinds.charCodeAt(k);
        const withEpic = letter < 97;
        const kind = DRIFT_KINDS[letter - (withEpic ? 65 : 97)];
        const epicId = withEpic ? (epics[epic++] ?? fail('a drift flag lacks its epic')) : null;
        flags.push({ key: epicId ? `${kind}:${ids[item]}:${epicId}` : `${kind}:${ids[item]}`, projects: guards.get(k) ?? [] });
      }
    });
    if (epic !== epics.length) fail('more epics than drift flags naming one');
  }
  if (items.length !== h.initiatives) fail(`${items.length} initiatives stored, ${h.initiatives} expected`);
  return {
    seq: h.seq,
    revision: h.revision,
    reviewedAt: h.reviewedAt,
    reviewer: h.reviewer,
    note: h.note,
    phases,
    items,
    drift: { state: h.drift, flags: h.drift === 'unavailable' ? [] : flags, uncovered },
  };
}
