import { randomUUID } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { POINTS_FIELD_KEY, progressEpochKey, progressPartKey } from './keys';
import { MAX_PART_BYTES, type ProgressCacheStore } from './progress-cache-store';

/** KVS batch limits (DESIGN §1): 25 keys per batch, 4 MB per request — we stay a margin below the latter. */
const BATCH_KEYS = 25;
const BATCH_BYTES = 3.5 * 1024 * 1024;

interface EpochValue {
  token: string;
  /** When the change was recorded (ms since epoch). */
  at: number;
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Items cut into batches of at most 25 keys and BATCH_BYTES of values. */
function batches<T extends { value: unknown }>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = bytesOf(item.value);
    if (current.length > 0 && (current.length === BATCH_KEYS || bytes + size > BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function setAll(items: Array<{ key: string; value: unknown }>, retainSeconds: number): Promise<void> {
  for (const { key, value } of items) {
    if (bytesOf(value) > MAX_PART_BYTES) throw new Error(`${key} would exceed the 240 KiB KVS value limit`);
  }
  const ttl = { value: Math.max(1, Math.round(retainSeconds)), unit: 'SECONDS' as const };
  const results = await Promise.all(batches(items).map((batch) => kvs.batchSet(batch.map(({ key, value }) => ({ key, value, options: { ttl } })))));
  const failed = results.flatMap((result) => result.failedKeys);
  if (failed.length > 0) throw new Error(`KVS refused ${failed.length} progress cache key(s): ${failed[0].error.code}`);
}

export function createKvsProgressCacheStore(): ProgressCacheStore {
  return {
    async read(projectId, accountId, parts) {
      const partKeys = accountId === null ? [] : Array.from({ length: parts }, (_, n) => progressPartKey(projectId, accountId, n));
      const keys = [progressEpochKey(projectId), POINTS_FIELD_KEY, ...partKeys];
      const groups = Array.from({ length: Math.ceil(keys.length / BATCH_KEYS) }, (_, i) => keys.slice(i * BATCH_KEYS, (i + 1) * BATCH_KEYS));
      const answers = await Promise.all(groups.map((group) => kvs.batchGet<unknown>(group.map((key) => ({ key })))));
      // A key that is missing (or failed) simply reads as absent: the caller treats that as a miss.
      const found = new Map(answers.flatMap((answer) => answer.successfulKeys.map((item) => [item.key, item.value] as const)));
      const epoch = found.get(progressEpochKey(projectId)) as Partial<EpochValue> | undefined;
      return {
        epoch: typeof epoch?.token === 'string' && typeof epoch.at === 'number' ? { token: epoch.token, at: epoch.at } : null,
        parts: partKeys.map((key) => found.get(key)),
        pointsField: found.get(POINTS_FIELD_KEY),
      };
    },

    writeParts(projectId, accountId, parts, retainSeconds) {
      return setAll(
        parts.map((value, n) => ({ key: progressPartKey(projectId, accountId, n), value })),
        retainSeconds,
      );
    },

    writePointsField(value, retainSeconds) {
      return setAll([{ key: POINTS_FIELD_KEY, value }], retainSeconds);
    },

    async bumpEpoch(projectId, at) {
      // No TTL: an epoch must outlive every entry built before it, or an old entry could match again.
      await kvs.set<EpochValue>(progressEpochKey(projectId), { token: `${at.getTime().toString(36)}-${randomUUID()}`, at: at.getTime() });
    },
  };
}
