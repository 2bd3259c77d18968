/**
 * Reading and writing the canonical quarter text (`2026-Q3`), without zod: the issue panel shows quarters and must not
 * download a schema library for it. quarter.ts (the schema and quarter arithmetic) re-exports these.
 */
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

export interface QuarterParts {
  year: number;
  q: 1 | 2 | 3 | 4;
}

export function parseQuarter(quarter: string): QuarterParts {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  return { year: Number(match[1]), q: Number(match[2]) as QuarterParts['q'] };
}

/** Human label as roadmaps write it: `Q3 2026`. */
export function quarterLabel(quarter: string): string {
  const { year, q } = parseQuarter(quarter);
  return `Q${q} ${year}`;
}
