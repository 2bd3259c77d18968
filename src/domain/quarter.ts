import { z } from 'zod';

/** A calendar quarter, stored canonically as `2026-Q3`. */
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;
export const quarterSchema = z.string().regex(QUARTER_PATTERN, { message: 'Use a quarter like 2026-Q3' });
export type Quarter = z.infer<typeof quarterSchema>;

export interface QuarterParts {
  year: number;
  q: 1 | 2 | 3 | 4;
}

export function parseQuarter(quarter: Quarter): QuarterParts {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  return { year: Number(match[1]), q: Number(match[2]) as QuarterParts['q'] };
}

export function formatQuarter(parts: QuarterParts): Quarter {
  return `${parts.year}-Q${parts.q}`;
}

/** Human label as roadmaps write it: `Q3 2026`. */
export function quarterLabel(quarter: Quarter): string {
  const { year, q } = parseQuarter(quarter);
  return `Q${q} ${year}`;
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
