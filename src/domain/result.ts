/**
 * How every resolver answers: a value or an error value, never an exception across the bridge. Its own module so
 * that errors.ts (used by every edit) depends on nothing that depends on it: no import cycle through api.ts.
 */
export const ERROR_CODES = ['INVALID_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'LIMIT', 'UPSTREAM'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field path (dot-joined) → message, for INVALID_INPUT. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
