import type { z } from 'zod';
import type { deleteInitiativePayload, InitiativeView } from '../../../../src/domain/api';
import type { Draft } from '../../shared/form/payload-check';

export type DeleteInitiativePayload = z.input<typeof deleteInitiativePayload>;

/** The delete confirm's one input, shaped like the deleteInitiative payload: the optional reason. */
export interface DeleteInitiativeValues {
  reason: string;
}

export const deleteInitiativeValues = (): DeleteInitiativeValues => ({ reason: '' });

/** A blank reason is no reason (the changelog then records none); anything typed goes as typed, for the schema. */
export function toDeleteInitiativeDraft(values: DeleteInitiativeValues, initiativeId: string, baseRevision: number): Draft<DeleteInitiativePayload> {
  const payload: DeleteInitiativePayload = { baseRevision, initiativeId };
  if (values.reason.trim() !== '') payload.reason = values.reason;
  return { payload };
}

/** What else a delete changes, one sentence each: dependants lose the dependency, epics are unlinked, debt goes back. */
export function deleteConsequences(initiative: InitiativeView, all: readonly InitiativeView[]): string[] {
  const dependants = all.filter((i) => i.dependsOn.includes(initiative.id));
  const epics = initiative.epicIds.length;
  return [
    dependants.length > 0
      ? `${dependants.map((d) => `“${d.title}”`).join(', ')} ${dependants.length === 1 ? 'loses its' : 'lose their'} dependency on it.`
      : null,
    epics > 0 ? `Its ${epics === 1 ? 'linked epic is' : `${epics} linked epics are`} unlinked (the epics stay in Jira).` : null,
    initiative.fromDebtId !== null ? 'The debt item it was promoted from goes back to the register.' : null,
  ].filter((c): c is string => c !== null);
}
