import { normaliseQuarter } from '../../../../src/domain/quarter';

/**
 * A typed quarter as the payload takes it: "Q2 2027" reads as 2027-Q2; blank keeps `keep`; anything else goes as
 * typed so the schema says what is wrong. The one place a typed quarter is read.
 */
export function readQuarter(typed: string, keep: string): string {
  const t = typed.trim();
  return t === '' ? keep : (normaliseQuarter(t) ?? t);
}

/** Two typed quarters are the same when they are sent the same ("Q2 2027" is 2027-Q2). */
export const sameQuarter = (a: unknown, b: unknown) => (typeof a === 'string' && typeof b === 'string' ? readQuarter(a, '') === readQuarter(b, '') : a === b);
