import type { z } from 'zod';
import { type EpicContext, linkEpicPayload, unlinkEpicPayload } from '../../../src/domain/api';
import { fieldErrors } from '../../../src/domain/errors';
import { HORIZON_LABEL } from '../shared/labels';

export type LinkOption = NonNullable<EpicContext['linking']>['initiatives'][number];
export type LinkPayload = z.input<typeof linkEpicPayload>;
export type UnlinkPayload = z.input<typeof unlinkEpicPayload>;

/** How an initiative reads in the picker: "Centralize logging — Foundation · Now". */
export function optionLabel(option: LinkOption): string {
  const where = [option.phaseName.trim(), HORIZON_LABEL[option.horizon]].filter(Boolean).join(' · ');
  return `${option.title} — ${where}`;
}

export const CHOOSE_INITIATIVE = 'Choose an initiative';

/** The link payload, checked with the resolver's own schema so the user sees its messages without a round trip. */
export function validateLink(initiativeId: string, baseRevision: number): { payload: LinkPayload } | { fields: Record<string, string> } {
  if (initiativeId === '') return { fields: { initiativeId: CHOOSE_INITIATIVE } };
  const payload: LinkPayload = { baseRevision, initiativeId };
  const parsed = linkEpicPayload.safeParse(payload);
  return parsed.success ? { payload } : { fields: fieldErrors(parsed.error) };
}

/** A blank reason is left out (it is optional); anything typed goes as typed so the schema explains what's wrong. */
export function validateUnlink(reason: string, baseRevision: number, projectId?: string): { payload: UnlinkPayload } | { fields: Record<string, string> } {
  const base: UnlinkPayload = projectId ? { baseRevision, projectId } : { baseRevision };
  const payload: UnlinkPayload = reason.trim() === '' ? base : { ...base, reason };
  const parsed = unlinkEpicPayload.safeParse(payload);
  return parsed.success ? { payload } : { fields: fieldErrors(parsed.error) };
}

/** Splits dot-path field errors into those shown beside the form's one field and the rest. */
export function splitFieldErrors(fields: Record<string, string> | undefined, field: string): { beside?: string; other: string[] } {
  let beside: string | undefined;
  const other: string[] = [];
  for (const [path, message] of Object.entries(fields ?? {})) {
    if (path === field) beside = beside ?? message;
    else other.push(message);
  }
  return { beside, other };
}
