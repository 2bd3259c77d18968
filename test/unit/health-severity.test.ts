import type { HealthCounts } from '../../src/domain/rules/health';
import { healthSeverity } from '../../src/domain/rules/severity';

const healthy: HealthCounts = {
  initiatives: 5,
  open: 4,
  done: 1,
  dropped: 0,
  openByHorizon: { now: 2, next: 1, later: 1 },
  overCommittedQuarters: 0,
  bufferWarnings: 0,
  unestimated: 0,
  dependencyFindings: 0,
  cycles: 0,
  backlogCandidates: 0,
  goalsWithoutInitiatives: 0,
  overdueInitiatives: 0,
  untouchedInitiatives: 0,
  openDebt: 0,
  actNowDebt: 0,
  reviewOverdue: false,
  problems: 0,
};

describe('health severity (one word for the summary, the Health view and its tab)', () => {
  it('is ok without problems', () => expect(healthSeverity(healthy)).toBe('ok'));
  it('is a warning for problems that do not break the plan', () => {
    expect(healthSeverity({ ...healthy, backlogCandidates: 2, problems: 2 })).toBe('warning');
    expect(healthSeverity({ ...healthy, untouchedInitiatives: 1, problems: 1 })).toBe('warning');
    expect(healthSeverity({ ...healthy, dependencyFindings: 1, problems: 1 })).toBe('warning');
  });
  it.each([
    ['a dependency cycle', { cycles: 1, dependencyFindings: 2, problems: 2 }],
    ['an over-committed quarter', { overCommittedQuarters: 1, problems: 1 }],
    ['overdue work', { overdueInitiatives: 1, problems: 1 }],
    ['an overdue review', { reviewOverdue: true, problems: 1 }],
  ])('is critical for %s', (_, counts) => expect(healthSeverity({ ...healthy, ...counts })).toBe('critical'));
});
