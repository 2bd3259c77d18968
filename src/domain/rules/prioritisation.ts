import type { DebtItem, Initiative, Rice } from '../model';
import { healthRule } from './health-rule';
import { compareIds, compareText, describeInitiative, effortOf } from './initiative-facts';
import { median, roundTo } from './numbers';

/**
 * Prioritisation lenses: RICE ranking, the cost-vs-impact matrix, and debt priority. These functions compare exactly
 * the items they are given; `roadmapHealth` passes the open initiatives (done and dropped work needs no ranking).
 */

// ---------------------------------------------------------------- RICE

/** reach × impact × confidence: the value side of RICE, before dividing by effort. Null without RICE inputs. */
export function riceValue(rice: Rice | null): number | null {
  if (rice === null) return null;
  return rice.reach * rice.impact * (rice.confidence / 100);
}

/** reach × impact × (confidence / 100) / effort; null without RICE inputs (or a non-positive effort the schema forbids). */
export function riceScore(rice: Rice | null): number | null {
  if (rice === null || !(rice.effort > 0)) return null;
  return (rice.reach * rice.impact * (rice.confidence / 100)) / rice.effort;
}

export interface RiceRank {
  initiativeId: string;
  title: string;
  /** 1 = do first; null for initiatives without RICE inputs, which follow the ranked ones. */
  rank: number | null;
  riceScore: number | null;
  riskReduction: number;
  message: string;
}

/** Highest RICE score first; ties go to the bigger risk reduction, then title (then id, so the order is stable). */
export function rankByRice(initiatives: readonly Initiative[]): RiceRank[] {
  const scored = initiatives.map((initiative) => ({ initiative, score: riceScore(initiative.rice) }));
  scored.sort((a, b) => {
    if (a.score !== b.score) {
      if (a.score === null) return 1;
      if (b.score === null) return -1;
      return b.score - a.score;
    }
    return (
      b.initiative.riskReduction - a.initiative.riskReduction ||
      compareText(a.initiative.title, b.initiative.title) ||
      compareIds(a.initiative.id, b.initiative.id)
    );
  });
  return scored.map(({ initiative, score }, index) => ({
    initiativeId: initiative.id,
    title: initiative.title,
    rank: score === null ? null : index + 1,
    riceScore: score,
    riskReduction: initiative.riskReduction,
    message:
      score === null
        ? `${describeInitiative(initiative)} has no RICE inputs yet`
        : `#${index + 1} ${describeInitiative(initiative)}: RICE ${roundTo(score, 2)}`,
  }));
}

// ---------------------------------------------------------------- cost vs impact

export const QUADRANTS = ['quick-win', 'big-bet', 'fill-in', 'money-pit', 'unscored'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** At the highest risk reduction (3) impact doubles; see `impactOf`. */
const RISK_REDUCTION_MAX = 3;

/**
 * Impact for the matrix: the RICE value (reach × impact × confidence) raised by risk reduction, up to double at
 * risk reduction 3. Risk reduction scales the value instead of being added to it because the value is in reach
 * units (often hundreds or thousands): adding 0–3 would make risk reduction invisible. Null without RICE inputs.
 */
export function impactOf(initiative: Pick<Initiative, 'rice' | 'riskReduction'>): number | null {
  const value = riceValue(initiative.rice);
  if (value === null) return null;
  return value * (1 + initiative.riskReduction / RISK_REDUCTION_MAX);
}

export interface QuadrantPlacement {
  initiativeId: string;
  quadrant: Quadrant;
  cost: number | null;
  impact: number | null;
  message: string;
}

export interface CostImpactMatrix {
  /**
   * The lines that split the matrix: the medians of this roadmap's own initiatives that have both a cost and an
   * impact (null when none do). "High" means strictly above the median, so an initiative exactly on a line counts
   * as low cost / low impact.
   */
  thresholds: { cost: number | null; impact: number | null; scoredCount: number };
  placements: QuadrantPlacement[];
  counts: Record<Quadrant, number>;
}

const QUADRANT_WORDS: Record<Quadrant, string> = {
  'quick-win': 'a quick win (low cost, high impact)',
  'big-bet': 'a big bet (high cost, high impact)',
  'fill-in': 'a fill-in (low cost, low impact)',
  'money-pit': 'a money pit (high cost, low impact)',
  unscored: 'unscored: it needs an effort estimate and RICE inputs',
};

function quadrantFor(cost: number, impact: number, costLine: number, impactLine: number): Quadrant {
  const highCost = cost > costLine;
  const highImpact = impact > impactLine;
  if (highImpact) return highCost ? 'big-bet' : 'quick-win';
  return highCost ? 'money-pit' : 'fill-in';
}

/** Places each initiative in the cost-vs-impact matrix; cost is the effort estimate (or the RICE effort). */
export function costImpactMatrix(initiatives: readonly Initiative[]): CostImpactMatrix {
  const measured = initiatives.map((initiative) => ({ initiative, cost: effortOf(initiative), impact: impactOf(initiative) }));
  const complete = measured.filter((m): m is { initiative: Initiative; cost: number; impact: number } => m.cost !== null && m.impact !== null);
  const costLine = median(complete.map((m) => m.cost));
  const impactLine = median(complete.map((m) => m.impact));
  const counts = Object.fromEntries(QUADRANTS.map((q) => [q, 0])) as Record<Quadrant, number>;
  const placements = measured.map(({ initiative, cost, impact }): QuadrantPlacement => {
    const quadrant =
      cost === null || impact === null || costLine === null || impactLine === null ? 'unscored' : quadrantFor(cost, impact, costLine, impactLine);
    counts[quadrant] += 1;
    return { initiativeId: initiative.id, quadrant, cost, impact, message: `${describeInitiative(initiative)} is ${QUADRANT_WORDS[quadrant]}` };
  });
  return { thresholds: { cost: costLine, impact: impactLine, scoredCount: complete.length }, placements, counts };
}

// ---------------------------------------------------------------- technical debt

export type DebtBand = 'act-now' | 'plan' | 'watch';

/** impact × urgency on 1–5 scales gives 1–25: act now from 16 (e.g. 4 × 4), plan from 9 (3 × 3), else watch. */
export const DEBT_ACT_NOW_FROM = 16;
export const DEBT_PLAN_FROM = 9;

export function debtBand(score: number): DebtBand {
  if (score >= DEBT_ACT_NOW_FROM) return 'act-now';
  if (score >= DEBT_PLAN_FROM) return 'plan';
  return 'watch';
}

export function debtPriority(item: Pick<DebtItem, 'impact' | 'urgency'>): { score: number; band: DebtBand } {
  const score = item.impact * item.urgency;
  return { score, band: debtBand(score) };
}

export interface RankedDebt {
  debtId: string;
  title: string;
  score: number;
  band: DebtBand;
  /** The initiative this item was promoted to, if it already is on the roadmap. */
  promotedTo: string | null;
  message: string;
}

const BAND_WORDS: Record<DebtBand, string> = { 'act-now': 'act now', plan: 'plan it', watch: 'watch it' };

/** Highest score first; ties go to the more urgent item, then title. */
export function rankDebt(items: readonly DebtItem[]): RankedDebt[] {
  return [...items]
    .sort((a, b) => b.impact * b.urgency - a.impact * a.urgency || b.urgency - a.urgency || compareText(a.title, b.title) || compareIds(a.id, b.id))
    .map((item) => {
      const { score, band } = debtPriority(item);
      return {
        debtId: item.id,
        title: item.title,
        score,
        band,
        promotedTo: item.promotedTo,
        message: `“${item.title}” (${item.id}) scores ${score} of 25 (impact ${item.impact} × urgency ${item.urgency}): ${BAND_WORDS[band]}`,
      };
    });
}

/** Health: debt not yet promoted, ranked; each item in the act-now band needs attention. */
export const debtRule = healthRule({
  key: 'debt',
  analyse: ({ roadmap }) => rankDebt(roadmap.debtItems.filter((item) => item.promotedTo === null)),
  problems: (report) => actNowCount(report),
});

/** Ranked debt in the act-now band. */
export function actNowCount(debt: readonly RankedDebt[]): number {
  return debt.filter((item) => item.band === 'act-now').length;
}
