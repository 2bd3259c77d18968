import { z } from 'zod';
import {
  type BusinessGoal,
  type CapacitySettings,
  type Horizon,
  type Initiative,
  type Phase,
  newInitiativeSchema,
  projectIdSchema,
} from './model';

/**
 * The contract between the Custom UI and the resolvers: payload schemas (parsed on the server) and result types.
 * Every resolver answers `Result<T>`: errors are values, never thrown across the bridge.
 */
export const ERROR_CODES = ['INVALID_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'LIMIT', 'UPSTREAM'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field path (dot-joined) → message, for INVALID_INPUT. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

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
  /** What the caller may do, so the UI hides what the resolvers would refuse. */
  permissions: { canEdit: boolean; canAdminister: boolean };
}

/** getRoadmapView: the Jira surfaces take the project from their context; the macro from its config. */
export const getRoadmapViewPayload = z.object({}).strict();

export const createInitiativePayload = z
  .object({
    baseRevision: z.number().int().min(0),
    initiative: newInitiativeSchema,
    /** Epic keys typed by the user (e.g. TR-12); resolved to ids through Jira, as the caller. */
    epicKeys: z.array(z.string().regex(/^[A-Z][A-Z0-9_]{0,9}-\d{1,9}$/, { message: 'Use an issue key like TR-12' })).max(50).default([]),
  })
  .strict();
export type CreateInitiativePayload = z.input<typeof createInitiativePayload>;

export interface CreateInitiativeResult {
  initiative: InitiativeView;
  revision: number;
}

/** getEpicContext: the issue panel takes the issue from its context. */
export const getEpicContextPayload = z.object({}).strict();

export interface EpicContext {
  issue: { id: string; key: string; summary: string; issueType: string };
  link: null | {
    project: ProjectRef;
    initiative: InitiativeView;
    phase: Phase | null;
  };
}

/** findProject: used by the macro config to pick a roadmap. */
export const findProjectPayload = z.object({ projectKeyOrId: z.string().trim().min(1, { message: 'Required' }).max(40) }).strict();

export const macroConfigSchema = z.object({
  projectId: projectIdSchema,
  view: z.enum(['executive', 'engineering']).default('executive'),
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

/** Resolver keys, shared by the resolver definitions and the UI client. */
export const RESOLVERS = {
  getRoadmapView: 'getRoadmapView',
  createInitiative: 'createInitiative',
  getEpicContext: 'getEpicContext',
  findProject: 'findProject',
  startRoadmap: 'startRoadmap',
} as const;
