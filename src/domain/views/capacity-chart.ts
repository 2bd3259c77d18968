import { type Track, TRACKS } from '../model';
import type { CapacityReport } from '../rules/capacity';

/**
 * The capacity chart's bars as plain data: per quarter, the committed effort stacked by track (in TRACKS order, empty
 * tracks left out), and the scale's top, so every bar, the capacity level and the buffer band fit.
 */

export interface BarSegment {
  track: Track;
  amount: number;
  /** Where the segment starts and ends on the value axis (cumulative committed effort). */
  from: number;
  to: number;
}

export interface CapacityBar {
  quarter: string;
  label: string;
  committed: number;
  capacity: number;
  bufferKept: number;
  plannable: number;
  overCommitted: boolean;
  overCommitBy: number;
  segments: BarSegment[];
}

export function capacityBars(report: CapacityReport): CapacityBar[] {
  return report.quarters.map((q) => {
    const segments: BarSegment[] = [];
    let from = 0;
    for (const track of TRACKS) {
      const amount = q.committedByTrack[track];
      if (amount <= 0) continue;
      segments.push({ track, amount, from, to: from + amount });
      from += amount;
    }
    return {
      quarter: q.quarter,
      label: q.label,
      committed: q.committed,
      capacity: q.capacity,
      bufferKept: q.bufferKept,
      plannable: q.plannable,
      overCommitted: q.overCommitted,
      overCommitBy: q.overCommitBy,
      segments,
    };
  });
}

/** The value axis's top: the highest bar or capacity, with a little headroom (and 1 when there is nothing at all). */
export function valueAxisTop(bars: readonly CapacityBar[]): number {
  const highest = Math.max(0, ...bars.map((b) => Math.max(b.committed, b.capacity)));
  return highest > 0 ? highest * 1.1 : 1;
}

/** The tracks that have committed work in any quarter, for the legend. */
export function tracksInUse(bars: readonly CapacityBar[]): Track[] {
  const used = new Set(bars.flatMap((b) => b.segments.map((s) => s.track)));
  return TRACKS.filter((t) => used.has(t));
}
