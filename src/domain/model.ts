import { z } from 'zod';
import { quarterSchema } from './quarter';

/**
 * The stored roadmap model. Everything the resolvers accept or return is described here once, with zod,
 * and shared by the backend and the Custom UI (no copies). Bump SCHEMA_VERSION when a stored shape changes
 * and add a migration in storage/migrations.ts.
 */
export const SCHEMA_VERSION = 2;

/**
 * Every count the model limits, in one place: the zod schemas below enforce them on input, and
 * domain/limits.ts checks the whole roadmap against them on every write path (a stored roadmap must never become
 * unloadable). Epics per initiative is bounded by Forge's 25 operations per transaction: replacing all of an
 * initiative's epics costs one index delete and one index set per epic, plus the meta, chunk, change record and the
 * epic-deletion check (3 + 2 × 10 + 1 = 24).
 */
export const LIMITS = {
  phases: 20,
  businessGoals: 5,
  initiatives: 5000,
  debtItems: 1000,
  epicsPerInitiative: 10,
  dependsOnPerInitiative: 20,
  goalsPerInitiative: 10,
  /** Linked epics that live in other Jira projects (their project is remembered in the meta record). */
  foreignEpics: 500,
  /** Review baselines kept per roadmap (domain/review/retention.ts): a year of monthly reviews; older ones are pruned. */
  reviewBaselines: 12,
} as const;

// Control characters (other than tab and newlines) are refused: they have no place in roadmap text, and each would
// grow sixfold as a JSON escape, breaking the storage size budget (see storage/keys.ts).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// A lone UTF-16 surrogate is not Unicode text: JSON would store it as a 6-byte escape and break the byte budget.
// With the u flag a well-formed pair is one code point, so only unpaired halves match.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// Text made only of invisible characters (zero-width spaces, BOM, joiners, soft hyphens, fillers) reads as blank.
const INVISIBLE_ONLY = /^[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

/** Well-formed Unicode without control characters: what every stored text must be. */
export function isCleanText(s: string): boolean {
  return !CONTROL_CHARACTERS.test(s) && !LONE_SURROGATE.test(s);
}
/** Blank to a reader: empty, whitespace, or only invisible characters. */
export function isBlankText(s: string): boolean {
  return INVISIBLE_ONLY.test(s);
}

export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `At most ${max} characters` })
    .refine((s) => !CONTROL_CHARACTERS.test(s), { message: 'Contains control characters' })
    .refine((s) => !LONE_SURROGATE.test(s), { message: 'Contains an invalid character (a lone UTF-16 surrogate)' });
export const requiredText = (max: number) =>
  text(max)
    .min(1, { message: 'Required' })
    .refine((s) => s.length === 0 || !isBlankText(s), { message: 'Required: only invisible characters' });

export const projectIdSchema = z.string().regex(/^\d{1,18}$/, { message: 'A Jira project id is numeric' });
export const accountIdSchema = z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/, { message: 'Not an Atlassian account id' });
export const issueIdSchema = z.string().regex(/^\d{1,18}$/, { message: 'A Jira issue id is numeric' });
export const phaseIdSchema = z.string().regex(/^P-\d{1,9}$/, { message: 'Not a phase id' });
export const initiativeIdSchema = z.string().regex(/^I-\d{1,9}$/, { message: 'Not an initiative id' });
export const goalIdSchema = z.string().regex(/^G-\d{1,9}$/, { message: 'Not a business goal id' });
export const debtIdSchema = z.string().regex(/^D-\d{1,9}$/, { message: 'Not a debt item id' });

export const HORIZONS = ['now', 'next', 'later'] as const;
export const horizonSchema = z.enum(HORIZONS);
export type Horizon = z.infer<typeof horizonSchema>;

export const TRACKS = ['feature-enabling', 'tech-debt', 'reliability', 'security', 'compliance', 'developer-experience'] as const;
export const trackSchema = z.enum(TRACKS);
export type Track = z.infer<typeof trackSchema>;

export const INITIATIVE_STATUSES = ['proposed', 'planned', 'in-progress', 'done', 'dropped'] as const;
export const initiativeStatusSchema = z.enum(INITIATIVE_STATUSES);
export type InitiativeStatus = z.infer<typeof initiativeStatusSchema>;

/**
 * RICE inputs (Intercom's scale): reach per quarter, impact 0.25 (minimal) to 3 (massive), confidence 0–100 %,
 * effort in the roadmap's capacity unit. Score = reach × impact × confidence / effort.
 */
export const RICE_IMPACTS = [0.25, 0.5, 1, 2, 3] as const;
export const riceSchema = z.object({
  reach: z.number().min(0).max(1e9),
  impact: z.union(
    RICE_IMPACTS.map((v) => z.literal(v)) as unknown as [z.ZodLiteral<0.25>, z.ZodLiteral<0.5>, z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>],
    {
      message: 'Impact is 0.25, 0.5, 1, 2 or 3',
    },
  ),
  confidence: z.number().min(0).max(100),
  effort: z.number().positive({ message: 'Effort must be more than 0' }).max(1e6),
});
export type Rice = z.infer<typeof riceSchema>;

/** How much an initiative lowers operational or security risk: 0 none … 3 high. */
export const riskReductionSchema = z.number().int().min(0).max(3);
export const REVERSIBILITY = ['reversible', 'costly-to-reverse', 'irreversible'] as const;
export const reversibilitySchema = z.enum(REVERSIBILITY);

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

const phaseFields = {
  name: requiredText(100),
  theme: text(200),
  startQuarter: quarterSchema,
  endQuarter: quarterSchema,
  description: text(1000),
};
export const phasePatchSchema = z.object(phaseFields).partial().strict();
export const newPhaseSchema = z.object({ ...phaseFields, theme: phaseFields.theme.default(''), description: phaseFields.description.default('') }).strict();
export const phaseSchema = z.object({
  id: phaseIdSchema,
  ...phaseFields,
  theme: phaseFields.theme.default(''),
  order: z.number().int().min(0).max(1000),
  description: phaseFields.description.default(''),
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
  rice: riceSchema.nullable().default(null),
  riskReduction: riskReductionSchema.default(0),
  reversibility: reversibilitySchema.default('reversible'),
  businessGoalIds: z
    .array(goalIdSchema)
    .max(LIMITS.goalsPerInitiative, { message: `At most ${LIMITS.goalsPerInitiative} business goals` })
    .default([]),
  dependsOn: z
    .array(initiativeIdSchema)
    .max(LIMITS.dependsOnPerInitiative, { message: `At most ${LIMITS.dependsOnPerInitiative} dependencies` })
    .default([]),
  epicIds: z
    .array(issueIdSchema)
    .max(LIMITS.epicsPerInitiative, { message: `At most ${LIMITS.epicsPerInitiative} epics per initiative` })
    .default([]),
  /**
   * When the success metric's current value last changed (set by the server, never by a payload); null until it
   * changes after creation. The drift rules judge a stale metric from it (domain/rules/drift.ts).
   */
  metricUpdatedAt: z.string().nullable().default(null),
  /** The debt item this initiative was promoted from, if any. */
  fromDebtId: debtIdSchema.nullable().default(null),
  revision: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Initiative = z.infer<typeof initiativeSchema>;

export const DEBT_CATEGORIES = ['outdated-dependency', 'scaling-bottleneck', 'security-risk', 'developer-friction', 'architectural-coupling'] as const;
export const debtCategorySchema = z.enum(DEBT_CATEGORIES);
export type DebtCategory = z.infer<typeof debtCategorySchema>;

/** What the server and the form both say about a debt item's 1–5 scales and its effort. */
const DEBT_SCALE_MESSAGE = 'Enter a whole number from 1 to 5';
const DEBT_EFFORT_MESSAGE = 'Enter a number from 0 to 10,000, or leave it blank';
const debtScale = () =>
  z.number({ error: DEBT_SCALE_MESSAGE }).int({ error: DEBT_SCALE_MESSAGE }).min(1, { error: DEBT_SCALE_MESSAGE }).max(5, { error: DEBT_SCALE_MESSAGE });

/** A known piece of technical debt from the system audit; it can be promoted to an initiative. */
const debtFields = {
  title: requiredText(200),
  category: debtCategorySchema,
  description: text(2000),
  /** 1 (annoying) … 5 (blocks goals). */
  impact: debtScale(),
  /** 1 (can wait) … 5 (act now). */
  urgency: debtScale(),
  effort: z.number({ error: DEBT_EFFORT_MESSAGE }).min(0, { error: DEBT_EFFORT_MESSAGE }).max(10000, { error: DEBT_EFFORT_MESSAGE }).nullable(),
};
export const debtPatchSchema = z.object(debtFields).partial().strict();
export const newDebtItemSchema = z.object({ ...debtFields, description: debtFields.description.default(''), effort: debtFields.effort.default(null) }).strict();
export const debtItemSchema = z.object({
  id: debtIdSchema,
  ...debtFields,
  description: debtFields.description.default(''),
  effort: debtFields.effort.default(null),
  promotedTo: initiativeIdSchema.nullable().default(null),
  revision: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DebtItem = z.infer<typeof debtItemSchema>;

/** How many quarters count as Now and as Next, from the current quarter. */
const horizonRuleFields = {
  nowQuarters: z.number().int().min(1, { message: 'At least 1 quarter' }).max(4, { message: 'At most 4 quarters' }),
  nextQuarters: z.number().int().min(1, { message: 'At least 1 quarter' }).max(8, { message: 'At most 8 quarters' }),
};
/** As entered: every rule stated (a partial object must not reset the others to defaults). */
export const horizonRulesInputSchema = z.strictObject(horizonRuleFields);
export const horizonRulesSchema = z.object({
  nowQuarters: horizonRuleFields.nowQuarters.default(1),
  nextQuarters: horizonRuleFields.nextQuarters.default(1),
});
export type HorizonRules = z.infer<typeof horizonRulesSchema>;

export const CAPACITY_UNITS = ['points', 'person-weeks', 'person-days'] as const;
const capacityFields = {
  perQuarter: z.number().min(0, { message: 'Cannot be negative' }).max(1_000_000, { message: 'At most 1,000,000' }),
  unit: z.enum(CAPACITY_UNITS),
  bufferPercent: z.number().min(0, { message: 'Between 0 and 100 %' }).max(100, { message: 'Between 0 and 100 %' }),
};
/** As entered: all three stated together (a partial object must not reset the others to defaults). */
export const capacitySettingsInputSchema = z.strictObject(capacityFields);
export const capacitySettingsSchema = z.object({
  perQuarter: capacityFields.perQuarter.default(0),
  unit: capacityFields.unit.default('person-weeks'),
  bufferPercent: capacityFields.bufferPercent.default(25),
});
export type CapacitySettings = z.infer<typeof capacitySettingsSchema>;

export const roadmapMetaSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  projectId: projectIdSchema,
  title: requiredText(200),
  ownerAccountId: accountIdSchema.nullable().default(null),
  businessGoals: z
    .array(businessGoalSchema)
    .max(LIMITS.businessGoals, { message: `At most ${LIMITS.businessGoals} business goals` })
    .default([]),
  reviewCadenceDays: z.number().int().min(1).max(365).default(30),
  lastReviewedAt: z.string().nullable().default(null),
  capacity: capacitySettingsSchema,
  horizonRules: horizonRulesSchema.default({ nowQuarters: 1, nextQuarters: 1 }),
  phases: z.array(phaseSchema).max(LIMITS.phases, { message: `At most ${LIMITS.phases} phases` }),
  /** Next sequence numbers for ids; initiative ids also decide the storage chunk. */
  nextPhaseSeq: z.number().int().min(1),
  nextInitiativeSeq: z.number().int().min(1),
  nextGoalSeq: z.number().int().min(1),
  nextDebtSeq: z.number().int().min(1).default(1),
  /**
   * 2: the epic index holds one `epic:<issue>:<project>` entry per roadmap. Absent on roadmaps written before; their
   * next write moves their entries from the old single `epic:<issue>` key (see storage/kvs-roadmap-store.ts).
   */
  epicIndex: z.literal(2).optional(),
  /**
   * The Jira project of each linked epic that lives in another project than the roadmap's (issue id → project id),
   * recorded when Jira confirms the link. People who cannot browse that project are never shown those epics' ids.
   */
  epicProjects: z.record(issueIdSchema, projectIdSchema).default({}),
  /** Bumped by every write; a write based on an older revision is refused. */
  revision: z.number().int().min(0),
  updatedAt: z.string(),
});
export type RoadmapMeta = z.infer<typeof roadmapMetaSchema>;

export interface Roadmap {
  meta: RoadmapMeta;
  initiatives: Initiative[];
  debtItems: DebtItem[];
  /**
   * Set by the storage adapter when the roadmap was read from an older storage layout; opaque to the domain, it is
   * carried through edits (they spread the roadmap) so the next write can move everything to the current layout.
   * `keys`: chunk keys of an older chunk layout; `epicIds`: epics still indexed under the old single-key layout.
   */
  legacyStorage?: { keys: string[]; epicIds?: string[] };
}

/**
 * The fields a user sets on an initiative, without defaults: a patch must never reset what it leaves out. Inputs
 * are strict (an unknown key is a typo to report, not to drop); the stored schemas stay lenient for reading.
 */
const initiativeFields = {
  title: requiredText(200),
  phaseId: phaseIdSchema,
  goal: text(1000),
  successMetric: successMetricSchema.strict(),
  targetQuarter: quarterSchema,
  horizonPin: horizonSchema.nullable(),
  status: initiativeStatusSchema,
  ownerAccountId: accountIdSchema.nullable(),
  track: trackSchema,
  effort: z.number().min(0).max(10000).nullable(),
  rice: riceSchema.strict().nullable(),
  riskReduction: riskReductionSchema,
  reversibility: reversibilitySchema,
  businessGoalIds: z.array(goalIdSchema).max(LIMITS.goalsPerInitiative, { message: `At most ${LIMITS.goalsPerInitiative} business goals` }),
  dependsOn: z.array(initiativeIdSchema).max(LIMITS.dependsOnPerInitiative, { message: `At most ${LIMITS.dependsOnPerInitiative} dependencies` }),
  epicIds: z.array(issueIdSchema).max(LIMITS.epicsPerInitiative, { message: `At most ${LIMITS.epicsPerInitiative} epics per initiative` }),
};

/** A partial update: only the fields present change. */
export const initiativePatchSchema = z.object(initiativeFields).partial().strict();
export type InitiativePatch = z.infer<typeof initiativePatchSchema>;

/** What the user types to add an initiative; ids, revisions and timestamps are the server's. */
export const newInitiativeSchema = z.strictObject({
  ...initiativeFields,
  goal: initiativeFields.goal.default(''),
  horizonPin: initiativeFields.horizonPin.default(null),
  status: initiativeFields.status.default('proposed'),
  ownerAccountId: initiativeFields.ownerAccountId.default(null),
  track: initiativeFields.track.default('feature-enabling'),
  effort: initiativeFields.effort.default(null),
  rice: initiativeFields.rice.default(null),
  riskReduction: initiativeFields.riskReduction.default(0),
  reversibility: initiativeFields.reversibility.default('reversible'),
  businessGoalIds: initiativeFields.businessGoalIds.default([]),
  dependsOn: initiativeFields.dependsOn.default([]),
  epicIds: initiativeFields.epicIds.default([]),
});
export type NewInitiative = z.infer<typeof newInitiativeSchema>;
export type NewInitiativeInput = z.input<typeof newInitiativeSchema>;
