import { z } from 'zod';
import {
  type DebtItem,
  debtItemSchema,
  type Initiative,
  initiativeSchema,
  issueIdSchema,
  type RoadmapMeta,
  roadmapMetaSchema,
  SCHEMA_VERSION,
} from '../domain/model';

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

/**
 * The stored meta's shape without its limits: what a roadmap that is somehow out of limits (21 phases, a goal
 * title too long) is read with, so it still loads — with warnings — instead of locking everyone out.
 */
const shapedMetaSchema = z.looseObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  projectId: z.string(),
  title: z.string(),
  ownerAccountId: z.string().nullable().default(null),
  businessGoals: z.array(z.looseObject({ id: z.string(), title: z.string(), metric: z.string().default('') })).default([]),
  reviewCadenceDays: z.number().default(30),
  lastReviewedAt: z.string().nullable().default(null),
  capacity: z.looseObject({ perQuarter: z.number(), unit: z.string(), bufferPercent: z.number() }),
  horizonRules: z.looseObject({ nowQuarters: z.number(), nextQuarters: z.number() }).default({ nowQuarters: 1, nextQuarters: 1 }),
  phases: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      theme: z.string().default(''),
      startQuarter: z.string(),
      endQuarter: z.string(),
      order: z.number(),
      description: z.string().default(''),
    }),
  ),
  nextPhaseSeq: z.number(),
  nextInitiativeSeq: z.number(),
  nextGoalSeq: z.number(),
  nextDebtSeq: z.number().default(1),
  epicIndex: z.literal(2).optional(),
  epicProjects: z.record(z.string(), z.string()).default({}),
  revision: z.number(),
  updatedAt: z.string(),
});

export function migrateMeta(data: unknown, storedVersion: number): RoadmapMeta {
  assertReadable(storedVersion);
  let current = data as Raw;
  for (let version = storedVersion; version < SCHEMA_VERSION; version++) {
    const step = META_MIGRATIONS[version];
    if (!step) throw new Error(`No migration from schema ${version}`);
    current = { ...step(current), schemaVersion: version + 1 };
  }
  const strict = roadmapMetaSchema.safeParse(current);
  if (strict.success) return strict.data;
  return shapedMetaSchema.parse(current) as RoadmapMeta;
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
const legacyInitiativeSchema = initiativeSchema.extend({ epicIds: z.array(issueIdSchema).default([]) });

export function migrateInitiatives(value: unknown): Initiative[] {
  const { version, items } = chunkItems(value);
  assertReadable(version);
  // Older versions allowed up to 50 epics per initiative: read them all (the limit applies to writes).
  return version === SCHEMA_VERSION ? (items as Initiative[]) : items.map((item) => legacyInitiativeSchema.parse(item));
}

export function migrateDebtItems(value: unknown): DebtItem[] {
  const { version, items } = chunkItems(value);
  assertReadable(version);
  return version === SCHEMA_VERSION ? (items as DebtItem[]) : items.map((item) => debtItemSchema.parse(item));
}
