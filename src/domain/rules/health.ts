import { horizonFor } from '../horizon';
import type { Horizon, Roadmap } from '../model';
import { quarterOf, type Quarter } from '../quarter';
import { capacityByQuarter, type CapacityReport } from './capacity';
import { isoDay } from './dates';
import { analyseDependencies, type DependencyReport } from './dependencies';
import { isOpen } from './initiative-facts';
import { costImpactMatrix, rankByRice, rankDebt, type CostImpactMatrix, type RankedDebt, type RiceRank } from './prioritisation';
import { staleness, type StalenessReport } from './staleness';
import { traceability, type TraceabilityReport } from './traceability';

/**
 * Every roadmap rule in one pass, as plain data for the health panel. Each rule is O(n) or O(n log n) in the number
 * of initiatives (maps and sets, one sort each), so 5,000 initiatives stay far below 100 ms.
 */

export interface HealthCounts {
  initiatives: number;
  open: number;
  done: number;
  dropped: number;
  /** Open initiatives per horizon. */
  openByHorizon: Record<Horizon, number>;
  overCommittedQuarters: number;
  bufferWarnings: number;
  unestimated: number;
  dependencyFindings: number;
  cycles: number;
  backlogCandidates: number;
  goalsWithoutInitiatives: number;
  overdueInitiatives: number;
  untouchedInitiatives: number;
  /** Debt not yet promoted to an initiative. */
  openDebt: number;
  /** Open debt in the act-now band. */
  actNowDebt: number;
  reviewOverdue: boolean;
  /** Everything above that needs someone's attention, as one number for a badge. */
  problems: number;
}

export interface RoadmapHealth {
  /** The calendar day (UTC) the health was computed for. */
  asOf: string;
  currentQuarter: Quarter;
  counts: HealthCounts;
  capacity: CapacityReport;
  /** Open initiatives by RICE. */
  ranking: RiceRank[];
  /** Open initiatives in the cost-vs-impact matrix. */
  costImpact: CostImpactMatrix;
  /** Debt not yet promoted, highest priority first. */
  debt: RankedDebt[];
  dependencies: DependencyReport;
  traceability: TraceabilityReport;
  staleness: StalenessReport;
}

export function roadmapHealth(roadmap: Roadmap, today: Date): RoadmapHealth {
  const { meta, initiatives, debtItems } = roadmap;
  const currentQuarter = quarterOf(today);
  const open = initiatives.filter(isOpen);

  const capacity = capacityByQuarter(meta.capacity, initiatives, { includeQuarters: [currentQuarter] });
  const ranking = rankByRice(open);
  const costImpact = costImpactMatrix(open);
  const debt = rankDebt(debtItems.filter((item) => item.promotedTo === null));
  const dependencies = analyseDependencies(initiatives, meta.phases, today, meta.horizonRules);
  const trace = traceability(meta.businessGoals, initiatives);
  const stale = staleness(meta, initiatives, today);

  const openByHorizon: Record<Horizon, number> = { now: 0, next: 0, later: 0 };
  for (const initiative of open) openByHorizon[horizonFor(initiative, today, meta.horizonRules)] += 1;

  const bufferWarnings = (capacity.summary.bufferSettingWarning ? 1 : 0) + capacity.summary.bufferEatenQuarters.length;
  const actNowDebt = debt.filter((item) => item.band === 'act-now').length;
  const problemCounts = [
    capacity.summary.overCommittedQuarters.length,
    bufferWarnings,
    dependencies.findings.length,
    trace.backlogCandidates.length,
    trace.goalsWithoutInitiatives.length,
    trace.goalCountWarning ? 1 : 0,
    stale.overdue.length,
    stale.untouched.length,
    stale.review.overdue ? 1 : 0,
    actNowDebt,
  ];

  return {
    asOf: isoDay(today),
    currentQuarter,
    counts: {
      initiatives: initiatives.length,
      open: open.length,
      done: initiatives.filter((i) => i.status === 'done').length,
      dropped: initiatives.filter((i) => i.status === 'dropped').length,
      openByHorizon,
      overCommittedQuarters: capacity.summary.overCommittedQuarters.length,
      bufferWarnings,
      unestimated: capacity.summary.unestimatedCount,
      dependencyFindings: dependencies.findings.length,
      cycles: dependencies.cycles.length,
      backlogCandidates: trace.backlogCandidates.length,
      goalsWithoutInitiatives: trace.goalsWithoutInitiatives.length,
      overdueInitiatives: stale.overdue.length,
      untouchedInitiatives: stale.untouched.length,
      openDebt: debt.length,
      actNowDebt,
      reviewOverdue: stale.review.overdue,
      problems: problemCounts.reduce((total, count) => total + count, 0),
    },
    capacity,
    ranking,
    costImpact,
    debt,
    dependencies,
    traceability: trace,
    staleness: stale,
  };
}
