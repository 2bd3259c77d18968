import type { Horizon, HorizonRules, Initiative } from './model';
import { addQuarters, type Quarter, quarterOf, quartersBetween } from './quarter';

export const DEFAULT_HORIZON_RULES: HorizonRules = { nowQuarters: 1, nextQuarters: 1 };

/**
 * Now / Next / Later from the target quarter, seen from `today`. With the default rules the current quarter (or
 * an overdue one) is Now, the following quarter is Next, anything further out is Later; a roadmap may widen Now
 * and Next (`horizonRules`). A pinned horizon wins.
 */
export function horizonFor(initiative: Pick<Initiative, 'targetQuarter' | 'horizonPin'>, today: Date, rules: HorizonRules = DEFAULT_HORIZON_RULES): Horizon {
  if (initiative.horizonPin) return initiative.horizonPin;
  return horizonOfQuarter(initiative.targetQuarter, today, rules);
}

export function horizonOfQuarter(targetQuarter: Quarter, today: Date, rules: HorizonRules = DEFAULT_HORIZON_RULES): Horizon {
  const ahead = quartersBetween(quarterOf(today), targetQuarter);
  if (ahead < rules.nowQuarters) return 'now';
  if (ahead < rules.nowQuarters + rules.nextQuarters) return 'next';
  return 'later';
}

/**
 * The target quarter a move into `horizon` should take, so that the quarter itself derives that horizon (no pin
 * needed): `current` when it already lies in it, else the quarter of that horizon nearest to `current` — the
 * smallest change to the plan. With the default rules that is this quarter for Now, the next one for Next and the
 * one after that for Later; a roadmap with a wider Now or Next gets the edge of that window nearest to `current`.
 * Every horizon always holds a quarter (the rules keep Now and Next at least one quarter wide).
 */
export function proposeQuarter(horizon: Horizon, current: Quarter, rules: HorizonRules, today: Date): Quarter {
  const thisQuarter = quarterOf(today);
  const ahead = quartersBetween(thisQuarter, current);
  // Quarters ahead of this one that each horizon spans (Now also takes every overdue quarter).
  const first: Record<Horizon, number> = { now: -Infinity, next: rules.nowQuarters, later: rules.nowQuarters + rules.nextQuarters };
  const last: Record<Horizon, number> = { now: rules.nowQuarters - 1, next: rules.nowQuarters + rules.nextQuarters - 1, later: Infinity };
  if (ahead >= first[horizon] && ahead <= last[horizon]) return current;
  return addQuarters(thisQuarter, ahead < first[horizon] ? first[horizon] : last[horizon]);
}
