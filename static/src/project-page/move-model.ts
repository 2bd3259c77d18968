import type { z } from 'zod';
import { type InitiativeView, moveInitiativePayload } from '../../../src/domain/api';
import { normaliseQuarter } from '../../../src/domain/quarter';
import { fieldErrors } from '../../../src/domain/errors';
import { type FieldEquals, sameText } from '../shared/three-way-merge';

/** The move form's inputs, as typed. */
export interface MoveValues {
  targetQuarter: string;
  phaseId: string;
  reason: string;
}
export type MoveField = keyof MoveValues;
export type MovePayload = z.input<typeof moveInitiativePayload>;

export const moveValues = (initiative: InitiativeView): MoveValues => ({
  targetQuarter: initiative.targetQuarter,
  phaseId: initiative.phaseId,
  reason: '',
});

/** The fields' names in the conflict notice, as the form labels them. */
export const MOVE_LABELS: Record<MoveField, string> = { targetQuarter: 'Target quarter', phaseId: 'Phase', reason: 'Why is it moving?' };

/** A quarter compares as sent ("Q2 2027" is 2027-Q2); blank means "keep it", i.e. no change. */
const sameQuarter = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' ? (normaliseQuarter(a.trim()) ?? a.trim()) === (normaliseQuarter(b.trim()) ?? b.trim()) : a === b;
export const MOVE_EQUALS: FieldEquals<MoveValues> = { targetQuarter: sameQuarter, reason: sameText };

/** Only what changes goes in `to`; a blank target quarter means "keep it". */
export function toMovePayload(values: MoveValues, initiative: InitiativeView, baseRevision: number): MovePayload {
  const to: MovePayload['to'] = {};
  const typed = values.targetQuarter.trim();
  // Accept "Q2 2027" too; anything else goes as typed so the schema explains what's wrong.
  const quarter = typed === '' ? initiative.targetQuarter : (normaliseQuarter(typed) ?? typed);
  if (quarter !== initiative.targetQuarter) to.targetQuarter = quarter;
  if (values.phaseId !== initiative.phaseId) to.phaseId = values.phaseId;
  return { baseRevision, initiativeId: initiative.id, to, reason: values.reason };
}

export interface MoveErrors {
  byField: Partial<Record<MoveField, string>>;
  other: string[];
}

const NOTHING_MOVES = 'Change the target quarter or the phase';

/** Dot-path field errors (`to.targetQuarter`, `to.phaseId`, `reason`, `to`) onto the form's inputs. */
export function mapMoveErrors(fields: Record<string, string>): MoveErrors {
  const byField: Partial<Record<MoveField, string>> = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const field: MoveField | null =
      path === 'reason'
        ? 'reason'
        : path === 'to.targetQuarter'
          ? 'targetQuarter'
          : path === 'to.phaseId'
            ? 'phaseId'
            : null;
    if (field) byField[field] = byField[field] ?? message;
    else if (path === 'to') other.push(NOTHING_MOVES);
    else other.push(message);
  }
  return { byField, other: [...new Set(other)] };
}

/** Checks the payload with the resolver's own schema, so the user sees the same messages without a round trip. */
export function validateMove(payload: MovePayload): Record<string, string> | null {
  const parsed = moveInitiativePayload.safeParse(payload);
  return parsed.success ? null : fieldErrors(parsed.error);
}
