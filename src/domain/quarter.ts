import { z } from 'zod';
import { parseQuarter, QUARTER_PATTERN, type QuarterParts } from './quarter-format';

export { parseQuarter, QUARTER_PATTERN, quarterLabel, type QuarterParts } from './quarter-format';

/** A calendar quarter, stored canonically as `2026-Q3`. */
export const quarterSchema = z.string().regex(QUARTER_PATTERN, { message: 'Use a quarter like 2026-Q3' });
export type Quarter = z.infer<typeof quarterSchema>;

export function formatQuarter(parts: QuarterParts): Quarter {
  return `${parts.year}-Q${parts.q}`;
}

/** Accepts `2026-Q3`, `Q3 2026`, `Q3-2026` or `2026 Q3`; returns the canonical form or null. */
export function normaliseQuarter(text: string): Quarter | null {
  const t = text.trim().toUpperCase();
  const a = /^(\d{4})[\s-]*Q([1-4])$/.exec(t);
  if (a) return `${a[1]}-Q${a[2]}`;
  const b = /^Q([1-4])[\s-]*(\d{4})$/.exec(t);
  if (b) return `${b[2]}-Q${b[1]}`;
  return null;
}

export function quarterOf(date: Date): Quarter {
  return formatQuarter({ year: date.getUTCFullYear(), q: (Math.floor(date.getUTCMonth() / 3) + 1) as QuarterParts['q'] });
}

/** Whole quarters from `from` to `to` (negative when `to` is earlier). */
export function quartersBetween(from: Quarter, to: Quarter): number {
  const a = parseQuarter(from);
  const b = parseQuarter(to);
  return (b.year - a.year) * 4 + (b.q - a.q);
}

export function addQuarters(quarter: Quarter, n: number): Quarter {
  const { year, q } = parseQuarter(quarter);
  const index = year * 4 + (q - 1) + n;
  return formatQuarter({ year: Math.floor(index / 4), q: ((index % 4) + 1) as QuarterParts['q'] });
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return quartersBetween(b, a);
}
