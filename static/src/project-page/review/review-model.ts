import type { EpicProgress, RoadmapView } from '../../../../src/domain/api';
import { HORIZON_LABEL, STATUS_LABEL } from '../../../../src/domain/labels';
import { quarterLabel } from '../../../../src/domain/quarter';
import { parseFlagKey } from '../../../../src/domain/review/baseline';
import { changedIds, compareDrift, type DriftChange, type DriftSide, type MetricChange } from '../../../../src/domain/review/compare';
import type { ReviewReason } from '../../../../src/domain/review/reasons';
import type { ReviewComparisonResult, ReviewSummary } from '../../../../src/domain/review-api';
import type { DriftKind, DriftReport } from '../../../../src/domain/rules/drift';

/**
 * The "Since last review" agenda, from a comparison (server) and, when comparing with now, the drift the page
 * computes from the view and Jira progress: a summary line, then one section per kind of change, each entry naming
 * its initiative, what changed and why (the changelog's reasons). Pure: the view draws it as it is.
 */

export type SectionId = 'added' | 'removed' | 'moved' | 'slipped' | 'pulled-in' | 'status' | 'metrics' | 'drift-appeared' | 'drift-cleared';

export interface AgendaReason {
  revision: number;
  /** Why, as recorded; null when the change gave no reason (then `summary` says what it was). */
  reason: string | null;
  summary: string;
  by: string;
  on: string;
}

export interface AgendaEntry {
  key: string;
  initiativeId: string;
  title: string;
  /** On the roadmap now: the entry can open it. */
  onRoadmap: boolean;
  /** What changed, in words: "Next → Later", "Q1 2027 → Q3 2027 (2 quarters later)". */
  detail: string;
  reasons: AgendaReason[];
  /** A drift entry's flag key. */
  flag?: string;
}

export interface AgendaSection {
  id: SectionId;
  title: string;
  entries: AgendaEntry[];
  /** Said instead of entries when there are none. */
  empty: string;
}

export interface Agenda {
  summary: string;
  /** Where the drift comparison stands: still waiting for Jira progress, or compared (in part), or not possible. */
  drift: 'loading' | DriftChange['state'];
  sections: AgendaSection[];
  /** Notes about what could not be compared (drift not recorded, changelog read in part). */
  notes: string[];
}

/** The current side of a comparison with now: drift from the view and progress (null: still loading). */
export type CurrentDrift = { state: 'loading' } | { state: 'unavailable' } | { state: 'ready'; report: DriftReport };

const DRIFT_KIND_LABEL: Record<DriftKind, string> = {
  'epic-unavailable': 'Linked epic deleted or hidden',
  'epic-moved': 'Linked epic moved to another project',
  'done-with-open-epics': 'Done while epics are still open',
  'epics-done': 'All epics done, initiative still open',
  'later-in-progress': 'Planned for Later, already under way in Jira',
  'now-not-started': 'In Now, not started in Jira',
  'past-target': 'Past its target quarter',
  'over-effort': 'Linked work over the effort estimate',
  'metric-stale': 'Success metric not updated',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });
const formatNumber = (n: number | null) => (n === null ? 'not set' : numberFormat.format(n));

export function reviewLabel(review: ReviewSummary, nameOf: (accountId: string | null) => string, formatDay: (iso: string) => string): string {
  return `Review #${review.seq} · ${formatDay(review.reviewedAt)} · ${nameOf(review.reviewer)}`;
}

function metricDetail(change: MetricChange, unit: string): string {
  const suffix = unit ? ` ${unit}` : '';
  const parts = [`${formatNumber(change.current.from)} → ${formatNumber(change.current.to)}${change.current.to === null ? '' : suffix}`];
  const target = change.target.to ?? change.target.from;
  if (change.target.from !== change.target.to) parts.push(`target ${formatNumber(change.target.from)} → ${formatNumber(change.target.to)}`);
  else if (target !== null) parts.push(`target ${formatNumber(target)}${suffix}`);
  const direction = { toward: 'toward the target', away: 'away from the target', reached: 'target reached', unclear: '' }[change.direction];
  return [parts.join(', '), direction].filter(Boolean).join(' — ');
}

function driftDetail(key: string, epicKeys: ReadonlyMap<string, string>): string {
  const parts = parseFlagKey(key);
  if (!parts) return key;
  const epic = parts.epicId ? ` (${epicKeys.get(parts.epicId) ?? `epic ${parts.epicId}`})` : '';
  return `${DRIFT_KIND_LABEL[parts.kind]}${epic}`;
}

/**
 * The agenda for `comparison` as `view` shows the roadmap now. `current`: the drift now (for a comparison with now);
 * `nameOf`: people by name; `formatDay`: dates as the page shows them.
 */
export function reviewAgenda(
  comparison: ReviewComparisonResult,
  view: RoadmapView,
  current: CurrentDrift,
  options: { nameOf: (accountId: string | null) => string; formatDay: (iso: string) => string; epics?: readonly EpicProgress[] },
): Agenda {
  const { changes } = comparison;
  const { nameOf, formatDay } = options;
  const initiatives = new Map(view.initiatives.map((i) => [i.id, i]));
  const phaseName = (id: string) => comparison.phases[id] ?? view.phases.find((p) => p.id === id)?.name ?? id;
  const changeOf = new Map(comparison.changelog.changes.map((c) => [c.revision, c]));
  const epicKeys = new Map((options.epics ?? []).filter((e) => e.key).map((e) => [e.id, e.key!]));
  const reasonsOf = (id: string): AgendaReason[] =>
    (comparison.reasons[id] ?? [])
      .map((revision) => changeOf.get(revision))
      .filter((c): c is ReviewReason => c !== undefined)
      .map((c) => ({ revision: c.revision, reason: c.reason, summary: c.summary, by: nameOf(c.accountId), on: formatDay(c.at) }));
  const entry = (section: SectionId, id: string, detail: string, withReasons = true): AgendaEntry => ({
    key: `${section}:${id}:${detail}`,
    initiativeId: id,
    title: initiatives.get(id)?.title ?? comparison.titles[id] ?? id,
    onRoadmap: initiatives.has(id),
    detail,
    reasons: withReasons ? reasonsOf(id) : [],
  });

  const addedDetail = (id: string): string => {
    const now = comparison.to === null ? initiatives.get(id) : undefined;
    return now ? `${HORIZON_LABEL[now.horizon]} · ${quarterLabel(now.targetQuarter)} · ${phaseName(now.phaseId)}` : 'New since the review';
  };
  const moved = changes.moved.map((m) => {
    const what: string[] = [];
    if (m.from.horizon !== m.to.horizon) what.push(`${HORIZON_LABEL[m.from.horizon]} → ${HORIZON_LABEL[m.to.horizon]}`);
    if (m.from.phaseId !== m.to.phaseId) what.push(`phase ${phaseName(m.from.phaseId)} → ${phaseName(m.to.phaseId)}`);
    const calendar = !m.quarterChanged && m.from.phaseId === m.to.phaseId && (comparison.reasons[m.id] ?? []).length === 0;
    return entry('moved', m.id, `${what.join(', ')}${calendar ? ' (its quarter came closer; the plan did not change)' : ''}`);
  });
  const shift = (section: 'slipped' | 'pulled-in', s: { id: string; from: string; to: string; quarters: number }) =>
    entry(section, s.id, `${quarterLabel(s.from)} → ${quarterLabel(s.to)} (${plural(s.quarters, 'quarter')} ${section === 'slipped' ? 'later' : 'earlier'})`);

  // Drift: with now, against what the page computes; between reviews, both sides from the server.
  const toIds = new Set(comparison.to === null ? view.initiatives.map((i) => i.id) : [...changes.unchanged, ...changedIds(changes), ...changes.added]);
  let drift: DriftChange | null = null;
  if (comparison.drift.to) drift = compareDrift(comparison.drift.from, comparison.drift.to, toIds);
  else if (current.state === 'unavailable') drift = compareDrift(comparison.drift.from, { state: 'unavailable', keys: [], uncovered: [] }, toIds);
  else if (current.state === 'ready') {
    const side: DriftSide = { state: 'recorded', keys: current.report.flags.map((f) => f.key), uncovered: [] };
    drift = compareDrift(comparison.drift.from, side, toIds);
  }
  const driftEntry = (section: 'drift-appeared' | 'drift-cleared', key: string) => {
    const id = parseFlagKey(key)?.initiativeId ?? key;
    // The entry names the initiative already: the detail says only what drifted (and which epic).
    return { ...entry(section, id, driftDetail(key, epicKeys), false), key: `${section}:${key}`, flag: key };
  };

  const sections: AgendaSection[] = [
    { id: 'added', title: 'Added', entries: changes.added.map((id) => entry('added', id, addedDetail(id))), empty: 'Nothing added.' },
    { id: 'removed', title: 'Removed', entries: changes.removed.map((id) => entry('removed', id, 'No longer on the roadmap')), empty: 'Nothing removed.' },
    { id: 'moved', title: 'Moved', entries: moved, empty: 'Nothing changed horizon or phase.' },
    { id: 'slipped', title: 'Slipped', entries: changes.slipped.map((s) => shift('slipped', s)), empty: 'No target quarter moved later.' },
    { id: 'pulled-in', title: 'Pulled in', entries: changes.pulledIn.map((s) => shift('pulled-in', s)), empty: 'No target quarter moved earlier.' },
    {
      id: 'status',
      title: 'Status changes',
      entries: changes.status.map((s) => entry('status', s.id, `${STATUS_LABEL[s.from]} → ${STATUS_LABEL[s.to]}`)),
      empty: 'No status changed.',
    },
    {
      id: 'metrics',
      title: 'Metrics that moved',
      entries: changes.metrics.map((m) => entry('metrics', m.id, metricDetail(m, initiatives.get(m.id)?.successMetric.unit ?? ''))),
      empty: 'No success metric moved.',
    },
    {
      id: 'drift-appeared',
      title: 'Drift that appeared',
      entries: drift ? drift.appeared.map((key) => driftEntry('drift-appeared', key)) : [],
      empty: drift ? (drift.state === 'unavailable' ? 'Drift cannot be compared.' : 'No new drift.') : 'Checking Jira for drift…',
    },
    {
      id: 'drift-cleared',
      title: 'Drift that cleared',
      entries: drift ? drift.cleared.map((key) => driftEntry('drift-cleared', key)) : [],
      empty: drift ? (drift.state === 'unavailable' ? 'Drift cannot be compared.' : 'No drift cleared.') : 'Checking Jira for drift…',
    },
  ];

  const notes: string[] = [];
  if (comparison.drift.from.state === 'unavailable' || comparison.drift.to?.state === 'unavailable')
    notes.push('Drift was not recorded at one of these reviews (Jira could not be asked then), so drift is not compared.');
  else if (current.state === 'unavailable') notes.push('Jira progress could not be loaded, so drift is not compared with now.');
  else if (drift?.state === 'partial')
    notes.push(`Drift is compared for all but ${plural(drift.skipped, 'initiative')}: the rest did not fit what a review stores.`);
  if (comparison.changelog.truncated)
    notes.push(
      `Reasons come from the newest ${comparison.changelog.read} of the ${comparison.changelog.total} changes since the review; older ones are in the Changelog.`,
    );

  const counts = [
    [changes.added.length, 'added'],
    [changes.removed.length, 'removed'],
    [changes.moved.length, 'moved'],
    [changes.slipped.length, 'slipped'],
    [changes.pulledIn.length, 'pulled in'],
    [changes.status.length, changes.status.length === 1 ? 'status change' : 'status changes'],
    [changes.metrics.length, changes.metrics.length === 1 ? 'metric moved' : 'metrics moved'],
  ] as const;
  const parts: string[] = counts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  if (drift && drift.state !== 'unavailable' && drift.appeared.length + drift.cleared.length > 0) {
    parts.push(`drift: ${drift.appeared.length} appeared, ${drift.cleared.length} cleared`);
  }
  const since = comparison.to
    ? `From review #${comparison.from.seq} (${formatDay(comparison.from.reviewedAt)}, ${nameOf(comparison.from.reviewer)}) to review #${comparison.to.seq} (${formatDay(comparison.to.reviewedAt)})`
    : `Since the review on ${formatDay(comparison.from.reviewedAt)} by ${nameOf(comparison.from.reviewer)}`;
  const summary = `${since}: ${parts.length > 0 ? parts.join(', ') : 'no changes to the plan'}.`;
  return { summary, drift: drift?.state ?? 'loading', sections, notes };
}
