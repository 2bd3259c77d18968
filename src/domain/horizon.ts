import type { Horizon, Initiative } from './model';
import { quarterOf, quartersBetween, type Quarter } from './quarter';

/**
 * Now / Next / Later from the target quarter, seen from `today`: the current quarter (or an overdue one) is
 * Now, the following quarter is Next, anything further out is Later. A pinned horizon wins.
 */
export function horizonFor(initiative: Pick<Initiative, 'targetQuarter' | 'horizonPin'>, today: Date): Horizon {
  if (initiative.horizonPin) return initiative.horizonPin;
  return horizonOfQuarter(initiative.targetQuarter, today);
}

export function horizonOfQuarter(targetQuarter: Quarter, today: Date): Horizon {
  const ahead = quartersBetween(quarterOf(today), targetQuarter);
  if (ahead <= 0) return 'now';
  if (ahead === 1) return 'next';
  return 'later';
}
