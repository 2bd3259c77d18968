import type { Horizon, HorizonRules, Initiative } from './model';
import { type Quarter, quarterOf, quartersBetween } from './quarter';

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
