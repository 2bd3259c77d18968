/**
 * Local emulator of the Forge KVS HTTP API, so the real `@forge/kvs` client runs against it unchanged
 * (the runtime glue routes `global.__forge_fetch__({ type: 'kvs' }, path, init)` to `handle(path, body)`).
 *
 * Endpoints (all POST, JSON): /api/v1/get|set|delete|query, /api/v1/batch/set|get|delete, /api/v1/transaction,
 * /api/v1/secret/get|set|delete, /api/v1/entity/get|set|delete|query.
 *
 * Errors are `{ code, message, context? }` with a non-2xx status. Codes and where they come from
 * ((doc) = Atlassian's "Error handling for the Key-Value Store" page, (pkg) = @forge/kvs 1.6.5 source/tests,
 * (ours) = no public source found, named in the platform's style):
 *   400 KEY_TOO_SHORT (doc)             empty key
 *   400 KEY_TOO_LONG (doc)              key longer than 500 characters
 *   400 INVALID_KEY (doc)               key not matching /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/
 *   404 KEY_NOT_FOUND (pkg)             get/delete of a missing or expired key (the client turns it into undefined)
 *   400 MAX_SIZE (doc)                  value JSON over 240 KiB (245,760 bytes)
 *   400 MAX_DEPTH (doc)                 value nested deeper than 31 levels
 *   400 LIST_QUERY_LIMIT_EXCEEDED (doc) query limit over 100
 *   400 QUERY_WHERE_INVALID (doc)       more than one where clause
 *   400 QUERY_WHERE_FIELD_INVALID (doc) where on anything but `key`
 *   400 INVALID_FILTER_CONDITION (doc)  where condition other than BEGINS_WITH (plain KVS)
 *   400 INVALID_FILTER_VALUES (doc)     wrong number/type of condition values
 *   429 RATE_LIMIT_EXCEEDED (doc)       only through fault injection (faults.rateLimitNext)
 *   400 BAD_REQUEST (pkg)               malformed request (missing key/value, bad ttl/options, empty batch…)
 *   500 INTERNAL_SERVER_ERROR (pkg)     unexpected emulator failure
 *   400 TOO_MANY_OPERATIONS (ours)      batch over 25 items, transaction over 25 operations
 *   400 PAYLOAD_TOO_LARGE (ours)        transaction / batch set request over 4 MB
 *   400 DUPLICATE_KEYS (ours)           same key twice in one batch or transaction
 *   409 CONDITION_FAILED (ours)         a transaction condition/check did not hold (nothing written)
 *   409 KEY_ALREADY_EXISTS (ours)       set with keyPolicy FAIL_IF_EXISTS on an existing key
 *   400 INVALID_CURSOR (ours)           cursor not issued by this query
 *   400 UNSUPPORTED (ours)              entity query on an index not declared via `opts.entities`
 *   404 NOT_FOUND (ours)                unknown endpoint
 *
 * Batch endpoints refuse the whole request for structural breaches (count, duplicates, size) and report
 * per-item breaches (bad key, value too large, missing key) in `failedKeys`, as the platform does.
 */
import type { EmulatedResponse } from '../http-types';
import { KvsError, KvsErrorCode } from './errors';
import { FaultInjector } from './faults';
import { type EntityConfig, KvsOperations } from './operations';
import { NS_KVS, SqliteStore } from './sqlite-store';
import { KvsStats } from './stats';

export interface KvsEmulatorOptions {
  /** better-sqlite3 database file; default `:memory:`. */
  filename?: string;
  /** Clock in ms since epoch (TTL tests); default Date.now. */
  now?: () => number;
  /** Custom-entity index declarations, for `/api/v1/entity/query`. */
  entities?: EntityConfig;
}

type Route = (body: unknown) => EmulatedResponse;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class KvsEmulator {
  readonly faults = new FaultInjector();
  readonly stats = new KvsStats();
  private readonly store: SqliteStore;
  private readonly routes: Record<string, Route>;

  constructor(opts: KvsEmulatorOptions = {}) {
    const now = opts.now ?? Date.now;
    this.store = new SqliteStore(opts.filename ?? ':memory:');
    this.store.purgeExpired(now());
    const ops = new KvsOperations(this.store, this.stats, now, opts.entities);
    this.routes = {
      '/api/v1/get': (b) => ops.get(NS_KVS, b),
      '/api/v1/set': (b) => ops.set(NS_KVS, b),
      '/api/v1/delete': (b) => ops.delete(NS_KVS, b),
      '/api/v1/query': (b) => ops.query(b),
      '/api/v1/batch/set': (b) => ops.batchSet(b),
      '/api/v1/batch/get': (b) => ops.batchGet(b),
      '/api/v1/batch/delete': (b) => ops.batchDelete(b),
      '/api/v1/transaction': (b) => ops.transaction(b),
      '/api/v1/secret/get': ops.secretGet,
      '/api/v1/secret/set': ops.secretSet,
      '/api/v1/secret/delete': ops.secretDelete,
      '/api/v1/entity/get': ops.entityGet,
      '/api/v1/entity/set': ops.entitySet,
      '/api/v1/entity/delete': ops.entityDelete,
      '/api/v1/entity/query': (b) => ops.entityQuery(b),
    };
  }

  /** Largest value (JSON bytes) written since the last `resetStats()`. */
  get largestValueBytes(): number {
    return this.stats.largestValueBytes;
  }

  /** Answers one KVS API call. `path` may carry a query string; `body` is the parsed JSON request body. */
  async handle(path: string, body: unknown): Promise<EmulatedResponse> {
    const p = path.split('?')[0];
    this.stats.recordCall(p);
    if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);
    const fault = this.faults.intercept(p, body);
    if (fault) {
      this.stats.recordError(String((fault.body as { code?: unknown }).code));
      return fault;
    }
    const route = this.routes[p];
    try {
      if (!route) throw new KvsError(404, KvsErrorCode.NOT_FOUND, `Unknown KVS endpoint ${p}`);
      return route(body);
    } catch (e) {
      const err = e instanceof KvsError ? e : new KvsError(500, KvsErrorCode.INTERNAL_SERVER_ERROR, e instanceof Error ? e.message : String(e));
      this.stats.recordError(err.code);
      return { status: err.status, headers: { 'content-type': 'application/json' }, body: err.toBody() };
    }
  }

  resetStats(): void {
    this.stats.reset();
  }

  /** Wipes all data (KVS, secrets, entities). Faults and stats are left alone. */
  reset(): void {
    this.store.wipe();
  }

  close(): void {
    this.store.close();
  }
}
