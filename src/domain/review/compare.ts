import type { Horizon, InitiativeStatus } from '../model';
import { type Quarter, quartersBetween } from '../quarter';
import { type BaselineDriftState, type BaselineItem, parseFlagKey, type Snapshot } from './baseline';

/**
 * Planned versus actual: what changed between a review's baseline and now (or a later baseline). Pure, O(initiatives
 * + flags). Every initiative of either side lands in exactly one of added, removed, changed (then in one or more of
 * moved, slipped, pulledIn, status, metrics) or unchanged.
 */

export interface Placement {
  horizon: Horizon;
  phaseId: string;
}

export interface Move {
  id: string;
  from: Placement;
  to: Placement;
  /** False when only the calendar moved it (same quarter and phase, a new quarter began). */
  quarterChanged: boolean;
}

export interface QuarterShift {
  id: string;
  from: Quarter;
  to: Quarter;
  /** Whole quarters, always positive: later for slipped, earlier for pulled in. */
  quarters: number;
}

export interface StatusChange {
  id: string;
  from: InitiativeStatus;
  to: InitiativeStatus;
}

/** toward / away: the current value got closer to / further from the target; reached: it meets it now. */
export type MetricDirection = 'toward' | 'away' | 'reached' | 'unclear';

export interface MetricChange {
  id: string;
  current: { from: number | null; to: number | null };
  target: { from: number | null; to: number | null };
  direction: MetricDirection;
}

export interface Comparison {
  added: string[];
  removed: string[];
  moved: Move[];
  slipped: QuarterShift[];
  pulledIn: QuarterShift[];
  status: StatusChange[];
  metrics: MetricChange[];
  /** Initiatives in both whose plan did not change. */
  unchanged: string[];
}

const sameNumber = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Object.is(a, b));

function metricDirection(from: BaselineItem, to: BaselineItem): MetricDirection {
  const target = to.metricTarget ?? from.metricTarget;
  if (target === null || from.metricCurrent === null || to.metricCurrent === null) return 'unclear';
  const before = Math.abs(target - from.metricCurrent);
  const after = Math.abs(target - to.metricCurrent);
  if (after === 0 && before !== 0) return 'reached';
  if (after < before) return 'toward';
  if (after > before) return 'away';
  return 'unclear';
}

/** What changed from `from` to `to` (ids in each list in id order, as the snapshots hold them). */
export function compareSnapshots(from: Pick<Snapshot, 'items'>, to: Pick<Snapshot, 'items'>): Comparison {
  const before = new Map(from.items.map((item) => [item.id, item]));
  const after = new Map(to.items.map((item) => [item.id, item]));
  const result: Comparison = { added: [], removed: [], moved: [], slipped: [], pulledIn: [], status: [], metrics: [], unchanged: [] };
  for (const item of from.items) if (!after.has(item.id)) result.removed.push(item.id);
  for (const now of to.items) {
    const was = before.get(now.id);
    if (!was) {
      result.added.push(now.id);
      continue;
    }
    let changed = false;
    if (was.horizon !== now.horizon || was.phaseId !== now.phaseId) {
      result.moved.push({
        id: now.id,
        from: { horizon: was.horizon, phaseId: was.phaseId },
        to: { horizon: now.horizon, phaseId: now.phaseId },
        quarterChanged: was.targetQuarter !== now.targetQuarter,
      });
      changed = true;
    }
    const shift = quartersBetween(was.targetQuarter, now.targetQuarter);
    if (shift !== 0) {
      (shift > 0 ? result.slipped : result.pulledIn).push({ id: now.id, from: was.targetQuarter, to: now.targetQuarter, quarters: Math.abs(shift) });
      changed = true;
    }
    if (was.status !== now.status) {
      result.status.push({ id: now.id, from: was.status, to: now.status });
      changed = true;
    }
    if (!sameNumber(was.metricCurrent, now.metricCurrent) || !sameNumber(was.metricTarget, now.metricTarget)) {
      result.metrics.push({
        id: now.id,
        current: { from: was.metricCurrent, to: now.metricCurrent },
        target: { from: was.metricTarget, to: now.metricTarget },
        direction: metricDirection(was, now),
      });
      changed = true;
    }
    if (!changed) result.unchanged.push(now.id);
  }
  return result;
}

/** Ids of the initiatives that changed (in any way), once each. */
export function changedIds(comparison: Comparison): string[] {
  const { moved, slipped, pulledIn, status, metrics } = comparison;
  return [...new Set([...moved, ...slipped, ...pulledIn, ...status, ...metrics].map((entry) => entry.id))];
}

/** One side's drift flags as a reader may see them: a baseline's, or the roadmap's now (computed in the browser). */
export interface DriftSide {
  state: BaselineDriftState;
  keys: string[];
  /** Initiatives whose flags were not recorded on this side. */
  uncovered: string[];
}

export interface DriftChange {
  /** 'compared': every flag; 'partial': some initiatives left out (see `skipped`); 'unavailable': one side has none recorded. */
  state: 'compared' | 'partial' | 'unavailable';
  appeared: string[];
  cleared: string[];
  /** Initiatives whose drift could not be compared. */
  skipped: number;
}

/**
 * Drift that appeared (open now, not at the review) and cleared (open at the review, not now). A flag of an
 * initiative that is gone on the `to` side (`toIds`) did not clear: the initiative is listed as removed instead.
 */
export function compareDrift(from: DriftSide, to: DriftSide, toIds?: ReadonlySet<string>): DriftChange {
  if (from.state === 'unavailable' || to.state === 'unavailable') return { state: 'unavailable', appeared: [], cleared: [], skipped: 0 };
  const skip = new Set([...from.uncovered, ...to.uncovered]);
  const initiativeOf = (key: string) => parseFlagKey(key)?.initiativeId ?? '';
  const fromKeys = new Set(from.keys.filter((key) => !skip.has(initiativeOf(key))));
  const toKeys = new Set(to.keys.filter((key) => !skip.has(initiativeOf(key))));
  const appeared = [...toKeys].filter((key) => !fromKeys.has(key));
  const cleared = [...fromKeys].filter((key) => !toKeys.has(key) && (!toIds || toIds.has(initiativeOf(key))));
  return { state: skip.size > 0 ? 'partial' : 'compared', appeared, cleared, skipped: skip.size };
}

/**
 * A side cut to at most `maxKeys` flags, by whole initiatives in id order: the initiatives left out become
 * `uncovered` (their drift is then not compared), so an answer stays inside one invoke response.
 */
export function limitDriftSide(side: DriftSide, maxKeys: number): DriftSide {
  if (side.keys.length <= maxKeys) return side;
  const byInitiative = new Map<string, string[]>();
  for (const key of side.keys) {
    const id = parseFlagKey(key)?.initiativeId ?? '';
    byInitiative.set(id, [...(byInitiative.get(id) ?? []), key]);
  }
  const order = [...byInitiative.keys()].sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
  const keys: string[] = [];
  const uncovered = [...side.uncovered];
  for (const id of order) {
    const flags = byInitiative.get(id)!;
    if (keys.length + flags.length <= maxKeys && uncovered.length === side.uncovered.length) keys.push(...flags);
    else uncovered.push(id);
  }
  return { state: 'partial', keys, uncovered };
}
