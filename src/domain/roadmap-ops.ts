import { diffFields, type ChangeRecord } from './changes';
import { AppError } from './errors';
import {
  SCHEMA_VERSION,
  initiativeSchema,
  type Initiative,
  type NewInitiative,
  type Roadmap,
  type RoadmapMeta,
} from './model';

/** The result of a pure edit: the next state, what changed, and which initiatives must be rewritten. */
export interface Edit {
  roadmap: Roadmap;
  change: ChangeRecord;
  touched: string[];
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
    phases: [],
    nextPhaseSeq: 1,
    nextInitiativeSeq: 1,
    nextGoalSeq: 1,
    revision: 0,
    updatedAt: now.toISOString(),
  };
  return { meta, initiatives: [] };
}

function nextMeta(meta: RoadmapMeta, now: Date, patch: Partial<RoadmapMeta> = {}): RoadmapMeta {
  return { ...meta, ...patch, revision: meta.revision + 1, updatedAt: now.toISOString() };
}

export function addInitiative(roadmap: Roadmap, input: NewInitiative, actor: Actor): Edit {
  const { meta } = roadmap;
  if (!meta.phases.some((phase) => phase.id === input.phaseId)) {
    throw new AppError('INVALID_INPUT', 'That phase does not exist on this roadmap', { 'initiative.phaseId': 'Unknown phase' });
  }
  const known = new Set(roadmap.initiatives.map((i) => i.id));
  const missing = input.dependsOn.find((id) => !known.has(id));
  if (missing) {
    throw new AppError('INVALID_INPUT', `Depends on an unknown initiative ${missing}`, { 'initiative.dependsOn': `Unknown initiative ${missing}` });
  }
  const goals = new Set(meta.businessGoals.map((g) => g.id));
  const unknownGoal = input.businessGoalIds.find((id) => !goals.has(id));
  if (unknownGoal) {
    throw new AppError('INVALID_INPUT', `Unknown business goal ${unknownGoal}`, { 'initiative.businessGoalIds': `Unknown goal ${unknownGoal}` });
  }
  const at = actor.now.toISOString();
  const initiative: Initiative = initiativeSchema.parse({
    ...input,
    id: `I-${meta.nextInitiativeSeq}`,
    revision: 1,
    createdAt: at,
    updatedAt: at,
  });
  const next = nextMeta(meta, actor.now, { nextInitiativeSeq: meta.nextInitiativeSeq + 1 });
  return {
    roadmap: { meta: next, initiatives: [...roadmap.initiatives, initiative] },
    touched: [initiative.id],
    change: {
      revision: next.revision,
      at,
      accountId: actor.accountId,
      summary: `Added initiative "${initiative.title}"`,
      reason: null,
      diffs: diffFields('initiative', initiative.id, undefined, initiative),
    },
  };
}
