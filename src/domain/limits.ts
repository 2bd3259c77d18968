import type { z } from 'zod';
import { AppError } from './errors';
import { debtItemSchema, initiativeSchema, isCleanText, LIMITS, type Roadmap, roadmapMetaSchema } from './model';
import { type EncodedBaseline, MAX_BASELINE_PARTS } from './review/stored';
import { jsonBytes } from './review/utf8';

/**
 * The roadmap's limits, checked on every write path. The zod model enforces text lengths and per-item counts on
 * input; this module checks what no single input schema sees — collection sizes, an epic serving two initiatives of
 * one roadmap, every reference — and re-validates whatever a write produced, so no sequence of valid calls can
 * store a roadmap the loader would refuse.
 *
 * A stored roadmap that is somehow out of limits (an older version, a lowered limit) still loads and shows its
 * violations as warnings. A write is refused only when it adds a violation that was not there before, so people can
 * keep working and repair it (delete the 21st phase) instead of being locked out.
 */
export interface LimitViolation {
  /** Where, dot-joined: `phases`, `initiatives`, `initiatives.I-7.epicIds`, `meta.title`… */
  path: string;
  message: string;
  /** For counts: how many there are (a write may lower a count over its limit, never raise it). */
  count?: number;
}

const MAX_SEQUENCE = 999_999_999;

function zodViolations(prefix: string, schema: z.ZodType, value: unknown): LimitViolation[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({ path: [prefix, ...issue.path.map(String)].join('.'), message: issue.message }));
}

function countViolation(path: string, count: number, max: number, what: string): LimitViolation[] {
  return count > max ? [{ path, message: `${count} ${what}, over the limit of ${max}`, count }] : [];
}

/**
 * Violations in the roadmap's meta, its collection sizes and, for the initiatives and debt items in `items`
 * (all of them when omitted), their own fields and references. `itemSchemas: false` checks items' counts and
 * references but not every field against its schema: what a view needs to warn about, at a fraction of the cost
 * (every write re-validates the items it touches in full).
 */
export function limitViolations(roadmap: Roadmap, items?: ReadonlySet<string>, options: { itemSchemas?: boolean } = {}): LimitViolation[] {
  const itemSchemas = options.itemSchemas ?? true;
  const { meta } = roadmap;
  const violations: LimitViolation[] = [
    ...zodViolations('meta', roadmapMetaSchema, meta),
    ...countViolation('phases', meta.phases.length, LIMITS.phases, 'phases'),
    ...countViolation('businessGoals', meta.businessGoals.length, LIMITS.businessGoals, 'business goals'),
    ...countViolation('initiatives', roadmap.initiatives.length, LIMITS.initiatives, 'initiatives'),
    ...countViolation('debtItems', roadmap.debtItems.length, LIMITS.debtItems, 'debt items'),
    ...countViolation('epicProjects', Object.keys(meta.epicProjects ?? {}).length, LIMITS.foreignEpics, 'epics from other projects'),
  ];
  for (const [field, value] of [
    ['nextInitiativeSeq', meta.nextInitiativeSeq],
    ['nextDebtSeq', meta.nextDebtSeq],
    ['nextPhaseSeq', meta.nextPhaseSeq],
    ['nextGoalSeq', meta.nextGoalSeq],
  ] as const) {
    if (value > MAX_SEQUENCE) violations.push({ path: `meta.${field}`, message: `Out of ids (${field} ${value})` });
  }
  // The schema's own "at most N" on a collection says what the count violation already says, with its count.
  const counted = new Set(violations.filter((v) => v.count !== undefined).map((v) => `meta.${v.path}`));
  for (let i = violations.length - 1; i >= 0; i--) if (counted.has(violations[i].path)) violations.splice(i, 1);
  const inScope = (id: string) => !items || items.has(id);
  const phaseIds = new Set(meta.phases.map((p) => p.id));
  const goalIds = new Set(meta.businessGoals.map((g) => g.id));
  const initiativeIds = new Set(roadmap.initiatives.map((i) => i.id));
  const debtIds = new Set(roadmap.debtItems.map((d) => d.id));
  // One initiative per epic on a roadmap: the first holder (in id order) keeps it, a second is the violation.
  const epicHolder = new Map<string, string>();
  for (const initiative of roadmap.initiatives) {
    for (const epicId of initiative.epicIds) {
      const holder = epicHolder.get(epicId);
      if (holder === undefined) epicHolder.set(epicId, initiative.id);
      else if (holder !== initiative.id && (inScope(initiative.id) || inScope(holder))) {
        violations.push({ path: `initiatives.${initiative.id}.epicIds`, message: `Epic ${epicId} already serves initiative ${holder} on this roadmap` });
      }
    }
  }
  for (const initiative of roadmap.initiatives) {
    if (!inScope(initiative.id)) continue;
    const at = `initiatives.${initiative.id}`;
    if (itemSchemas) violations.push(...zodViolations(at, initiativeSchema, initiative));
    else {
      if (initiative.epicIds.length > LIMITS.epicsPerInitiative)
        violations.push(...countViolation(`${at}.epicIds`, initiative.epicIds.length, LIMITS.epicsPerInitiative, 'epics'));
      if (initiative.dependsOn.length > LIMITS.dependsOnPerInitiative)
        violations.push(...countViolation(`${at}.dependsOn`, initiative.dependsOn.length, LIMITS.dependsOnPerInitiative, 'dependencies'));
      if (initiative.businessGoalIds.length > LIMITS.goalsPerInitiative)
        violations.push(...countViolation(`${at}.businessGoalIds`, initiative.businessGoalIds.length, LIMITS.goalsPerInitiative, 'business goals'));
    }
    if (new Set(initiative.epicIds).size !== initiative.epicIds.length) violations.push({ path: `${at}.epicIds`, message: 'An epic is listed twice' });
    if (!phaseIds.has(initiative.phaseId)) violations.push({ path: `${at}.phaseId`, message: `Unknown phase ${initiative.phaseId}` });
    for (const id of initiative.dependsOn) {
      if (id === initiative.id || !initiativeIds.has(id))
        violations.push({ path: `${at}.dependsOn`, message: `Depends on ${id === initiative.id ? 'itself' : `unknown initiative ${id}`}` });
    }
    for (const id of initiative.businessGoalIds) {
      if (!goalIds.has(id)) violations.push({ path: `${at}.businessGoalIds`, message: `Unknown business goal ${id}` });
    }
    if (initiative.fromDebtId !== null && !debtIds.has(initiative.fromDebtId)) {
      violations.push({ path: `${at}.fromDebtId`, message: `Unknown debt item ${initiative.fromDebtId}` });
    }
  }
  for (const item of roadmap.debtItems) {
    if (!inScope(item.id)) continue;
    const at = `debtItems.${item.id}`;
    if (itemSchemas) violations.push(...zodViolations(at, debtItemSchema, item));
    if (item.promotedTo !== null && !initiativeIds.has(item.promotedTo))
      violations.push({ path: `${at}.promotedTo`, message: `Unknown initiative ${item.promotedTo}` });
  }
  return violations;
}

const identity = (v: LimitViolation) => `${v.path}\u0000${v.message.replace(/^\d+ /, '')}`;

/**
 * Refuses an edit that adds a violation: a new one, or a count over its limit that grows. Checks the meta, the
 * collection sizes and the items the edit touched (the others were checked when they were written).
 */
export function assertWithinLimits(before: Roadmap | null, after: Roadmap, touched: readonly string[]): void {
  const scope = new Set(touched);
  const old = new Map((before ? limitViolations(before, scope) : []).map((v) => [identity(v), v]));
  const added = limitViolations(after, scope).filter((v) => {
    const was = old.get(identity(v));
    return !was || (v.count !== undefined && (was.count ?? 0) < v.count);
  });
  if (before) added.push(...danglingAfterRemoval(before, after));
  if (added.length === 0) return;
  const fields = Object.fromEntries(added.map((v) => [v.path, v.message]));
  throw new AppError('INVALID_INPUT', `This change would break a roadmap limit — ${added[0].path}: ${added[0].message}`, fields);
}

/**
 * References, anywhere on the roadmap, to the phases, goals, initiatives or debt items this edit removed: untouched
 * items are not re-validated, so a removal must not leave them pointing at nothing.
 */
function danglingAfterRemoval(before: Roadmap, after: Roadmap): LimitViolation[] {
  const gone = (was: Array<{ id: string }>, now: Array<{ id: string }>) => {
    const kept = new Set(now.map((x) => x.id));
    return new Set(was.map((x) => x.id).filter((id) => !kept.has(id)));
  };
  const phases = gone(before.meta.phases, after.meta.phases);
  const goals = gone(before.meta.businessGoals, after.meta.businessGoals);
  const initiatives = gone(before.initiatives, after.initiatives);
  const debt = gone(before.debtItems, after.debtItems);
  if (phases.size + goals.size + initiatives.size + debt.size === 0) return [];
  const found: LimitViolation[] = [];
  for (const i of after.initiatives) {
    const at = `initiatives.${i.id}`;
    if (phases.has(i.phaseId)) found.push({ path: `${at}.phaseId`, message: `Still in removed phase ${i.phaseId}` });
    for (const id of i.businessGoalIds) if (goals.has(id)) found.push({ path: `${at}.businessGoalIds`, message: `Still traces removed goal ${id}` });
    for (const id of i.dependsOn) if (initiatives.has(id)) found.push({ path: `${at}.dependsOn`, message: `Still depends on removed initiative ${id}` });
    if (i.fromDebtId !== null && debt.has(i.fromDebtId)) found.push({ path: `${at}.fromDebtId`, message: `Still points at removed debt item ${i.fromDebtId}` });
  }
  for (const d of after.debtItems) {
    if (d.promotedTo !== null && initiatives.has(d.promotedTo))
      found.push({ path: `debtItems.${d.id}.promotedTo`, message: `Still points at removed initiative ${d.promotedTo}` });
  }
  return found;
}

/** Forge's limit for one stored value, in UTF-8 bytes. */
const MAX_VALUE_BYTES = 240 * 1024;

/**
 * A review's baseline inside what one review may store: at most MAX_BASELINE_PARTS parts (so the review, its
 * baseline and the pruned one fit one transaction), each value within Forge's 240 KiB, the note clean text of at
 * most 500 characters. How many baselines a roadmap keeps is LIMITS.reviewBaselines (domain/review/retention.ts).
 */
export function baselineViolations(encoded: EncodedBaseline): LimitViolation[] {
  const violations: LimitViolation[] = [];
  const { header, parts } = encoded;
  if (parts.length > MAX_BASELINE_PARTS || parts.length !== header.parts)
    violations.push({ path: 'review.parts', message: `${parts.length} parts, over the limit of ${MAX_BASELINE_PARTS}`, count: parts.length });
  parts.forEach((part, index) => {
    const bytes = jsonBytes(part);
    if (bytes > MAX_VALUE_BYTES)
      violations.push({ path: `review.parts.${index}`, message: `${Math.ceil(bytes / 1024)} KiB, over the 240 KiB Forge storage limit` });
  });
  if (header.note !== null && (header.note.length > 500 || !isCleanText(header.note)))
    violations.push({ path: 'review.note', message: 'A review note is clean text of at most 500 characters' });
  return violations;
}

/** Refuses to store a baseline outside the limits (LIMIT: nothing of the review is written). */
export function assertBaselineWithinLimits(encoded: EncodedBaseline): void {
  const [first] = baselineViolations(encoded);
  if (first) throw new AppError('LIMIT', `This review's baseline is too large to store — ${first.path}: ${first.message}`);
}
