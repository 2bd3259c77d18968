/** Platform limits of Forge KVS (DESIGN.md §1) and the validators that enforce them. */
import { badRequest, KvsError, KvsErrorCode } from './errors';

export const LIMITS = {
  maxKeyLength: 500,
  keyPattern: /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/,
  /** 240 KiB of JSON (UTF-8). */
  maxValueBytes: 240 * 1024,
  /** Deepest allowed nesting of objects/arrays; a scalar has depth 0, `{a:1}` depth 1. */
  maxDepth: 31,
  maxQueryLimit: 100,
  defaultQueryLimit: 10,
  maxBatchItems: 25,
  maxTransactionOperations: 25,
  /** 4 MB request payload for transactions and batch set. */
  maxPayloadBytes: 4 * 1024 * 1024,
} as const;

const TTL_SECONDS: Record<string, number> = { SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86400 };

export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

export function validateKey(key: unknown): string {
  if (typeof key !== 'string') throw badRequest('key must be a string');
  if (key.length === 0) throw new KvsError(400, KvsErrorCode.KEY_TOO_SHORT, 'The provided key needs to be at least one character.');
  if (key.length > LIMITS.maxKeyLength) {
    throw new KvsError(400, KvsErrorCode.KEY_TOO_LONG, `The provided key has exceeded the maximum ${LIMITS.maxKeyLength} characters.`, {
      length: key.length,
    });
  }
  if (!LIMITS.keyPattern.test(key)) {
    throw new KvsError(400, KvsErrorCode.INVALID_KEY, `The provided key does not match the regex: ${LIMITS.keyPattern}`);
  }
  return key;
}

/** Depth of nested objects/arrays, stopping early once `limit` is exceeded. */
export function depthOf(value: unknown, limit: number = LIMITS.maxDepth): number {
  if (value === null || typeof value !== 'object') return 0;
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
  let deepest = 0;
  for (const child of children) {
    const d = depthOf(child, limit);
    if (d > deepest) deepest = d;
    if (deepest + 1 > limit) break;
  }
  return deepest + 1;
}

/** Validates a value to store; returns its JSON text. */
export function validateValue(value: unknown): string {
  if (value === undefined) throw badRequest('value is required');
  const json = JSON.stringify(value);
  if (json === undefined) throw badRequest('value is not JSON-serialisable');
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > LIMITS.maxValueBytes) {
    throw new KvsError(400, KvsErrorCode.MAX_SIZE, `The provided value has exceeded the maximum size limit (${LIMITS.maxValueBytes} bytes).`, {
      bytes,
    });
  }
  if (depthOf(value) > LIMITS.maxDepth) {
    throw new KvsError(400, KvsErrorCode.MAX_DEPTH, `The provided value has exceeded the maximum object depth (${LIMITS.maxDepth}).`);
  }
  return json;
}

/** Returns the expiry instant (ms since epoch) for `options.ttl`, or null when there is none. */
export function expiryFrom(ttl: unknown, now: number): number | null {
  if (ttl === undefined || ttl === null) return null;
  if (typeof ttl !== 'object') throw badRequest('options.ttl must be an object { value, unit }');
  const { value, unit } = ttl as { value?: unknown; unit?: unknown };
  const seconds = typeof unit === 'string' ? TTL_SECONDS[unit] : undefined;
  if (seconds === undefined) throw badRequest('options.ttl.unit must be one of SECONDS, MINUTES, HOURS, DAYS');
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw badRequest('options.ttl.value must be a positive integer');
  }
  return now + value * seconds * 1000;
}

export function validateQueryLimit(limit: unknown): number {
  if (limit === undefined || limit === null) return LIMITS.defaultQueryLimit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) throw badRequest('limit must be a positive integer');
  if (limit > LIMITS.maxQueryLimit) {
    throw new KvsError(400, KvsErrorCode.LIST_QUERY_LIMIT_EXCEEDED, `Limit for list query should be at most ${LIMITS.maxQueryLimit}.`, {
      limit,
    });
  }
  return limit;
}

export function checkPayloadSize(body: unknown): void {
  const bytes = jsonBytes(body);
  if (bytes > LIMITS.maxPayloadBytes) {
    throw new KvsError(400, KvsErrorCode.PAYLOAD_TOO_LARGE, `Request payload exceeds ${LIMITS.maxPayloadBytes} bytes.`, { bytes });
  }
}
