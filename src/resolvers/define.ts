import { ForgeKvsAPIError } from '@forge/kvs';
import type { Result } from '../domain/api';
import { RESOLVERS } from '../domain/api';
import { AppError } from '../domain/errors';
import type { Call, Deps } from './deps';
import * as handlers from './handlers';

type Handler<T> = (deps: Deps, call: Call) => Promise<T>;

/** Forge refuses an invoke response over 5 MB; answer with a clear LIMIT instead of a platform failure. */
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

function withinResponseLimit<T>(result: Result<T>): Result<T> {
  const bytes = Buffer.byteLength(JSON.stringify(result), 'utf8');
  if (bytes <= MAX_RESPONSE_BYTES) return result;
  return {
    ok: false,
    error: { code: 'LIMIT', message: `This answer would be ${(bytes / 1024 / 1024).toFixed(1)} MB, over Forge's 5 MB limit for one call; the roadmap is too large to show in one view` },
  };
}

/** Turns any failure into the `{ code, message }` value the UI expects; nothing is thrown across the bridge. */
export function toResult<T>(handler: Handler<T>) {
  return async (deps: Deps, call: Call): Promise<Result<T>> => {
    try {
      return withinResponseLimit({ ok: true, value: await handler(deps, call) });
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toApiError() };
      if (error instanceof ForgeKvsAPIError && error.code === 'RATE_LIMIT_EXCEEDED') {
        return { ok: false, error: { code: 'LIMIT', message: 'Forge storage is busy right now; try again in a moment' } };
      }
      console.error('Resolver failed', error);
      return { ok: false, error: { code: 'UPSTREAM', message: 'Something went wrong talking to Jira or Forge storage; nothing was changed' } };
    }
  };
}

/** Resolver key → handler; the single table both the Forge resolver and the local harness use. */
export const RESOLVER_TABLE: Record<string, (deps: Deps, call: Call) => Promise<Result<unknown>>> = {
  [RESOLVERS.getRoadmapView]: toResult(handlers.getRoadmapView),
  [RESOLVERS.getChangelog]: toResult(handlers.getChangelog),
  [RESOLVERS.getEpicContext]: toResult(handlers.getEpicContext),
  [RESOLVERS.findProject]: toResult(handlers.findProject),
  [RESOLVERS.startRoadmap]: toResult(handlers.startRoadmap),
  [RESOLVERS.createInitiative]: toResult(handlers.createInitiative),
  [RESOLVERS.updateInitiative]: toResult(handlers.updateInitiativeHandler),
  [RESOLVERS.moveInitiative]: toResult(handlers.moveInitiativeHandler),
  [RESOLVERS.deleteInitiative]: toResult(handlers.deleteInitiativeHandler),
  [RESOLVERS.createPhase]: toResult(handlers.createPhaseHandler),
  [RESOLVERS.updatePhase]: toResult(handlers.updatePhaseHandler),
  [RESOLVERS.movePhase]: toResult(handlers.movePhaseHandler),
  [RESOLVERS.deletePhase]: toResult(handlers.deletePhaseHandler),
  [RESOLVERS.saveSettings]: toResult(handlers.saveSettingsHandler),
  [RESOLVERS.createDebtItem]: toResult(handlers.createDebtItemHandler),
  [RESOLVERS.updateDebtItem]: toResult(handlers.updateDebtItemHandler),
  [RESOLVERS.deleteDebtItem]: toResult(handlers.deleteDebtItemHandler),
  [RESOLVERS.promoteDebtItem]: toResult(handlers.promoteDebtItemHandler),
  [RESOLVERS.markReviewed]: toResult(handlers.markReviewedHandler),
  [RESOLVERS.previewImport]: toResult(handlers.previewImportHandler),
  [RESOLVERS.importRoadmap]: toResult(handlers.importRoadmapHandler),
  [RESOLVERS.exportRoadmap]: toResult(handlers.exportRoadmapHandler),
  [RESOLVERS.linkEpic]: toResult(handlers.linkEpicHandler),
  [RESOLVERS.unlinkEpic]: toResult(handlers.unlinkEpicHandler),
};
