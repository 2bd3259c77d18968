import type { DebtCategory, Horizon, InitiativeStatus, Track } from './model';

/** How each enum value reads to people: one table for the UI, exports and imports. */
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

export const DEBT_CATEGORY_LABEL: Record<DebtCategory, string> = {
  'outdated-dependency': 'Outdated dependency',
  'scaling-bottleneck': 'Scaling bottleneck',
  'security-risk': 'Security risk',
  'developer-friction': 'Developer friction',
  'architectural-coupling': 'Architectural coupling',
};
