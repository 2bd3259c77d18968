import { AppError } from '../errors';
import type { DebtItem, Initiative, Phase, Roadmap } from '../model';

export function findInitiative(roadmap: Roadmap, id: string, field = 'initiativeId'): Initiative {
  const found = roadmap.initiatives.find((i) => i.id === id);
  if (!found) throw new AppError('NOT_FOUND', `No initiative ${id} on this roadmap`, { [field]: 'Unknown initiative' });
  return found;
}

export function findPhase(roadmap: Roadmap, id: string, field = 'phaseId'): Phase {
  const found = roadmap.meta.phases.find((p) => p.id === id);
  if (!found) throw new AppError('INVALID_INPUT', `No phase ${id} on this roadmap`, { [field]: 'Unknown phase' });
  return found;
}

export function findDebtItem(roadmap: Roadmap, id: string, field = 'debtId'): DebtItem {
  const found = roadmap.debtItems.find((d) => d.id === id);
  if (!found) throw new AppError('NOT_FOUND', `No debt item ${id} on this roadmap`, { [field]: 'Unknown debt item' });
  return found;
}

/** References an initiative makes must point at things on the same roadmap. */
export function checkReferences(roadmap: Roadmap, initiative: Pick<Initiative, 'id' | 'phaseId' | 'dependsOn' | 'businessGoalIds'>, prefix: string) {
  findPhase(roadmap, initiative.phaseId, `${prefix}.phaseId`);
  const known = new Set(roadmap.initiatives.map((i) => i.id));
  initiative.dependsOn.forEach((id, index) => {
    if (id === initiative.id)
      throw new AppError('INVALID_INPUT', 'An initiative cannot depend on itself', { [`${prefix}.dependsOn.${index}`]: 'Cannot depend on itself' });
    if (!known.has(id))
      throw new AppError('INVALID_INPUT', `Depends on an unknown initiative ${id}`, { [`${prefix}.dependsOn.${index}`]: `Unknown initiative ${id}` });
  });
  const goals = new Set(roadmap.meta.businessGoals.map((g) => g.id));
  initiative.businessGoalIds.forEach((id, index) => {
    if (!goals.has(id)) throw new AppError('INVALID_INPUT', `Unknown business goal ${id}`, { [`${prefix}.businessGoalIds.${index}`]: `Unknown goal ${id}` });
  });
}
