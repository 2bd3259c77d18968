import type { DebtItem, Phase } from './model';
import { addQuarters, compareQuarters, type Quarter, quarterOf } from './quarter';
import { type DebtBand, debtPriority } from './rules/prioritisation';

/**
 * What promoting a debt item proposes for the new initiative, so nobody does quarter arithmetic: the item's title,
 * a target quarter that follows its urgency band (impact × urgency, see prioritisation.ts) and the phase that spans
 * that quarter. Only a proposal: the promote form shows it and the user may change every part.
 */

/** Quarters from now, per band: act now → this quarter, plan → the next, watch → the one after. */
export const QUARTERS_AHEAD: Record<DebtBand, number> = { 'act-now': 0, plan: 1, watch: 2 };

const BAND_REASON: Record<DebtBand, string> = {
  'act-now': 'act now, so this quarter',
  plan: 'plan it, so next quarter',
  watch: 'watch it, so the quarter after next',
};

export interface PromotionProposal {
  title: string;
  targetQuarter: Quarter;
  /** The first phase (in order) whose span holds the quarter; else the first phase; '' on a roadmap without phases. */
  phaseId: string;
  band: DebtBand;
  score: number;
  /** Why this quarter, in words: `It scores 20 of 25 — act now, so this quarter.` */
  reason: string;
}

/** The target quarter a debt item's band proposes, counted from the quarter `today` is in (UTC). */
export function proposedQuarter(item: Pick<DebtItem, 'impact' | 'urgency'>, today: Date): Quarter {
  return addQuarters(quarterOf(today), QUARTERS_AHEAD[debtPriority(item).band]);
}

/** The phase a quarter falls in: the first by order whose start..end holds it, else the first phase, else ''. */
export function phaseForQuarter(phases: readonly Phase[], quarter: Quarter): string {
  const ordered = [...phases].sort((a, b) => a.order - b.order);
  const holding = ordered.find((p) => compareQuarters(p.startQuarter, quarter) <= 0 && compareQuarters(quarter, p.endQuarter) <= 0);
  return (holding ?? ordered[0])?.id ?? '';
}

export function proposePromotion(item: Pick<DebtItem, 'title' | 'impact' | 'urgency'>, phases: readonly Phase[], today: Date): PromotionProposal {
  const { score, band } = debtPriority(item);
  const targetQuarter = proposedQuarter(item, today);
  return {
    title: item.title,
    targetQuarter,
    phaseId: phaseForQuarter(phases, targetQuarter),
    band,
    score,
    reason: `It scores ${score} of 25 — ${BAND_REASON[band]}.`,
  };
}
