import type { z } from 'zod';
import type { InitiativeView, moveInitiativePayload } from '../../../src/domain/api';
import { horizonOfQuarter, proposeQuarter } from '../../../src/domain/horizon';
import { HORIZON_LABEL } from '../../../src/domain/labels';
import type { Horizon, HorizonRules } from '../../../src/domain/model';
import { normaliseQuarter, type Quarter } from '../../../src/domain/quarter';
import type { Draft } from '../shared/form/payload-check';
import { readQuarter, sameQuarter } from '../shared/form/quarter-input';
import { sameText } from '../shared/three-way-merge';

export type MovePayload = z.input<typeof moveInitiativePayload>;

/**
 * The move form's inputs, shaped like the payload, as typed. `to.horizonPin` holds the horizon the user chose (the
 * column a card was dropped on, or a choice in the dialog); whether that becomes a pin is decided when the payload is
 * built (see `pinFor`), so errors about the pin still land beside the horizon choice.
 */
export interface MoveValues {
  to: { horizonPin: Horizon; targetQuarter: string; phaseId: string };
  reason: string;
}

/** What the horizon rules need to judge a move: the roadmap's rules and today. */
export interface MoveContext {
  horizonRules: HorizonRules;
  today: Date;
}

export const moveValues = (initiative: InitiativeView): MoveValues => ({
  to: { horizonPin: initiative.horizon, targetQuarter: initiative.targetQuarter, phaseId: initiative.phaseId },
  reason: '',
});

/** The dialog opened by a drop on `horizon`: that horizon, and the quarter proposed for it (the stored one if it fits). */
export function droppedValues(initiative: InitiativeView, horizon: Horizon, context: MoveContext): MoveValues['to'] {
  return {
    horizonPin: horizon,
    targetQuarter: proposeQuarter(horizon, initiative.targetQuarter, context.horizonRules, context.today),
    phaseId: initiative.phaseId,
  };
}

/** The fields' names in the conflict notice, as the form labels them. */
export const MOVE_LABELS: Record<string, string> = {
  'to.horizonPin': 'Horizon',
  'to.targetQuarter': 'Target quarter',
  'to.phaseId': 'Phase',
  reason: 'Why is it moving?',
};
export const MOVE_EQUALS = { 'to.targetQuarter': sameQuarter, reason: sameText };
export const describeHorizon = (value: unknown) => (typeof value === 'string' && value in HORIZON_LABEL ? HORIZON_LABEL[value as Horizon] : undefined);

/** How the chosen horizon and the typed quarter fit together, for the payload and for what the dialog says. */
export interface HorizonFit {
  /** The quarter as it would be sent; null while it is not a quarter (the schema then says what is wrong). */
  quarter: Quarter | null;
  chosen: Horizon;
  /** The horizon the quarter derives by the roadmap's rules. */
  derived: Horizon | null;
  /** What to send as `to.horizonPin`: a horizon, null to clear a pin, undefined to leave the stored pin alone. */
  pin: Horizon | null | undefined;
}

/**
 * Pin or quarter, decided honestly: when the quarter derives the chosen horizon, no pin is needed (and a pin the
 * initiative had is cleared, since the quarter now says the same); when it does not — someone chose a horizon (or
 * dropped the card on it) and then a quarter outside it — the chosen horizon is pinned, as the dialog says.
 * A move that changes neither horizon nor quarter (only the phase) leaves any pin as it is.
 */
export function horizonFit(values: MoveValues, stored: InitiativeView, context: MoveContext): HorizonFit {
  const chosen = values.to.horizonPin;
  const quarter = normaliseQuarter(readQuarter(values.to.targetQuarter, stored.targetQuarter));
  if (quarter === null) return { quarter, chosen, derived: null, pin: undefined };
  const derived = horizonOfQuarter(quarter, context.today, context.horizonRules);
  if (quarter === stored.targetQuarter && chosen === stored.horizon) return { quarter, chosen, derived, pin: undefined };
  const wanted = derived === chosen ? null : chosen;
  return { quarter, chosen, derived, pin: wanted === stored.horizonPin ? undefined : wanted };
}

/**
 * The horizon a typed quarter puts the initiative in, for a dialog where nobody chose a horizon yet (opened with the
 * Move button, not by a drop): the horizon follows the quarter, so typing a quarter never pins by surprise. Null while
 * the quarter is not one, or when the horizon already fits.
 */
export function followQuarter(values: MoveValues, stored: InitiativeView, context: MoveContext): Horizon | null {
  const fit = horizonFit(values, stored, context);
  return fit.derived !== null && fit.derived !== fit.chosen ? fit.derived : null;
}

/** Only what changes goes in `to` (a blank quarter keeps the stored one), against the stored version `base`. */
export function toMoveDraft(values: MoveValues, base: { source: InitiativeView; revision: number }, context: MoveContext): Draft<MovePayload> {
  const stored = base.source;
  const to: MovePayload['to'] = {};
  const quarter = readQuarter(values.to.targetQuarter, stored.targetQuarter);
  if (quarter !== stored.targetQuarter) to.targetQuarter = quarter;
  if (values.to.phaseId !== stored.phaseId) to.phaseId = values.to.phaseId;
  const { pin } = horizonFit(values, stored, context);
  if (pin !== undefined) to.horizonPin = pin;
  return { payload: { baseRevision: base.revision, initiativeId: stored.id, to, reason: values.reason } };
}
