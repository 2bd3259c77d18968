import type { z } from 'zod';
import {
  type ChangelogPage,
  createDebtItemPayload,
  createInitiativePayload,
  type CreateInitiativeResult,
  createPhasePayload,
  deleteDebtItemPayload,
  deleteInitiativePayload,
  deletePhasePayload,
  type EpicContext,
  type EpicWriteResult,
  type ExportResult,
  exportRoadmapPayload,
  findPeoplePayload,
  findProjectPayload,
  getChangelogPayload,
  getEpicContextPayload,
  getMacroPreviewPayload,
  getPeoplePayload,
  getProgressPayload,
  getRoadmapViewPayload,
  type ImportPreview,
  importRoadmapPayload,
  linkEpicPayload,
  type MacroPreview,
  markReviewedPayload,
  moveInitiativePayload,
  movePhasePayload,
  type MutationResult,
  type PeopleAnswer,
  previewImportPayload,
  type ProgressReport,
  type ProjectRef,
  type ProjectSearchAnswer,
  promoteDebtItemPayload,
  type RoadmapView,
  saveSettingsPayload,
  searchProjectsPayload,
  startRoadmapPayload,
  unlinkEpicPayload,
  updateDebtItemPayload,
  updateInitiativePayload,
  updatePhasePayload,
} from './api';
import { type DigestAnswer, getDigestPayload, markDigestSeenPayload } from './digest-api';
import { getReviewBaselinesPayload, getReviewComparisonPayload, type ReviewBaselines, type ReviewComparisonAnswer } from './review-api';
import type { ViewPart } from './view-pages';
import { getRoadmapViewPartPayload } from './view-part-api';

/**
 * What the caller must hold on the roadmap's project. 'lookup': a read keyed by something the caller names (a project
 * key, the panel's issue) — one they cannot see answers NOT_FOUND, exactly like one that does not exist.
 * previewImport and importRoadmap in Replace mode take 'administer' (a mass deletion); their declared level is Merge's.
 */
export type AccessLevel = 'lookup' | 'read' | 'edit' | 'administer';

/** A resolver's answer type, carried by the contract (no runtime value: `answer<T>()` is an empty object). */
export interface Answer<T> {
  readonly __answer?: T;
}
const answer = <T>(): Answer<T> => ({});

export interface ResolverSpec {
  /** Parsed on the server before the handler runs; the client sends its z.input. */
  payload: z.ZodType;
  level: AccessLevel;
  value: Answer<unknown>;
}

/**
 * The one list of resolvers: key, payload schema, access level and answer type. The server binds a handler to each
 * (src/resolvers/define.ts, which fails to compile when one is missing or mistyped); the Custom UI's `call` takes its
 * types from here. A new resolver: one entry here, one handler there.
 */
export const CONTRACT = {
  getRoadmapView: { payload: getRoadmapViewPayload, level: 'read', value: answer<RoadmapView>() },
  // The rest of a view too large for one answer (domain/view-pages.ts), pinned to the first answer's revision.
  getRoadmapViewPart: { payload: getRoadmapViewPartPayload, level: 'read', value: answer<ViewPart>() },
  getChangelog: { payload: getChangelogPayload, level: 'read', value: answer<ChangelogPage>() },
  getProgress: { payload: getProgressPayload, level: 'read', value: answer<ProgressReport>() },
  getPeople: { payload: getPeoplePayload, level: 'read', value: answer<PeopleAnswer>() },
  findPeople: { payload: findPeoplePayload, level: 'read', value: answer<PeopleAnswer>() },
  exportRoadmap: { payload: exportRoadmapPayload, level: 'read', value: answer<ExportResult>() },
  getReviewBaselines: { payload: getReviewBaselinesPayload, level: 'read', value: answer<ReviewBaselines>() },
  getReviewComparison: { payload: getReviewComparisonPayload, level: 'read', value: answer<ReviewComparisonAnswer>() },
  getEpicContext: { payload: getEpicContextPayload, level: 'lookup', value: answer<EpicContext>() },
  findProject: { payload: findProjectPayload, level: 'lookup', value: answer<ProjectRef>() },
  searchProjects: { payload: searchProjectsPayload, level: 'lookup', value: answer<ProjectSearchAnswer>() },
  getMacroPreview: { payload: getMacroPreviewPayload, level: 'lookup', value: answer<MacroPreview>() },
  startRoadmap: { payload: startRoadmapPayload, level: 'administer', value: answer<RoadmapView>() },
  createInitiative: { payload: createInitiativePayload, level: 'edit', value: answer<CreateInitiativeResult>() },
  updateInitiative: { payload: updateInitiativePayload, level: 'edit', value: answer<MutationResult>() },
  moveInitiative: { payload: moveInitiativePayload, level: 'edit', value: answer<MutationResult>() },
  deleteInitiative: { payload: deleteInitiativePayload, level: 'edit', value: answer<MutationResult>() },
  createPhase: { payload: createPhasePayload, level: 'edit', value: answer<MutationResult>() },
  updatePhase: { payload: updatePhasePayload, level: 'edit', value: answer<MutationResult>() },
  movePhase: { payload: movePhasePayload, level: 'edit', value: answer<MutationResult>() },
  deletePhase: { payload: deletePhasePayload, level: 'edit', value: answer<MutationResult>() },
  saveSettings: { payload: saveSettingsPayload, level: 'administer', value: answer<MutationResult>() },
  createDebtItem: { payload: createDebtItemPayload, level: 'edit', value: answer<MutationResult>() },
  updateDebtItem: { payload: updateDebtItemPayload, level: 'edit', value: answer<MutationResult>() },
  deleteDebtItem: { payload: deleteDebtItemPayload, level: 'edit', value: answer<MutationResult>() },
  promoteDebtItem: { payload: promoteDebtItemPayload, level: 'edit', value: answer<MutationResult>() },
  markReviewed: { payload: markReviewedPayload, level: 'edit', value: answer<MutationResult>() },
  previewImport: { payload: previewImportPayload, level: 'edit', value: answer<ImportPreview>() },
  importRoadmap: { payload: importRoadmapPayload, level: 'edit', value: answer<MutationResult>() },
  linkEpic: { payload: linkEpicPayload, level: 'edit', value: answer<EpicWriteResult>() },
  unlinkEpic: { payload: unlinkEpicPayload, level: 'edit', value: answer<EpicWriteResult>() },
  // The daily digest and the caller's own last visit: refused (project not browsable) exactly like a missing roadmap.
  getDigest: { payload: getDigestPayload, level: 'lookup', value: answer<DigestAnswer>() },
  markDigestSeen: { payload: markDigestSeenPayload, level: 'lookup', value: answer<DigestAnswer>() },
} as const satisfies Record<string, ResolverSpec>;

export type Contract = typeof CONTRACT;
export type ResolverKey = keyof Contract;
/** What the client sends (defaults may be left out). */
export type PayloadIn<K extends ResolverKey> = z.input<Contract[K]['payload']>;
/** What the handler receives, parsed. */
export type PayloadOf<K extends ResolverKey> = z.output<Contract[K]['payload']>;
export type ValueOf<K extends ResolverKey> = Contract[K]['value'] extends Answer<infer T> ? T : never;

/** Every resolver key, in the contract's order. */
export const RESOLVER_KEYS = Object.keys(CONTRACT) as ResolverKey[];
