import type { HealthCounts } from './health';

/** How bad the roadmap's health is, as one word for a badge. */
export type HealthSeverity = 'critical' | 'warning' | 'ok';

/**
 * Critical when the plan cannot hold as written: a dependency cycle, a quarter over-committed, work past its
 * quarter, or a review overdue. Warning for any other problem (backlog candidates, untouched work, goals nothing
 * serves, act-now debt…). The summary and the Health view both show this, so they never disagree.
 */
export function healthSeverity(counts: HealthCounts): HealthSeverity {
  if (counts.cycles > 0 || counts.overCommittedQuarters > 0 || counts.overdueInitiatives > 0 || counts.reviewOverdue) return 'critical';
  return counts.problems > 0 ? 'warning' : 'ok';
}

export const SEVERITY_LABEL: Record<HealthSeverity, string> = { critical: 'Needs attention', warning: 'Some problems', ok: 'Healthy' };
