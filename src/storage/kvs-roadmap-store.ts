import { kvs, Filter, FilterConditions, WhereConditions, type ForgeKvsAPIError } from '@forge/kvs';
import { conflictMessage, type ChangeRecord } from '../domain/changes';
import { AppError } from '../domain/errors';
import { SCHEMA_VERSION, type Roadmap } from '../domain/model';
import { changeKey, changePrefix, chunkKey, chunkOf, collectionOf, collectionPrefix, epicKey, metaKey, type Collection } from './keys';
import { isLegacyChunk, migrateDebtItems, migrateInitiatives, migrateMeta } from './migrations';
import type { ChangePage, EpicLink, RoadmapStore, RoadmapWrite } from './roadmap-store';

/** Declared under app.storage.entities in manifest.yml: the meta record is an entity so writes can be conditional. */
export const META_ENTITY = 'roadmap-meta';
export const MAX_TRANSACTION_OPERATIONS = 25;
/** The platform's limit for one value; checked before writing so the answer is a clear LIMIT, not a storage error. */
export const MAX_VALUE_BYTES = 240 * 1024;

function checkValueSize(key: string, value: unknown) {
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > MAX_VALUE_BYTES) {
    throw new AppError('LIMIT', `This change would store ${Math.ceil(bytes / 1024)} KiB under ${key}, over the 240 KiB Forge storage limit`);
  }
}
const QUERY_PAGE = 100;

interface MetaEntity {
  projectId: string;
  revision: number;
  schemaVersion: number;
  data: unknown;
}

interface ChunkValue {
  schemaVersion: number;
  items: unknown[];
}

function isConditionFailure(error: unknown): boolean {
  const code = (error as Partial<ForgeKvsAPIError>)?.code;
  return typeof code === 'string' && /CONDITION|CONFLICT|PRECONDITION/i.test(code);
}

/** Pages through every value under a key prefix, 100 at a time (the KVS maximum). */
async function queryAll<T>(prefix: string): Promise<Array<{ key: string; value: T }>> {
  const results: Array<{ key: string; value: T }> = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(QUERY_PAGE);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<T>();
    results.push(...page.results);
    cursor = page.nextCursor;
  } while (cursor);
  return results;
}

export function createKvsRoadmapStore(): RoadmapStore {
  const metaEntity = kvs.entity<MetaEntity>(META_ENTITY);

  return {
    async load(projectId) {
      // The three reads are independent: issue them together (3 round trips, 1 round-trip latency).
      const [metaRecord, initiativeChunks, debtChunks] = await Promise.all([
        metaEntity.get(metaKey(projectId)),
        queryAll<unknown>(collectionPrefix(projectId, 'ini')),
        queryAll<unknown>(collectionPrefix(projectId, 'dbt')),
      ]);
      if (!metaRecord) return null;
      const roadmap: Roadmap = {
        meta: migrateMeta(metaRecord.data, metaRecord.schemaVersion),
        initiatives: initiativeChunks.flatMap((chunk) => migrateInitiatives(chunk.value)),
        debtItems: debtChunks.flatMap((chunk) => migrateDebtItems(chunk.value)),
      };
      // v1 chunked 50 initiatives per key; the next write re-chunks everything (see commit).
      const chunks = [...initiativeChunks, ...debtChunks];
      if (chunks.some((chunk) => isLegacyChunk(chunk.value))) roadmap.legacyStorage = { keys: chunks.map((chunk) => chunk.key) };
      return roadmap;
    },

    async commit(projectId, write: RoadmapWrite) {
      const { roadmap, change } = write;
      const { meta } = roadmap;
      if (meta.revision !== write.baseRevision + 1 || change.revision !== meta.revision) {
        throw new Error('A write must advance the revision by exactly one');
      }
      const tx = kvs.transact();
      let operations = 0;
      const count = () => {
        operations++;
        if (operations > MAX_TRANSACTION_OPERATIONS) {
          throw new AppError('LIMIT', `This change touches too much at once (over ${MAX_TRANSACTION_OPERATIONS} stored records); split it up`);
        }
      };

      // The meta write is conditional on the revision the caller read: a concurrent writer makes it fail whole.
      const condition =
        write.baseRevision === 0
          ? new Filter<MetaEntity>().and('revision', FilterConditions.notExists())
          : new Filter<MetaEntity>().and('revision', FilterConditions.equalTo(write.baseRevision));
      count();
      const metaValue: MetaEntity = { projectId, revision: meta.revision, schemaVersion: SCHEMA_VERSION, data: meta };
      checkValueSize(metaKey(projectId), metaValue);
      tx.set<MetaEntity>(metaKey(projectId), metaValue, { entityName: META_ENTITY, conditions: condition });

      const chunks = new Map<string, { collection: Collection; chunk: number }>();
      // Upgrading from an older layout rewrites every item and drops every old chunk key, in this same transaction.
      const legacyKeys = new Set(roadmap.legacyStorage?.keys ?? []);
      const touched = legacyKeys.size > 0 ? [...roadmap.initiatives, ...roadmap.debtItems].map((item) => item.id) : write.touched;
      for (const id of touched) {
        const collection = collectionOf(id);
        const chunk = chunkOf(id);
        chunks.set(`${collection}:${chunk}`, { collection, chunk });
      }
      for (const { collection, chunk } of chunks.values()) {
        const source: Array<{ id: string }> = collection === 'ini' ? roadmap.initiatives : roadmap.debtItems;
        const items = source.filter((item) => chunkOf(item.id) === chunk);
        count();
        const key = chunkKey(projectId, collection, chunk);
        legacyKeys.delete(key);
        if (items.length === 0) tx.delete(key);
        else {
          const value: ChunkValue = { schemaVersion: SCHEMA_VERSION, items };
          checkValueSize(key, value);
          tx.set<ChunkValue>(key, value);
        }
      }
      for (const key of legacyKeys) {
        count();
        tx.delete(key);
      }
      count();
      checkValueSize(changeKey(projectId, change.revision), change);
      tx.set<ChangeRecord>(changeKey(projectId, change.revision), change);
      for (const { issueId, link } of write.epicLinks?.set ?? []) {
        count();
        tx.set<EpicLink>(epicKey(issueId), link);
      }
      for (const issueId of write.epicLinks?.remove ?? []) {
        count();
        tx.delete(epicKey(issueId));
      }

      try {
        await tx.execute();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        throw await conflictError(projectId, write.baseRevision);
      }
    },

    async getEpicLink(issueId) {
      return (await kvs.get<EpicLink>(epicKey(issueId))) ?? null;
    },

    async listChanges(projectId, page) {
      let query = kvs.query().where('key', WhereConditions.beginsWith(changePrefix(projectId))).limit(page.limit);
      if (page.cursor) query = query.cursor(page.cursor);
      const result = await query.getMany<ChangeRecord>();
      return { changes: result.results.map((r) => r.value), nextCursor: result.nextCursor } satisfies ChangePage;
    },
  };

  /** A refused write names what changed since the caller's revision, from the changelog (newest first). */
  async function conflictError(projectId: string, baseRevision: number): Promise<AppError> {
    const newer = await kvs
      .query()
      .where('key', WhereConditions.beginsWith(changePrefix(projectId)))
      .limit(10)
      .getMany<ChangeRecord>();
    return new AppError('CONFLICT', conflictMessage(baseRevision, newer.results.map((r) => r.value)));
  }
}
