/**
 * Error codes answered by the KVS emulator, and the error type the operations throw.
 *
 * Sources:
 * - (doc) developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs — KEY_TOO_SHORT,
 *   KEY_TOO_LONG, INVALID_KEY, MAX_SIZE, MAX_DEPTH, INVALID_FILTER_CONDITION, INVALID_FILTER_VALUES,
 *   LIST_QUERY_LIMIT_EXCEEDED, QUERY_WHERE_INVALID, QUERY_WHERE_FIELD_INVALID, and 429 RATE_LIMIT_EXCEEDED.
 *   (The page names the missing-key code NOT_FOUND, but the client only swallows KEY_NOT_FOUND, so we answer that.)
 * - (pkg) @forge/kvs 1.6.5 storage-api.js and its own tests — KEY_NOT_FOUND, BAD_REQUEST, INTERNAL_SERVER_ERROR.
 * - (ours) no public source found; descriptive names in the platform's style — TOO_MANY_OPERATIONS,
 *   PAYLOAD_TOO_LARGE, DUPLICATE_KEYS, CONDITION_FAILED, KEY_ALREADY_EXISTS, INVALID_CURSOR, UNSUPPORTED,
 *   NOT_FOUND (unknown endpoint).
 */
export const KvsErrorCode = {
  KEY_TOO_SHORT: 'KEY_TOO_SHORT',
  KEY_TOO_LONG: 'KEY_TOO_LONG',
  INVALID_KEY: 'INVALID_KEY',
  KEY_NOT_FOUND: 'KEY_NOT_FOUND',
  MAX_SIZE: 'MAX_SIZE',
  MAX_DEPTH: 'MAX_DEPTH',
  INVALID_FILTER_CONDITION: 'INVALID_FILTER_CONDITION',
  INVALID_FILTER_VALUES: 'INVALID_FILTER_VALUES',
  LIST_QUERY_LIMIT_EXCEEDED: 'LIST_QUERY_LIMIT_EXCEEDED',
  QUERY_WHERE_INVALID: 'QUERY_WHERE_INVALID',
  QUERY_WHERE_FIELD_INVALID: 'QUERY_WHERE_FIELD_INVALID',
  RATE_LIMIT_EXCEEDED: 'RATE_LIMIT_EXCEEDED',
  BAD_REQUEST: 'BAD_REQUEST',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  TOO_MANY_OPERATIONS: 'TOO_MANY_OPERATIONS',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  DUPLICATE_KEYS: 'DUPLICATE_KEYS',
  CONDITION_FAILED: 'CONDITION_FAILED',
  KEY_ALREADY_EXISTS: 'KEY_ALREADY_EXISTS',
  INVALID_CURSOR: 'INVALID_CURSOR',
  UNSUPPORTED: 'UNSUPPORTED',
  NOT_FOUND: 'NOT_FOUND',
} as const;

export type KvsErrorCode = (typeof KvsErrorCode)[keyof typeof KvsErrorCode];

/** The JSON body of every non-2xx answer. */
export interface KvsErrorBody {
  code: string;
  message: string;
  context?: Record<string, unknown>;
}

/** Thrown inside the emulator; turned into `{ status, body: { code, message, context } }` at the boundary. */
export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly context?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'KvsError';
  }

  toBody(): KvsErrorBody {
    return this.context ? { code: this.code, message: this.message, context: this.context } : { code: this.code, message: this.message };
  }
}

export const badRequest = (message: string, context?: Record<string, unknown>): KvsError => new KvsError(400, KvsErrorCode.BAD_REQUEST, message, context);
