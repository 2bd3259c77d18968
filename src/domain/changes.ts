/** An append-only changelog entry: who changed what, when, and why. */
export interface FieldDiff {
  entity: 'roadmap' | 'phase' | 'initiative' | 'goal' | 'debt';
  id: string;
  field: string;
  before: unknown;
  after: unknown;
}

export interface ChangeRecord {
  revision: number;
  at: string;
  accountId: string | null;
  summary: string;
  reason: string | null;
  diffs: FieldDiff[];
  /** Diffs left out so one change record stays well inside a storage value (bulk imports, mass moves). */
  omittedDiffs?: number;
  /**
   * The Jira project of each epic from another project that the diffs mention (issue id → project id), so the
   * changelog can leave them out for people who cannot browse that project. Never sent to the UI.
   */
  epicProjects?: Record<string, string>;
}

/** At most this many characters of JSON diffs are kept in one change record (a stored value holds 240 KiB). */
export const MAX_DIFF_CHARS = 60_000;

export function capDiffs(diffs: FieldDiff[]): { diffs: FieldDiff[]; omittedDiffs?: number } {
  let size = 0;
  for (let i = 0; i < diffs.length; i++) {
    size += JSON.stringify(diffs[i]).length;
    if (size > MAX_DIFF_CHARS) return { diffs: diffs.slice(0, i), omittedDiffs: diffs.length - i };
  }
  return { diffs };
}

/** Field-by-field differences between two versions of an object (new object: before undefined). */
export function diffFields<T extends object>(
  entity: FieldDiff['entity'],
  id: string,
  before: T | undefined,
  after: T | undefined,
  // Bookkeeping the server keeps: metricUpdatedAt moves with successMetric, whose own diff already says so.
  ignore: ReadonlyArray<string> = ['revision', 'updatedAt', 'createdAt', 'metricUpdatedAt'],
): FieldDiff[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const diffs: FieldDiff[] = [];
  for (const field of keys) {
    if (ignore.includes(field)) continue;
    const a = (before as Record<string, unknown> | undefined)?.[field];
    const b = (after as Record<string, unknown> | undefined)?.[field];
    if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push({ entity, id, field, before: a, after: b });
  }
  return diffs;
}

/** How many newer changes a conflict message names before summarising the rest. */
const NAMED_IN_CONFLICT = 5;

/** The CONFLICT message for a write based on `baseRevision`: names who changed what since, newest first. */
export function conflictMessage(baseRevision: number, newerFirst: ChangeRecord[]): string {
  const since = newerFirst.filter((c) => c.revision > baseRevision);
  const named = since.slice(0, NAMED_IN_CONFLICT).map((c) => `r${c.revision} ${c.summary}`);
  const more = since.length > NAMED_IN_CONFLICT ? ` and ${since.length - NAMED_IN_CONFLICT} more` : '';
  const what = named.length ? `${named.join('; ')}${more}` : 'another change was saved';
  return `The roadmap changed since you loaded it (revision ${baseRevision}): ${what}. Reload and try again.`;
}
