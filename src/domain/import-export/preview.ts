import { isMove } from '../edits/initiatives';
import { horizonOfQuarter } from '../horizon';
import { type Initiative, LIMITS, type Phase, type Roadmap } from '../model';
import { compareQuarters } from '../quarter';
import { headerOf, nameKey } from './columns';
import { columnOfField, fieldDisplay, fieldsOf, METRIC_PLACEHOLDER } from './fields';
import { type Candidate, dependencyLookup, goalLookup, resolveNames } from './references';
import type {
  EpicKeyAnswer,
  FieldChange,
  ImportedField,
  ImportedFields,
  ImportPlan,
  ParsedRow,
  ParseResult,
  PlannedCreate,
  PlannedPhase,
  PlannedUpdate,
  PlanTarget,
  RowError,
  UpdatePatch,
} from './types';

const MAX_PHASE_ORDER = 1000;

export interface PreviewOptions {
  /** merge: add and update, keep the rest. replace: the table is the whole roadmap; the rest is removed. */
  mode: 'merge' | 'replace';
  /** Today: the Horizon column is read against the horizon a row's target quarter gives today. */
  today: Date;
  /**
   * Jira's answers for the epic keys the table names (`epicKeysOf`), asked as the importing user. A key missing
   * here is reported like one that does not exist.
   */
  epicKeys?: ReadonlyMap<string, EpicKeyAnswer>;
  /**
   * The owners among `ownersOf(parsed)` that Jira knows, asked as the importing user in one bulk lookup. An owner a
   * row sets that is missing here is an error on that row — worded the same whether the account does not exist or
   * the importer may not see it. Without this set no new owner is accepted; an initiative's unchanged owner always is
   * (someone who left stays until replaced, as in the editor).
   */
  owners?: ReadonlySet<string>;
}

/** The epic keys a parsed table names (upper case, each once), for the caller to resolve through Jira. */
export function epicKeysOf(parsed: ParseResult): string[] {
  const keys = new Set<string>();
  for (const row of parsed.rows) for (const epic of row.epics ?? []) if (epic.kind === 'key') keys.add(epic.key);
  return [...keys];
}

/** The owners a parsed table names (account ids, each once), for the caller to confirm through Jira. */
export function ownersOf(parsed: ParseResult): string[] {
  const ids = new Set<string>();
  for (const row of parsed.rows) if (row.ownerAccountId) ids.add(row.ownerAccountId);
  return [...ids];
}

/**
 * Where each row lands: its phase, and the stored initiative it updates (if any). Rows are matched to stored
 * initiatives first by the ID column (the app's own exports: same id and same title, in any phase — a different
 * phase is a move), then by phase and title (case- and space-insensitive), one row per initiative, in table order.
 */
interface Placement {
  row: ParsedRow;
  phase: PlanTarget;
  phaseName: string;
  match: Initiative | null;
  ref: string | null;
}

const phaseKeyOf = (target: PlanTarget) => (target.kind === 'existing' ? `e:${target.id}` : `n:${target.ref}`);

/** Rows whose ID names a stored initiative with the row's title. */
function matchByIds(existing: Roadmap, rows: readonly ParsedRow[]): Map<number, Initiative> {
  const byId = new Map(existing.initiatives.map((i) => [i.id, i]));
  const matches = new Map<number, Initiative>();
  const claimed = new Set<string>();
  for (const row of rows) {
    const found = row.id === undefined ? undefined : byId.get(row.id);
    if (!found || claimed.has(found.id) || nameKey(found.title) !== nameKey(row.title)) continue;
    claimed.add(found.id);
    matches.set(row.row, found);
  }
  return matches;
}

function placePhases(
  existing: Roadmap,
  rows: readonly ParsedRow[],
  idMatches: ReadonlyMap<number, Initiative>,
): { targetOf: (row: ParsedRow) => PlanTarget; created: PlannedPhase[] } {
  const targets = new Map<string, PlanTarget>();
  const created: PlannedPhase[] = [];
  const sorted = [...existing.meta.phases].sort((a, b) => a.order - b.order);
  const phaseName = new Map(existing.meta.phases.map((p) => [p.id, p.name]));
  for (const phase of sorted) {
    const key = nameKey(phase.name);
    if (!targets.has(key)) targets.set(key, { kind: 'existing', id: phase.id });
  }
  const byRow = new Map<number, PlanTarget>();
  let order = sorted.reduce((max, phase) => Math.max(max, phase.order + 1), 0);
  for (const row of rows) {
    const key = nameKey(row.phase);
    // A row matched by its ID stays in its initiative's phase while the Phase cell still names it (two phases may
    // share a name); only another name moves it.
    const matched = idMatches.get(row.row);
    if (matched && nameKey(phaseName.get(matched.phaseId) ?? '') === key) {
      byRow.set(row.row, { kind: 'existing', id: matched.phaseId });
      continue;
    }
    let target = targets.get(key);
    if (!target) {
      target = { kind: 'new', ref: `phase-${created.length + 1}` };
      targets.set(key, target);
      created.push({ ref: target.ref, name: row.phase, order, startQuarter: row.targetQuarter, endQuarter: row.targetQuarter, rows: [] });
      order += 1;
    }
    byRow.set(row.row, target);
    if (target.kind === 'new') {
      const ref = target.ref;
      const planned = created.find((p) => p.ref === ref)!;
      planned.rows.push(row.row);
      if (compareQuarters(row.targetQuarter, planned.startQuarter) < 0) planned.startQuarter = row.targetQuarter;
      if (compareQuarters(row.targetQuarter, planned.endQuarter) > 0) planned.endQuarter = row.targetQuarter;
    }
  }
  return { targetOf: (row) => byRow.get(row.row)!, created };
}

/** Matches the remaining rows by phase and title among the initiatives no row claimed by ID. */
function placeRows(
  existing: Roadmap,
  rows: readonly ParsedRow[],
  idMatches: ReadonlyMap<number, Initiative>,
  phaseOf: (row: ParsedRow) => PlanTarget,
  phaseNames: (t: PlanTarget) => string,
): Placement[] {
  const claimed = new Set([...idMatches.values()].map((i) => i.id));
  let created = 0;
  return rows.map((row) => {
    const phase = phaseOf(row);
    const title = nameKey(row.title);
    const match =
      idMatches.get(row.row) ??
      (phase.kind === 'existing'
        ? (existing.initiatives.find((i) => i.phaseId === phase.id && nameKey(i.title) === title && !claimed.has(i.id)) ?? null)
        : null);
    if (match) claimed.add(match.id);
    else created += 1;
    return { row, phase, phaseName: phaseNames(phase), match, ref: match ? null : `new-${created}` };
  });
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Plans an import without writing anything: which phases and initiatives it creates, which it updates (field by
 * field, and whether the update moves the initiative), which stay as they are and, in replace mode, which it
 * removes. Deterministic for the same input.
 *
 * The Horizon column: an empty cell unpins (the horizon follows the target quarter); the horizon the row's target
 * quarter gives today leaves it unpinned; any other horizon, or one marked `(pinned)` as the export writes pins,
 * pins the initiative there — the table says where the team wants it, as the move dialog's horizon does.
 */
export function previewImport(existing: Roadmap, parsed: ParseResult, options: PreviewOptions): ImportPlan {
  const errors: RowError[] = [...parsed.errors];
  const warn = (row: number, column: string, message: string) => errors.push({ row, column, message, severity: 'warning' });
  const fail = (row: number, column: string, message: string) => errors.push({ row, column, message, severity: 'error' });
  const idMatches = matchByIds(existing, parsed.rows);
  const { targetOf, created: phasesToCreate } = placePhases(existing, parsed.rows, idMatches);
  const phaseName = (target: PlanTarget) =>
    target.kind === 'existing'
      ? (existing.meta.phases.find((p: Phase) => p.id === target.id)?.name ?? target.id)
      : (phasesToCreate.find((p) => p.ref === target.ref)?.name ?? target.ref);
  if (existing.meta.phases.length + phasesToCreate.length > LIMITS.phases) {
    errors.push({
      row: 0,
      message: `A roadmap has at most ${LIMITS.phases} phases; this import would make ${existing.meta.phases.length + phasesToCreate.length}`,
      severity: 'error',
    });
  }
  if (phasesToCreate.some((p) => p.order > MAX_PHASE_ORDER))
    errors.push({ row: 0, message: 'Too many phases to order after the existing ones', severity: 'error' });

  const placements = placeRows(existing, parsed.rows, idMatches, targetOf, phaseName);
  const matched = new Set(placements.flatMap((p) => (p.match ? [p.match.id] : [])));
  const removed = options.mode === 'replace' ? existing.initiatives.filter((i) => !matched.has(i.id)) : [];
  const removedIds = new Set(removed.map((i) => i.id));
  const byId = new Map(existing.initiatives.map((i) => [i.id, i]));
  for (const { row, match } of placements) {
    const named = row.id === undefined ? undefined : byId.get(row.id);
    if (named && match?.id !== named.id) {
      warn(row.row, headerOf('id'), `${named.id} is "${named.title}" on this roadmap, not this row's initiative; the row is matched by phase and title`);
    }
  }

  // Dependencies may name any initiative that exists after the import, in the phase it will be in.
  const phaseAfter = new Map(placements.flatMap((p) => (p.match ? [[p.match.id, phaseKeyOf(p.phase)] as const] : [])));
  const candidates: Candidate[] = [
    ...existing.initiatives
      .filter((i) => !removedIds.has(i.id))
      .map((i): Candidate => ({ target: { kind: 'existing', id: i.id }, phaseKey: phaseAfter.get(i.id) ?? `e:${i.phaseId}`, title: i.title })),
    ...placements.flatMap((p): Candidate[] => (p.ref ? [{ target: { kind: 'new', ref: p.ref }, phaseKey: phaseKeyOf(p.phase), title: p.row.title }] : [])),
  ];
  const lookupIn = dependencyLookup(candidates);
  const initiativeById = (id: string): PlanTarget | null => (byId.has(id) && !removedIds.has(id) ? { kind: 'existing', id } : null);
  const findGoal = goalLookup(existing.meta.businessGoals);
  const goalById = (id: string) => existing.meta.businessGoals.find((g) => g.id === id)?.id ?? null;
  const targetKey = (target: PlanTarget) => (target.kind === 'existing' ? `e:${target.id}` : `n:${target.ref}`);
  const titles = new Map(candidates.map((c) => [targetKey(c.target), c.title]));
  const titleOf = (target: PlanTarget): string => titles.get(targetKey(target)) ?? (target.kind === 'existing' ? target.id : target.ref);
  const display = fieldDisplay(existing, titleOf);
  const rules = existing.meta.horizonRules;
  const epicKeys = options.epicKeys ?? new Map<string, EpicKeyAnswer>();
  const owners = options.owners ?? new Set<string>();
  /** How each row names its epics, to say which one a problem is about. */
  const epicLabels = new Map<number, Map<string, string>>();

  /** The fields a row sets; a column the table lacks leaves its field out. */
  const proposedFields = (placement: Placement): Partial<ImportedFields> => {
    const { row } = placement;
    const fields: Partial<ImportedFields> = { targetQuarter: row.targetQuarter };
    const self: PlanTarget = placement.match ? { kind: 'existing', id: placement.match.id } : { kind: 'new', ref: placement.ref! };
    if (row.goal !== undefined) fields.goal = row.goal;
    if (row.successMetric) fields.successMetric = { ...(placement.match?.successMetric ?? {}), description: row.successMetric };
    if (row.horizon !== undefined) {
      const cell = row.horizon;
      const pinned = cell !== null && (cell.pinned || cell.horizon !== horizonOfQuarter(row.targetQuarter, options.today, rules));
      fields.horizonPin = pinned ? cell.horizon : null;
    }
    if (row.status !== undefined) fields.status = row.status;
    if (row.track !== undefined) fields.track = row.track;
    if (row.ownerAccountId !== undefined) {
      const owner = row.ownerAccountId;
      // The same words whether nobody has this account id or the importer may not see them: nothing leaks.
      if (owner !== null && owner !== placement.match?.ownerAccountId && !owners.has(owner))
        fail(row.row, headerOf('owner'), `No Jira user you can see has the account id "${owner}"`);
      fields.ownerAccountId = owner;
    }
    if (row.effort !== undefined) fields.effort = row.effort;
    if (row.epics !== undefined) {
      const ids: string[] = [];
      const labels = new Map<string, string>();
      for (const epic of row.epics) {
        if (epic.kind === 'id') {
          ids.push(epic.id);
          labels.set(epic.id, epic.id);
          continue;
        }
        const answer = epicKeys.get(epic.key) ?? null;
        // The same words whether the issue does not exist or the importer cannot see it: nothing leaks.
        if (answer === null) fail(row.row, headerOf('epics'), `${epic.key} does not exist or you cannot see it`);
        else if (answer.issueType !== 'Epic') fail(row.row, headerOf('epics'), `${epic.key} is a ${answer.issueType}, not an epic`);
        else {
          ids.push(answer.id);
          labels.set(answer.id, epic.key);
        }
      }
      epicLabels.set(row.row, labels);
      fields.epicIds = [...new Set(ids)];
    }
    if (row.businessGoals !== undefined) {
      const goals = resolveNames(row.businessGoals, findGoal, goalById);
      goals.unknown.forEach((name) => warn(row.row, headerOf('businessGoals'), `No business goal "${name}" on this roadmap; ignored`));
      goals.ambiguous.forEach((name) =>
        warn(row.row, headerOf('businessGoals'), `Several business goals are called "${name}"; ignored (name it by id, like G-2)`),
      );
      fields.businessGoalIds = goals.found;
    }
    if (row.dependsOn !== undefined) {
      const deps = resolveNames(row.dependsOn, lookupIn(phaseKeyOf(placement.phase)), initiativeById);
      const column = headerOf('dependsOn');
      deps.unknown.forEach((name) => warn(row.row, column, `No initiative "${name}" to depend on; ignored`));
      deps.ambiguous.forEach((name) => warn(row.row, column, `Several initiatives are called "${name}"; ignored (name it by id, like I-7)`));
      if (deps.found.some((t) => sameValue(t, self))) warn(row.row, column, 'An initiative cannot depend on itself; ignored');
      fields.dependsOn = deps.found.filter((t) => !sameValue(t, self));
    }
    return fields;
  };

  const initiativesToCreate: PlannedCreate[] = [];
  const initiativesToUpdate: PlannedUpdate[] = [];
  const initiativesUnchanged: ImportPlan['initiativesUnchanged'] = [];
  /** Each initiative's epics once the import is done, by holder, in the order the checks below see them. */
  const epicsAfter: Array<{ holder: string; title: string; row: number | null; epicIds: string[] }> = [];
  for (const placement of placements) {
    const { row, match } = placement;
    const proposed = proposedFields(placement);
    if (!match) {
      if (!proposed.successMetric && row.successMetric !== undefined) {
        warn(row.row, headerOf('successMetric'), `No success metric; it is set to "${METRIC_PLACEHOLDER}"`);
      }
      const fields: ImportedFields = {
        goal: proposed.goal ?? '',
        successMetric: proposed.successMetric ?? { description: METRIC_PLACEHOLDER },
        targetQuarter: row.targetQuarter,
        horizonPin: proposed.horizonPin ?? null,
        status: proposed.status ?? 'proposed',
        track: proposed.track ?? 'feature-enabling',
        ownerAccountId: proposed.ownerAccountId ?? null,
        effort: proposed.effort ?? null,
        businessGoalIds: proposed.businessGoalIds ?? [],
        dependsOn: proposed.dependsOn ?? [],
        epicIds: proposed.epicIds ?? [],
      };
      initiativesToCreate.push({ ref: placement.ref!, row: row.row, title: row.title, phase: placement.phase, phaseName: placement.phaseName, fields });
      epicsAfter.push({ holder: `n:${placement.ref}`, title: row.title, row: row.row, epicIds: fields.epicIds });
      continue;
    }
    const current = fieldsOf(match);
    const patch: UpdatePatch = {};
    const changes: FieldChange[] = [];
    if (placement.phase.kind === 'new' || placement.phase.id !== match.phaseId) {
      patch.phase = placement.phase;
      changes.push({ field: 'phase', column: headerOf('phase'), before: phaseName({ kind: 'existing', id: match.phaseId }), after: placement.phaseName });
    }
    const consider = <K extends ImportedField>(field: K) => {
      const after = proposed[field];
      if (after === undefined || sameValue(after, current[field])) return;
      patch[field] = after;
      changes.push({ field, column: columnOfField(field), before: display[field](current[field]), after: display[field](after) });
    };
    (Object.keys(proposed) as ImportedField[]).forEach(consider);
    epicsAfter.push({ holder: match.id, title: match.title, row: row.row, epicIds: patch.epicIds ?? match.epicIds });
    if (changes.length === 0) {
      initiativesUnchanged.push({ id: match.id, row: row.row, title: match.title });
      continue;
    }
    const moved: Initiative = {
      ...match,
      phaseId: patch.phase === undefined ? match.phaseId : phaseKeyOf(patch.phase),
      targetQuarter: patch.targetQuarter ?? match.targetQuarter,
      horizonPin: patch.horizonPin === undefined ? match.horizonPin : patch.horizonPin,
    };
    initiativesToUpdate.push({
      id: match.id,
      row: row.row,
      title: match.title,
      phaseId: match.phaseId,
      patch,
      changes,
      moves: isMove(match, moved, existing, options.today),
    });
  }

  // An epic serves at most one initiative of a roadmap: initiatives the table leaves alone keep theirs, then rows
  // claim theirs in table order.
  const inTable = new Set(placements.flatMap((p) => (p.match ? [p.match.id] : [])));
  const untouched = existing.initiatives.filter((i) => !inTable.has(i.id) && !removedIds.has(i.id));
  const holderOf = new Map<string, { holder: string; title: string; row: number | null }>();
  for (const entry of [...untouched.map((i) => ({ holder: i.id, title: i.title, row: null, epicIds: i.epicIds })), ...epicsAfter]) {
    for (const epicId of entry.epicIds) {
      const held = holderOf.get(epicId);
      if (!held) {
        holderOf.set(epicId, entry);
        continue;
      }
      if (held.holder === entry.holder || entry.row === null) continue;
      const label = epicLabels.get(entry.row)?.get(epicId) ?? epicId;
      fail(
        entry.row,
        headerOf('epics'),
        `Epic ${label} already serves "${held.title}"${held.row === null ? '' : ` (row ${held.row})`}; an epic serves one initiative per roadmap`,
      );
    }
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
      toMove: initiativesToUpdate.filter((u) => u.moves).length,
      unchanged: initiativesUnchanged.length,
      toRemove: removed.length,
      errors: errors.filter((e) => e.severity === 'error').length,
      warnings: errors.filter((e) => e.severity === 'warning').length,
    },
  };
}
