import { type Initiative, REVERSIBILITY, type Track } from '../model';
import { compareText, effortOf } from '../rules/initiative-facts';
import type { CostImpactMatrix, Quadrant, RiceRank } from '../rules/prioritisation';

/**
 * What the Priorities view shows, as plain data: the RICE table's rows and their sort orders, and the cost-vs-impact
 * matrix's geometry decisions (scale kind, which side of the drawn lines a point falls, spreading points that share a
 * spot). The numbers themselves come from the domain's `rankByRice` and `costImpactMatrix` (via `healthOfView`).
 */

type Reversibility = Initiative['reversibility'];

export const REVERSIBILITY_LABEL: Record<Reversibility, string> = {
  reversible: 'Reversible',
  'costly-to-reverse': 'Costly to reverse',
  irreversible: 'Irreversible',
};

/** The four quadrants as a stakeholder session names them (and `unscored` for what cannot be placed yet). */
export const QUADRANT_LABEL: Record<Quadrant, string> = {
  'quick-win': 'Quick wins',
  'big-bet': 'Big bets',
  'fill-in': 'Fill-ins',
  'money-pit': 'Money pits',
  unscored: 'Unscored',
};

export const RICE_COLUMNS = ['title', 'reach', 'impact', 'confidence', 'effort', 'score', 'riskReduction', 'reversibility', 'quadrant'] as const;
export type RiceColumn = (typeof RICE_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface RiceRow {
  initiativeId: string;
  title: string;
  track: Track;
  /** Position in the domain's RICE ranking (0 = first): the default order and every sort's tie-break. */
  order: number;
  reach: number | null;
  impact: number | null;
  confidence: number | null;
  /** The RICE effort (what the score divides by), else the effort estimate; null when neither is set. */
  effort: number | null;
  score: number | null;
  riskReduction: number;
  reversibility: Reversibility;
  quadrant: Quadrant;
}

/** One row per ranked initiative, in the ranking's order (highest RICE first, unscored last). */
export function riceRows(
  initiatives: readonly Pick<Initiative, 'id' | 'title' | 'track' | 'rice' | 'effort' | 'riskReduction' | 'reversibility'>[],
  ranking: readonly RiceRank[],
  matrix: CostImpactMatrix,
): RiceRow[] {
  const byId = new Map(initiatives.map((i) => [i.id, i]));
  const quadrantOf = new Map(matrix.placements.map((p) => [p.initiativeId, p.quadrant]));
  const rows: RiceRow[] = [];
  ranking.forEach((rank, order) => {
    const initiative = byId.get(rank.initiativeId);
    if (!initiative) return;
    const { rice } = initiative;
    rows.push({
      initiativeId: initiative.id,
      title: initiative.title,
      track: initiative.track,
      order,
      reach: rice?.reach ?? null,
      impact: rice?.impact ?? null,
      confidence: rice?.confidence ?? null,
      effort: rice?.effort ?? effortOf(initiative),
      score: rank.riceScore,
      riskReduction: initiative.riskReduction,
      reversibility: initiative.reversibility,
      quadrant: quadrantOf.get(initiative.id) ?? 'unscored',
    });
  });
  return rows;
}

const QUADRANT_ORDER: Record<Quadrant, number> = { 'quick-win': 0, 'big-bet': 1, 'fill-in': 2, 'money-pit': 3, unscored: 4 };

/** A column's value as a sortable key; null sorts last whichever the direction. */
function keyOf(row: RiceRow, column: RiceColumn): number | string | null {
  switch (column) {
    case 'title':
      return row.title;
    case 'reversibility':
      return REVERSIBILITY.indexOf(row.reversibility);
    case 'quadrant':
      return row.quadrant === 'unscored' ? null : QUADRANT_ORDER[row.quadrant];
    default:
      return row[column];
  }
}

/** Numbers sort highest first on a first click, words A to Z. */
export function firstDirection(column: RiceColumn): SortDirection {
  return column === 'title' || column === 'quadrant' || column === 'reversibility' ? 'ascending' : 'descending';
}

/** Rows sorted by one column; rows without a value go last, ties keep the RICE ranking's order. */
export function sortRiceRows(rows: readonly RiceRow[], column: RiceColumn, direction: SortDirection): RiceRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ka = keyOf(a, column);
    const kb = keyOf(b, column);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
      return a.order - b.order;
    }
    const byKey = typeof ka === 'string' ? compareText(ka, String(kb)) : ka - (kb as number);
    return sign * byKey || a.order - b.order;
  });
}

// ---------------------------------------------------------------- the matrix's geometry

/**
 * Whether an axis should be logarithmic: when its positive values span more than `ratio` (RICE impact is reach ×
 * impact × confidence and easily spans 1 to 1,000). A log axis stays monotonic, so the median lines still split
 * the points exactly as the domain does.
 */
export function spansOrdersOfMagnitude(values: readonly number[], ratio = 20): boolean {
  const positive = values.filter((v) => v > 0);
  if (positive.length < 2) return false;
  return Math.max(...positive) / Math.min(...positive) > ratio;
}

/**
 * The quadrant a point is drawn in, from its position and the drawn lines (SVG coordinates: y grows downwards).
 * A point exactly on a line is low cost / low impact, as the domain's "strictly above the median" says.
 */
export function quadrantAt(x: number, y: number, costLineX: number, impactLineY: number): Exclude<Quadrant, 'unscored'> {
  const highCost = x > costLineX;
  const highImpact = y < impactLineY;
  if (highImpact) return highCost ? 'big-bet' : 'quick-win';
  return highCost ? 'money-pit' : 'fill-in';
}

export interface SpotPoint {
  id: string;
  x: number;
  y: number;
}

/**
 * Points on the same spot (same cost and impact) side by side instead of on top of each other, so each can be seen
 * and clicked. They move horizontally away from the cost line (`lineX`), never across it: a point on the line's
 * low side stays on it, so spreading never changes a point's quadrant. `gap` is the distance between neighbours.
 */
export function spreadSharedSpots<P extends SpotPoint>(points: readonly P[], lineX: number | null, gap: number): P[] {
  const groups = new Map<string, P[]>();
  for (const point of points) {
    const spot = `${Math.round(point.x)}:${Math.round(point.y)}`;
    const group = groups.get(spot);
    if (group) group.push(point);
    else groups.set(spot, [point]);
  }
  const spread: P[] = [];
  for (const group of groups.values()) {
    const outwards = lineX !== null && group[0].x > lineX ? 1 : -1;
    group.forEach((point, index) => spread.push({ ...point, x: point.x + outwards * index * gap }));
  }
  return spread;
}
