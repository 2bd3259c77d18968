import type { ErrorCode } from '../../../src/domain/api';

export { DEBT_CATEGORY_LABEL, HORIZON_LABEL, STATUS_LABEL, TRACK_LABEL } from '../../../src/domain/labels';

/** Titles for error codes when a surface has nothing more specific to say. */
export const ERROR_TITLE: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Check the highlighted fields',
  FORBIDDEN: "You don't have access to this project's roadmap",
  NOT_FOUND: 'Not found',
  CONFLICT: 'The roadmap changed since you opened it',
  LIMIT: 'That is over a Forge platform limit',
  UPSTREAM: 'Something went wrong',
};
