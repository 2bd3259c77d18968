import { kvs } from '@forge/kvs';
import {
  type DigestRun,
  digestRunSchema,
  type DigestVisit,
  digestVisitSchema,
  MAX_DIGEST_BYTES,
  type StoredDigest,
  storedDigestSchema,
} from '../domain/digest';
import { AppError } from '../domain/errors';
import { DIGEST_RUN_KEY, digestKey, digestVisitKey } from './keys';

/**
 * The daily digests (one small value per roadmap), each viewer's last visit, and the daily run's cursor. Plain KVS
 * values, each written whole by one set: a digest is a pure function of its day's inputs, a visit belongs to one
 * person, the cursor to the one run of the day — none needs a transaction. Reads parse with the domain's schemas; a
 * value that does not parse counts as absent (the next run or visit rewrites it).
 */
export interface DigestStore {
  get(projectId: string): Promise<StoredDigest | null>;
  put(digest: StoredDigest): Promise<void>;
  getVisit(projectId: string, accountId: string): Promise<DigestVisit | null>;
  putVisit(projectId: string, accountId: string, visit: DigestVisit): Promise<void>;
  getRun(): Promise<DigestRun | null>;
  putRun(run: DigestRun): Promise<void>;
}

function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: unknown): T | null {
  if (value === undefined || value === null) return null;
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}

export function createKvsDigestStore(): DigestStore {
  return {
    async get(projectId) {
      return parsed(storedDigestSchema, await kvs.get(digestKey(projectId)));
    },
    async put(digest) {
      const value = storedDigestSchema.parse(digest);
      const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
      if (bytes > MAX_DIGEST_BYTES) throw new AppError('LIMIT', `The digest of ${digest.projectId} would store ${Math.ceil(bytes / 1024)} KiB, over 240 KiB`);
      await kvs.set(digestKey(digest.projectId), value);
    },
    async getVisit(projectId, accountId) {
      return parsed(digestVisitSchema, await kvs.get(digestVisitKey(projectId, accountId)));
    },
    async putVisit(projectId, accountId, visit) {
      await kvs.set(digestVisitKey(projectId, accountId), digestVisitSchema.parse(visit));
    },
    async getRun() {
      return parsed(digestRunSchema, await kvs.get(DIGEST_RUN_KEY));
    },
    async putRun(run) {
      await kvs.set(DIGEST_RUN_KEY, digestRunSchema.parse(run));
    },
  };
}
