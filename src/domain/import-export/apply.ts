import type { ZodError } from 'zod';
import { diffFields, type FieldDiff } from '../changes';
import { isMove, metricUpdatedAtAfter } from '../edits/initiatives';
import { AppError, invalidInput } from '../errors';
import { type DebtItem, type Initiative, initiativeSchema, type Phase, phaseSchema, type Roadmap } from '../model';
import { type Actor, type Edit, finishEdit } from '../roadmap-ops';
import type { ImportPlan, PlanTarget, RowError, UpdatePatch } from './types';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The plan may have travelled through the UI: anything it would store is checked against the model again. */
function checked<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

function refuseErrors(errors: readonly RowError[]): void {
  const blocking = errors.filter((e) => e.severity === 'error');
  if (blocking.length === 0) return;
  const fields: Record<string, string> = {};
  for (const error of blocking) {
    const key = `rows.${error.row}${error.column ? `.${error.column}` : ''}`;
    if (!(key in fields)) fields[key] = error.message;
  }
  const first = blocking[0];
  throw new AppError(
    'INVALID_INPUT',
    `The import has ${plural(blocking.length, 'error')}; fix the table and preview again (${first.row > 0 ? `row ${first.row}: ` : ''}${first.message})`,
    fields,
  );
}

function refuseStale(existing: Roadmap, plan: ImportPlan): void {
  if (plan.projectId !== existing.meta.projectId || plan.baseRevision !== existing.meta.revision) {
    throw new AppError('CONFLICT', 'The roadmap changed since this import was previewed; preview it again');
  }
  const known = new Set(existing.initiatives.map((i) => i.id));
  const missing = [...plan.initiativesToUpdate, ...plan.initiativesToRemove].find((i) => !known.has(i.id));
  if (missing) throw new AppError('CONFLICT', `Initiative ${missing.id} is no longer on the roadmap; preview the import again`);
}

/**
 * Carries out a previewed import: creates its phases (`P-n`) and initiatives (`I-n`) from the roadmap's sequences,
 * applies its updates and, in replace mode, deletes what the table left out (dependencies on a deleted initiative
 * are dropped, debt items promoted to it are un-promoted). One revision, one change record.
 *
 * An update that moves an initiative (another horizon, target quarter or phase) needs a reason, as every move does:
 * without one the import is refused (INVALID_INPUT on `reason`); with one, the change record carries it — one
 * import is one change, so the reason is recorded on each of its moves.
 */
export function applyImportPlan(existing: Roadmap, plan: ImportPlan, actor: Actor, reason: string | null = null): Edit {
  refuseErrors(plan.errors);
  refuseStale(existing, plan);
  const at = actor.now.toISOString();
  const { meta } = existing;

  let phaseSeq = meta.nextPhaseSeq;
  const phaseIds = new Map<string, string>();
  const newPhases: Phase[] = plan.phasesToCreate.map((planned) => {
    const id = `P-${phaseSeq++}`;
    phaseIds.set(planned.ref, id);
    return checked(phaseSchema, {
      id,
      name: planned.name,
      theme: '',
      order: planned.order,
      startQuarter: planned.startQuarter,
      endQuarter: planned.endQuarter,
      description: '',
    });
  });
  let initiativeSeq = meta.nextInitiativeSeq;
  const initiativeIds = new Map<string, string>();
  for (const create of plan.initiativesToCreate) initiativeIds.set(create.ref, `I-${initiativeSeq++}`);

  const idOf = (target: PlanTarget, refs: Map<string, string>, what: string): string => {
    if (target.kind === 'existing') return target.id;
    const id = refs.get(target.ref);
    if (!id) throw new AppError('INVALID_INPUT', `The import plan names an unknown new ${what} ${target.ref}`);
    return id;
  };
  const resolve = (fields: UpdatePatch) => {
    const { dependsOn, phase, ...rest } = fields;
    return {
      ...rest,
      ...(phase === undefined ? {} : { phaseId: idOf(phase, phaseIds, 'phase') }),
      ...(dependsOn === undefined ? {} : { dependsOn: dependsOn.map((t) => idOf(t, initiativeIds, 'initiative')) }),
    };
  };

  const diffs: FieldDiff[] = newPhases.flatMap((phase) => diffFields('phase', phase.id, undefined, phase));
  const touched: string[] = [];
  const created: Initiative[] = plan.initiativesToCreate.map((create) =>
    checked(initiativeSchema, {
      ...resolve(create.fields),
      id: initiativeIds.get(create.ref),
      title: create.title,
      phaseId: idOf(create.phase, phaseIds, 'phase'),
      // The server's clock alone says when a metric was measured (the table has no such column).
      metricUpdatedAt: create.fields.successMetric ? metricUpdatedAtAfter(undefined, { successMetric: create.fields.successMetric }, at) : null,
      revision: 1,
      createdAt: at,
      updatedAt: at,
    }),
  );

  const removedIds = new Set(plan.initiativesToRemove.map((r) => r.id));
  const updates = new Map(plan.initiativesToUpdate.map((u) => [u.id, u]));
  const kept: Initiative[] = [];
  let moves = 0;
  for (const before of existing.initiatives) {
    if (removedIds.has(before.id)) {
      diffs.push(...diffFields('initiative', before.id, before, undefined));
      touched.push(before.id);
      continue;
    }
    const update = updates.get(before.id);
    const dependsOn = before.dependsOn.filter((id) => !removedIds.has(id));
    const lostDependency = dependsOn.length !== before.dependsOn.length;
    if (!update && !lostDependency) {
      kept.push(before);
      continue;
    }
    const patched = { ...before, ...(update ? resolve(update.patch) : {}) };
    const after = checked(initiativeSchema, {
      ...patched,
      dependsOn: patched.dependsOn.filter((id) => !removedIds.has(id)),
      metricUpdatedAt: metricUpdatedAtAfter(before, patched, at),
      revision: before.revision + 1,
      updatedAt: at,
    });
    if (isMove(before, after, existing, actor.now)) moves += 1;
    diffs.push(...diffFields('initiative', before.id, before, after));
    touched.push(before.id);
    kept.push(after);
  }
  for (const initiative of created) {
    diffs.push(...diffFields('initiative', initiative.id, undefined, initiative));
    touched.push(initiative.id);
  }

  if (moves > 0 && !reason) {
    throw new AppError('INVALID_INPUT', `This import moves ${plural(moves, 'initiative')} to another horizon, quarter or phase; say why`, {
      reason: 'Say why these initiatives move',
    });
  }

  const debtItems: DebtItem[] = existing.debtItems.map((debt) => {
    if (debt.promotedTo === null || !removedIds.has(debt.promotedTo)) return debt;
    touched.push(debt.id);
    return { ...debt, promotedTo: null, revision: debt.revision + 1, updatedAt: at };
  });

  const updatedCount = plan.initiativesToUpdate.length;
  const removedCount = plan.initiativesToRemove.length;
  const summary =
    `Imported ${plural(created.length + updatedCount, 'initiative')} (${created.length} new, ${updatedCount} updated) from ${plan.format === 'csv' ? 'CSV' : 'Markdown'}` +
    (newPhases.length > 0 ? `, with ${plural(newPhases.length, 'new phase')}` : '') +
    (removedCount > 0 ? `; removed ${plural(removedCount, 'initiative')} not in the table` : '');

  return finishEdit(
    existing,
    {
      ...existing,
      meta: { ...meta, phases: [...meta.phases, ...newPhases], nextPhaseSeq: phaseSeq, nextInitiativeSeq: initiativeSeq },
      initiatives: [...kept, ...created],
      debtItems,
    },
    actor,
    summary,
    diffs,
    touched,
    reason,
  );
}
