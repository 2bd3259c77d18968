/** The KVS endpoints' logic: validate the request, read/write the store, shape the answer like the platform. */
import type { EmulatedResponse } from '../http-types';
import { type FilterGroup, matchesCondition, matchesGroup, propertyOf, validateFilter, validateFilterGroup } from './conditions';
import { badRequest, KvsError, KvsErrorCode } from './errors';
import { checkPayloadSize, expiryFrom, LIMITS, validateKey, validateQueryLimit, validateValue } from './limits';
import { entityNamespace, NS_KVS, NS_SECRET, type SqliteStore, type StoredRow } from './sqlite-store';
import type { KvsStats } from './stats';

type Json = Record<string, unknown>;

/** Index definitions for custom entities (normally declared in manifest.yml). */
export interface EntityIndexConfig {
  /** Attribute the index is sorted by (its range attribute). */
  range: string;
  /** Attributes that make up the partition, in order. */
  partition?: string[];
}
export type EntityConfig = Record<string, { indexes: Record<string, EntityIndexConfig> }>;

const ok = (body?: unknown): EmulatedResponse =>
  body === undefined ? { status: 204 } : { status: 200, headers: { 'content-type': 'application/json' }, body };

const asObject = (body: unknown, what = 'request body'): Json => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest(`${what} must be a JSON object`);
  return body as Json;
};

const notFound = (key: string): KvsError => new KvsError(404, KvsErrorCode.KEY_NOT_FOUND, 'The specified key does not exist.', { key });

const validateEntityName = (name: unknown): string => {
  if (typeof name !== 'string' || name.length === 0) throw badRequest('entityName must be a non-empty string');
  return name;
};

/** Namespace of a request item: entity when `entityName` is given, else `fallback`. */
const nsOf = (item: Json, fallback: string): string =>
  item.entityName === undefined || item.entityName === null ? fallback : entityNamespace(validateEntityName(item.entityName));

const encodeCursor = (payload: Json): string => Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
function decodeCursor(cursor: unknown): Json | undefined {
  if (cursor === undefined || cursor === null || cursor === '') return undefined;
  try {
    if (typeof cursor !== 'string') throw new Error('not a string');
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return asObject(parsed);
  } catch {
    throw new KvsError(400, KvsErrorCode.INVALID_CURSOR, 'The cursor is not valid.');
  }
}

const METADATA = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'] as const;
function metadataFields(options: unknown): Set<string> {
  const fields = options && typeof options === 'object' ? (options as Json).metadataFields : undefined;
  if (fields === undefined) return new Set();
  if (!Array.isArray(fields) || !fields.every((f) => (METADATA as readonly unknown[]).includes(f))) {
    throw badRequest(`metadataFields must list only ${METADATA.join(', ')}`);
  }
  return new Set(fields as string[]);
}

interface WriteOptions {
  expireAt: number | null;
  keyPolicy: 'OVERRIDE' | 'FAIL_IF_EXISTS';
  returnValue?: 'PREVIOUS' | 'LATEST';
}

function parseSetOptions(options: unknown, now: number, allowPolicy: boolean): WriteOptions {
  if (options === undefined || options === null) return { expireAt: null, keyPolicy: 'OVERRIDE' };
  const o = asObject(options, 'options');
  const expireAt = expiryFrom(o.ttl, now);
  if (!allowPolicy && (o.keyPolicy !== undefined || o.returnValue !== undefined)) {
    throw badRequest('keyPolicy/returnValue are not supported here');
  }
  const keyPolicy = o.keyPolicy ?? 'OVERRIDE';
  if (keyPolicy !== 'OVERRIDE' && keyPolicy !== 'FAIL_IF_EXISTS') throw badRequest('options.keyPolicy must be OVERRIDE or FAIL_IF_EXISTS');
  const returnValue = o.returnValue;
  if (returnValue !== undefined && returnValue !== 'PREVIOUS' && returnValue !== 'LATEST') {
    throw badRequest('options.returnValue must be PREVIOUS or LATEST');
  }
  if (returnValue !== undefined && keyPolicy !== 'OVERRIDE') throw badRequest('options.returnValue requires keyPolicy OVERRIDE');
  return { expireAt, keyPolicy, returnValue };
}

export class KvsOperations {
  constructor(
    private readonly store: SqliteStore,
    private readonly stats: KvsStats,
    private readonly now: () => number,
    private readonly entities: EntityConfig = {},
  ) {}

  /** A row as the API answers it; metadata included when `fields` is undefined (get) or asks for it. */
  private present(row: StoredRow, fields?: Set<string>, extra: Json = {}): Json {
    this.stats.recordRead(Buffer.byteLength(row.json, 'utf8'));
    const out: Json = { ...extra, key: row.key, value: JSON.parse(row.json) as unknown };
    if (!fields || fields.has('CREATED_AT')) out.createdAt = row.createdAt;
    if (!fields || fields.has('UPDATED_AT')) out.updatedAt = row.updatedAt;
    if (row.expireAt !== null && (!fields || fields.has('EXPIRE_TIME'))) out.expireTime = new Date(row.expireAt).toISOString();
    return out;
  }

  get(ns: string, body: unknown): EmulatedResponse {
    const b = asObject(body);
    const key = validateKey(b.key);
    metadataFields(b.options);
    const row = this.store.get(ns, key, this.now());
    if (!row) throw notFound(key);
    return ok(this.present(row, undefined, b.entityName === undefined ? {} : { entityName: b.entityName }));
  }

  set(ns: string, body: unknown): EmulatedResponse {
    const b = asObject(body);
    const key = validateKey(b.key);
    const json = validateValue(b.value);
    const now = this.now();
    const opts = parseSetOptions(b.options, now, true);
    const { previous, written } = this.store.transaction(() => {
      const prev = this.store.get(ns, key, now);
      if (prev && opts.keyPolicy === 'FAIL_IF_EXISTS') {
        throw new KvsError(409, KvsErrorCode.KEY_ALREADY_EXISTS, 'The key already exists and keyPolicy is FAIL_IF_EXISTS.', { key });
      }
      const row: StoredRow = { key, json, createdAt: prev?.createdAt ?? now, updatedAt: now, expireAt: opts.expireAt };
      this.store.put(ns, row);
      return { previous: prev, written: row };
    });
    this.stats.recordWrite(Buffer.byteLength(json, 'utf8'));
    if (opts.returnValue === 'LATEST') return ok(this.present(written));
    if (opts.returnValue === 'PREVIOUS') return ok(previous ? this.present(previous) : undefined);
    return ok();
  }

  delete(ns: string, body: unknown): EmulatedResponse {
    const b = asObject(body);
    const key = validateKey(b.key);
    const live = this.store.get(ns, key, this.now());
    this.store.delete(ns, key);
    if (!live) throw notFound(key);
    return ok();
  }

  /** Plain-KVS query: BEGINS_WITH on `key` only, key order, cursor paging. */
  query(body: unknown): EmulatedResponse {
    const b = asObject(body);
    const limit = validateQueryLimit(b.limit);
    const fields = metadataFields(b.options);
    let prefix = '';
    if (b.where !== undefined && b.where !== null) {
      if (!Array.isArray(b.where) || b.where.length > 1) {
        throw new KvsError(400, KvsErrorCode.QUERY_WHERE_INVALID, 'KVS queries should contain only a single "where" clause.');
      }
      if (b.where.length === 1) {
        const w = asObject(b.where[0], 'where clause');
        if (w.property !== 'key') {
          throw new KvsError(400, KvsErrorCode.QUERY_WHERE_FIELD_INVALID, 'Only the "key" field can be used in a KVS "where" clause.');
        }
        const f = validateFilter(w, ['BEGINS_WITH']);
        const v = f.values[0];
        if (typeof v !== 'string' && typeof v !== 'number') {
          throw new KvsError(400, KvsErrorCode.INVALID_FILTER_VALUES, 'BEGINS_WITH takes a string value.');
        }
        prefix = String(v);
      }
    }
    const cursor = decodeCursor(b.after);
    let after = '';
    if (cursor) {
      if (typeof cursor.k !== 'string' || cursor.p !== prefix) {
        throw new KvsError(400, KvsErrorCode.INVALID_CURSOR, 'The cursor does not belong to this query.');
      }
      after = cursor.k;
    }
    const rows = this.store.list(NS_KVS, prefix, after, limit + 1, this.now());
    const page = rows.slice(0, limit);
    const data = page.map((r) => this.present(r, fields));
    const more = rows.length > limit;
    return ok(more ? { data, cursor: encodeCursor({ k: page[page.length - 1].key, p: prefix }) } : { data });
  }

  private batchItems(body: unknown): Json[] {
    if (!Array.isArray(body)) throw badRequest('batch request body must be an array');
    if (body.length === 0) throw badRequest('batch request must contain at least one item');
    if (body.length > LIMITS.maxBatchItems) {
      throw new KvsError(400, KvsErrorCode.TOO_MANY_OPERATIONS, `A batch can contain at most ${LIMITS.maxBatchItems} items.`, {
        count: body.length,
      });
    }
    const items = body.map((i) => asObject(i, 'batch item'));
    const seen = new Set<string>();
    for (const item of items) {
      const id = JSON.stringify([item.entityName ?? '', item.key]);
      if (seen.has(id)) throw new KvsError(400, KvsErrorCode.DUPLICATE_KEYS, 'A batch cannot contain the same key twice.', { key: item.key });
      seen.add(id);
    }
    return items;
  }

  private static itemId(item: Json): Json {
    return item.entityName === undefined ? { key: item.key } : { key: item.key, entityName: item.entityName };
  }

  private static itemError(item: Json, e: unknown): Json {
    if (!(e instanceof KvsError)) throw e;
    return { ...KvsOperations.itemId(item), error: { code: e.code, message: e.message } };
  }

  batchSet(body: unknown): EmulatedResponse {
    const items = this.batchItems(body);
    checkPayloadSize(body);
    const now = this.now();
    const successfulKeys: Json[] = [];
    const failedKeys: Json[] = [];
    const written: number[] = [];
    this.store.transaction(() => {
      for (const item of items) {
        try {
          const ns = nsOf(item, NS_KVS);
          const key = validateKey(item.key);
          const json = validateValue(item.value);
          const { expireAt } = parseSetOptions(item.options, now, false);
          const prev = this.store.get(ns, key, now);
          this.store.put(ns, { key, json, createdAt: prev?.createdAt ?? now, updatedAt: now, expireAt });
          written.push(Buffer.byteLength(json, 'utf8'));
          successfulKeys.push(KvsOperations.itemId(item));
        } catch (e) {
          failedKeys.push(KvsOperations.itemError(item, e));
        }
      }
    });
    written.forEach((n) => this.stats.recordWrite(n));
    return ok({ successfulKeys, failedKeys });
  }

  batchGet(body: unknown): EmulatedResponse {
    const items = this.batchItems(body);
    const now = this.now();
    const successfulKeys: Json[] = [];
    const failedKeys: Json[] = [];
    for (const item of items) {
      try {
        const ns = nsOf(item, NS_KVS);
        const key = validateKey(item.key);
        const fields = metadataFields(item.options);
        const row = this.store.get(ns, key, now);
        if (!row) throw notFound(key);
        successfulKeys.push(this.present(row, fields, item.entityName === undefined ? {} : { entityName: item.entityName }));
      } catch (e) {
        failedKeys.push(KvsOperations.itemError(item, e));
      }
    }
    return ok({ successfulKeys, failedKeys });
  }

  batchDelete(body: unknown): EmulatedResponse {
    const items = this.batchItems(body);
    const now = this.now();
    const successfulKeys: Json[] = [];
    const failedKeys: Json[] = [];
    this.store.transaction(() => {
      for (const item of items) {
        try {
          const ns = nsOf(item, NS_KVS);
          const key = validateKey(item.key);
          const live = this.store.get(ns, key, now);
          this.store.delete(ns, key);
          if (!live) throw notFound(key);
          successfulKeys.push(KvsOperations.itemId(item));
        } catch (e) {
          failedKeys.push(KvsOperations.itemError(item, e));
        }
      }
    });
    return ok({ successfulKeys, failedKeys });
  }

  transaction(body: unknown): EmulatedResponse {
    const b = asObject(body);
    const list = (name: string): Json[] => {
      const v = b[name];
      if (v === undefined || v === null) return [];
      if (!Array.isArray(v)) throw badRequest(`${name} must be an array`);
      return v.map((i) => asObject(i, `${name} item`));
    };
    const sets = list('set');
    const deletes = list('delete');
    const checks = list('check');
    const total = sets.length + deletes.length + checks.length;
    if (total === 0) throw badRequest('A transaction must contain at least one operation.');
    if (total > LIMITS.maxTransactionOperations) {
      throw new KvsError(400, KvsErrorCode.TOO_MANY_OPERATIONS, `A transaction can contain at most ${LIMITS.maxTransactionOperations} operations.`, {
        count: total,
      });
    }
    checkPayloadSize(body);
    const now = this.now();

    interface Op {
      kind: 'set' | 'delete' | 'check';
      ns: string;
      key: string;
      conditions?: FilterGroup;
      json?: string;
      expireAt?: number | null;
    }
    const seen = new Set<string>();
    const ops: Op[] = [];
    const add = (kind: Op['kind'], item: Json): Op => {
      const ns = nsOf(item, NS_KVS);
      const key = validateKey(item.key);
      if (seen.has(`${ns}\u0000${key}`)) {
        throw new KvsError(400, KvsErrorCode.DUPLICATE_KEYS, 'A transaction can reference each key only once.', { key });
      }
      seen.add(`${ns}\u0000${key}`);
      let conditions: FilterGroup | undefined;
      if (item.conditions !== undefined && item.conditions !== null) {
        if (item.entityName === undefined) throw badRequest('conditions are only supported for custom entities', { key });
        conditions = validateFilterGroup(item.conditions);
      } else if (kind === 'check') {
        throw badRequest('check requires an entityName and conditions', { key });
      }
      const op: Op = { kind, ns, key, conditions };
      ops.push(op);
      return op;
    };
    for (const item of sets) {
      const op = add('set', item);
      op.json = validateValue(item.value);
      op.expireAt = parseSetOptions(item.options, now, false).expireAt;
    }
    deletes.forEach((item) => add('delete', item));
    checks.forEach((item) => add('check', item));

    this.store.transaction(() => {
      for (const op of ops) {
        if (!op.conditions) continue;
        const row = this.store.get(op.ns, op.key, now);
        const current: unknown = row ? JSON.parse(row.json) : undefined;
        if (!matchesGroup(current, op.conditions)) {
          throw new KvsError(409, KvsErrorCode.CONDITION_FAILED, 'A transaction condition was not met; nothing was written.', {
            key: op.key,
            operation: op.kind,
          });
        }
      }
      for (const op of ops) {
        if (op.kind === 'set' && op.json !== undefined) {
          const prev = this.store.get(op.ns, op.key, now);
          this.store.put(op.ns, { key: op.key, json: op.json, createdAt: prev?.createdAt ?? now, updatedAt: now, expireAt: op.expireAt ?? null });
        } else if (op.kind === 'delete') {
          this.store.delete(op.ns, op.key);
        }
      }
    });
    ops.forEach((op) => op.json !== undefined && this.stats.recordWrite(Buffer.byteLength(op.json, 'utf8')));
    return ok();
  }

  secretGet = (body: unknown): EmulatedResponse => this.get(NS_SECRET, body);
  secretSet = (body: unknown): EmulatedResponse => this.set(NS_SECRET, body);
  secretDelete = (body: unknown): EmulatedResponse => this.delete(NS_SECRET, body);

  entityGet = (body: unknown): EmulatedResponse => this.get(entityNamespace(validateEntityName(asObject(body).entityName)), body);
  entitySet = (body: unknown): EmulatedResponse => this.set(entityNamespace(validateEntityName(asObject(body).entityName)), body);
  entityDelete = (body: unknown): EmulatedResponse => this.delete(entityNamespace(validateEntityName(asObject(body).entityName)), body);

  /** Custom-entity index query; only indexes declared in the emulator's `entities` option are known. */
  entityQuery(body: unknown): EmulatedResponse {
    const b = asObject(body);
    const entityName = validateEntityName(b.entityName);
    if (typeof b.indexName !== 'string') throw badRequest('indexName must be a string');
    const index = this.entities[entityName]?.indexes[b.indexName];
    if (!index) {
      throw new KvsError(400, KvsErrorCode.UNSUPPORTED, `Index ${b.indexName} of entity ${entityName} is not declared to the emulator.`);
    }
    const limit = validateQueryLimit(b.limit);
    const fields = metadataFields(b.options);
    const partition = b.partition === undefined ? undefined : b.partition;
    if (partition !== undefined && (!Array.isArray(partition) || partition.length !== (index.partition ?? []).length)) {
      throw badRequest('partition must list one value per partition attribute');
    }
    const range =
      b.range === undefined
        ? undefined
        : validateFilter({ property: index.range, ...asObject(b.range, 'range') }, [
            'BEGINS_WITH',
            'BETWEEN',
            'EQUAL_TO',
            'GREATER_THAN',
            'GREATER_THAN_EQUAL_TO',
            'LESS_THAN',
            'LESS_THAN_EQUAL_TO',
          ]);
    const filters = b.filters === undefined ? undefined : validateFilterGroup(b.filters);
    if (b.sort !== undefined && b.sort !== 'ASC' && b.sort !== 'DESC') throw badRequest('sort must be ASC or DESC');

    const rows = this.store
      .listAll(entityNamespace(entityName), this.now())
      .map((row) => ({ row, value: JSON.parse(row.json) as unknown }))
      .filter(({ value }) => propertyOf(value, index.range) !== undefined)
      .filter(({ value }) => !partition || (index.partition ?? []).every((attr, i) => propertyOf(value, attr) === partition[i]))
      .filter(({ value }) => !range || matchesCondition(propertyOf(value, index.range), range.condition, range.values))
      .filter(({ value }) => !filters || matchesGroup(value, filters));
    const rangeOf = (v: unknown): string | number => {
      const r = propertyOf(v, index.range);
      return typeof r === 'number' ? r : String(r);
    };
    rows.sort((x, y) => {
      const a = rangeOf(x.value);
      const c = rangeOf(y.value);
      if (a < c) return -1;
      if (a > c) return 1;
      return x.row.key < y.row.key ? -1 : x.row.key > y.row.key ? 1 : 0;
    });
    if (b.sort === 'DESC') rows.reverse();
    const cursor = decodeCursor(b.cursor);
    const offset = cursor ? Number(cursor.o) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw new KvsError(400, KvsErrorCode.INVALID_CURSOR, 'The cursor is not valid.');
    const page = rows.slice(offset, offset + limit);
    const data = page.map(({ row }) => this.present(row, fields));
    return ok(offset + limit < rows.length ? { data, cursor: encodeCursor({ o: offset + limit }) } : { data });
  }
}
