import { Filter, FilterConditions, type ForgeKvsAPIError, kvs, Sort, WhereConditions } from '@forge/kvs';
import { type ChangeRecord, conflictMessage } from '../domain/changes';
import { AppError } from '../domain/errors';
import { type Roadmap, SCHEMA_VERSION } from '../domain/model';
import { type BaselineHeader, baselineHeaderSchema } from '../domain/review/codec';
import { planReviewWrite } from '../domain/review/retention';
import {
  baselinePartKey,
  baselinePartPrefix,
  changeKey,
  changePrefix,
  chunkKey,
  chunkOf,
  type Collection,
  collectionOf,
  collectionPrefix,
  EPIC_DELETIONS_KEY,
  epicKey,
  epicPrefix,
  legacyEpicKey,
  metaKey,
  reviewKey,
  reviewPrefix,
} from './keys';
import { isLegacyChunk, migrateDebtItems, migrateInitiatives, migrateMeta } from './migrations';
import type { ChangePage, EpicLink, RoadmapStore, RoadmapWrite } from './roadmap-store';

/** Declared under app.storage.entities in manifest.yml: the meta record is an entity so writes can be conditional. */
export const META_ENTITY = 'roadmap-meta';
/** Declared likewise: a single record whose epoch the issue-deleted trigger bumps (see keys.ts). */
export const EPIC_DELETIONS_ENTITY = 'epic-deletions';

interface EpicDeletions {
  epoch: number;
}
export const MAX_TRANSACTION_OPERATIONS = 25;
/** Keys per batch get (the platform's limit). */
const MAX_BATCH_KEYS = 25;
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
      const legacyChunks = chunks.some((chunk) => isLegacyChunk(chunk.value));
      // Roadmaps written before the per-roadmap epic index: the next write moves their entries.
      const legacyEpics = roadmap.meta.epicIndex === 2 ? [] : [...new Set(roadmap.initiatives.flatMap((i) => i.epicIds))];
      if (legacyChunks || legacyEpics.length > 0) {
        roadmap.legacyStorage = { keys: legacyChunks ? chunks.map((chunk) => chunk.key) : [], epicIds: legacyEpics };
      }
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
      const metaValue: MetaEntity = { projectId, revision: meta.revision, schemaVersion: SCHEMA_VERSION, data: { ...meta, epicIndex: 2 } };
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
      const epicSets = new Map<string, EpicLink>();
      const epicDeletes = new Set<string>();
      const legacyEpics = roadmap.legacyStorage?.epicIds ?? [];
      if (legacyEpics.length > 0) {
        // Moving off the old single-key index: drop the old keys, write this roadmap's entries in the new layout.
        for (const issueId of legacyEpics) epicDeletes.add(legacyEpicKey(issueId));
        const written = new Set<string>();
        for (const initiative of roadmap.initiatives) {
          for (const issueId of initiative.epicIds) {
            if (written.has(issueId)) continue;
            written.add(issueId);
            epicSets.set(epicKey(issueId, projectId), { issueId, projectId, initiativeId: initiative.id });
          }
        }
      }
      for (const link of write.epicLinks?.set ?? []) epicSets.set(epicKey(link.issueId, projectId), link);
      for (const issueId of write.epicLinks?.remove ?? []) {
        epicSets.delete(epicKey(issueId, projectId));
        epicDeletes.add(epicKey(issueId, projectId));
      }
      for (const [key, link] of epicSets) {
        count();
        tx.set<EpicLink>(key, link);
      }
      for (const key of epicDeletes) {
        count();
        tx.delete(key);
      }
      // A write that links epics lands only if no epic was deleted since they were confirmed in Jira.
      const linksEpics = (write.epicLinks?.added.length ?? 0) > 0;
      if (linksEpics) {
        if (write.epicDeletionEpoch === undefined) throw new Error('A write that links epics must carry the epic-deletion epoch it read');
        count();
        tx.check<EpicDeletions>(EPIC_DELETIONS_KEY, {
          entityName: EPIC_DELETIONS_ENTITY,
          conditions:
            write.epicDeletionEpoch === null
              ? new Filter<EpicDeletions>().and('epoch', FilterConditions.notExists())
              : new Filter<EpicDeletions>().and('epoch', FilterConditions.equalTo(write.epicDeletionEpoch)),
        });
      }

      if (write.review) {
        // The review's baseline lands with the review or not at all; the oldest beyond the limit goes in the same
        // transaction. The headers read here cannot go stale unnoticed: any other review changes the meta revision.
        const planned = planReviewWrite(await listReviewHeaders(projectId), write.review, { operations: MAX_TRANSACTION_OPERATIONS - operations });
        const revision = planned.header.revision;
        if (revision !== meta.revision) throw new Error("A review's baseline must carry the revision of its change");
        count();
        tx.set<BaselineHeader>(reviewKey(projectId, revision), planned.header);
        planned.parts.forEach((part, index) => {
          count();
          const key = baselinePartKey(projectId, revision, index);
          checkValueSize(key, part);
          tx.set(key, part);
        });
        for (const old of planned.prune) {
          count();
          tx.delete(reviewKey(projectId, old.revision));
          for (let part = 0; part < old.parts; part++) {
            count();
            tx.delete(baselinePartKey(projectId, old.revision, part));
          }
        }
      }
      try {
        await tx.execute();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const stored = await metaEntity.get(metaKey(projectId));
        if (linksEpics && (stored?.revision ?? 0) === write.baseRevision) {
          throw new AppError('CONFLICT', 'An epic was deleted in Jira while this change was saved; nothing was written. Try again.');
        }
        throw await conflictError(projectId, write.baseRevision);
      }
    },

    async getEpicLinks(issueId) {
      const [rows, legacy] = await Promise.all([queryAll<EpicLink>(epicPrefix(issueId)), kvs.get<Omit<EpicLink, 'issueId'>>(legacyEpicKey(issueId))]);
      const links = rows.map((row) => row.value);
      // A roadmap not yet moved to the per-roadmap index still answers through its old entry.
      if (legacy && !links.some((link) => link.projectId === legacy.projectId))
        links.push({ issueId, projectId: legacy.projectId, initiativeId: legacy.initiativeId });
      return links;
    },

    async epicDeletionEpoch() {
      return (await kvs.entity<EpicDeletions>(EPIC_DELETIONS_ENTITY).get(EPIC_DELETIONS_KEY))?.epoch ?? null;
    },

    async bumpEpicDeletionEpoch() {
      const entity = kvs.entity<EpicDeletions>(EPIC_DELETIONS_ENTITY);
      // Conditional on the epoch read, so two deletions at once both count; bounded retries.
      for (let attempt = 1; ; attempt++) {
        const current = (await entity.get(EPIC_DELETIONS_KEY))?.epoch ?? null;
        const conditions =
          current === null
            ? new Filter<EpicDeletions>().and('epoch', FilterConditions.notExists())
            : new Filter<EpicDeletions>().and('epoch', FilterConditions.equalTo(current));
        try {
          await kvs
            .transact()
            .set<EpicDeletions>(EPIC_DELETIONS_KEY, { epoch: (current ?? 0) + 1 }, { entityName: EPIC_DELETIONS_ENTITY, conditions })
            .execute();
          return;
        } catch (error) {
          if (!isConditionFailure(error) || attempt >= 10) throw error;
        }
      }
    },

    async listChanges(projectId, page) {
      let query = kvs
        .query()
        .where('key', WhereConditions.beginsWith(changePrefix(projectId)))
        .limit(page.limit);
      if (page.cursor) query = query.cursor(page.cursor);
      const result = await query.getMany<ChangeRecord>();
      return { changes: result.results.map((r) => r.value), nextCursor: result.nextCursor } satisfies ChangePage;
    },

    async changesBetween(projectId, { after, upTo, limit }) {
      // The keys are known from the revisions: read them directly, 25 per batch (the KVS maximum), in parallel.
      const from = Math.max(after + 1, upTo - limit + 1, 1);
      const keys: string[] = [];
      for (let revision = upTo; revision >= from; revision--) keys.push(changeKey(projectId, revision));
      const batches: string[][] = [];
      for (let i = 0; i < keys.length; i += MAX_BATCH_KEYS) batches.push(keys.slice(i, i + MAX_BATCH_KEYS));
      const found = await Promise.all(batches.map((batch) => kvs.batchGet<ChangeRecord>(batch.map((key) => ({ key })))));
      const changes = found.flatMap((result) => result.successfulKeys.map((row) => row.value)).sort((a, b) => b.revision - a.revision);
      return { changes, truncated: from > after + 1 };
    },

    listReviews: (projectId) => listReviewHeaders(projectId),

    async loadReviewParts(projectId, header) {
      const rows = await queryAll<unknown>(baselinePartPrefix(projectId, header.revision));
      return rows.sort((a, b) => a.key.localeCompare(b.key)).map((row) => row.value);
    },

    async hasRoadmap(projectId) {
      return (await metaEntity.get(metaKey(projectId))) !== undefined;
    },

    async listRoadmapIds({ after, limit }) {
      // The index declared in manifest.yml (range attribute projectId); each page re-queries after the last id seen,
      // so a walk survives roadmaps started meanwhile and needs no cursor that could expire between invocations.
      let query = metaEntity.query().index('projectId').sort(Sort.ASC).limit(limit);
      if (after !== null) query = query.where(WhereConditions.greaterThan(after));
      const page = await query.getMany();
      return page.results.map((r) => r.value.projectId);
    },
  };

  /** The stored review headers, newest first; one that does not parse is skipped (and never offered). */
  async function listReviewHeaders(projectId: string): Promise<BaselineHeader[]> {
    const rows = await queryAll<unknown>(reviewPrefix(projectId));
    return rows.flatMap((row) => {
      const parsed = baselineHeaderSchema.safeParse(row.value);
      if (!parsed.success) console.warn(`Skipping an unreadable review header ${row.key}`);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** A refused write names what changed since the caller's revision, from the changelog (newest first). */
  async function conflictError(projectId: string, baseRevision: number): Promise<AppError> {
    const newer = await kvs
      .query()
      .where('key', WhereConditions.beginsWith(changePrefix(projectId)))
      .limit(10)
      .getMany<ChangeRecord>();
    return new AppError(
      'CONFLICT',
      conflictMessage(
        baseRevision,
        newer.results.map((r) => r.value),
      ),
    );
  }
}
