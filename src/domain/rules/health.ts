import { horizonFor } from '../horizon';
import type { Horizon, Roadmap } from '../model';
import { type Quarter, quarterOf } from '../quarter';
import { bufferWarningCount, type CapacityReport, capacityRule } from './capacity';
import { isoDay } from './dates';
import { dependenciesRule, type DependencyReport } from './dependencies';
import type { HealthContext, HealthRule } from './health-rule';
import { isOpen } from './initiative-facts';
import { actNowCount, type CostImpactMatrix, costImpactMatrix, debtRule, rankByRice, type RankedDebt, type RiceRank } from './prioritisation';
import { type StalenessReport, stalenessRule } from './staleness';
import { type TraceabilityReport, traceabilityRule } from './traceability';

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

/**
 * The rules whose findings count as problems: each one's report lands in RoadmapHealth under its key, and its
 * `problems` add up to `counts.problems`. A new rule: one file exporting a `healthRule`, one line here.
 */
export const HEALTH_RULES = [capacityRule, dependenciesRule, traceabilityRule, stalenessRule, debtRule] as const;

type RuleReports = { [R in (typeof HEALTH_RULES)[number] as R['key']]: ReturnType<R['analyse']> };

/** Every registered rule's report, and the sum of their problems. */
function runHealthRules(context: HealthContext): { reports: RuleReports; problems: number } {
  const reports: Record<string, unknown> = {};
  let problems = 0;
  for (const rule of HEALTH_RULES as unknown as readonly HealthRule<string, unknown>[]) {
    const report = rule.analyse(context);
    reports[rule.key] = report;
    problems += rule.problems(report);
  }
  return { reports: reports as RuleReports, problems };
}

export function roadmapHealth(roadmap: Roadmap, today: Date): RoadmapHealth {
  const { meta, initiatives } = roadmap;
  const currentQuarter = quarterOf(today);
  const open = initiatives.filter(isOpen);

  const { reports, problems } = runHealthRules({ roadmap, today, currentQuarter, open });
  const { capacity, debt, dependencies, traceability: trace, staleness: stale } = reports;
  const ranking = rankByRice(open);
  const costImpact = costImpactMatrix(open);

  const openByHorizon: Record<Horizon, number> = { now: 0, next: 0, later: 0 };
  for (const initiative of open) openByHorizon[horizonFor(initiative, today, meta.horizonRules)] += 1;

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
      bufferWarnings: bufferWarningCount(capacity),
      unestimated: capacity.summary.unestimatedCount,
      dependencyFindings: dependencies.findings.length,
      cycles: dependencies.cycles.length,
      backlogCandidates: trace.backlogCandidates.length,
      goalsWithoutInitiatives: trace.goalsWithoutInitiatives.length,
      overdueInitiatives: stale.overdue.length,
      untouchedInitiatives: stale.untouched.length,
      openDebt: debt.length,
      actNowDebt: actNowCount(debt),
      reviewOverdue: stale.review.overdue,
      problems,
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
