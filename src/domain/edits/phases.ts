import { diffFields } from '../changes';
import { AppError } from '../errors';
import { type Phase, phaseSchema, type Roadmap } from '../model';
import { compareQuarters } from '../quarter';
import { type Actor, type Edit, finishEdit } from '../roadmap-ops';
import { findPhase } from './lookup';

export type NewPhase = Omit<Phase, 'id' | 'order'>;

function checkSpan(phase: Pick<Phase, 'startQuarter' | 'endQuarter'>, field: string) {
  if (compareQuarters(phase.startQuarter, phase.endQuarter) > 0) {
    throw new AppError('INVALID_INPUT', 'A phase must end in or after the quarter it starts', { [`${field}.endQuarter`]: 'Ends before it starts' });
  }
}

function renumber(phases: Phase[]): Phase[] {
  return phases.map((phase, index) => (phase.order === index ? phase : { ...phase, order: index }));
}

const sorted = (roadmap: Roadmap) => [...roadmap.meta.phases].sort((a, b) => a.order - b.order);

export function addPhase(roadmap: Roadmap, input: NewPhase, actor: Actor): Edit {
  checkSpan(input, 'phase');
  if (roadmap.meta.phases.some((p) => p.name.toLowerCase() === input.name.toLowerCase())) {
    throw new AppError('INVALID_INPUT', `There is already a phase called ${input.name}`, { 'phase.name': 'Name already used' });
  }
  const phase = phaseSchema.parse({ ...input, id: `P-${roadmap.meta.nextPhaseSeq}`, order: roadmap.meta.phases.length });
  return finishEdit(
    roadmap,
    { ...roadmap, meta: { ...roadmap.meta, phases: [...sorted(roadmap), phase], nextPhaseSeq: roadmap.meta.nextPhaseSeq + 1 } },
    actor,
    `Added phase "${phase.name}"`,
    diffFields('phase', phase.id, undefined, phase),
    [],
  );
}

export function updatePhase(roadmap: Roadmap, phaseId: string, patch: Partial<NewPhase>, actor: Actor, reason: string | null): Edit {
  const before = findPhase(roadmap, phaseId);
  const after = phaseSchema.parse({ ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) });
  checkSpan(after, 'patch');
  if (
    after.name.toLowerCase() !== before.name.toLowerCase() &&
    roadmap.meta.phases.some((p) => p.id !== phaseId && p.name.toLowerCase() === after.name.toLowerCase())
  ) {
    throw new AppError('INVALID_INPUT', `There is already a phase called ${after.name}`, { 'patch.name': 'Name already used' });
  }
  const diffs = diffFields('phase', phaseId, before, after);
  if (diffs.length === 0) throw new AppError('INVALID_INPUT', 'Nothing to change', { patch: 'No field differs from the stored phase' });
  return finishEdit(
    roadmap,
    { ...roadmap, meta: { ...roadmap.meta, phases: roadmap.meta.phases.map((p) => (p.id === phaseId ? after : p)) } },
    actor,
    `Updated phase "${after.name}"`,
    diffs,
    [],
    reason,
  );
}

/** Moves a phase to another position; the others keep their relative order. */
export function movePhase(roadmap: Roadmap, phaseId: string, toIndex: number, actor: Actor, reason: string | null): Edit {
  const phases = sorted(roadmap);
  const from = phases.findIndex((p) => p.id === phaseId);
  if (from < 0) findPhase(roadmap, phaseId);
  if (toIndex < 0 || toIndex >= phases.length) throw new AppError('INVALID_INPUT', `Position must be 0–${phases.length - 1}`, { toIndex: 'Out of range' });
  if (from === toIndex) throw new AppError('INVALID_INPUT', 'The phase is already there', { toIndex: 'Same position' });
  const [moved] = phases.splice(from, 1);
  phases.splice(toIndex, 0, moved);
  const next = renumber(phases);
  return finishEdit(
    roadmap,
    { ...roadmap, meta: { ...roadmap.meta, phases: next } },
    actor,
    `Moved phase "${moved.name}" to position ${toIndex + 1}`,
    [{ entity: 'phase', id: phaseId, field: 'order', before: from, after: toIndex }],
    [],
    reason,
  );
}

/** Deletes a phase; its initiatives must go somewhere first — to `moveInitiativesTo`, or the delete is refused. */
export function deletePhase(roadmap: Roadmap, phaseId: string, moveInitiativesTo: string | null, actor: Actor, reason: string | null): Edit {
  const phase = findPhase(roadmap, phaseId);
  const members = roadmap.initiatives.filter((i) => i.phaseId === phaseId);
  if (members.length > 0 && !moveInitiativesTo) {
    throw new AppError('INVALID_INPUT', `"${phase.name}" still has ${members.length} initiative(s); choose a phase to move them to`, {
      moveInitiativesTo: 'Required while the phase has initiatives',
    });
  }
  if (moveInitiativesTo === phaseId) throw new AppError('INVALID_INPUT', 'Choose another phase', { moveInitiativesTo: 'That is the phase being deleted' });
  if (moveInitiativesTo) findPhase(roadmap, moveInitiativesTo, 'moveInitiativesTo');
  if (members.length > 0 && !reason) {
    throw new AppError('INVALID_INPUT', 'Moving initiatives to another phase needs a reason', { reason: 'Say why they move' });
  }
  const at = actor.now.toISOString();
  const diffs = diffFields('phase', phaseId, phase, undefined);
  const initiatives = roadmap.initiatives.map((i) => {
    if (i.phaseId !== phaseId) return i;
    const moved = { ...i, phaseId: moveInitiativesTo!, revision: i.revision + 1, updatedAt: at };
    diffs.push(...diffFields('initiative', i.id, i, moved));
    return moved;
  });
  return finishEdit(
    roadmap,
    { ...roadmap, meta: { ...roadmap.meta, phases: renumber(sorted(roadmap).filter((p) => p.id !== phaseId)) }, initiatives },
    actor,
    `Deleted phase "${phase.name}"`,
    diffs,
    members.map((i) => i.id),
    reason,
  );
}
