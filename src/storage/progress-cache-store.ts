/**
 * The port progress-cache.ts keeps its entries behind: raw values under the `pg:` and `site:` keys (keys.ts). The
 * store knows keys and round trips; what a value means, and whether it may be used, is decided by the caller.
 */
/** The platform's limit for one KVS value, in UTF-8 bytes of JSON (DESIGN §1); each part must fit. */
export const MAX_PART_BYTES = 240 * 1024;

export interface ProgressCacheRead {
  /** The roadmap's progress epoch: its token and when the change was recorded (null: no change recorded yet). */
  epoch: { token: string; at: number } | null;
  /** Stored value of each requested part (undefined: absent). Empty without an account. */
  parts: unknown[];
  /** The stored site points-field record (undefined: absent). */
  pointsField: unknown;
}

export interface ProgressCacheStore {
  /** The epoch, the account's parts 0…parts-1 and the points field: one batch get per 25 keys, the batches together. */
  read(projectId: string, accountId: string | null, parts: number): Promise<ProgressCacheRead>;
  /** Writes the account's parts 0…n-1 (each ≤ 240 KiB), kept by KVS for `retainSeconds`; throws if any key failed. */
  writeParts(projectId: string, accountId: string, parts: readonly unknown[], retainSeconds: number): Promise<void>;
  writePointsField(value: unknown, retainSeconds: number): Promise<void>;
  /**
   * Replaces the roadmap's progress epoch with a token no earlier epoch can equal: every entry built before reads
   * cold (a duplicate or late event can only make entries colder, never warmer).
   */
  bumpEpoch(projectId: string, at: Date): Promise<void>;
}
