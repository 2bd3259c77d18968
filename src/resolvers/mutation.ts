import type { z } from 'zod';
import type { MutationResult, RoadmapView } from '../domain/api';
import { conflictMessage } from '../domain/changes';
import { AppError, invalidInput } from '../domain/errors';
import type { Roadmap } from '../domain/model';
import { jsonBytes } from '../domain/review/utf8';
import type { Actor, Edit } from '../domain/roadmap-ops';
import { sameValue, type ViewDelta, viewDelta } from '../domain/view-delta';
import { commitEdit } from '../storage/commit-edit';
import { accessTo, type Level, type ProjectAccess, projectIdFromContext, requireLevel } from './access';
import type { Call, Deps } from './deps';
import { confirmEpicsAsCaller } from './epics';
import { hiddenEpics, publicChange, withoutHiddenEpics } from './hidden-epics';
import { toRoadmapView } from './view';

/**
 * The largest delta a write answers with. A single edit's delta is a few KB; one that is bigger (an import in Replace
 * mode, a phase delete moving thousands of initiatives) is not worth carrying: the client refetches the view instead.
 */
export const DELTA_BUDGET_BYTES = 1024 * 1024;

export function parse<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> {
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

export interface MutationSpec<I extends { baseRevision: number }> {
  /** What the caller must hold; may depend on the input (an import in Replace mode is a settings-level act). */
  level: Level | ((input: I) => Level);
  /** The payload, already parsed against the resolver's contract schema (see define.ts). */
  input: I;
  /** `hidden`: the roadmap's epics from projects the caller cannot browse (they must survive the edit unseen). */
  apply: (roadmap: Roadmap, input: I, actor: Actor, access: ProjectAccess, hidden: ReadonlySet<string>) => Edit | Promise<Edit>;
}

/**
 * Every write (its payload parsed by the table) → which project (from the context) → may the caller do this (Jira, as them) → load →
 * refuse a stale base revision → pure edit → one atomic, revision-conditional commit → what changed in the caller's view.
 */
export async function runMutation<I extends { baseRevision: number }>(deps: Deps, call: Call, spec: MutationSpec<I>): Promise<MutationResult> {
  return (await mutate(deps, call, spec)).result;
}

/** runMutation, also handing back the new state for handlers that answer with a part of it. */
export async function mutate<I extends { baseRevision: number }>(
  deps: Deps,
  call: Call,
  spec: MutationSpec<I>,
): Promise<{ result: MutationResult; next: Roadmap; now: Date; hidden: ReadonlySet<string> }> {
  const { input } = spec;
  const projectId = projectIdFromContext(call.context);
  const access = await accessTo(deps, projectId);
  requireLevel(access, typeof spec.level === 'function' ? spec.level(input) : spec.level);
  const roadmap = await deps.store.load(projectId);
  if (!roadmap) throw new AppError('NOT_FOUND', 'This project has no roadmap yet');
  if (roadmap.meta.revision !== input.baseRevision) {
    const { changes } = await deps.store.listChanges(projectId, { limit: 10 });
    throw new AppError('CONFLICT', conflictMessage(input.baseRevision, changes));
  }
  const now = deps.now();
  // Asked once, before the edit: epics the write adds were confirmed visible to the caller, so the set still holds
  // for the answer (see hidden-epics.ts).
  const hidden = await hiddenEpics(deps, roadmap);
  const edit = await spec.apply(roadmap, input, { accountId: call.context.accountId ?? null, now }, access, hidden);
  const stored = await commitEdit(deps.store, projectId, roadmap, edit, { confirmAddedEpics: confirmEpicsAsCaller(deps, call.payload) });
  return {
    result: {
      revision: stored.roadmap.meta.revision,
      change: publicChange(stored.change, hidden),
      delta: answeredDelta(roadmap, stored.roadmap, access, now, hidden),
    },
    next: stored.roadmap,
    now,
    hidden,
  };
}

/** The write has landed: never let the courtesy delta turn it into an error. Too big (or unbuildable): null, refetch. */
function answeredDelta(before: Roadmap, after: Roadmap, access: ProjectAccess, now: Date, hidden: ReadonlySet<string>): ViewDelta<RoadmapView> | null {
  try {
    const delta = deltaOfWrite(before, after, access, now, hidden);
    return jsonBytes(delta) <= DELTA_BUDGET_BYTES ? delta : null;
  } catch {
    return null;
  }
}

/**
 * What the write changed in the caller's view: both views built with the same clock, access and hidden epics, so
 * what the write left alone compares equal. A record the edit did not touch is the very same stored object (edits
 * copy only what they change): while the horizon rules stand, its view from before is reused, so the diff passes over
 * it by reference instead of comparing 5,000 records field by field.
 */
function deltaOfWrite(before: Roadmap, after: Roadmap, access: ProjectAccess, now: Date, hidden: ReadonlySet<string>): ViewDelta<RoadmapView> {
  const shown = withoutHiddenEpics(toRoadmapView(before, access, now), hidden);
  const { initiatives, debtItems, ...fields } = toRoadmapView(after, access, now);
  const sameRules = sameValue(before.meta.horizonRules, after.meta.horizonRules);
  const storedInitiatives = new Map(before.initiatives.map((initiative) => [initiative.id, initiative]));
  const storedDebts = new Map(before.debtItems.map((item) => [item.id, item]));
  const shownInitiatives = new Map(shown.initiatives.map((view) => [view.id, view]));
  const shownDebts = new Map(shown.debtItems.map((item) => [item.id, item]));
  const untouched = new Set(after.initiatives.filter((initiative) => storedInitiatives.get(initiative.id) === initiative).map((initiative) => initiative.id));
  return viewDelta(shown, {
    ...withoutHiddenEpics(fields, hidden),
    initiatives: initiatives.map((view) => (sameRules && untouched.has(view.id) ? shownInitiatives.get(view.id)! : withoutHiddenEpics(view, hidden))),
    debtItems: debtItems.map((item) => (storedDebts.get(item.id) === item ? shownDebts.get(item.id)! : withoutHiddenEpics(item, hidden))),
  });
}
