import { z } from 'zod';
import { quarterSchema } from './quarter';

/**
 * The stored roadmap model. Everything the resolvers accept or return is described here once, with zod,
 * and shared by the backend and the Custom UI (no copies). Bump SCHEMA_VERSION when a stored shape changes
 * and add a migration in storage/migrations.ts.
 */
export const SCHEMA_VERSION = 1;

const text = (max: number) => z.string().trim().max(max, { message: `At most ${max} characters` });
const requiredText = (max: number) => text(max).min(1, { message: 'Required' });

export const projectIdSchema = z.string().regex(/^\d{1,18}$/, { message: 'A Jira project id is numeric' });
export const accountIdSchema = z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/, { message: 'Not an Atlassian account id' });
export const issueIdSchema = z.string().regex(/^\d{1,18}$/, { message: 'A Jira issue id is numeric' });
export const phaseIdSchema = z.string().regex(/^P-\d{1,9}$/, { message: 'Not a phase id' });
export const initiativeIdSchema = z.string().regex(/^I-\d{1,9}$/, { message: 'Not an initiative id' });
export const goalIdSchema = z.string().regex(/^G-\d{1,9}$/, { message: 'Not a business goal id' });

export const HORIZONS = ['now', 'next', 'later'] as const;
export const horizonSchema = z.enum(HORIZONS);
export type Horizon = z.infer<typeof horizonSchema>;

export const TRACKS = [
  'feature-enabling',
  'tech-debt',
  'reliability',
  'security',
  'compliance',
  'developer-experience',
] as const;
export const trackSchema = z.enum(TRACKS);
export type Track = z.infer<typeof trackSchema>;

export const INITIATIVE_STATUSES = ['proposed', 'planned', 'in-progress', 'done', 'dropped'] as const;
export const initiativeStatusSchema = z.enum(INITIATIVE_STATUSES);
export type InitiativeStatus = z.infer<typeof initiativeStatusSchema>;

export const successMetricSchema = z.object({
  description: requiredText(500),
  target: z.number().finite().optional(),
  current: z.number().finite().optional(),
  unit: text(30).optional(),
});
export type SuccessMetric = z.infer<typeof successMetricSchema>;

export const businessGoalSchema = z.object({
  id: goalIdSchema,
  title: requiredText(200),
  metric: text(300).default(''),
});
export type BusinessGoal = z.infer<typeof businessGoalSchema>;

export const phaseSchema = z.object({
  id: phaseIdSchema,
  name: requiredText(100),
  theme: text(200).default(''),
  order: z.number().int().min(0).max(1000),
  startQuarter: quarterSchema,
  endQuarter: quarterSchema,
  description: text(2000).default(''),
});
export type Phase = z.infer<typeof phaseSchema>;

export const initiativeSchema = z.object({
  id: initiativeIdSchema,
  title: requiredText(200),
  phaseId: phaseIdSchema,
  goal: text(1000).default(''),
  successMetric: successMetricSchema,
  targetQuarter: quarterSchema,
  /** Set when the team pins a horizon instead of deriving it from the target quarter. */
  horizonPin: horizonSchema.nullable().default(null),
  status: initiativeStatusSchema.default('proposed'),
  ownerAccountId: accountIdSchema.nullable().default(null),
  track: trackSchema.default('feature-enabling'),
  effort: z.number().min(0).max(10000).nullable().default(null),
  businessGoalIds: z.array(goalIdSchema).max(10).default([]),
  dependsOn: z.array(initiativeIdSchema).max(20).default([]),
  epicIds: z.array(issueIdSchema).max(50).default([]),
  revision: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Initiative = z.infer<typeof initiativeSchema>;

export const capacitySettingsSchema = z.object({
  perQuarter: z.number().min(0).max(1_000_000).default(0),
  unit: z.enum(['points', 'person-weeks', 'person-days']).default('person-weeks'),
  bufferPercent: z.number().min(0).max(100).default(25),
});
export type CapacitySettings = z.infer<typeof capacitySettingsSchema>;

export const roadmapMetaSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  projectId: projectIdSchema,
  title: requiredText(200),
  ownerAccountId: accountIdSchema.nullable().default(null),
  businessGoals: z.array(businessGoalSchema).max(5).default([]),
  reviewCadenceDays: z.number().int().min(1).max(365).default(30),
  lastReviewedAt: z.string().nullable().default(null),
  capacity: capacitySettingsSchema,
  phases: z.array(phaseSchema).max(50),
  /** Next sequence numbers for ids; initiative ids also decide the storage chunk. */
  nextPhaseSeq: z.number().int().min(1),
  nextInitiativeSeq: z.number().int().min(1),
  nextGoalSeq: z.number().int().min(1),
  /** Bumped by every write; a write based on an older revision is refused. */
  revision: z.number().int().min(0),
  updatedAt: z.string(),
});
export type RoadmapMeta = z.infer<typeof roadmapMetaSchema>;

export interface Roadmap {
  meta: RoadmapMeta;
  initiatives: Initiative[];
}

/** What the user types to add an initiative; ids, revisions and timestamps are the server's. */
export const newInitiativeSchema = z.object({
  title: requiredText(200),
  phaseId: phaseIdSchema,
  goal: text(1000).default(''),
  successMetric: successMetricSchema,
  targetQuarter: quarterSchema,
  horizonPin: horizonSchema.nullable().default(null),
  status: initiativeStatusSchema.default('proposed'),
  ownerAccountId: accountIdSchema.nullable().default(null),
  track: trackSchema.default('feature-enabling'),
  effort: z.number().min(0).max(10000).nullable().default(null),
  businessGoalIds: z.array(goalIdSchema).max(10).default([]),
  dependsOn: z.array(initiativeIdSchema).max(20).default([]),
  epicIds: z.array(issueIdSchema).max(50).default([]),
});
export type NewInitiative = z.infer<typeof newInitiativeSchema>;
export type NewInitiativeInput = z.input<typeof newInitiativeSchema>;
