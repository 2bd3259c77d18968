import type { CapacitySettings, DebtCategory, Horizon, InitiativeStatus, Track } from './model';

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

/** Capacity units as they read in a sentence ("60 person-weeks"), singular for one. */
export const CAPACITY_UNIT_LABEL: Record<CapacitySettings['unit'], { one: string; many: string }> = {
  points: { one: 'point', many: 'points' },
  'person-weeks': { one: 'person-week', many: 'person-weeks' },
  'person-days': { one: 'person-day', many: 'person-days' },
};

export const amountWithUnit = (amount: number, unit: CapacitySettings['unit']) =>
  `${amount} ${amount === 1 ? CAPACITY_UNIT_LABEL[unit].one : CAPACITY_UNIT_LABEL[unit].many}`;
