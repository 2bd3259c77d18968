import { kvs, Filter, FilterConditions, WhereConditions, type ForgeKvsAPIError } from '@forge/kvs';
import type { ChangeRecord } from '../domain/changes';
import { AppError } from '../domain/errors';
import type { Initiative, Roadmap } from '../domain/model';
import { changeKey, changePrefix, chunkKey, chunkOf, chunkPrefix, epicKey, metaKey } from './keys';
import { migrateMeta } from './migrations';
import type { ChangePage, EpicLink, RoadmapStore, RoadmapWrite } from './roadmap-store';

/** Declared under app.storage.entities in manifest.yml: the meta record is an entity so writes can be conditional. */
export const META_ENTITY = 'roadmap-meta';
const MAX_TRANSACTION_OPERATIONS = 25;
const QUERY_PAGE = 100;

interface MetaEntity {
  projectId: string;
  revision: number;
  schemaVersion: number;
  data: unknown;
}

interface ChunkValue {
  initiatives: Initiative[];
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
      // Both reads are independent: issue them together (2 round trips, 1 round-trip latency).
      const [metaRecord, chunks] = await Promise.all([
        metaEntity.get(metaKey(projectId)),
        queryAll<ChunkValue>(chunkPrefix(projectId)),
      ]);
      if (!metaRecord) return null;
      const meta = migrateMeta(metaRecord.data, metaRecord.schemaVersion);
      const initiatives = chunks.flatMap((chunk) => chunk.value.initiatives);
      return { meta, initiatives } satisfies Roadmap;
    },

    async commit(projectId, write: RoadmapWrite) {
      const { meta, change } = write;
      if (meta.revision !== write.baseRevision + 1 || change.revision !== meta.revision) {
        throw new Error('A write must advance the revision by exactly one');
      }
      const tx = kvs.transact();
      let operations = 0;
      const add = () => {
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
      add();
      tx.set<MetaEntity>(
        metaKey(projectId),
        { projectId, revision: meta.revision, schemaVersion: meta.schemaVersion, data: meta },
        { entityName: META_ENTITY, conditions: condition },
      );

      const touchedChunks = new Set(write.touched.map(chunkOf));
      for (const chunk of touchedChunks) {
        const members = write.initiatives.filter((initiative) => chunkOf(initiative.id) === chunk);
        add();
        if (members.length === 0) tx.delete(chunkKey(projectId, chunk));
        else tx.set<ChunkValue>(chunkKey(projectId, chunk), { initiatives: members });
      }
      add();
      tx.set<ChangeRecord>(changeKey(projectId, change.revision), change);
      for (const { issueId, link } of write.epicLinks?.set ?? []) {
        add();
        tx.set<EpicLink>(epicKey(issueId), link);
      }
      for (const issueId of write.epicLinks?.remove ?? []) {
        add();
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

  /** A refused write names what changed since the caller's revision, from the changelog. */
  async function conflictError(projectId: string, baseRevision: number): Promise<AppError> {
    const newer = await kvs
      .query()
      .where('key', WhereConditions.beginsWith(changePrefix(projectId)))
      .limit(10)
      .getMany<ChangeRecord>();
    const since = newer.results.map((r) => r.value).filter((c) => c.revision > baseRevision);
    const what = since.length ? since.map((c) => `r${c.revision}: ${c.summary}`).join('; ') : 'another change';
    return new AppError('CONFLICT', `The roadmap changed since you loaded it (revision ${baseRevision}): ${what}. Reload and try again.`);
  }
}
