import { invoke } from '@forge/bridge';
import type { z } from 'zod';
import {
  type ApiError,
  type ChangelogPage,
  type CreateInitiativePayload,
  type CreateInitiativeResult,
  type EpicContext,
  type ProjectRef,
  type Result,
  type RoadmapView,
  RESOLVERS,
  type findProjectPayload,
  type getEpicContextPayload,
  type getRoadmapViewPayload,
  type getChangelogPayload,
  type linkEpicPayload,
  type markReviewedPayload,
  type moveInitiativePayload,
  type MutationResult,
  type StartRoadmapPayload,
  type unlinkEpicPayload,
  type ExportResult,
  type ProgressReport,
  type getProgressPayload,
  type ImportPreview,
  type createDebtItemPayload,
  type createPhasePayload,
  type deleteDebtItemPayload,
  type deleteInitiativePayload,
  type deletePhasePayload,
  type exportRoadmapPayload,
  type importRoadmapPayload,
  type movePhasePayload,
  type previewImportPayload,
  type promoteDebtItemPayload,
  type saveSettingsPayload,
  type updateDebtItemPayload,
  type updateInitiativePayload,
  type updatePhasePayload,
} from '../../../src/domain/api';

/** What each resolver takes and answers; keys are the shared RESOLVERS. */
export interface ResolverTypes {
  getRoadmapView: { payload: z.input<typeof getRoadmapViewPayload>; value: RoadmapView };
  createInitiative: { payload: CreateInitiativePayload; value: CreateInitiativeResult };
  getEpicContext: { payload: z.input<typeof getEpicContextPayload>; value: EpicContext };
  findProject: { payload: z.input<typeof findProjectPayload>; value: ProjectRef };
  startRoadmap: { payload: StartRoadmapPayload; value: RoadmapView };
  markReviewed: { payload: z.input<typeof markReviewedPayload>; value: MutationResult };
  moveInitiative: { payload: z.input<typeof moveInitiativePayload>; value: MutationResult };
  getChangelog: { payload: z.input<typeof getChangelogPayload>; value: ChangelogPage };
  linkEpic: { payload: z.input<typeof linkEpicPayload>; value: MutationResult };
  unlinkEpic: { payload: z.input<typeof unlinkEpicPayload>; value: MutationResult };
  updateInitiative: { payload: z.input<typeof updateInitiativePayload>; value: MutationResult };
  deleteInitiative: { payload: z.input<typeof deleteInitiativePayload>; value: MutationResult };
  createPhase: { payload: z.input<typeof createPhasePayload>; value: MutationResult };
  updatePhase: { payload: z.input<typeof updatePhasePayload>; value: MutationResult };
  movePhase: { payload: z.input<typeof movePhasePayload>; value: MutationResult };
  deletePhase: { payload: z.input<typeof deletePhasePayload>; value: MutationResult };
  saveSettings: { payload: z.input<typeof saveSettingsPayload>; value: MutationResult };
  createDebtItem: { payload: z.input<typeof createDebtItemPayload>; value: MutationResult };
  updateDebtItem: { payload: z.input<typeof updateDebtItemPayload>; value: MutationResult };
  deleteDebtItem: { payload: z.input<typeof deleteDebtItemPayload>; value: MutationResult };
  promoteDebtItem: { payload: z.input<typeof promoteDebtItemPayload>; value: MutationResult };
  previewImport: { payload: z.input<typeof previewImportPayload>; value: ImportPreview };
  importRoadmap: { payload: z.input<typeof importRoadmapPayload>; value: MutationResult };
  exportRoadmap: { payload: z.input<typeof exportRoadmapPayload>; value: ExportResult };
  getProgress: { payload: z.input<typeof getProgressPayload>; value: ProgressReport };
}
export type ResolverKey = keyof typeof RESOLVERS & keyof ResolverTypes;

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e.code === 'string' && typeof e.message === 'string';
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (r.ok === true && 'value' in r) || (r.ok === false && isApiError(r.error));
}

/**
 * Calls a resolver through the Forge bridge. Never throws: a bridge failure or an answer that is not a
 * `Result` becomes an `UPSTREAM` error value, like the resolvers' own errors.
 */
export async function call<K extends ResolverKey>(
  key: K,
  payload: ResolverTypes[K]['payload'],
): Promise<Result<ResolverTypes[K]['value']>> {
  try {
    const answer: unknown = await invoke(RESOLVERS[key], payload as Record<string, unknown>);
    if (isResult(answer)) return answer as Result<ResolverTypes[K]['value']>;
    return { ok: false, error: { code: 'UPSTREAM', message: 'The app returned an unexpected answer. Try again.' } };
  } catch (err) {
    const detail = err instanceof Error ? err.message.trim() : '';
    return {
      ok: false,
      error: { code: 'UPSTREAM', message: `Couldn't reach the app${detail ? `: ${detail}` : ''}. Try again.` },
    };
  }
}
