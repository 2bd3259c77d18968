import type { BusinessGoal, Initiative } from '../model';
import { healthRule } from './health-rule';
import { describeInitiative, isOpen } from './initiative-facts';

/**
 * Traceability to the business: every roadmap item should serve one of the 3–5 business goals, or it belongs in
 * the backlog; a goal no initiative serves is a gap in the plan.
 *
 * Which initiatives count: backlog candidates are open initiatives only (done work cannot move to the backlog,
 * dropped work is gone). A goal is covered by any initiative that is not dropped — done work served it too.
 */

export const MIN_BUSINESS_GOALS = 3;
export const MAX_BUSINESS_GOALS = 5;

export interface BacklogCandidate {
  initiativeId: string;
  /** Goal ids it names that are not (or no longer) on the roadmap. */
  unknownGoalIds: string[];
  message: string;
}

export interface GoalCoverage {
  goalId: string;
  title: string;
  initiativeIds: string[];
}

export interface GoalWithoutInitiatives {
  goalId: string;
  title: string;
  message: string;
}

export interface GoalCountWarning {
  kind: 'too-few-goals' | 'too-many-goals';
  count: number;
  message: string;
}

export interface TraceabilityReport {
  backlogCandidates: BacklogCandidate[];
  goalsWithoutInitiatives: GoalWithoutInitiatives[];
  coverage: GoalCoverage[];
  goalCountWarning: GoalCountWarning | null;
}

export function goalCountWarning(count: number): GoalCountWarning | null {
  if (count < MIN_BUSINESS_GOALS) {
    return {
      kind: 'too-few-goals',
      count,
      message: `The roadmap has ${count} business goal${count === 1 ? '' : 's'}: name ${MIN_BUSINESS_GOALS}–${MAX_BUSINESS_GOALS} so every initiative can trace to one`,
    };
  }
  if (count > MAX_BUSINESS_GOALS) {
    return {
      kind: 'too-many-goals',
      count,
      message: `The roadmap has ${count} business goals: focus on ${MIN_BUSINESS_GOALS}–${MAX_BUSINESS_GOALS}`,
    };
  }
  return null;
}

function backlogMessage(initiative: Initiative, unknownGoalIds: readonly string[]): string {
  const who = describeInitiative(initiative);
  if (unknownGoalIds.length === 0) return `${who} serves no business goal: a backlog candidate`;
  return `${who} only names goals not on this roadmap (${unknownGoalIds.join(', ')}): a backlog candidate`;
}

export function traceability(businessGoals: readonly BusinessGoal[], initiatives: readonly Initiative[]): TraceabilityReport {
  const servedBy = new Map<string, string[]>(businessGoals.map((goal) => [goal.id, []]));
  const backlogCandidates: BacklogCandidate[] = [];
  for (const initiative of initiatives) {
    if (initiative.status === 'dropped') continue;
    const goalIds = [...new Set(initiative.businessGoalIds)];
    const knownGoalIds = goalIds.filter((id) => servedBy.has(id));
    for (const id of knownGoalIds) servedBy.get(id)?.push(initiative.id);
    if (knownGoalIds.length === 0 && isOpen(initiative)) {
      const unknownGoalIds = goalIds.filter((id) => !servedBy.has(id));
      backlogCandidates.push({ initiativeId: initiative.id, unknownGoalIds, message: backlogMessage(initiative, unknownGoalIds) });
    }
  }
  const coverage = businessGoals.map((goal) => ({ goalId: goal.id, title: goal.title, initiativeIds: servedBy.get(goal.id) ?? [] }));
  const goalsWithoutInitiatives = coverage
    .filter((goal) => goal.initiativeIds.length === 0)
    .map((goal) => ({ goalId: goal.goalId, title: goal.title, message: `Goal “${goal.title}” (${goal.goalId}) has no initiatives` }));
  return { backlogCandidates, goalsWithoutInitiatives, coverage, goalCountWarning: goalCountWarning(businessGoals.length) };
}

/** Health: backlog candidates, goals no initiative serves, and a goal count outside 3–5. */
export const traceabilityRule = healthRule({
  key: 'traceability',
  analyse: ({ roadmap }) => traceability(roadmap.meta.businessGoals, roadmap.initiatives),
  problems: (report) => report.backlogCandidates.length + report.goalsWithoutInitiatives.length + (report.goalCountWarning ? 1 : 0),
});
