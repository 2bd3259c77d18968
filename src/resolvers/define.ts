import { ForgeKvsAPIError } from '@forge/kvs';
import type { Result } from '../domain/api';
import { CONTRACT, type PayloadOf, type ResolverKey, type ValueOf } from '../domain/contract';
import { AppError } from '../domain/errors';
import type { Call, Deps } from './deps';
import * as digest from './handlers/digest';
import * as panel from './handlers/epic-panel';
import * as io from './handlers/import-export';
import * as people from './handlers/people';
import * as progress from './handlers/progress';
import * as reads from './handlers/reads';
import * as reviews from './handlers/reviews';
import * as writes from './handlers/writes';
import { parse } from './mutation';

type Handler<T> = (deps: Deps, call: Call) => Promise<T>;

/** Forge refuses an invoke response over 5 MB; answer with a clear LIMIT instead of a platform failure. */
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

function withinResponseLimit<T>(result: Result<T>): Result<T> {
  const bytes = Buffer.byteLength(JSON.stringify(result), 'utf8');
  if (bytes <= MAX_RESPONSE_BYTES) return result;
  return {
    ok: false,
    error: {
      code: 'LIMIT',
      message: `This answer would be ${(bytes / 1024 / 1024).toFixed(1)} MB, over Forge's 5 MB limit for one call; the roadmap is too large to show in one view`,
    },
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

/** Forge refuses an invoke request over 500 KB; counted in UTF-8 bytes of its JSON, as it travels. */
export const MAX_REQUEST_BYTES = 500_000;

/**
 * The error value for a call that must not run: a key that is not one of the app's own functions (never a property
 * inherited from Object.prototype), or a payload over the invoke limit. null: the call may run.
 */
export function screenCall(functionKey: unknown, payload: unknown): Result<never> | null {
  if (typeof functionKey !== 'string' || !Object.hasOwn(RESOLVER_TABLE, functionKey)) {
    const name = typeof functionKey === 'string' ? functionKey.slice(0, 100) : String(typeof functionKey);
    return { ok: false, error: { code: 'NOT_FOUND', message: `No such function: "${name}" is not one of this app's resolver functions` } };
  }
  let bytes: number;
  try {
    bytes = Buffer.byteLength(JSON.stringify(payload ?? {}), 'utf8');
  } catch {
    return { ok: false, error: { code: 'INVALID_INPUT', message: 'The payload is not JSON', fields: { '(payload)': 'Not JSON' } } };
  }
  if (bytes > MAX_REQUEST_BYTES) {
    return {
      ok: false,
      error: {
        code: 'LIMIT',
        message: `This request is ${Math.ceil(bytes / 1000)} KB, over Forge's 500 KB limit for one call; nothing was changed`,
        fields: { '(payload)': 'Too large' },
      },
    };
  }
  return null;
}

/** A resolver's handler: its payload already parsed against the contract's schema, its answer the contract's type. */
export type ResolverHandler<K extends ResolverKey> = (deps: Deps, payload: PayloadOf<K>, call: Call) => Promise<ValueOf<K>>;

/**
 * A handler for every key of the contract (src/domain/contract.ts), and nothing else: a missing key, an extra one, or
 * a handler whose payload or answer type differs from the contract's does not compile.
 */
const HANDLERS: { [K in ResolverKey]: ResolverHandler<K> } = {
  getRoadmapView: reads.getRoadmapView,
  getRoadmapViewPart: reads.getRoadmapViewPart,
  getChangelog: reads.getChangelog,
  getEpicContext: panel.getEpicContext,
  findProject: reads.findProject,
  searchProjects: reads.searchProjects,
  getMacroPreview: reads.getMacroPreview,
  startRoadmap: writes.startRoadmap,
  createInitiative: writes.createInitiative,
  updateInitiative: writes.updateInitiativeHandler,
  moveInitiative: writes.moveInitiativeHandler,
  deleteInitiative: writes.deleteInitiativeHandler,
  createPhase: writes.createPhaseHandler,
  updatePhase: writes.updatePhaseHandler,
  movePhase: writes.movePhaseHandler,
  deletePhase: writes.deletePhaseHandler,
  saveSettings: writes.saveSettingsHandler,
  createDebtItem: writes.createDebtItemHandler,
  updateDebtItem: writes.updateDebtItemHandler,
  deleteDebtItem: writes.deleteDebtItemHandler,
  promoteDebtItem: writes.promoteDebtItemHandler,
  markReviewed: writes.markReviewedHandler,
  previewImport: io.previewImportHandler,
  importRoadmap: io.importRoadmapHandler,
  exportRoadmap: io.exportRoadmapHandler,
  getProgress: progress.getProgress,
  getReviewBaselines: reviews.getReviewBaselines,
  getReviewComparison: reviews.getReviewComparison,
  getPeople: people.getPeople,
  findPeople: people.findPeople,
  linkEpic: panel.linkEpicHandler,
  unlinkEpic: panel.unlinkEpicHandler,
  getDigest: digest.getDigest,
  markDigestSeen: digest.markDigestSeen,
};

/** Parse the payload with the contract's schema (INVALID_INPUT naming the fields), then run the handler. */
function bind<K extends ResolverKey>(key: K): Handler<ValueOf<K>> {
  const handler = HANDLERS[key] as ResolverHandler<K>;
  return (deps, call) => handler(deps, parse(CONTRACT[key].payload, call.payload) as PayloadOf<K>, call);
}

/** Resolver key → handler; the single table both the Forge resolver and the local harness use, derived from the contract. */
export const RESOLVER_TABLE: Record<string, (deps: Deps, call: Call) => Promise<Result<unknown>>> = Object.fromEntries(
  (Object.keys(CONTRACT) as ResolverKey[]).map((key) => [key, toResult(bind(key))]),
);
