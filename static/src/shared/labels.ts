import type { ErrorCode } from '../../../src/domain/api';
import type { Horizon, InitiativeStatus, Track } from '../../../src/domain/model';

export const HORIZON_LABEL: Record<Horizon, string> = { now: 'Now', next: 'Next', later: 'Later' };

export const TRACK_LABEL: Record<Track, string> = {
  'feature-enabling': 'Feature enabling',
  'tech-debt': 'Tech debt',
  reliability: 'Reliability',
  security: 'Security',
  compliance: 'Compliance',
  'developer-experience': 'Developer experience',
};

export const STATUS_LABEL: Record<InitiativeStatus, string> = {
  proposed: 'Proposed',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** Titles for error codes when a surface has nothing more specific to say. */
export const ERROR_TITLE: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Check the highlighted fields',
  FORBIDDEN: "You don't have access to this project's roadmap",
  NOT_FOUND: 'Not found',
  CONFLICT: 'The roadmap changed since you opened it',
  LIMIT: 'Too many requests',
  UPSTREAM: 'Something went wrong',
};
