import type { z } from 'zod';
import { fieldErrors } from '../../../../src/domain/errors';
import { type RoutedErrors, routeErrors } from './route-errors';

/**
 * What a form would send: the payload built from the typed values (each form's one documented transform), plus what
 * the schema cannot say — a number that does not read, a reason a move needs — by payload path.
 */
export interface Draft<P> {
  payload: P;
  /** Path → message; these win over the schema's message for the same field. */
  localErrors?: Record<string, string>;
  /** Said on the form's error line when nothing else is wrong (e.g. "Nothing to save"). */
  refusal?: string;
}

/**
 * Checks a draft with the resolver's own payload schema and the domain's `fieldErrors` — the very check and messages
 * the server answers with — and routes the errors by path. Null when the payload may be sent.
 */
export function checkDraft<P>(schema: z.ZodType, draft: Draft<P>, fieldNames: readonly string[]): RoutedErrors | null {
  const parsed = schema.safeParse(draft.payload);
  const routed = routeErrors(parsed.success ? {} : fieldErrors(parsed.error), fieldNames);
  const local = routeErrors(draft.localErrors ?? {}, fieldNames);
  const errors: RoutedErrors = { byField: { ...routed.byField, ...local.byField }, formLevel: [...local.formLevel, ...routed.formLevel] };
  if (Object.keys(errors.byField).length > 0 || errors.formLevel.length > 0) return errors;
  return draft.refusal ? { byField: {}, formLevel: [draft.refusal] } : null;
}
