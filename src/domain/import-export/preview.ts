import type { Initiative, Phase, Roadmap } from '../model';
import { compareQuarters } from '../quarter';
import { headerOf, nameKey } from './columns';
import { METRIC_PLACEHOLDER, columnOfField, fieldDisplay, fieldsOf } from './fields';
import { indexByName, resolveNames, type Lookup } from './references';
import type {
  FieldChange,
  ImportPlan,
  ImportedField,
  ImportedFields,
  ParseResult,
  ParsedRow,
  PlanTarget,
  PlannedCreate,
  PlannedPhase,
  PlannedUpdate,
  RowError,
} from './types';

/** The model allows at most this many phases on a roadmap. */
const MAX_PHASES = 50;
const MAX_PHASE_ORDER = 1000;

export interface PreviewOptions {
  /** merge: add and update, keep the rest. replace: the table is the whole roadmap; the rest is removed. */
  mode: 'merge' | 'replace';
}

/** Where each row lands: its phase, and the stored initiative it updates (if any). */
interface Placement {
  row: ParsedRow;
  phase: PlanTarget;
  phaseName: string;
  match: Initiative | null;
  ref: string | null;
}

const phaseKeyOf = (target: PlanTarget) => (target.kind === 'existing' ? `e:${target.id}` : `n:${target.ref}`);

function placePhases(existing: Roadmap, rows: readonly ParsedRow[]): { targets: Map<string, PlanTarget>; created: PlannedPhase[] } {
  const targets = new Map<string, PlanTarget>();
  const created: PlannedPhase[] = [];
  const sorted = [...existing.meta.phases].sort((a, b) => a.order - b.order);
  for (const phase of sorted) {
    const key = nameKey(phase.name);
    if (!targets.has(key)) targets.set(key, { kind: 'existing', id: phase.id });
  }
  let order = sorted.reduce((max, phase) => Math.max(max, phase.order + 1), 0);
  for (const row of rows) {
    const key = nameKey(row.phase);
    let target = targets.get(key);
    if (!target) {
      target = { kind: 'new', ref: `phase-${created.length + 1}` };
      targets.set(key, target);
      created.push({ ref: target.ref, name: row.phase, order, startQuarter: row.targetQuarter, endQuarter: row.targetQuarter, rows: [] });
      order += 1;
    }
    if (target.kind === 'new') {
      const ref = target.ref;
      const planned = created.find((p) => p.ref === ref)!;
      planned.rows.push(row.row);
      if (compareQuarters(row.targetQuarter, planned.startQuarter) < 0) planned.startQuarter = row.targetQuarter;
      if (compareQuarters(row.targetQuarter, planned.endQuarter) > 0) planned.endQuarter = row.targetQuarter;
    }
  }
  return { targets, created };
}

/** Matches rows to stored initiatives: same phase, same title (case-insensitive), one row per initiative, in order. */
function placeRows(existing: Roadmap, rows: readonly ParsedRow[], phases: Map<string, PlanTarget>, phaseNames: (t: PlanTarget) => string): Placement[] {
  const claimed = new Set<string>();
  let created = 0;
  return rows.map((row) => {
    const phase = phases.get(nameKey(row.phase))!;
    const title = nameKey(row.title);
    const match =
      phase.kind === 'existing'
        ? existing.initiatives.find((i) => i.phaseId === phase.id && nameKey(i.title) === title && !claimed.has(i.id)) ?? null
        : null;
    if (match) claimed.add(match.id);
    else created += 1;
    return { row, phase, phaseName: phaseNames(phase), match, ref: match ? null : `new-${created}` };
  });
}

interface Candidate {
  target: PlanTarget;
  phaseKey: string;
  title: string;
}

function dependencyLookup(candidates: readonly Candidate[]) {
  const index = indexByName(candidates, (c) => c.title);
  return (phaseKey: string) =>
    (name: string): Lookup<PlanTarget> => {
      const found = index.get(nameKey(name)) ?? [];
      if (found.length === 1) return { kind: 'found', value: found[0].target };
      const samePhase = found.filter((c) => c.phaseKey === phaseKey);
      if (samePhase.length === 1) return { kind: 'found', value: samePhase[0].target };
      return found.length === 0 ? { kind: 'unknown' } : { kind: 'ambiguous' };
    };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Plans an import without writing anything: which phases and initiatives it creates, which it updates (field by
 * field), which stay as they are and, in replace mode, which it removes. Deterministic for the same input.
 */
export function previewImport(existing: Roadmap, parsed: ParseResult, options: PreviewOptions): ImportPlan {
  const errors: RowError[] = [...parsed.errors];
  const warn = (row: number, column: string, message: string) => errors.push({ row, column, message, severity: 'warning' });
  const { targets, created: phasesToCreate } = placePhases(existing, parsed.rows);
  const phaseName = (target: PlanTarget) =>
    target.kind === 'existing'
      ? existing.meta.phases.find((p: Phase) => p.id === target.id)?.name ?? target.id
      : phasesToCreate.find((p) => p.ref === target.ref)?.name ?? target.ref;
  if (existing.meta.phases.length + phasesToCreate.length > MAX_PHASES) {
    errors.push({ row: 0, message: `A roadmap has at most ${MAX_PHASES} phases; this import would make ${existing.meta.phases.length + phasesToCreate.length}`, severity: 'error' });
  }
  if (phasesToCreate.some((p) => p.order > MAX_PHASE_ORDER)) errors.push({ row: 0, message: 'Too many phases to order after the existing ones', severity: 'error' });

  const placements = placeRows(existing, parsed.rows, targets, phaseName);
  const matched = new Set(placements.flatMap((p) => (p.match ? [p.match.id] : [])));
  const removed = options.mode === 'replace' ? existing.initiatives.filter((i) => !matched.has(i.id)) : [];
  const removedIds = new Set(removed.map((i) => i.id));

  // Dependencies may name any initiative that exists after the import.
  const candidates: Candidate[] = [
    ...existing.initiatives
      .filter((i) => !removedIds.has(i.id))
      .map((i): Candidate => ({ target: { kind: 'existing', id: i.id }, phaseKey: `e:${i.phaseId}`, title: i.title })),
    ...placements.flatMap((p): Candidate[] => (p.ref ? [{ target: { kind: 'new', ref: p.ref }, phaseKey: phaseKeyOf(p.phase), title: p.row.title }] : [])),
  ];
  const lookupIn = dependencyLookup(candidates);
  const goalIndex = indexByName(existing.meta.businessGoals, (g) => g.title);
  const goalLookup = (name: string): Lookup<string> => {
    const found = goalIndex.get(nameKey(name)) ?? [];
    return found.length === 0 ? { kind: 'unknown' } : { kind: 'found', value: found[0].id };
  };
  const targetKey = (target: PlanTarget) => (target.kind === 'existing' ? `e:${target.id}` : `n:${target.ref}`);
  const titles = new Map(candidates.map((c) => [targetKey(c.target), c.title]));
  const titleOf = (target: PlanTarget): string => titles.get(targetKey(target)) ?? (target.kind === 'existing' ? target.id : target.ref);
  const display = fieldDisplay(existing, titleOf);

  /** The fields a row sets; a column the table lacks leaves its field out. */
  const proposedFields = (placement: Placement): Partial<ImportedFields> => {
    const { row } = placement;
    const fields: Partial<ImportedFields> = { targetQuarter: row.targetQuarter };
    const self: PlanTarget = placement.match ? { kind: 'existing', id: placement.match.id } : { kind: 'new', ref: placement.ref! };
    if (row.goal !== undefined) fields.goal = row.goal;
    if (row.successMetric) fields.successMetric = { ...(placement.match?.successMetric ?? {}), description: row.successMetric };
    if (row.status !== undefined) fields.status = row.status;
    if (row.track !== undefined) fields.track = row.track;
    if (row.ownerAccountId !== undefined) fields.ownerAccountId = row.ownerAccountId;
    if (row.effort !== undefined) fields.effort = row.effort;
    if (row.epicIds !== undefined) fields.epicIds = row.epicIds;
    if (row.businessGoals !== undefined) {
      const goals = resolveNames(row.businessGoals, goalLookup);
      goals.unknown.forEach((name) => warn(row.row, headerOf('businessGoals'), `No business goal "${name}" on this roadmap; ignored`));
      fields.businessGoalIds = goals.found;
    }
    if (row.dependsOn !== undefined) {
      const deps = resolveNames(row.dependsOn, lookupIn(phaseKeyOf(placement.phase)));
      const column = headerOf('dependsOn');
      deps.unknown.forEach((name) => warn(row.row, column, `No initiative "${name}" to depend on; ignored`));
      deps.ambiguous.forEach((name) => warn(row.row, column, `Several initiatives are called "${name}"; ignored`));
      if (deps.found.some((t) => sameValue(t, self))) warn(row.row, column, 'An initiative cannot depend on itself; ignored');
      fields.dependsOn = deps.found.filter((t) => !sameValue(t, self));
    }
    return fields;
  };

  const initiativesToCreate: PlannedCreate[] = [];
  const initiativesToUpdate: PlannedUpdate[] = [];
  const initiativesUnchanged: ImportPlan['initiativesUnchanged'] = [];
  for (const placement of placements) {
    const { row, match } = placement;
    const proposed = proposedFields(placement);
    if (!match) {
      if (!proposed.successMetric && row.successMetric !== undefined) {
        warn(row.row, headerOf('successMetric'), `No success metric; it is set to "${METRIC_PLACEHOLDER}"`);
      }
      initiativesToCreate.push({
        ref: placement.ref!,
        row: row.row,
        title: row.title,
        phase: placement.phase,
        phaseName: placement.phaseName,
        fields: {
          goal: proposed.goal ?? '',
          successMetric: proposed.successMetric ?? { description: METRIC_PLACEHOLDER },
          targetQuarter: row.targetQuarter,
          status: proposed.status ?? 'proposed',
          track: proposed.track ?? 'feature-enabling',
          ownerAccountId: proposed.ownerAccountId ?? null,
          effort: proposed.effort ?? null,
          businessGoalIds: proposed.businessGoalIds ?? [],
          dependsOn: proposed.dependsOn ?? [],
          epicIds: proposed.epicIds ?? [],
        },
      });
      continue;
    }
    const current = fieldsOf(match);
    const patch: Partial<ImportedFields> = {};
    const changes: FieldChange[] = [];
    const consider = <K extends ImportedField>(field: K) => {
      const after = proposed[field];
      if (after === undefined || sameValue(after, current[field])) return;
      patch[field] = after;
      changes.push({ field, column: columnOfField(field), before: display[field](current[field]), after: display[field](after as ImportedFields[K]) });
    };
    (Object.keys(proposed) as ImportedField[]).forEach(consider);
    if (changes.length === 0) initiativesUnchanged.push({ id: match.id, row: row.row, title: match.title });
    else initiativesToUpdate.push({ id: match.id, row: row.row, title: match.title, phaseId: match.phaseId, patch, changes });
  }

  errors.sort((a, b) => a.row - b.row);
  const errorRows = errors.filter((e) => e.row > 0 && e.severity === 'error').map((e) => e.row);
  return {
    mode: options.mode,
    format: parsed.format,
    projectId: existing.meta.projectId,
    baseRevision: existing.meta.revision,
    phasesToCreate,
    initiativesToCreate,
    initiativesToUpdate,
    initiativesUnchanged,
    initiativesToRemove: removed.map((i) => ({ id: i.id, title: i.title, phaseId: i.phaseId })),
    errors,
    counts: {
      rows: new Set([...parsed.rows.map((r) => r.row), ...errorRows]).size,
      phasesToCreate: phasesToCreate.length,
      toCreate: initiativesToCreate.length,
      toUpdate: initiativesToUpdate.length,
      unchanged: initiativesUnchanged.length,
      toRemove: removed.length,
      errors: errors.filter((e) => e.severity === 'error').length,
      warnings: errors.filter((e) => e.severity === 'warning').length,
    },
  };
}
