import type { ZodError } from 'zod';
import type { ApiError, ErrorCode } from './result';

/** An expected failure with a code the UI understands; resolvers turn it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

/** Zod issues → `{ 'initiative.title': 'Required' }`, so the UI can show each message beside its input. */
export function fieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(payload)';
    if (!(path in fields)) fields[path] = issue.message;
  }
  return fields;
}

export function invalidInput(error: ZodError): AppError {
  const fields = fieldErrors(error);
  const first = Object.entries(fields)[0];
  const summary = first ? `${first[0]}: ${first[1]}` : 'Invalid input';
  return new AppError('INVALID_INPUT', `Invalid input — ${summary}`, fields);
}
