import { diffFields } from '../changes';
import { AppError } from '../errors';
import { type DebtCategory, type DebtItem, debtItemSchema, type NewInitiative, type Roadmap, type Track } from '../model';
import type { Actor, Edit } from '../roadmap-ops';
import { finishEdit } from '../roadmap-ops';
import { addInitiative } from './initiatives';
import { findDebtItem } from './lookup';

export type NewDebtItem = Pick<DebtItem, 'title' | 'category' | 'description' | 'impact' | 'urgency' | 'effort'>;

export function addDebtItem(roadmap: Roadmap, input: NewDebtItem, actor: Actor): Edit {
  const at = actor.now.toISOString();
  const item = debtItemSchema.parse({ ...input, id: `D-${roadmap.meta.nextDebtSeq}`, promotedTo: null, revision: 1, createdAt: at, updatedAt: at });
  return finishEdit(
    roadmap,
    { ...roadmap, meta: { ...roadmap.meta, nextDebtSeq: roadmap.meta.nextDebtSeq + 1 }, debtItems: [...roadmap.debtItems, item] },
    actor,
    `Recorded debt "${item.title}"`,
    diffFields('debt', item.id, undefined, item),
    [item.id],
  );
}

export function updateDebtItem(roadmap: Roadmap, debtId: string, patch: Partial<NewDebtItem>, actor: Actor): Edit {
  const before = findDebtItem(roadmap, debtId);
  const after = debtItemSchema.parse({
    ...before,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    revision: before.revision + 1,
    updatedAt: actor.now.toISOString(),
  });
  const diffs = diffFields('debt', debtId, before, after);
  if (diffs.length === 0) throw new AppError('INVALID_INPUT', 'Nothing to change', { patch: 'No field differs from the stored debt item' });
  return finishEdit(
    roadmap,
    { ...roadmap, debtItems: roadmap.debtItems.map((d) => (d.id === debtId ? after : d)) },
    actor,
    `Updated debt "${after.title}"`,
    diffs,
    [debtId],
  );
}

/** Deletes a debt item; an initiative promoted from it forgets where it came from (recorded in the same change). */
export function deleteDebtItem(roadmap: Roadmap, debtId: string, actor: Actor): Edit {
  const item = findDebtItem(roadmap, debtId);
  const diffs = diffFields('debt', debtId, item, undefined);
  const touched = [debtId];
  const initiatives = roadmap.initiatives.map((initiative) => {
    if (initiative.fromDebtId !== debtId) return initiative;
    const updated = { ...initiative, fromDebtId: null, revision: initiative.revision + 1, updatedAt: actor.now.toISOString() };
    diffs.push(...diffFields('initiative', initiative.id, initiative, updated));
    touched.push(initiative.id);
    return updated;
  });
  return finishEdit(
    roadmap,
    { ...roadmap, initiatives, debtItems: roadmap.debtItems.filter((d) => d.id !== debtId) },
    actor,
    `Removed debt "${item.title}"`,
    diffs,
    touched,
  );
}

/** The track a promoted debt item starts on; the team can change it afterwards. */
export const TRACK_FOR_DEBT: Record<DebtCategory, Track> = {
  'outdated-dependency': 'tech-debt',
  'scaling-bottleneck': 'reliability',
  'security-risk': 'security',
  'developer-friction': 'developer-experience',
  'architectural-coupling': 'tech-debt',
};

/** Promotes a debt item to an initiative (one change): the item remembers which initiative took it on. */
export function promoteDebtItem(
  roadmap: Roadmap,
  debtId: string,
  initiative: Pick<NewInitiative, 'phaseId' | 'targetQuarter' | 'successMetric'> & Partial<NewInitiative>,
  actor: Actor,
): Edit {
  const item = findDebtItem(roadmap, debtId);
  if (item.promotedTo) throw new AppError('CONFLICT', `"${item.title}" was already promoted to ${item.promotedTo}`);
  const created = addInitiative(
    roadmap,
    {
      title: item.title,
      goal: item.description,
      track: TRACK_FOR_DEBT[item.category],
      effort: item.effort,
      horizonPin: null,
      status: 'proposed',
      ownerAccountId: null,
      rice: null,
      riskReduction: item.category === 'security-risk' ? 3 : 0,
      reversibility: 'reversible',
      businessGoalIds: [],
      dependsOn: [],
      epicIds: [],
      ...initiative,
    },
    actor,
    item.id,
  );
  const newInitiative = created.roadmap.initiatives[created.roadmap.initiatives.length - 1];
  const promoted = { ...item, promotedTo: newInitiative.id, revision: item.revision + 1, updatedAt: actor.now.toISOString() };
  return finishEdit(
    roadmap,
    { ...created.roadmap, debtItems: roadmap.debtItems.map((d) => (d.id === debtId ? promoted : d)) },
    actor,
    `Promoted debt "${item.title}" to initiative "${newInitiative.title}"`,
    [...created.change.diffs, ...diffFields('debt', debtId, item, promoted)],
    [newInitiative.id, debtId],
  );
}
