import { type CapacitySettings, type Initiative, type Track, TRACKS } from '../model';
import { compareQuarters, type Quarter, quarterLabel } from '../quarter';
import { healthRule } from './health-rule';
import { effortOf } from './initiative-facts';
import { readable, roundTo, sum } from './numbers';

/**
 * Capacity per quarter against what the roadmap commits to it, keeping the 20–30 % buffer for bugs, incidents and
 * debt that technical roadmaps reserve.
 *
 * What consumes capacity: every initiative except `dropped` ones. A `done` initiative still used up its target
 * quarter's capacity (the work happened there), so it stays in that quarter's committed total; a dropped one was
 * never (or no longer) going to be built.
 */

export const BUFFER_MIN_PERCENT = 20;
export const BUFFER_MAX_PERCENT = 30;

export type CapacityState = 'capacity-not-set' | 'within-plan' | 'over-committed';

export type CapacityWarningKind = 'buffer-below-range' | 'buffer-above-range' | 'buffer-eaten';

export interface CapacityWarning {
  kind: CapacityWarningKind;
  message: string;
}

export interface QuarterCapacity {
  quarter: Quarter;
  /** `Q3 2026`. */
  label: string;
  state: CapacityState;
  capacity: number;
  bufferPercent: number;
  /** Capacity held back for unplanned work: capacity × buffer %. */
  bufferKept: number;
  /** Capacity that may be planned: capacity − buffer kept. */
  plannable: number;
  committed: number;
  /** Plannable capacity still free (never negative; see `overCommitBy`). */
  remaining: number;
  overCommitted: boolean;
  /** How far committed work exceeds plannable capacity (0 when it does not). */
  overCommitBy: number;
  /** Share of capacity left uncommitted, in %; null when capacity is not set. Negative when over capacity. */
  effectiveBufferPercent: number | null;
  committedByTrack: Record<Track, number>;
  initiativeIds: string[];
  /** Initiatives targeting this quarter without an effort estimate: they are not counted as zero silently. */
  unestimatedIds: string[];
  unestimatedCount: number;
  /** Set when this quarter's commitments leave less free than the configured buffer (i.e. it is over-committed). */
  warning: CapacityWarning | null;
  message: string;
}

export interface CapacitySummary {
  state: CapacityState;
  unit: CapacitySettings['unit'];
  perQuarter: number;
  bufferPercent: number;
  quarterCount: number;
  totalCapacity: number;
  totalBufferKept: number;
  totalPlannable: number;
  totalCommitted: number;
  totalRemaining: number;
  totalOverCommit: number;
  overCommittedQuarters: Quarter[];
  bufferEatenQuarters: Quarter[];
  committedByTrack: Record<Track, number>;
  unestimatedIds: string[];
  unestimatedCount: number;
  /** The buffer setting itself is outside 20–30 %. */
  bufferSettingWarning: CapacityWarning | null;
  message: string;
}

export interface CapacityReport {
  quarters: QuarterCapacity[];
  summary: CapacitySummary;
}

export interface CapacityOptions {
  /** Quarters to show even when nothing targets them (e.g. the current quarter). */
  includeQuarters?: readonly Quarter[];
}

/** 20 % and 30 % are inside the range; 19.9 % and 30.1 % are not. */
export function bufferSettingWarning(bufferPercent: number): CapacityWarning | null {
  if (bufferPercent < BUFFER_MIN_PERCENT) {
    return {
      kind: 'buffer-below-range',
      message: `A ${readable(bufferPercent)} % buffer is below the recommended ${BUFFER_MIN_PERCENT}–${BUFFER_MAX_PERCENT} %: bugs, incidents and debt will push planned work out`,
    };
  }
  if (bufferPercent > BUFFER_MAX_PERCENT) {
    return {
      kind: 'buffer-above-range',
      message: `A ${readable(bufferPercent)} % buffer is above the recommended ${BUFFER_MIN_PERCENT}–${BUFFER_MAX_PERCENT} %: capacity may sit unplanned`,
    };
  }
  return null;
}

function emptyTrackTotals(): Record<Track, number> {
  const totals = {} as Record<Track, number>;
  for (const track of TRACKS) totals[track] = 0;
  return totals;
}

interface QuarterBucket {
  initiativeIds: string[];
  unestimatedIds: string[];
  efforts: number[];
  effortsByTrack: Record<Track, number[]>;
}

function emptyBucket(): QuarterBucket {
  const effortsByTrack = {} as Record<Track, number[]>;
  for (const track of TRACKS) effortsByTrack[track] = [];
  return { initiativeIds: [], unestimatedIds: [], efforts: [], effortsByTrack };
}

function bucketByQuarter(initiatives: readonly Initiative[], includeQuarters: readonly Quarter[]): Map<Quarter, QuarterBucket> {
  const buckets = new Map<Quarter, QuarterBucket>();
  for (const quarter of includeQuarters) buckets.set(quarter, emptyBucket());
  for (const initiative of initiatives) {
    if (initiative.status === 'dropped') continue;
    let bucket = buckets.get(initiative.targetQuarter);
    if (!bucket) {
      bucket = emptyBucket();
      buckets.set(initiative.targetQuarter, bucket);
    }
    bucket.initiativeIds.push(initiative.id);
    const effort = effortOf(initiative);
    if (effort === null) {
      bucket.unestimatedIds.push(initiative.id);
      continue;
    }
    bucket.efforts.push(effort);
    bucket.effortsByTrack[initiative.track].push(effort);
  }
  return buckets;
}

function unestimatedNote(count: number): string {
  if (count === 0) return '';
  return count === 1 ? '; 1 initiative has no effort estimate' : `; ${count} initiatives have no effort estimate`;
}

function quarterCapacity(quarter: Quarter, bucket: QuarterBucket, settings: CapacitySettings): QuarterCapacity {
  const { perQuarter: capacity, bufferPercent, unit } = settings;
  const label = quarterLabel(quarter);
  const committed = sum(bucket.efforts);
  const committedByTrack = emptyTrackTotals();
  for (const track of TRACKS) committedByTrack[track] = sum(bucket.effortsByTrack[track]);
  const base = {
    quarter,
    label,
    capacity,
    bufferPercent,
    committed,
    committedByTrack,
    initiativeIds: bucket.initiativeIds,
    unestimatedIds: bucket.unestimatedIds,
    unestimatedCount: bucket.unestimatedIds.length,
  };
  const note = unestimatedNote(bucket.unestimatedIds.length);

  // No capacity means nothing to compare against: say so rather than divide by zero or call everything over-committed.
  if (capacity <= 0) {
    return {
      ...base,
      state: 'capacity-not-set',
      bufferKept: 0,
      plannable: 0,
      remaining: 0,
      overCommitted: false,
      overCommitBy: 0,
      effectiveBufferPercent: null,
      warning: null,
      message: `${label}: capacity per quarter is not set, so ${committed} ${unit} committed cannot be checked${note}`,
    };
  }

  const bufferKept = roundTo((capacity * bufferPercent) / 100);
  const plannable = roundTo(capacity - bufferKept);
  const overCommitBy = roundTo(Math.max(0, committed - plannable));
  const overCommitted = overCommitBy > 0;
  const remaining = roundTo(Math.max(0, plannable - committed));
  const effectiveBufferPercent = roundTo(((capacity - committed) / capacity) * 100);
  // The configured buffer is the line: committing past the plannable capacity is exactly eating into it, so the
  // warning and the table's "over by" always agree.
  const warning: CapacityWarning | null = overCommitted
    ? {
        kind: 'buffer-eaten',
        message:
          effectiveBufferPercent >= 0
            ? `${label}: commitments leave only ${readable(effectiveBufferPercent)} % of capacity free, below the ${readable(bufferPercent)} % buffer for unplanned work`
            : `${label}: commitments exceed capacity by ${readable(-effectiveBufferPercent)} %, leaving nothing of the ${readable(bufferPercent)} % buffer for unplanned work`,
      }
    : null;
  const message = overCommitted
    ? `${label}: over-committed by ${overCommitBy} ${unit} (${committed} committed, ${plannable} plannable)${note}`
    : `${label}: ${committed} of ${plannable} ${unit} committed, ${remaining} free${note}`;
  return {
    ...base,
    state: overCommitted ? 'over-committed' : 'within-plan',
    bufferKept,
    plannable,
    remaining,
    overCommitted,
    overCommitBy,
    effectiveBufferPercent,
    warning,
    message,
  };
}

function summarise(quarters: readonly QuarterCapacity[], settings: CapacitySettings, settingWarning: CapacityWarning | null): CapacitySummary {
  const committedByTrack = emptyTrackTotals();
  for (const track of TRACKS) committedByTrack[track] = sum(quarters.map((q) => q.committedByTrack[track]));
  const overCommittedQuarters = quarters.filter((q) => q.overCommitted).map((q) => q.quarter);
  const unestimatedIds = quarters.flatMap((q) => q.unestimatedIds);
  const totalCommitted = sum(quarters.map((q) => q.committed));
  const capacityNotSet = settings.perQuarter <= 0;
  const state: CapacityState = capacityNotSet ? 'capacity-not-set' : overCommittedQuarters.length > 0 ? 'over-committed' : 'within-plan';
  const message = capacityNotSet
    ? 'Capacity per quarter is not set: set it to check commitments against the buffer'
    : overCommittedQuarters.length > 0
      ? `${overCommittedQuarters.length} of ${quarters.length} quarters are over-committed: ${overCommittedQuarters.map(quarterLabel).join(', ')}`
      : `All ${quarters.length} quarters fit their plannable capacity`;
  return {
    state,
    unit: settings.unit,
    perQuarter: settings.perQuarter,
    bufferPercent: settings.bufferPercent,
    quarterCount: quarters.length,
    totalCapacity: sum(quarters.map((q) => q.capacity)),
    totalBufferKept: sum(quarters.map((q) => q.bufferKept)),
    totalPlannable: sum(quarters.map((q) => q.plannable)),
    totalCommitted,
    totalRemaining: sum(quarters.map((q) => q.remaining)),
    totalOverCommit: sum(quarters.map((q) => q.overCommitBy)),
    overCommittedQuarters,
    bufferEatenQuarters: quarters.filter((q) => q.warning !== null).map((q) => q.quarter),
    committedByTrack,
    unestimatedIds,
    unestimatedCount: unestimatedIds.length,
    bufferSettingWarning: settingWarning,
    message: unestimatedIds.length > 0 ? `${message}${unestimatedNote(unestimatedIds.length)}` : message,
  };
}

/** Capacity per quarter (every quarter something targets, plus `includeQuarters`), earliest first, and a roadmap-wide summary. */
export function capacityByQuarter(settings: CapacitySettings, initiatives: readonly Initiative[], options: CapacityOptions = {}): CapacityReport {
  const settingWarning = bufferSettingWarning(settings.bufferPercent);
  const buckets = bucketByQuarter(initiatives, options.includeQuarters ?? []);
  const quarters = [...buckets.entries()].sort(([a], [b]) => compareQuarters(a, b)).map(([quarter, bucket]) => quarterCapacity(quarter, bucket, settings));
  return { quarters, summary: summarise(quarters, settings, settingWarning) };
}

/** Health: quarters committed beyond capacity, and buffer warnings (the setting itself, and quarters that eat it). */
export const capacityRule = healthRule({
  key: 'capacity',
  analyse: ({ roadmap, currentQuarter }) => capacityByQuarter(roadmap.meta.capacity, roadmap.initiatives, { includeQuarters: [currentQuarter] }),
  // A quarter that eats the buffer is the over-committed quarter itself: counted once.
  problems: (report) => report.summary.overCommittedQuarters.length + (report.summary.bufferSettingWarning ? 1 : 0),
});

/** The capacity report's buffer warnings: the buffer setting outside 20–30 %, plus each quarter that eats into it. */
export function bufferWarningCount(report: CapacityReport): number {
  return (report.summary.bufferSettingWarning ? 1 : 0) + report.summary.bufferEatenQuarters.length;
}
