import type { EpicProgress, ProgressReport } from '../api';
import { horizonFor } from '../horizon';
import { STATUS_LABEL } from '../labels';
import type { CapacitySettings, Horizon, HorizonRules, Initiative, Roadmap } from '../model';
import { quarterLabel, quarterOf, quartersBetween } from '../quarter';
import { calendarDaysBetween, isoDay, parseInstant } from './dates';
import { describeInitiative, effortOf } from './initiative-facts';

/**
 * Drift: where the roadmap and Jira disagree — the living-roadmap check. Computed from a roadmap and the progress of
 * its linked epics as one viewer sees them (ProgressReport); with no progress yet, only the rules that need no Jira
 * data run. Each flag names the initiative (and epic), says why in one sentence, and carries the one action that
 * would settle it, where there is one. Pure: O(initiatives + epics).
 */

export const DRIFT_KINDS = [
  'epic-unavailable',
  'epic-moved',
  'done-with-open-epics',
  'epics-done',
  'later-in-progress',
  'now-not-started',
  'past-target',
  'over-effort',
  'metric-stale',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

/** The one action that settles a flag: what the UI offers as its button. */
export type DriftFix =
  | { action: 'move'; horizon: Horizon }
  | { action: 'mark-done' }
  | { action: 'reopen' }
  | { action: 'unlink'; epicId: string }
  | { action: 'update-metric' }
  | { action: 'update-effort'; effort: number };

export interface DriftFlag {
  /** Stable across runs and viewers: `kind:initiativeId` or `kind:initiativeId:epicId` (digests and baselines compare these). */
  key: string;
  kind: DriftKind;
  initiativeId: string;
  /** The epic the flag is about, when it is about one. */
  epicId: string | null;
  epicKey: string | null;
  /** Every epic the flag was derived from: a stored flag is shown only to people who may see all of them. */
  epicIds: string[];
  /** A word or two for a card: "Not started", "2 quarters late". */
  label: string;
  /** One sentence naming the initiative (and epic) and saying why. */
  message: string;
  fix: DriftFix | null;
}

export interface DriftReport {
  asOf: string;
  flags: DriftFlag[];
  counts: Record<DriftKind, number>;
  /** Initiatives with at least one flag. */
  initiatives: number;
}

export interface DriftOptions {
  /** Linked work may exceed the effort estimate by this much before it is flagged (default 20 %). */
  effortMarginPercent?: number;
}

export const DEFAULT_EFFORT_MARGIN_PERCENT = 20;

/** How each kind is named: a heading for a list of them, and the words after a count ("3 not started"). */
export const DRIFT_KIND_TEXT: Record<DriftKind, { title: string; one: string; many: string }> = {
  'epic-unavailable': { title: 'Epics deleted or hidden', one: 'epic missing', many: 'epics missing' },
  'epic-moved': { title: 'Epics moved to another project', one: 'epic moved', many: 'epics moved' },
  'done-with-open-epics': { title: 'Done, but epics still open', one: 'done with open epics', many: 'done with open epics' },
  'epics-done': { title: 'All epics done, initiative still open', one: 'done in Jira', many: 'done in Jira' },
  'later-in-progress': { title: 'Later, but under way in Jira', one: 'under way early', many: 'under way early' },
  'now-not-started': { title: 'Now, but not started in Jira', one: 'not started', many: 'not started' },
  'past-target': { title: 'Past the target quarter', one: 'past target', many: 'past target' },
  'over-effort': { title: 'More work than estimated', one: 'over estimate', many: 'over estimate' },
  'metric-stale': { title: 'Metric not updated', one: 'stale metric', many: 'stale metrics' },
};

/** The counts in words, in report order, kinds with none left out: "3 not started · 2 epics done". Empty when no drift. */
export function driftCountsText(counts: Record<DriftKind, number>): string {
  return DRIFT_KINDS.filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind]} ${counts[kind] === 1 ? DRIFT_KIND_TEXT[kind].one : DRIFT_KIND_TEXT[kind].many}`)
    .join(' · ');
}

type DriftInitiative = Pick<
  Initiative,
  'id' | 'title' | 'status' | 'targetQuarter' | 'horizonPin' | 'epicIds' | 'successMetric' | 'effort' | 'rice' | 'createdAt'
> & { metricUpdatedAt?: string | null };

export interface DriftRoadmap {
  initiatives: readonly DriftInitiative[];
  horizonRules: HorizonRules;
  reviewCadenceDays: number;
  capacity: Pick<CapacitySettings, 'unit'>;
}

/** A stored roadmap as the drift rules read it (a RoadmapView already fits DriftRoadmap as it is). */
export function driftRoadmapOf(roadmap: Pick<Roadmap, 'meta' | 'initiatives'>): DriftRoadmap {
  const { meta } = roadmap;
  return { initiatives: roadmap.initiatives, horizonRules: meta.horizonRules, reviewCadenceDays: meta.reviewCadenceDays, capacity: meta.capacity };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** An epic has started when Jira moved it or any of its issues out of To Do. */
function hasStarted(epic: EpicProgress): boolean {
  if (epic.statusCategory && epic.statusCategory !== 'new') return true;
  const issues = epic.progress?.issues;
  return !!issues && issues.inProgress + issues.done > 0;
}

const epicName = (epic: EpicProgress) => epic.key ?? `epic ${epic.id}`;

/** The largest effort an initiative may hold (model.ts), so a proposed estimate above it is not offered. */
const MAX_EFFORT = 10_000;

/** ", with 3 of 8 issues still open" — how much is left, when Jira says; nothing without child issues. */
function openWork(issues: { total: number; done: number } | undefined): string {
  if (!issues || issues.total === 0) return '';
  const open = issues.total - issues.done;
  if (open > 0) return `, with ${open} of ${plural(issues.total, 'issue')} still open`;
  return issues.total === 1 ? ', though its one issue is done' : `, though all ${issues.total} issues are done`;
}

/** How far over the estimate, in the fewest decimals that still show it above the margin (20.4 %, never "20 %"). */
function percentOver(total: number, effort: number, margin: number): string {
  const exact = ((total - effort) / effort) * 100;
  for (let digits = 0; digits <= 3; digits++) {
    const shown = Math.round(exact * 10 ** digits) / 10 ** digits;
    if (shown > margin) return shown.toFixed(digits);
  }
  return exact.toFixed(4);
}

export function driftOf(roadmap: DriftRoadmap, progress: ProgressReport | null, today: Date, options: DriftOptions = {}): DriftReport {
  const margin = options.effortMarginPercent ?? DEFAULT_EFFORT_MARGIN_PERCENT;
  const currentQuarter = quarterOf(today);
  const epicsById = new Map((progress?.epics ?? []).map((e) => [e.id, e]));
  const flags: DriftFlag[] = [];

  for (const initiative of roadmap.initiatives) {
    if (initiative.status === 'dropped') continue;
    const name = describeInitiative(initiative);
    const add = (kind: DriftKind, epic: EpicProgress | null, epicIds: string[], label: string, message: string, fix: DriftFix | null) =>
      flags.push({
        key: epic ? `${kind}:${initiative.id}:${epic.id}` : `${kind}:${initiative.id}`,
        kind,
        initiativeId: initiative.id,
        epicId: epic?.id ?? null,
        epicKey: epic?.key ?? null,
        epicIds,
        label,
        message,
        fix,
      });
    // Epics as this viewer sees them; none known until progress has loaded. A repeated id counts once (keys stay unique).
    const linked = [...new Set(initiative.epicIds)];
    const epics = progress ? linked.map((id) => epicsById.get(id)).filter((e): e is EpicProgress => e !== undefined) : [];
    const seen = epics.filter((e) => e.state !== 'unavailable');
    const seenIds = seen.map((e) => e.id);

    if (initiative.status === 'done') {
      const open = seen.filter((e) => e.statusCategory !== 'done');
      if (open.length > 0)
        add(
          'done-with-open-epics',
          null,
          open.map((e) => e.id),
          'Done, epics open',
          `${name} is marked done but ${open.map(epicName).join(', ')} ${open.length === 1 ? 'is' : 'are'} still open in Jira.`,
          { action: 'reopen' },
        );
      continue;
    }

    // Open initiatives from here on.
    for (const epic of epics) {
      if (epic.state === 'unavailable')
        add('epic-unavailable', epic, [epic.id], 'Epic missing', `${name}: linked epic ${epic.id} was deleted or is no longer visible to you in Jira.`, {
          action: 'unlink',
          epicId: epic.id,
        });
      else if (epic.state === 'moved')
        add(
          'epic-moved',
          epic,
          [epic.id],
          'Epic moved',
          `${name}: ${epicName(epic)} has moved to ${epic.projectKey ? `project ${epic.projectKey}` : 'another Jira project'}.`,
          { action: 'unlink', epicId: epic.id },
        );
    }

    // Every linked epic must be seen done: one unavailable (or not in the report yet) leaves the question open.
    const allDone = linked.length > 0 && seen.length === linked.length && seen.every((e) => e.statusCategory === 'done');
    if (allDone)
      add(
        'epics-done',
        null,
        seenIds,
        'Epics done',
        `${seen.length === 1 ? `The one epic of ${name}, ${epicName(seen[0])}, is` : `All ${seen.length} epics of ${name} are`} done in Jira, but the initiative is still ${STATUS_LABEL[initiative.status].toLowerCase()}.`,
        { action: 'mark-done' },
      );

    const horizon = horizonFor(initiative, today, roadmap.horizonRules);
    const started = seen.filter(hasStarted);
    // All done is said by epics-done; "in progress" would understate it.
    if (horizon === 'later' && started.length > 0 && !allDone)
      add(
        'later-in-progress',
        null,
        started.map((e) => e.id),
        'Under way in Jira',
        `${name} is planned for Later, but ${started.map(epicName).join(', ')} ${started.length === 1 ? 'is' : 'are'} already in progress.`,
        { action: 'move', horizon: 'now' },
      );
    if (horizon === 'now' && seen.length > 0 && started.length === 0)
      add(
        'now-not-started',
        null,
        seenIds,
        'Not started',
        seen.length === 1
          ? `${name} is in Now, but its epic ${epicName(seen[0])} has not started in Jira.`
          : `${name} is in Now, but none of its ${seen.length} epics has started in Jira.`,
        {
          action: 'move',
          horizon: 'next',
        },
      );

    const quartersLate = quartersBetween(initiative.targetQuarter, currentQuarter);
    if (quartersLate > 0 && !allDone) {
      const issues = progress?.initiatives[initiative.id]?.progress.issues;
      add(
        'past-target',
        null,
        seenIds,
        `${plural(quartersLate, 'quarter')} late`,
        `${name} targeted ${quarterLabel(initiative.targetQuarter)} and is not done: ${plural(quartersLate, 'quarter')} late${openWork(issues)}.`,
        { action: 'move', horizon: 'next' },
      );
    }

    const effort = effortOf(initiative);
    const points = progress?.initiatives[initiative.id]?.progress;
    if (roadmap.capacity.unit === 'points' && effort !== null && effort > 0 && points && points.basis === 'points') {
      const total = points.points.total;
      // Exactly at the margin is within it; compared without rounding, so 20.4 % over a 20 % margin is flagged.
      if (total * 100 > effort * (100 + margin)) {
        const over = percentOver(total, effort, margin);
        add(
          'over-effort',
          null,
          seenIds,
          `Work +${over} %`,
          `${name}: its epics hold ${plural(total, 'point')} against an estimate of ${effort} (+${over} %, more than the ${margin} % margin).`,
          // The model caps effort; beyond the cap there is no one-click estimate to offer.
          total <= MAX_EFFORT ? { action: 'update-effort', effort: total } : null,
        );
      }
    }

    const metric = initiative.successMetric;
    if (metric.target !== undefined && (horizon === 'now' || initiative.status === 'in-progress')) {
      const since = parseInstant(initiative.metricUpdatedAt ?? null) ?? parseInstant(initiative.createdAt);
      const days = since ? calendarDaysBetween(since, today) : null;
      if (days !== null && days > roadmap.reviewCadenceDays)
        add(
          'metric-stale',
          null,
          [],
          'Metric not updated',
          `${name}: the current value of “${metric.description}” has not been updated for ${plural(days, 'day')} (review cadence ${roadmap.reviewCadenceDays}).`,
          { action: 'update-metric' },
        );
    }
  }

  const order = new Map(DRIFT_KINDS.map((kind, i) => [kind, i]));
  flags.sort((a, b) => order.get(a.kind)! - order.get(b.kind)!);
  const counts = Object.fromEntries(DRIFT_KINDS.map((kind) => [kind, 0])) as Record<DriftKind, number>;
  for (const flag of flags) counts[flag.kind] += 1;
  return { asOf: isoDay(today), flags, counts, initiatives: new Set(flags.map((f) => f.initiativeId)).size };
}

/** The flags for one initiative, in report order. */
export function driftFlagsOf(report: DriftReport, initiativeId: string): DriftFlag[] {
  return report.flags.filter((f) => f.initiativeId === initiativeId);
}
