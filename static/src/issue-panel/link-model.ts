import type { QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EpicContext, EpicWriteResult, linkEpicPayload, unlinkEpicPayload } from '../../../src/domain/api';
import { QUERY_KEYS } from '../shared/data/keys';
import type { Draft } from '../shared/form/payload-check';
import { HORIZON_LABEL } from '../shared/labels';
import { reloadEpicContext, showEpicContext } from './epic-store';

export type LinkOption = NonNullable<EpicContext['linking']>['initiatives'][number];
export type LinkPayload = z.input<typeof linkEpicPayload>;
export type UnlinkPayload = z.input<typeof unlinkEpicPayload>;

/** How an initiative reads in the picker: "Centralize logging — Foundation · Now". */
export function optionLabel(option: LinkOption): string {
  const where = [option.phaseName.trim(), HORIZON_LABEL[option.horizon]].filter(Boolean).join(' · ');
  return `${option.title} — ${where}`;
}

export const CHOOSE_INITIATIVE = 'Choose an initiative';

/** The link form's one input, shaped like the payload (`initiativeId`); blank until one is chosen. */
export interface LinkValues {
  initiativeId: string;
}
export const linkValues = (): LinkValues => ({ initiativeId: '' });

/** The link payload against the revision the panel loaded; nothing chosen is said beside the picker. */
export function toLinkDraft(values: LinkValues, baseRevision: number): Draft<LinkPayload> {
  return {
    payload: { baseRevision, initiativeId: values.initiativeId },
    ...(values.initiativeId === '' ? { localErrors: { initiativeId: CHOOSE_INITIATIVE } } : {}),
  };
}

/** An initiative no longer offered (done, dropped, deleted since) cannot stay chosen. */
export const stillOffered = (initiativeId: string, initiatives: readonly LinkOption[]) => initiativeId === '' || initiatives.some((i) => i.id === initiativeId);

/** The unlink form's one input, the optional reason (`reason`). */
export interface UnlinkValues {
  reason: string;
}
export const unlinkValues = (): UnlinkValues => ({ reason: '' });

/** A blank reason is left out (it is optional); anything typed goes as typed so the schema explains what's wrong. */
export function toUnlinkDraft(values: UnlinkValues, baseRevision: number, projectId?: string): Draft<UnlinkPayload> {
  const base: UnlinkPayload = projectId ? { baseRevision, projectId } : { baseRevision };
  return { payload: values.reason.trim() === '' ? base : { ...base, reason: values.reason } };
}

/**
 * What a landed link or unlink does to the panel, on top of the data layer's: the answer carries the panel's epic as
 * it now stands, shown without asking again (asked again only when the answer could not carry it). The panel shows
 * no roadmap, so the forms' cache must hold no roadmap view (a write's delta merges only into a view on screen): a
 * later CONFLICT then shows its error with a Reload, rather than rebasing onto a roadmap the panel does not show.
 */
export function showEpicAnswer(client: QueryClient, answer: unknown): void {
  const fresh = typeof answer === 'object' && answer !== null && 'epicContext' in answer ? (answer as EpicWriteResult).epicContext : null;
  if (fresh) showEpicContext(fresh);
  else void reloadEpicContext();
  client.removeQueries({ queryKey: QUERY_KEYS.view, exact: true });
}
