import { DEFAULT_HORIZON_RULES, horizonFor } from '../horizon';
import type { Horizon, HorizonRules, Initiative, Phase } from '../model';
import { parseQuarter, type Quarter, quarterLabel } from '../quarter';
import { buildDependencyGraph, findCycles, topologicalOrder } from './dependency-graph';
import { healthRule } from './health-rule';
import { describeInitiative, isOpen } from './initiative-facts';

/**
 * Dependency checks: cycles, dependencies on initiatives that are not on the roadmap or were dropped, and
 * dependencies scheduled after the work that needs them.
 *
 * Which edges are checked: a `dropped` initiative's own dependencies no longer matter, and a `done` one already
 * happened, so only open initiatives get missing / dropped / sequencing findings; a dependency that is already
 * `done` cannot be late. Cycles are looked for in the whole graph, because any cycle makes an order impossible.
 * Each dependency gets at most one sequencing finding, the coarsest conflict: horizon, then phase, then quarter
 * (a Now item waiting on a Next item nearly always also waits on a later quarter; saying it twice is noise).
 */

export type DependencyFindingKind =
  'cycle' | 'missing-dependency' | 'depends-on-dropped' | 'depends-on-later-horizon' | 'depends-on-later-phase' | 'depends-on-later-quarter';

export interface DependencyFinding {
  kind: DependencyFindingKind;
  initiativeId: string;
  otherId?: string;
  message: string;
}

export interface DependencyCycle {
  /** In dependency order: each depends on the next, the last on the first. */
  initiativeIds: string[];
  /** Everything tangled in the same knot of cycles. */
  members: string[];
  message: string;
}

export interface DependencyReport {
  findings: DependencyFinding[];
  cycles: DependencyCycle[];
  /** Ids with every dependency before its dependents; null when a cycle makes that impossible. */
  order: string[] | null;
}

const HORIZON_RANK: Record<Horizon, number> = { now: 0, next: 1, later: 2 };
const HORIZON_LABEL: Record<Horizon, string> = { now: 'Now', next: 'Next', later: 'Later' };

function cycleMessage(cycle: readonly string[]): string {
  if (cycle.length === 1) return `${cycle[0]} depends on itself`;
  return `Dependency cycle: ${[...cycle, cycle[0]].join(' depends on ')}`;
}

/** What the edge checks look up, computed once per analysis. */
interface Lookups {
  byId: ReadonlyMap<string, Initiative>;
  horizons: ReadonlyMap<string, Horizon>;
  phaseOrder: ReadonlyMap<string, number>;
  /** Quarters as consecutive integers, parsed once per distinct quarter rather than once per dependency. */
  quarterIndex: (quarter: Quarter) => number;
}

function quarterIndexer(): (quarter: Quarter) => number {
  const cache = new Map<Quarter, number>();
  return (quarter) => {
    let index = cache.get(quarter);
    if (index === undefined) {
      const { year, q } = parseQuarter(quarter);
      index = year * 4 + q;
      cache.set(quarter, index);
    }
    return index;
  };
}

function sequencingFinding(dependent: Initiative, dependency: Initiative, lookups: Lookups): DependencyFinding | null {
  const { horizons, phaseOrder } = lookups;
  const who = describeInitiative(dependent);
  const what = describeInitiative(dependency);
  const base = { initiativeId: dependent.id, otherId: dependency.id };
  const ownHorizon = horizons.get(dependent.id) ?? 'later';
  const otherHorizon = horizons.get(dependency.id) ?? 'later';
  if (HORIZON_RANK[otherHorizon] > HORIZON_RANK[ownHorizon]) {
    return {
      ...base,
      kind: 'depends-on-later-horizon',
      message: `${who} is in ${HORIZON_LABEL[ownHorizon]} but depends on ${what} in ${HORIZON_LABEL[otherHorizon]}`,
    };
  }
  const ownPhase = phaseOrder.get(dependent.phaseId);
  const otherPhase = phaseOrder.get(dependency.phaseId);
  if (ownPhase !== undefined && otherPhase !== undefined && otherPhase > ownPhase) {
    return { ...base, kind: 'depends-on-later-phase', message: `${who} depends on ${what}, which is in a later phase` };
  }
  if (lookups.quarterIndex(dependency.targetQuarter) > lookups.quarterIndex(dependent.targetQuarter)) {
    return {
      ...base,
      kind: 'depends-on-later-quarter',
      message: `${who} targets ${quarterLabel(dependent.targetQuarter)} but depends on ${what}, which targets ${quarterLabel(dependency.targetQuarter)}`,
    };
  }
  return null;
}

function edgeFindings(initiative: Initiative, lookups: Lookups): DependencyFinding[] {
  const findings: DependencyFinding[] = [];
  for (const otherId of new Set(initiative.dependsOn)) {
    if (otherId === initiative.id) continue; // reported as a cycle of one
    const other = lookups.byId.get(otherId);
    if (!other) {
      findings.push({
        kind: 'missing-dependency',
        initiativeId: initiative.id,
        otherId,
        message: `${describeInitiative(initiative)} depends on ${otherId}, which is not on this roadmap`,
      });
      continue;
    }
    if (other.status === 'dropped') {
      findings.push({
        kind: 'depends-on-dropped',
        initiativeId: initiative.id,
        otherId,
        message: `${describeInitiative(initiative)} depends on ${describeInitiative(other)}, which was dropped`,
      });
      continue;
    }
    if (other.status === 'done') continue;
    const sequencing = sequencingFinding(initiative, other, lookups);
    if (sequencing) findings.push(sequencing);
  }
  return findings;
}

export function analyseDependencies(
  initiatives: readonly Initiative[],
  phases: readonly Pick<Phase, 'id' | 'order'>[],
  today: Date,
  rules: HorizonRules = DEFAULT_HORIZON_RULES,
): DependencyReport {
  const byId = new Map<string, Initiative>();
  for (const initiative of initiatives) if (!byId.has(initiative.id)) byId.set(initiative.id, initiative);
  const horizons = new Map<string, Horizon>();
  for (const initiative of byId.values()) horizons.set(initiative.id, horizonFor(initiative, today, rules));
  const lookups: Lookups = {
    byId,
    horizons,
    phaseOrder: new Map(phases.map((phase) => [phase.id, phase.order])),
    quarterIndex: quarterIndexer(),
  };

  const graph = buildDependencyGraph(initiatives);
  const cycles: DependencyCycle[] = findCycles(graph).map(({ cycle, members }) => ({
    initiativeIds: cycle,
    members,
    message: cycleMessage(cycle),
  }));
  const findings: DependencyFinding[] = cycles.map((cycle) => ({
    kind: 'cycle',
    initiativeId: cycle.initiativeIds[0],
    otherId: cycle.initiativeIds[1 % cycle.initiativeIds.length],
    message: cycle.message,
  }));
  for (const initiative of byId.values()) {
    if (!isOpen(initiative)) continue;
    findings.push(...edgeFindings(initiative, lookups));
  }
  return { findings, cycles, order: cycles.length > 0 ? null : topologicalOrder(graph) };
}

/** Health: every dependency finding (on dropped, later or unplaced work, or in a cycle). */
export const dependenciesRule = healthRule({
  key: 'dependencies',
  analyse: ({ roadmap, today }) => analyseDependencies(roadmap.initiatives, roadmap.meta.phases, today, roadmap.meta.horizonRules),
  problems: (report) => report.findings.length,
});
