import { z } from 'zod';
import type { ChangeRecord } from './changes';
import type { ImportPlan } from './import-export';
import type { LimitViolation } from './limits';
import {
  accountIdSchema,
  type BusinessGoal,
  businessGoalSchema,
  type CapacitySettings,
  capacitySettingsInputSchema,
  debtIdSchema,
  type DebtItem,
  debtPatchSchema,
  goalIdSchema,
  type Horizon,
  type HorizonRules,
  horizonRulesInputSchema,
  type Initiative,
  initiativeIdSchema,
  initiativePatchSchema,
  LIMITS,
  newDebtItemSchema,
  newInitiativeSchema,
  newPhaseSchema,
  type Phase,
  phaseIdSchema,
  phasePatchSchema,
  projectIdSchema,
  requiredText,
  text,
} from './model';
import type { Progress, StatusCategory } from './progress';
import { quarterSchema } from './quarter';
import type { ViewDelta } from './view-delta';
import type { ViewMore } from './view-more';

/**
 * The contract between the Custom UI and the resolvers: payload schemas (parsed on the server) and result types.
 * Every resolver answers `Result<T>`: errors are values, never thrown across the bridge.
 */
export { type ApiError, ERROR_CODES, type ErrorCode, type Result } from './result';

export interface ProjectRef {
  id: string;
  key: string;
  name: string;
}

export interface InitiativeView extends Initiative {
  /** Derived from the target quarter unless pinned. */
  horizon: Horizon;
}

export interface RoadmapView {
  project: ProjectRef;
  title: string;
  revision: number;
  phases: Phase[];
  initiatives: InitiativeView[];
  businessGoals: BusinessGoal[];
  capacity: CapacitySettings;
  horizonRules: HorizonRules;
  debtItems: DebtItem[];
  reviewCadenceDays: number;
  lastReviewedAt: string | null;
  ownerAccountId: string | null;
  /** What the caller may do, so the UI hides what the resolvers would refuse. */
  permissions: { canEdit: boolean; canAdminister: boolean };
  /** Limits the stored roadmap breaks (normally none); it still loads, and no write may add to them. */
  limitWarnings: LimitViolation[];
  /**
   * Only on a view too large for one invoke answer (domain/view-pages.ts): this view holds the first initiatives and
   * debt items, `more` says which ranges getRoadmapViewPart still has to bring. Absent on a whole view.
   */
  more?: ViewMore;
}

const epicKeysSchema = z
  .array(z.string().regex(/^[A-Z][A-Z0-9_]{0,9}-\d{1,9}$/, { message: 'Use an issue key like TR-12' }))
  .max(LIMITS.epicsPerInitiative, { message: `At most ${LIMITS.epicsPerInitiative} epics per initiative` })
  .default([]);
const baseRevision = z.number().int().min(0);
/** Why a change was made; required when an initiative moves horizon, quarter or phase. */
const reasonSchema = requiredText(500);

/** getRoadmapView: the Jira surfaces take the project from their context; the macro from its config. */
export const getRoadmapViewPayload = z.object({}).strict();

export const createInitiativePayload = z
  .object({
    baseRevision: z.number().int().min(0),
    initiative: newInitiativeSchema,
    /** Epic keys typed by the user (e.g. TR-12); resolved to ids through Jira, as the caller. */
    epicKeys: epicKeysSchema,
  })
  .strict();
export type CreateInitiativePayload = z.input<typeof createInitiativePayload>;

/** What createInitiative answers: what every write answers, plus the new initiative's id. */
export interface CreateInitiativeResult extends MutationResult {
  initiativeId: string;
}

/**
 * What every other write answers: the new revision, what the change was, and what changed in the caller's view (one
 * round trip; see view-delta.ts) — or null when that delta is too big to be worth sending (an import), when the client
 * refetches the view; the write has landed either way.
 */
export interface MutationResult {
  revision: number;
  change: ChangeRecord;
  delta: ViewDelta<RoadmapView> | null;
}

export const updateInitiativePayload = z
  .object({
    baseRevision,
    initiativeId: initiativeIdSchema,
    patch: initiativePatchSchema,
    /** More epics to link, by key. */
    epicKeys: epicKeysSchema,
    reason: reasonSchema.optional(),
  })
  .strict();

export const moveInitiativePayload = z
  .object({
    baseRevision,
    initiativeId: initiativeIdSchema,
    to: z
      .object({
        phaseId: phaseIdSchema.optional(),
        targetQuarter: quarterSchema.optional(),
        horizonPin: z.enum(['now', 'next', 'later']).nullable().optional(),
      })
      .strict()
      .refine((t) => Object.keys(t).length > 0, { message: 'Say where it moves: phase, target quarter or horizon' }),
    reason: reasonSchema,
  })
  .strict();

export const deleteInitiativePayload = z.object({ baseRevision, initiativeId: initiativeIdSchema, reason: reasonSchema.optional() }).strict();

export const createPhasePayload = z.object({ baseRevision, phase: newPhaseSchema }).strict();
export const updatePhasePayload = z.object({ baseRevision, phaseId: phaseIdSchema, patch: phasePatchSchema, reason: reasonSchema.optional() }).strict();
export const movePhasePayload = z
  .object({ baseRevision, phaseId: phaseIdSchema, toIndex: z.number().int().min(0).max(1000), reason: reasonSchema.optional() })
  .strict();
export const deletePhasePayload = z
  .object({ baseRevision, phaseId: phaseIdSchema, moveInitiativesTo: phaseIdSchema.nullable().default(null), reason: reasonSchema.optional() })
  .strict();

export const saveSettingsPayload = z
  .object({
    baseRevision,
    settings: z
      .object({
        title: requiredText(200),
        ownerAccountId: accountIdSchema.nullable(),
        reviewCadenceDays: z.number().int().min(1, { message: 'At least every day' }).max(365, { message: 'At most every 365 days' }),
        capacity: capacitySettingsInputSchema,
        horizonRules: horizonRulesInputSchema,
        businessGoals: z
          .array(businessGoalSchema.omit({ id: true }).extend({ id: goalIdSchema.optional() }).strict())
          .max(5, { message: 'Keep to at most 5 business goals' }),
      })
      .partial()
      .strict(),
  })
  .strict();

export const createDebtItemPayload = z.object({ baseRevision, item: newDebtItemSchema }).strict();
export const updateDebtItemPayload = z.object({ baseRevision, debtId: debtIdSchema, patch: debtPatchSchema }).strict();
export const deleteDebtItemPayload = z.object({ baseRevision, debtId: debtIdSchema }).strict();
export const promoteDebtItemPayload = z
  .object({
    baseRevision,
    debtId: debtIdSchema,
    initiative: initiativePatchSchema.required({ phaseId: true, targetQuarter: true, successMetric: true }),
  })
  .strict();

export const markReviewedPayload = z.object({ baseRevision, note: text(500).optional() }).strict();

export const getChangelogPayload = z.object({ cursor: z.string().max(2000).optional(), limit: z.number().int().min(1).max(50).default(20) }).strict();
export interface ChangelogPage {
  changes: ChangeRecord[];
  nextCursor?: string;
}

export const IMPORT_FORMATS = ['markdown', 'csv', 'auto'] as const;
export const previewImportPayload = z
  .object({
    text: z.string().min(1, { message: 'Paste a table to import' }).max(400_000, { message: 'At most 400,000 characters' }),
    format: z.enum(IMPORT_FORMATS).default('auto'),
    /** Replace also deletes the initiatives the table leaves out: only project admins may preview or import it. */
    mode: z.enum(['merge', 'replace']).default('merge'),
  })
  .strict();
export const importRoadmapPayload = previewImportPayload
  .extend({
    baseRevision,
    /** Replace mode deletes initiatives missing from the table: the caller must say they saw that in the preview. */
    confirmRemovals: z.boolean().default(false),
    /** Why: required when the import moves an initiative (the preview's `counts.toMove`); recorded on the change. */
    reason: reasonSchema.optional(),
  })
  .strict();
export type ImportPreview = ImportPlan;
export const exportRoadmapPayload = z.object({ format: z.enum(['csv', 'markdown']) }).strict();
export interface ExportResult {
  filename: string;
  mimeType: string;
  content: string;
}

/** getEpicContext: the issue panel takes the issue from its context. */
export const getEpicContextPayload = z.object({}).strict();

/** One initiative an epic serves, on a roadmap the caller may browse. */
export interface EpicLinkView {
  project: ProjectRef;
  initiative: InitiativeView;
  phase: Phase | null;
  /** Set when the caller may edit that roadmap: the revision an unlink writes against. */
  unlink: null | { revision: number };
  /**
   * On the epic's own panel: its drift and its initiative's epics, from Jira as the caller. null on a child issue's
   * panel (the link is its parent epic's), or when Jira could not be read just now.
   */
  delivery: null | EpicDelivery;
}

/** An initiative's epic as the panel lists it (the caller's view of Jira; hidden projects' epics never appear). */
export interface PanelEpic {
  id: string;
  /** null when the epic is unavailable to the caller (deleted, or no longer visible). */
  key: string | null;
  summary: string | null;
  state: EpicProgress['state'];
  statusCategory: StatusCategory | null;
  /** 0–100 from its child issues; null with none (or unavailable). */
  percentDone: number | null;
  /** The epic the panel is on. */
  current: boolean;
}

/**
 * A drift flag as the panel shows it (a subset of rules/drift.ts's DriftFlag, restated here so this contract file and
 * the drift rules, which read its progress types, do not import each other).
 */
export interface EpicDriftFlag {
  /** `kind:initiativeId[:epicId]`. */
  key: string;
  /** One of rules/drift.ts's DRIFT_KINDS. */
  kind: string;
  label: string;
  message: string;
}

/** What the epic's panel says about delivery: the drift about this epic or its initiative, and its sibling epics. */
export interface EpicDelivery {
  /** driftOf's flags for the initiative that are about the initiative itself or about this epic. */
  drift: EpicDriftFlag[];
  /** Every epic of the initiative the caller may know of, this one included (`current`). */
  epics: PanelEpic[];
  /** The initiative's progress across those epics; null when it has none. */
  progress: Progress | null;
}

export interface EpicContext {
  issue: { id: string; key: string; summary: string; issueType: string };
  /**
   * The initiatives the issue serves — at most one per roadmap, on several roadmaps possibly — listing only roadmaps
   * the caller may browse (the issue's own project first). Roadmaps they cannot browse are never hinted at. For an
   * epic, its own links; for another issue, those of its parent epic (`via`).
   */
  links: EpicLinkView[];
  /** For a story, task, bug (or sub-task) whose parent epic serves initiatives the caller may see: that epic. */
  via: null | { id: string; key: string; summary: string };
  /**
   * For people who may edit the issue's own project roadmap, on epics that roadmap does not hold yet: the revision to
   * write against and the initiatives the epic could serve. null otherwise.
   */
  linking: null | {
    revision: number;
    initiatives: Array<{ id: string; title: string; phaseName: string; horizon: Horizon }>;
  };
  /**
   * The issue's own project, for the panel's quiet line and its link: whether it has a roadmap, and whether the caller
   * could start one (project admins). null when the caller may not browse that project.
   */
  home: null | { project: ProjectRef; hasRoadmap: boolean; canStart: boolean };
}

/**
 * What linkEpic and unlinkEpic answer: what every write answers, plus the panel's epic as it now stands (null when it
 * could not be read after the write landed; the panel then asks for it).
 */
export interface EpicWriteResult extends MutationResult {
  epicContext: EpicContext | null;
}

/** linkEpic / unlinkEpic: the issue panel links its epic to an initiative of the issue's project roadmap. */
export const linkEpicPayload = z.object({ baseRevision, initiativeId: initiativeIdSchema }).strict();
/** The reason, if given, is recorded in the changelog (e.g. "Split into two epics"). */
export const unlinkEpicPayload = z
  .object({
    baseRevision,
    /** Whose roadmap to unlink from (the epic may serve one initiative on each of several); default: the issue's project. */
    projectId: projectIdSchema.optional(),
    reason: reasonSchema.optional(),
  })
  .strict();

/** getPeople: names and avatars for the account ids a surface shows (owners, changelog authors). */
export const getPeoplePayload = z.object({ accountIds: z.array(accountIdSchema).max(100, { message: 'At most 100 people at a time' }) }).strict();
export interface Person {
  accountId: string;
  displayName: string;
  avatarUrl: string | null;
}
/** findPeople: the owner picker's search, by the start of a name or e-mail. */
export const findPeoplePayload = z
  .object({ query: z.string().trim().min(1, { message: 'Type a name' }).max(100, { message: 'At most 100 characters' }) })
  .strict();

/** The people Jira knows among those asked for; an id left out names nobody the caller may see. */
export interface PeopleAnswer {
  people: Person[];
}

/** findProject: used by the macro config to pick a roadmap. */
/**
 * A Jira project key (a letter, then letters, digits or underscores; Jira accepts lower case in lookups) or a numeric
 * project id: anything else (paths, query strings, fragments) never reaches Jira's URL.
 */
export const projectKeyOrIdSchema = z
  .string()
  .min(1, { message: 'Required' })
  .max(40, { message: 'At most 40 characters' })
  .regex(/^(?:[A-Za-z][A-Za-z0-9_]{0,39}|\d{1,18})$/, { message: 'Enter a project key like TR or a numeric project id' });
export const findProjectPayload = z.object({ projectKeyOrId: projectKeyOrIdSchema }).strict();

/** searchProjects: the macro config's project picker; matches key or name, case insensitive (an empty query lists the first projects). */
export const searchProjectsPayload = z.object({ query: z.string().trim().max(100, { message: 'At most 100 characters' }).default('') }).strict();
export interface ProjectSearchAnswer {
  projects: ProjectRef[];
}

/**
 * getMacroPreview: the macro config's live preview of a project the user has picked but not saved yet. The one read
 * that takes its project from the payload (the config's context only holds the saved choice); Jira is asked, as
 * the caller, whether they may browse it, exactly as for the saved macro.
 */
export const getMacroPreviewPayload = z.object({ projectId: projectIdSchema }).strict();
export interface MacroPreview {
  view: RoadmapView;
  /** The newest changes, for the changelog digest. */
  changes: ChangeRecord[];
  /** The owners and authors these mention, by name (the preview's context cannot ask getPeople for this project). */
  people: Person[];
}

/** What a Confluence page can embed: the executive one-pager, the Now/Next/Later board, the timeline, capacity, or a digest of recent changes. */
export const MACRO_VIEWS = ['executive', 'board', 'timeline', 'capacity', 'changelog'] as const;
export type MacroViewId = (typeof MACRO_VIEWS)[number];

export const macroConfigSchema = z.object({
  projectId: projectIdSchema,
  // Macros saved before issue 9 stored 'engineering' for the board.
  view: z.preprocess((v) => (v === 'engineering' ? 'board' : v), z.enum(MACRO_VIEWS)).default('executive'),
});
export type MacroConfig = z.infer<typeof macroConfigSchema>;

/** startRoadmap: a project admin starts the project's roadmap from the technical-roadmap template. */
export const startRoadmapPayload = z
  .object({
    /** Also add the template's six example initiatives, not just its Foundation / Scale / Velocity phases. */
    withExamples: z.boolean().default(false),
  })
  .strict();
export type StartRoadmapPayload = z.input<typeof startRoadmapPayload>;

/** getProgress: how far the linked epics are, rolled up from their child issues in Jira (asked as the caller). */
export const getProgressPayload = z.object({}).strict();

export interface EpicProgress {
  id: string;
  /**
   * 'ok': the epic is where the roadmap expects it (the roadmap's project, or the foreign project it was linked from).
   * 'moved': the caller can see it, but it now lives in another Jira project (`projectId`/`projectKey` say which).
   * 'unavailable': deleted, or the caller may no longer see it — Jira does not say which, and neither do we.
   */
  state: 'ok' | 'moved' | 'unavailable';
  key?: string;
  summary?: string;
  statusCategory?: StatusCategory;
  progress?: Progress;
  /** The Jira project the epic is in now (ok and moved epics). */
  projectId?: string;
  projectKey?: string;
}

export interface ProgressReport {
  /** The site's story-point field, discovered from Jira's field list (null: progress is by issue count). */
  pointsFieldId: string | null;
  epics: EpicProgress[];
  /** Per initiative: progress across its available epics' children. */
  initiatives: Record<string, { progress: Progress; epics: number; unavailableEpics: number }>;
}
