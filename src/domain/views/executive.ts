import type { InitiativeView } from '../api';
import type { BusinessGoal, InitiativeStatus } from '../model';
import { compareQuarters } from '../quarter';
import { compareIds, isOpen } from '../rules/initiative-facts';

/**
 * The executive one-pager, goal-first: each business goal with the open initiatives that serve it, then the open
 * work traced to no goal. Done and dropped work is left out: the page is about outcomes still to come, and it has to
 * fit one printed page. An initiative serving two goals appears under both (each goal's story is told whole).
 */

export interface ExecutiveGoalGroup {
  goal: BusinessGoal;
  initiatives: InitiativeView[];
}

export interface ExecutiveGroups {
  goals: ExecutiveGoalGroup[];
  /** Open initiatives that name no goal on the roadmap (none at all, or only goals since removed). */
  untraced: InitiativeView[];
}

/** Work under way first, then planned, then proposed: what an executive asks about first. */
const STATUS_RANK: Record<InitiativeStatus, number> = { 'in-progress': 0, planned: 1, proposed: 2, done: 3, dropped: 4 };

/** Order within a group: soonest target quarter first, then work under way, then id (stable). */
export function compareForExecutive(a: InitiativeView, b: InitiativeView): number {
  return compareQuarters(a.targetQuarter, b.targetQuarter) || STATUS_RANK[a.status] - STATUS_RANK[b.status] || compareIds(a.id, b.id);
}

/** Goals in the roadmap's own order (as Settings lists them), each with its open initiatives; then the untraced rest. */
export function executiveGroups(view: { businessGoals: readonly BusinessGoal[]; initiatives: readonly InitiativeView[] }): ExecutiveGroups {
  const byGoal = new Map<string, InitiativeView[]>(view.businessGoals.map((g) => [g.id, []]));
  const untraced: InitiativeView[] = [];
  for (const initiative of view.initiatives) {
    if (!isOpen(initiative)) continue;
    let traced = false;
    // A goal named twice still lists the initiative once under it.
    for (const goalId of new Set(initiative.businessGoalIds)) {
      const list = byGoal.get(goalId);
      if (!list) continue;
      list.push(initiative);
      traced = true;
    }
    if (!traced) untraced.push(initiative);
  }
  return {
    goals: view.businessGoals.map((goal) => ({ goal, initiatives: byGoal.get(goal.id)!.sort(compareForExecutive) })),
    untraced: untraced.sort(compareForExecutive),
  };
}
