import type { z } from 'zod';
import type { createPhasePayload, deletePhasePayload, updatePhasePayload } from '../../../../src/domain/api';
import type { Phase } from '../../../../src/domain/model';
import { addQuarters, compareQuarters, QUARTER_PATTERN, quarterOf } from '../../../../src/domain/quarter';
import type { Draft } from '../../shared/form/payload-check';
import { readQuarter, sameQuarter } from '../../shared/form/quarter-input';
import { type Equals, sameText } from '../../shared/three-way-merge';

export type CreatePhasePayload = z.input<typeof createPhasePayload>;
export type UpdatePhasePayload = z.input<typeof updatePhasePayload>;
export type DeletePhasePayload = z.input<typeof deletePhasePayload>;

/** A phase's inputs, as typed. */
export interface PhaseFields {
  name: string;
  theme: string;
  startQuarter: string;
  endQuarter: string;
  description: string;
}

/** The form's values, shaped like the payload: `phase.name` when it adds a phase, `patch.name` when it edits one. */
export type NewPhaseValues = { phase: PhaseFields };
export type EditPhaseValues = { patch: PhaseFields };

const FIELD_LABELS: Record<keyof PhaseFields, string> = {
  name: 'Name',
  theme: 'Theme',
  startQuarter: 'Start quarter',
  endQuarter: 'End quarter',
  description: 'Description',
};

/** The edit's fields by path, as the conflict notice names them. */
export const PHASE_LABELS: Record<string, string> = Object.fromEntries(Object.entries(FIELD_LABELS).map(([field, label]) => [`patch.${field}`, label]));

/** How the three-way merge compares the edit's fields: as saved ("Q3 2026" is 2026-Q3, text is trimmed). */
export const PHASE_EQUALS: Record<string, Equals> = {
  'patch.name': sameText,
  'patch.theme': sameText,
  'patch.startQuarter': sameQuarter,
  'patch.endQuarter': sameQuarter,
  'patch.description': sameText,
};

/** A new phase starts after the last one ends (or this quarter, on an empty roadmap) and spans one quarter. */
export function newPhaseValues(phases: readonly Phase[], today = new Date()): NewPhaseValues {
  const lastEnd = phases
    .map((p) => p.endQuarter)
    .sort(compareQuarters)
    .at(-1);
  const start = lastEnd ? addQuarters(lastEnd, 1) : quarterOf(today);
  return { phase: { name: '', theme: '', startQuarter: start, endQuarter: start, description: '' } };
}

export const phaseValues = (phase: Phase): EditPhaseValues => ({
  patch: { name: phase.name, theme: phase.theme, startQuarter: phase.startQuarter, endQuarter: phase.endQuarter, description: phase.description },
});

/** A typed quarter as sent: "Q3 2026" reads as 2026-Q3; blank or anything else goes as typed, for the schema to explain. */
const quarter = (text: string) => readQuarter(text, '');

/** The end must not come before the start: said beside "End quarter" (of `prefix`) before the server has to. */
function spanError(values: PhaseFields, prefix: 'phase' | 'patch'): Record<string, string> {
  const start = quarter(values.startQuarter);
  const end = quarter(values.endQuarter);
  if (!QUARTER_PATTERN.test(start) || !QUARTER_PATTERN.test(end)) return {};
  return compareQuarters(start, end) > 0 ? { [`${prefix}.endQuarter`]: 'Ends before it starts' } : {};
}

/** Adding a phase: every field goes. */
export function toCreatePhaseDraft(values: NewPhaseValues, baseRevision: number): Draft<CreatePhasePayload> {
  const v = values.phase;
  return {
    payload: {
      baseRevision,
      phase: { name: v.name, theme: v.theme, startQuarter: quarter(v.startQuarter), endQuarter: quarter(v.endQuarter), description: v.description },
    },
    localErrors: spanError(v, 'phase'),
  };
}

/** Editing a phase: only what differs from the stored version `base` goes in `patch`; nothing changed is refused. */
export function toUpdatePhaseDraft(values: EditPhaseValues, base: { source: Phase; revision: number }): Draft<UpdatePhasePayload> {
  const v = values.patch;
  const phase = base.source;
  const patch: UpdatePhasePayload['patch'] = {};
  if (v.name.trim() !== phase.name) patch.name = v.name;
  if (v.theme.trim() !== phase.theme) patch.theme = v.theme;
  if (quarter(v.startQuarter) !== phase.startQuarter) patch.startQuarter = quarter(v.startQuarter);
  if (quarter(v.endQuarter) !== phase.endQuarter) patch.endQuarter = quarter(v.endQuarter);
  if (v.description.trim() !== phase.description) patch.description = v.description;
  return {
    payload: { baseRevision: base.revision, phaseId: phase.id, patch },
    localErrors: spanError(v, 'patch'),
    refusal: Object.keys(patch).length === 0 ? 'Nothing to save: no field changed.' : undefined,
  };
}

/** The delete confirm's inputs, shaped like the deletePhase payload. */
export interface DeletePhaseValues {
  moveInitiativesTo: string;
  reason: string;
}

export const deletePhaseValues = (): DeletePhaseValues => ({ moveInitiativesTo: '', reason: '' });

/**
 * Deleting a phase: an empty one goes at once; one with `memberCount` initiatives needs a phase to move them to and a
 * reason (the server requires both; the reason goes to the changelog).
 */
export function toDeletePhaseDraft(values: DeletePhaseValues, phaseId: string, memberCount: number, baseRevision: number): Draft<DeletePhasePayload> {
  const payload: DeletePhasePayload = { baseRevision, phaseId, moveInitiativesTo: memberCount > 0 ? values.moveInitiativesTo || null : null };
  const localErrors: Record<string, string> = {};
  if (memberCount > 0) {
    if (values.reason.trim() !== '') payload.reason = values.reason;
    if (!values.moveInitiativesTo) localErrors.moveInitiativesTo = 'Choose where its initiatives go';
    if (values.reason.trim() === '') localErrors.reason = 'Say why they move';
  }
  return { payload, localErrors };
}
