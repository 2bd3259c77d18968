import { capDiffs, type ChangeRecord, type FieldDiff } from './changes';
import { type Roadmap, type RoadmapMeta, SCHEMA_VERSION } from './model';
import type { EncodedBaseline } from './review/stored';

/** The result of a pure edit: the next state, what changed and why, and which stored items must be rewritten. */
export interface Edit {
  roadmap: Roadmap;
  change: ChangeRecord;
  /** Ids of initiatives (I-n) and debt items (D-n) created, changed or deleted. */
  touched: string[];
  /** A review's baseline (markReviewed), stored in the same transaction as the change (storage/kvs-roadmap-store.ts). */
  review?: EncodedBaseline;
}

export interface Actor {
  accountId: string | null;
  now: Date;
}

export function emptyRoadmap(projectId: string, title: string, now: Date): Roadmap {
  const meta: RoadmapMeta = {
    schemaVersion: SCHEMA_VERSION,
    projectId,
    title,
    ownerAccountId: null,
    businessGoals: [],
    reviewCadenceDays: 30,
    lastReviewedAt: null,
    capacity: { perQuarter: 0, unit: 'person-weeks', bufferPercent: 25 },
    horizonRules: { nowQuarters: 1, nextQuarters: 1 },
    phases: [],
    nextPhaseSeq: 1,
    nextInitiativeSeq: 1,
    nextGoalSeq: 1,
    nextDebtSeq: 1,
    epicIndex: 2,
    epicProjects: {},
    revision: 0,
    updatedAt: now.toISOString(),
  };
  return { meta, initiatives: [], debtItems: [] };
}

/** Builds the Edit for a new state: bumps the revision and records who, when, what and why. */
export function finishEdit(
  before: Roadmap,
  after: Omit<Roadmap, 'meta'> & { meta: Omit<RoadmapMeta, 'revision' | 'updatedAt'> & Partial<RoadmapMeta> },
  actor: Actor,
  summary: string,
  diffs: FieldDiff[],
  touched: string[],
  reason: string | null = null,
): Edit {
  const revision = before.meta.revision + 1;
  const at = actor.now.toISOString();
  return {
    roadmap: { ...after, meta: { ...after.meta, revision, updatedAt: at } },
    change: { revision, at, accountId: actor.accountId, summary, reason, ...capDiffs(diffs) },
    touched,
  };
}
