import type { z } from 'zod';
import type { InitiativeView, moveInitiativePayload } from '../../../src/domain/api';
import type { Draft } from '../shared/form/payload-check';
import { readQuarter, sameQuarter } from '../shared/form/quarter-input';
import { sameText } from '../shared/three-way-merge';

export type MovePayload = z.input<typeof moveInitiativePayload>;

/** The move form's inputs, shaped like the payload (`to.targetQuarter`, `to.phaseId`, `reason`), as typed. */
export interface MoveValues {
  to: { targetQuarter: string; phaseId: string };
  reason: string;
}

export const moveValues = (initiative: InitiativeView): MoveValues => ({
  to: { targetQuarter: initiative.targetQuarter, phaseId: initiative.phaseId },
  reason: '',
});

/** The fields' names in the conflict notice, as the form labels them. */
export const MOVE_LABELS: Record<string, string> = { 'to.targetQuarter': 'Target quarter', 'to.phaseId': 'Phase', reason: 'Why is it moving?' };
export const MOVE_EQUALS = { 'to.targetQuarter': sameQuarter, reason: sameText };

/** Only what changes goes in `to` (a blank quarter keeps the stored one), against the stored version `base`. */
export function toMoveDraft(values: MoveValues, base: { source: InitiativeView; revision: number }): Draft<MovePayload> {
  const stored = base.source;
  const to: MovePayload['to'] = {};
  const quarter = readQuarter(values.to.targetQuarter, stored.targetQuarter);
  if (quarter !== stored.targetQuarter) to.targetQuarter = quarter;
  if (values.to.phaseId !== stored.phaseId) to.phaseId = values.to.phaseId;
  return { payload: { baseRevision: base.revision, initiativeId: stored.id, to, reason: values.reason } };
}
