import type { InitiativeView } from '../api';
import type { InitiativeStatus, Phase, SuccessMetric, Track } from '../model';
import { addQuarters, compareQuarters, parseQuarter, type Quarter, quarterOf, quartersBetween } from '../quarter';
import { compareIds } from '../rules/initiative-facts';

/**
 * The timeline's layout, pure: which quarters it spans, a row per phase with the phase's span and its initiatives in
 * their target quarter's column, and where today falls. Computed once per view (the UI memoises it), in O(n log n).
 */

export interface TimelineItem {
  initiativeId: string;
  title: string;
  quarter: Quarter;
  /** Column of the target quarter, 0-based from the first quarter shown. */
  column: number;
  status: InitiativeStatus;
  track: Track;
  overdue: boolean;
  /** The success metric as a milestone at the end of the target quarter; null when it says nothing. */
  milestone: string | null;
}

export interface TimelineRow {
  /** null for initiatives whose phase is missing from the roadmap (a dangling reference): they still show. */
  phaseId: string | null;
  name: string;
  /** The phase's quarter span as columns (inclusive); null for the "no phase" row. */
  span: { start: number; end: number; startQuarter: Quarter; endQuarter: Quarter } | null;
  /** The row's initiatives per column, each column in a stable order (target quarter, then id). */
  cells: TimelineItem[][];
  /** The most initiatives any one column of this row holds (the row's height in chips). */
  depth: number;
}

export interface TimelineToday {
  quarter: Quarter;
  column: number;
  /** How far through its quarter today is, 0 (first day) … <1 (last day). */
  fraction: number;
}

export interface TimelineLayout {
  quarters: Quarter[];
  rows: TimelineRow[];
  /** Null when today is outside the quarters shown (never, as the range always includes today's quarter). */
  today: TimelineToday | null;
}

export interface TimelineInput {
  phases: readonly Phase[];
  initiatives: readonly InitiativeView[];
}

/** The first day (UTC) of a quarter. */
export function quarterStart(quarter: Quarter): Date {
  const { year, q } = parseQuarter(quarter);
  return new Date(Date.UTC(year, (q - 1) * 3, 1));
}

/** How far through its quarter a day is: 0 on the first day, just under 1 on the last. */
export function fractionOfQuarter(day: Date): number {
  const quarter = quarterOf(day);
  const start = quarterStart(quarter).getTime();
  const end = quarterStart(addQuarters(quarter, 1)).getTime();
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return (midnight - start) / (end - start);
}

/**
 * Every quarter from the earliest phase start or target quarter to the latest phase end or target quarter, and
 * today's quarter too, so the today marker always has a place. Contiguous: empty quarters keep their column, since a
 * gap in the plan is information.
 */
export function timelineQuarters(input: TimelineInput, today: Date): Quarter[] {
  let first = quarterOf(today);
  let last = first;
  const widen = (q: Quarter) => {
    if (compareQuarters(q, first) < 0) first = q;
    if (compareQuarters(q, last) > 0) last = q;
  };
  for (const phase of input.phases) {
    widen(phase.startQuarter);
    widen(phase.endQuarter);
  }
  for (const initiative of input.initiatives) widen(initiative.targetQuarter);
  const count = quartersBetween(first, last) + 1;
  return Array.from({ length: count }, (_, i) => addQuarters(first, i));
}

/** The milestone a success metric marks: "Services running Node 22: 31 → 40 services", or null when blank. */
export function milestoneText(metric: SuccessMetric): string | null {
  const description = metric.description.trim();
  if (!description) return null;
  const numbers = metricNumbers(metric);
  return numbers ? `${description}: ${numbers}` : description;
}

/** A metric's numbers as people read them: "31 → 40 services", "target 40 services", or null without a target. */
export function metricNumbers(metric: SuccessMetric): string | null {
  if (metric.target === undefined) return null;
  const unit = metric.unit ? ` ${metric.unit}` : '';
  return metric.current !== undefined
    ? `${formatNumber(metric.current)} → ${formatNumber(metric.target)}${unit}`
    : `target ${formatNumber(metric.target)}${unit}`;
}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * The whole layout. `overdueIds` are the domain's overdue initiatives (health.staleness.overdue), passed in rather
 * than re-derived so the timeline marks exactly what the Health view lists.
 */
export function timelineLayout(input: TimelineInput, today: Date, overdueIds: ReadonlySet<string>): TimelineLayout {
  const quarters = timelineQuarters(input, today);
  const first = quarters[0];
  const columnOf = (q: Quarter) => quartersBetween(first, q);
  const emptyCells = () => quarters.map((): TimelineItem[] => []);

  const phases = [...input.phases].sort((a, b) => a.order - b.order || compareIds(a.id, b.id));
  const rowByPhase = new Map<string, TimelineRow>();
  const rows: TimelineRow[] = phases.map((phase) => {
    const row: TimelineRow = {
      phaseId: phase.id,
      name: phase.name,
      span: { start: columnOf(phase.startQuarter), end: columnOf(phase.endQuarter), startQuarter: phase.startQuarter, endQuarter: phase.endQuarter },
      cells: emptyCells(),
      depth: 0,
    };
    rowByPhase.set(phase.id, row);
    return row;
  });
  let orphans: TimelineRow | null = null;

  const sorted = [...input.initiatives].sort((a, b) => compareQuarters(a.targetQuarter, b.targetQuarter) || compareIds(a.id, b.id));
  for (const initiative of sorted) {
    let row = rowByPhase.get(initiative.phaseId);
    if (!row) {
      orphans ??= { phaseId: null, name: 'No phase', span: null, cells: emptyCells(), depth: 0 };
      row = orphans;
    }
    const column = columnOf(initiative.targetQuarter);
    const cell = row.cells[column];
    cell.push({
      initiativeId: initiative.id,
      title: initiative.title,
      quarter: initiative.targetQuarter,
      column,
      status: initiative.status,
      track: initiative.track,
      overdue: overdueIds.has(initiative.id),
      milestone: milestoneText(initiative.successMetric),
    });
    row.depth = Math.max(row.depth, cell.length);
  }
  if (orphans) rows.push(orphans);

  const todayQuarter = quarterOf(today);
  const todayColumn = columnOf(todayQuarter);
  return {
    quarters,
    rows,
    today: todayColumn >= 0 && todayColumn < quarters.length ? { quarter: todayQuarter, column: todayColumn, fraction: fractionOfQuarter(today) } : null,
  };
}
