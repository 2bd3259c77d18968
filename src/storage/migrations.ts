import { debtItemSchema, initiativeSchema, roadmapMetaSchema, SCHEMA_VERSION, type DebtItem, type Initiative, type RoadmapMeta } from '../domain/model';

/**
 * Stored data carries the schema version it was written with; older shapes are upgraded here on read, one
 * version at a time, so an app upgrade never loses a roadmap. Writes always store the current version.
 *   v1 (first release): meta without horizonRules / nextDebtSeq; chunks `{ initiatives: [...] }` with no version,
 *       initiatives without rice / riskReduction / reversibility / fromDebtId; no debt items.
 *   v2: chunks `{ schemaVersion, items: [...] }`; the new fields above (zod defaults fill them in).
 */
type Raw = Record<string, unknown>;

const META_MIGRATIONS: Record<number, (data: Raw) => Raw> = {
  1: (data) => ({ ...data, horizonRules: { nowQuarters: 1, nextQuarters: 1 }, nextDebtSeq: 1 }),
};

function assertReadable(storedVersion: number) {
  if (!Number.isInteger(storedVersion) || storedVersion < 1) throw new Error(`Stored roadmap has no valid schema version (${storedVersion})`);
  if (storedVersion > SCHEMA_VERSION) {
    throw new Error(`Roadmap written by a newer app version (schema ${storedVersion}); this version reads up to ${SCHEMA_VERSION}`);
  }
}

export function migrateMeta(data: unknown, storedVersion: number): RoadmapMeta {
  assertReadable(storedVersion);
  let current = data as Raw;
  for (let version = storedVersion; version < SCHEMA_VERSION; version++) {
    const step = META_MIGRATIONS[version];
    if (!step) throw new Error(`No migration from schema ${version}`);
    current = { ...step(current), schemaVersion: version + 1 };
  }
  return roadmapMetaSchema.parse(current);
}

export function isLegacyChunk(value: unknown): boolean {
  return Array.isArray((value as Raw)?.initiatives);
}

/** A stored chunk of either shape → its items (v1 chunks only ever held initiatives). */
function chunkItems(value: unknown): { version: number; items: unknown[] } {
  const chunk = value as Raw;
  if (Array.isArray(chunk.initiatives)) return { version: 1, items: chunk.initiatives };
  if (Array.isArray(chunk.items) && typeof chunk.schemaVersion === 'number') return { version: chunk.schemaVersion, items: chunk.items };
  throw new Error('Unreadable stored chunk');
}

// Current-version chunks were validated when written. Older item shapes only gained fields with defaults so far:
// parsing them with the current schema upgrades them.
export function migrateInitiatives(value: unknown): Initiative[] {
  const { version, items } = chunkItems(value);
  assertReadable(version);
  return version === SCHEMA_VERSION ? (items as Initiative[]) : items.map((item) => initiativeSchema.parse(item));
}

export function migrateDebtItems(value: unknown): DebtItem[] {
  const { version, items } = chunkItems(value);
  assertReadable(version);
  return version === SCHEMA_VERSION ? (items as DebtItem[]) : items.map((item) => debtItemSchema.parse(item));
}
