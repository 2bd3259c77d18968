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
 * Points on (nearly) the same spot moved side by side instead of on top of each other, so each can be seen and
 * clicked: a point closer than `gap` to one already placed moves horizontally away from the cost line (`lineX`),
 * never across it, until it is free. A point on the line's low side stays on it, so spreading never changes a
 * point's quadrant (and never its height, so never its impact side).
 */
export function spreadSharedSpots<P extends SpotPoint>(points: readonly P[], lineX: number | null, gap: number): P[] {
  const placed: P[] = [];
  for (const point of points) {
    const outwards = lineX !== null && point.x > lineX ? 1 : -1;
    let x = point.x;
    while (placed.some((q) => Math.hypot(q.x - x, q.y - point.y) < gap)) x += outwards * gap;
    placed.push({ ...point, x });
  }
  return placed;
}

export interface LabelBox {
  /** Where the label's text starts (or ends, for `anchor: 'end'`) and its baseline's middle. */
  dx: number;
  dy: number;
  anchor: 'start' | 'end';
}

interface Rect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}
const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Where each point's label goes so labels don't cover each other or other points: greedily, in the order given, the
 * first of right, left, then one and two lines above or below on either side that is free (else the one covering
 * the fewest others). Widths are
 * estimated from the character count (`charWidth` per character), which is close enough for a chart's labels.
 */
export function placeLabels(
  points: readonly { id: string; x: number; y: number; label: string }[],
  options: { radius: number; lineHeight: number; charWidth: number; width: number },
): Map<string, LabelBox> {
  const { radius, lineHeight, charWidth, width } = options;
  const taken: Rect[] = points.map((p) => ({ x0: p.x - radius, x1: p.x + radius, y0: p.y - radius, y1: p.y + radius }));
  const placed = new Map<string, LabelBox>();
  const gap = radius + 4;
  const candidates: LabelBox[] = [
    { dx: gap, dy: 0, anchor: 'start' },
    { dx: -gap, dy: 0, anchor: 'end' },
    { dx: gap, dy: -lineHeight, anchor: 'start' },
    { dx: gap, dy: lineHeight, anchor: 'start' },
    { dx: -gap, dy: -lineHeight, anchor: 'end' },
    { dx: -gap, dy: lineHeight, anchor: 'end' },
    { dx: gap, dy: -2 * lineHeight, anchor: 'start' },
    { dx: gap, dy: 2 * lineHeight, anchor: 'start' },
    { dx: -gap, dy: -2 * lineHeight, anchor: 'end' },
    { dx: -gap, dy: 2 * lineHeight, anchor: 'end' },
  ];
  for (const p of points) {
    const textWidth = p.label.length * charWidth;
    const boxOf = (c: LabelBox): Rect => {
      const x0 = c.anchor === 'start' ? p.x + c.dx : p.x + c.dx - textWidth;
      const centre = p.y + c.dy;
      return { x0, x1: x0 + textWidth, y0: centre - lineHeight / 2, y1: centre + lineHeight / 2 };
    };
    const inside = (r: Rect) => r.x0 >= 0 && r.x1 <= width;
    const choice =
      candidates.find((c) => inside(boxOf(c)) && !taken.some((t) => overlaps(t, boxOf(c)))) ?? candidates.find((c) => inside(boxOf(c))) ?? candidates[0];
    taken.push(boxOf(choice));
    placed.set(p.id, choice);
  }
  return placed;
}
