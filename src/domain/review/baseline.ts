import { horizonFor } from '../horizon';
import type { Horizon, InitiativeStatus, Roadmap } from '../model';
import type { Quarter } from '../quarter';
import { DRIFT_KINDS, type DriftKind, type DriftReport } from '../rules/drift';
import type { BaselineDriftState } from './stored';

/**
 * A review's baseline: what the roadmap planned when the team marked it reviewed — per initiative its horizon (as
 * derived that day), target quarter, phase, status and success metric values — plus who reviewed it, when, why, and
 * the drift flags open at the time. "Since last review" compares a baseline with now, or with a later baseline
 * (compare.ts); codec.ts stores it compactly.
 *
 * Titles are not kept: they are most of an initiative's bytes (up to 600 of them against about 70 for everything
 * above), and the comparison names initiatives from the current roadmap or, for removed ones, from the changelog's
 * deletion record (reasons.ts). Phase names are kept (20 at most), so a move out of a deleted phase still reads.
 */

/** One initiative as planned at a review (or now). */
export interface BaselineItem {
  id: string;
  horizon: Horizon;
  targetQuarter: Quarter;
  phaseId: string;
  status: InitiativeStatus;
  metricCurrent: number | null;
  metricTarget: number | null;
}

export interface BaselinePhase {
  id: string;
  name: string;
}

/** The plan at one moment: what compare.ts compares. Items are in id order. */
export interface Snapshot {
  phases: BaselinePhase[];
  items: BaselineItem[];
}

/**
 * A drift flag open at the review: its stable key (`kind:initiativeId[:epicId]`) and the Jira projects, other than
 * the roadmap's own, of the epics it was derived from. A reader who cannot browse one of those projects never gets
 * the flag (nor, from its key, the epic's id).
 */
export interface BaselineFlag {
  key: string;
  projects: string[];
}

/**
 * 'recorded': the flags as the reviewer saw them. 'partial': recorded, but the flags of the initiatives in `uncovered`
 * did not fit the storage budget (codec.ts). 'unavailable': Jira did not answer in time, so no drift was recorded.
 */
export type { BaselineDriftState };

export interface BaselineDrift {
  state: BaselineDriftState;
  flags: BaselineFlag[];
  /** Initiatives whose flags were not stored (state 'partial'): their drift cannot be compared. */
  uncovered: string[];
}

export interface ReviewInfo {
  /** The roadmap revision the review was recorded at (its change record's). */
  revision: number;
  reviewedAt: string;
  reviewer: string | null;
  note: string | null;
}

/** A baseline as the domain builds it; the store numbers it (`seq`) when it lands. */
export interface BaselineContent extends ReviewInfo, Snapshot {
  drift: BaselineDrift;
}

export interface Baseline extends BaselineContent {
  /** The review's number on this roadmap: 1 for the first, then one more for each (pruning does not renumber). */
  seq: number;
}

export const NO_DRIFT: BaselineDrift = { state: 'unavailable', flags: [], uncovered: [] };

/** `I-12` → 12: ids are ordered by number, not as text. */
export const initiativeNumber = (id: string): number => Number(id.slice(2));

/** The roadmap as it plans now (horizons derived for `today`), in the baseline's shape. */
export function snapshotOf(roadmap: Pick<Roadmap, 'meta' | 'initiatives'>, today: Date): Snapshot {
  const { meta } = roadmap;
  const phases = [...meta.phases].sort((a, b) => a.order - b.order).map((p) => ({ id: p.id, name: p.name }));
  const items = roadmap.initiatives
    .map((i): BaselineItem => ({
      id: i.id,
      horizon: horizonFor(i, today, meta.horizonRules),
      targetQuarter: i.targetQuarter,
      phaseId: i.phaseId,
      status: i.status,
      metricCurrent: i.successMetric.current ?? null,
      metricTarget: i.successMetric.target ?? null,
    }))
    .sort((a, b) => initiativeNumber(a.id) - initiativeNumber(b.id));
  return { phases, items };
}

/** The baseline of `roadmap` as reviewed at `info.reviewedAt`. */
export function baselineOf(roadmap: Pick<Roadmap, 'meta' | 'initiatives'>, info: ReviewInfo, drift: BaselineDrift): BaselineContent {
  return { ...info, ...snapshotOf(roadmap, new Date(info.reviewedAt)), drift };
}

/**
 * The flags of a drift report as a baseline keeps them. `projectsOf(epicId)`: the Jira projects other than the
 * roadmap's that the epic is known to live in (where the roadmap expects it, where Jira says it moved); empty for an
 * epic of the roadmap's own project. Null report: Jira did not answer, nothing recorded.
 */
export function driftForBaseline(report: DriftReport | null, projectsOf: (epicId: string) => readonly string[]): BaselineDrift {
  if (!report) return NO_DRIFT;
  const flags = report.flags.map((flag) => ({
    key: flag.key,
    projects: [...new Set([...flag.epicIds, ...(flag.epicId ? [flag.epicId] : [])].flatMap((id) => projectsOf(id)))].sort(),
  }));
  return { state: 'recorded', flags, uncovered: [] };
}

export interface FlagKeyParts {
  kind: DriftKind;
  initiativeId: string;
  epicId: string | null;
}

const FLAG_KEY = /^([a-z-]+):(I-\d{1,9})(?::(\d{1,18}))?$/;

/** `now-not-started:I-3` → its kind, initiative and epic; null for a key that is not a drift flag's. */
export function parseFlagKey(key: string): FlagKeyParts | null {
  const match = FLAG_KEY.exec(key);
  if (!match || !(DRIFT_KINDS as readonly string[]).includes(match[1])) return null;
  return { kind: match[1] as DriftKind, initiativeId: match[2], epicId: match[3] ?? null };
}

/**
 * The flags a reader may see: none derived from an epic of a project in `hiddenProjects`, none naming an epic in
 * `hiddenEpics` (epics the roadmap now links from projects the reader cannot browse).
 */
export function visibleFlags(drift: BaselineDrift, hiddenProjects: ReadonlySet<string>, hiddenEpics: ReadonlySet<string>): BaselineDrift {
  if (hiddenProjects.size === 0 && hiddenEpics.size === 0) return drift;
  const flags = drift.flags.filter((flag) => {
    if (flag.projects.some((p) => hiddenProjects.has(p))) return false;
    const epicId = parseFlagKey(flag.key)?.epicId;
    return !epicId || !hiddenEpics.has(epicId);
  });
  return { ...drift, flags };
}
