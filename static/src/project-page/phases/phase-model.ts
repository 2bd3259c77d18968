import type { z } from 'zod';
import { createPhasePayload, deletePhasePayload, updatePhasePayload } from '../../../../src/domain/api';
import { fieldErrors } from '../../../../src/domain/errors';
import type { Phase } from '../../../../src/domain/model';
import { type FieldEquals, sameText } from '../../shared/three-way-merge';
import { QUARTER_PATTERN, addQuarters, compareQuarters, normaliseQuarter, quarterOf } from '../../../../src/domain/quarter';

export type CreatePhasePayload = z.input<typeof createPhasePayload>;
export type UpdatePhasePayload = z.input<typeof updatePhasePayload>;
export type DeletePhasePayload = z.input<typeof deletePhasePayload>;

/** The phase form's inputs, as typed. */
export interface PhaseValues {
  name: string;
  theme: string;
  startQuarter: string;
  endQuarter: string;
  description: string;
}
export type PhaseField = keyof PhaseValues;

/** The fields' names in the conflict notice, as the form labels them. */
export const PHASE_LABELS: Record<PhaseField, string> = {
  name: 'Name',
  theme: 'Theme',
  startQuarter: 'Start quarter',
  endQuarter: 'End quarter',
  description: 'Description',
};

/** How the three-way merge compares the fields: as saved ("Q3 2026" is 2026-Q3, text is trimmed). */
const sameQuarter = (a: unknown, b: unknown) => (typeof a === 'string' && typeof b === 'string' ? quarter(a) === quarter(b) : a === b);
export const PHASE_EQUALS: FieldEquals<PhaseValues> = {
  name: sameText,
  theme: sameText,
  startQuarter: sameQuarter,
  endQuarter: sameQuarter,
  description: sameText,
};

/** A new phase starts after the last one ends (or this quarter, on an empty roadmap) and spans one quarter. */
export function newPhaseValues(phases: readonly Phase[], today = new Date()): PhaseValues {
  const lastEnd = phases.map((p) => p.endQuarter).sort(compareQuarters).at(-1);
  const start = lastEnd ? addQuarters(lastEnd, 1) : quarterOf(today);
  return { name: '', theme: '', startQuarter: start, endQuarter: start, description: '' };
}

export const phaseValues = (phase: Phase): PhaseValues => ({
  name: phase.name,
  theme: phase.theme,
  startQuarter: phase.startQuarter,
  endQuarter: phase.endQuarter,
  description: phase.description,
});

/** "Q3 2026" is read too; anything else goes as typed so the schema explains what's wrong. */
const quarter = (text: string) => normaliseQuarter(text) ?? text.trim();

/** The end must not come before the start: said beside "End quarter" before the server has to. */
function spanError(values: PhaseValues): Partial<Record<PhaseField, string>> {
  const start = quarter(values.startQuarter);
  const end = quarter(values.endQuarter);
  if (!QUARTER_PATTERN.test(start) || !QUARTER_PATTERN.test(end)) return {};
  return compareQuarters(start, end) > 0 ? { endQuarter: 'Ends before it starts' } : {};
}

export function toCreatePayload(values: PhaseValues, baseRevision: number): { payload: CreatePhasePayload; localErrors: Partial<Record<PhaseField, string>> } {
  return {
    payload: {
      baseRevision,
      phase: {
        name: values.name,
        theme: values.theme,
        startQuarter: quarter(values.startQuarter),
        endQuarter: quarter(values.endQuarter),
        description: values.description,
      },
    },
    localErrors: spanError(values),
  };
}

/** Only what changed goes in `patch`. */
export function toUpdatePayload(values: PhaseValues, phase: Phase, baseRevision: number): { payload: UpdatePhasePayload; localErrors: Partial<Record<PhaseField, string>> } {
  const patch: UpdatePhasePayload['patch'] = {};
  if (values.name.trim() !== phase.name) patch.name = values.name;
  if (values.theme.trim() !== phase.theme) patch.theme = values.theme;
  if (quarter(values.startQuarter) !== phase.startQuarter) patch.startQuarter = quarter(values.startQuarter);
  if (quarter(values.endQuarter) !== phase.endQuarter) patch.endQuarter = quarter(values.endQuarter);
  if (values.description.trim() !== phase.description) patch.description = values.description;
  return { payload: { baseRevision, phaseId: phase.id, patch }, localErrors: spanError(values) };
}

export function validatePhase(payload: CreatePhasePayload | UpdatePhasePayload): Record<string, string> | null {
  const parsed = 'phase' in payload ? createPhasePayload.safeParse(payload) : updatePhasePayload.safeParse(payload);
  return parsed.success ? null : fieldErrors(parsed.error);
}

export function validateDeletePhase(payload: DeletePhasePayload): Record<string, string> | null {
  const parsed = deletePhasePayload.safeParse(payload);
  return parsed.success ? null : fieldErrors(parsed.error);
}

export interface PhaseErrors {
  byField: Partial<Record<PhaseField, string>>;
  other: string[];
}
export const NO_PHASE_ERRORS: PhaseErrors = { byField: {}, other: [] };

/** `phase.name` (create) or `patch.endQuarter` (update) onto the form; `patch` alone is "nothing to change". */
export function mapPhaseErrors(fields: Record<string, string>): PhaseErrors {
  const byField: PhaseErrors['byField'] = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const match = /^(?:phase|patch)\.(name|theme|startQuarter|endQuarter|description)(\.|$)/.exec(path);
    if (match) {
      const field = match[1] as PhaseField;
      byField[field] = byField[field] ?? message;
    } else if (path === 'patch') other.push('Nothing to save: no field changed.');
    else other.push(path === '(payload)' || path === 'phaseId' ? message : `${path}: ${message}`);
  }
  return { byField, other: [...new Set(other)] };
}
