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
}

/** Field-by-field differences between two versions of an object (new object: before undefined). */
export function diffFields<T extends object>(
  entity: FieldDiff['entity'],
  id: string,
  before: T | undefined,
  after: T | undefined,
  ignore: ReadonlyArray<string> = ['revision', 'updatedAt', 'createdAt'],
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
