import * as rules from '../../../src/domain/rules';
import { roadmapHealth } from '../../../src/domain/rules';
import { debtItem, goals, initiative, meta, phase, rice, roadmap, TODAY } from './fixtures';

describe('roadmapHealth', () => {
  it('an empty roadmap (no initiatives, no phases, capacity 0) reports capacity not set and missing goals, nothing else', () => {
    const health = roadmapHealth(roadmap({ meta: meta({ capacity: { perQuarter: 0 }, phases: [], lastReviewedAt: '2026-11-01T00:00:00Z' }) }), TODAY);
    expect(health.asOf).toBe('2026-11-15');
    expect(health.currentQuarter).toBe('2026-Q4');
    expect(health.capacity.summary.state).toBe('capacity-not-set');
    expect(health.capacity.quarters).toHaveLength(1);
    expect(health.capacity.quarters[0]).toMatchObject({ quarter: '2026-Q4', state: 'capacity-not-set', committed: 0 });
    expect(health.ranking).toEqual([]);
    expect(health.costImpact.placements).toEqual([]);
    expect(health.debt).toEqual([]);
    expect(health.dependencies).toEqual({ findings: [], cycles: [], order: [] });
    expect(health.traceability.goalCountWarning?.kind).toBe('too-few-goals');
    expect(health.counts).toEqual({
      initiatives: 0,
      open: 0,
      done: 0,
      dropped: 0,
      openByHorizon: { now: 0, next: 0, later: 0 },
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
      problems: 1,
    });
  });

  it('runs every rule and counts what it found', () => {
    const health = roadmapHealth(
      roadmap({
        meta: meta({
          businessGoals: goals(3),
          capacity: { perQuarter: 100, bufferPercent: 35 },
          phases: [phase({ id: 'P-1', order: 0 }), phase({ id: 'P-2', name: 'Scale', order: 1 })],
          lastReviewedAt: null,
        }),
        initiatives: [
          initiative({ id: 'I-1', effort: 70, businessGoalIds: ['G-1'], rice: rice(100, 2, 80, 70), dependsOn: ['I-2'] }),
          initiative({ id: 'I-2', targetQuarter: '2027-Q1', businessGoalIds: ['G-1'], rice: rice(50, 1, 100, 5) }),
          initiative({ id: 'I-3', targetQuarter: '2026-Q2', updatedAt: '2026-01-01T00:00:00Z', effort: null }),
          initiative({ id: 'I-4', status: 'done', targetQuarter: '2026-Q3', businessGoalIds: ['G-2'], effort: 10 }),
          initiative({ id: 'I-5', status: 'dropped', targetQuarter: '2027-Q4' }),
          initiative({ id: 'I-6', targetQuarter: '2027-Q4', dependsOn: ['I-6'], businessGoalIds: ['G-1'] }),
        ],
        debtItems: [
          debtItem({ id: 'D-1', impact: 5, urgency: 4 }),
          debtItem({ id: 'D-2', impact: 1, urgency: 2 }),
          debtItem({ id: 'D-3', impact: 5, urgency: 5, promotedTo: 'I-1' }),
        ],
      }),
      TODAY,
    );

    expect(health.capacity.summary.bufferSettingWarning?.kind).toBe('buffer-above-range');
    expect(health.capacity.summary.overCommittedQuarters).toEqual(['2026-Q4']); // 70 > 65 plannable
    expect(health.capacity.summary.unestimatedIds).toEqual(['I-3', 'I-6']); // I-2 is estimated through its RICE effort
    expect(health.ranking.map((r) => r.initiativeId)).toEqual(['I-2', 'I-1', 'I-3', 'I-6']);
    expect(health.costImpact.placements.map((p) => p.initiativeId)).toEqual(['I-1', 'I-2', 'I-3', 'I-6']);
    expect(health.debt.map((d) => [d.debtId, d.band])).toEqual([
      ['D-1', 'act-now'],
      ['D-2', 'watch'],
    ]);
    expect(health.dependencies.findings.map((f) => [f.kind, f.initiativeId])).toEqual([
      ['cycle', 'I-6'],
      ['depends-on-later-horizon', 'I-1'],
    ]);
    expect(health.dependencies.order).toBeNull();
    expect(health.traceability.backlogCandidates.map((b) => b.initiativeId)).toEqual(['I-3']);
    expect(health.traceability.goalsWithoutInitiatives.map((g) => g.goalId)).toEqual(['G-3']);
    expect(health.staleness.overdue.map((o) => o.initiativeId)).toEqual(['I-3']);
    expect(health.staleness.untouched.map((u) => u.initiativeId)).toEqual(['I-3']);

    expect(health.counts).toEqual({
      initiatives: 6,
      open: 4,
      done: 1,
      dropped: 1,
      openByHorizon: { now: 2, next: 1, later: 1 },
      overCommittedQuarters: 1,
      // The 35 % setting is out of range, and Q4 2026 eats into it (the over-committed quarter, counted once as a problem).
      bufferWarnings: 2,
      unestimated: 2,
      dependencyFindings: 2,
      cycles: 1,
      backlogCandidates: 1,
      goalsWithoutInitiatives: 1,
      overdueInitiatives: 1,
      untouchedInitiatives: 1,
      openDebt: 2,
      actNowDebt: 1,
      reviewOverdue: true,
      // 1 over-committed + 1 buffer + 2 dependency + 1 backlog + 1 goal + 1 overdue + 1 untouched + 1 review + 1 debt
      problems: 10,
    });
  });

  it('uses the roadmap’s horizon rules', () => {
    const health = roadmapHealth(
      roadmap({
        meta: meta({ horizonRules: { nowQuarters: 2, nextQuarters: 1 } }),
        initiatives: [initiative({ id: 'I-1', targetQuarter: '2027-Q1' })],
      }),
      TODAY,
    );
    expect(health.counts.openByHorizon).toEqual({ now: 1, next: 0, later: 0 });
  });

  it('exports every rule from the index for the UI and benchmarks', () => {
    for (const name of [
      'roadmapHealth',
      'capacityByQuarter',
      'bufferSettingWarning',
      'riceScore',
      'rankByRice',
      'costImpactMatrix',
      'debtPriority',
      'rankDebt',
      'analyseDependencies',
      'findCycles',
      'topologicalOrder',
      'traceability',
      'goalCountWarning',
      'reviewStatus',
      'untouchedInitiatives',
      'overdueInitiatives',
      'staleness',
      'effortOf',
      'isOpen',
      'median',
    ]) {
      expect(typeof (rules as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
