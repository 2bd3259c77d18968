import { diffFields } from '../changes';
import { AppError } from '../errors';
import { type Initiative, type InitiativePatch, initiativeSchema, type NewInitiative, type Roadmap } from '../model';
import { isPlacementMove } from '../moves';
import { type Actor, type Edit, finishEdit } from '../roadmap-ops';
import { checkReferences, findInitiative } from './lookup';

/**
 * When the success metric's current value was last set: the write's own time when this write sets or changes it,
 * else what `before` had. Only the server's clock writes it (the input schemas have no such field), so the drift
 * rules' "metric not updated" cannot be silenced by a payload.
 */
export function metricUpdatedAtAfter(
  before: Pick<Initiative, 'successMetric' | 'metricUpdatedAt'> | undefined,
  after: Pick<Initiative, 'successMetric'>,
  at: string,
): string | null {
  const current = after.successMetric.current;
  if (before === undefined) return current === undefined ? null : at;
  return current === before.successMetric.current ? before.metricUpdatedAt : at;
}

export function addInitiative(roadmap: Roadmap, input: NewInitiative, actor: Actor, fromDebtId: string | null = null): Edit {
  const at = actor.now.toISOString();
  const initiative: Initiative = initiativeSchema.parse({
    ...input,
    id: `I-${roadmap.meta.nextInitiativeSeq}`,
    fromDebtId,
    // A current value given at creation was measured now.
    metricUpdatedAt: metricUpdatedAtAfter(undefined, input, at),
    revision: 1,
    createdAt: at,
    updatedAt: at,
  });
  checkReferences(roadmap, initiative, 'initiative');
  return finishEdit(
    roadmap,
    { ...roadmap, meta: { ...roadmap.meta, nextInitiativeSeq: roadmap.meta.nextInitiativeSeq + 1 }, initiatives: [...roadmap.initiatives, initiative] },
    actor,
    `Added initiative "${initiative.title}"`,
    diffFields('initiative', initiative.id, undefined, initiative),
    [initiative.id],
  );
}

/**
 * Whether a change moves an initiative on the roadmap — to another horizon, target quarter or phase. Such moves
 * are what stakeholders track, so they must carry a reason (recorded in the changelog).
 */
export function isMove(before: Initiative, after: Initiative, roadmap: Roadmap, today: Date): boolean {
  return isPlacementMove(before, after, roadmap.meta.horizonRules, today);
}

export function updateInitiative(
  roadmap: Roadmap,
  initiativeId: string,
  patch: InitiativePatch,
  actor: Actor,
  reason: string | null,
  /** Where the changed fields sit in the caller's payload, so errors point at its inputs (`patch` or `to`). */
  fieldPrefix = 'patch',
): Edit {
  const before = findInitiative(roadmap, initiativeId);
  const at = actor.now.toISOString();
  const patched = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  const after: Initiative = initiativeSchema.parse({
    ...patched,
    id: before.id,
    metricUpdatedAt: metricUpdatedAtAfter(before, patched, at),
    revision: before.revision + 1,
    updatedAt: at,
  });
  checkReferences(roadmap, after, fieldPrefix);
  const diffs = diffFields('initiative', before.id, before, after);
  if (diffs.length === 0) throw new AppError('INVALID_INPUT', 'Nothing to change', { [fieldPrefix]: 'No field differs from the stored initiative' });
  const moved = isMove(before, after, roadmap, actor.now);
  if (moved && !reason) {
    throw new AppError('INVALID_INPUT', 'Moving an initiative to another horizon, quarter or phase needs a reason', { reason: 'Say why it moves' });
  }
  return finishEdit(
    roadmap,
    { ...roadmap, initiatives: roadmap.initiatives.map((i) => (i.id === before.id ? after : i)) },
    actor,
    moved ? `Moved "${after.title}"` : `Updated "${after.title}"`,
    diffs,
    [after.id],
    reason,
  );
}

/** Deletes an initiative; others that depended on it lose that dependency (recorded in the same change). */
export function deleteInitiative(roadmap: Roadmap, initiativeId: string, actor: Actor, reason: string | null): Edit {
  const target = findInitiative(roadmap, initiativeId);
  const diffs = diffFields('initiative', target.id, target, undefined);
  const touched = [target.id];
  const initiatives: Initiative[] = [];
  for (const initiative of roadmap.initiatives) {
    if (initiative.id === target.id) continue;
    if (initiative.dependsOn.includes(target.id)) {
      const updated = {
        ...initiative,
        dependsOn: initiative.dependsOn.filter((d) => d !== target.id),
        revision: initiative.revision + 1,
        updatedAt: actor.now.toISOString(),
      };
      diffs.push(...diffFields('initiative', initiative.id, initiative, updated));
      touched.push(initiative.id);
      initiatives.push(updated);
    } else initiatives.push(initiative);
  }
  const debtItems = roadmap.debtItems.map((d) =>
    d.promotedTo === target.id ? { ...d, promotedTo: null, revision: d.revision + 1, updatedAt: actor.now.toISOString() } : d,
  );
  debtItems.forEach((d, i) => {
    if (d !== roadmap.debtItems[i]) touched.push(d.id);
  });
  return finishEdit(roadmap, { ...roadmap, initiatives, debtItems }, actor, `Deleted initiative "${target.title}"`, diffs, touched, reason);
}

/** An epic was deleted in Jira: unlink it, saying so in the changelog (never dropped silently). */
export function unlinkDeletedEpic(roadmap: Roadmap, initiativeId: string, issueId: string, issueKey: string | null, actor: Actor): Edit {
  const before = findInitiative(roadmap, initiativeId);
  if (!before.epicIds.includes(issueId)) throw new AppError('NOT_FOUND', `${initiativeId} does not link issue ${issueId}`);
  const after = { ...before, epicIds: before.epicIds.filter((id) => id !== issueId), revision: before.revision + 1, updatedAt: actor.now.toISOString() };
  // An epic from another project goes unnamed: some readers of this changelog may not browse that project.
  const foreign = roadmap.meta.epicProjects?.[issueId] !== undefined;
  const summary =
    issueKey && !foreign
      ? `Epic ${issueKey} was deleted in Jira; unlinked from "${before.title}"`
      : `A linked epic was deleted in Jira; unlinked from "${before.title}"`;
  return finishEdit(
    roadmap,
    { ...roadmap, initiatives: roadmap.initiatives.map((i) => (i.id === initiativeId ? after : i)) },
    actor,
    summary,
    diffFields('initiative', initiativeId, before, after),
    [initiativeId],
    'Deleted in Jira',
  );
}
