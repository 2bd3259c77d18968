import type { PayloadOf } from '../../domain/contract';
import { AppError } from '../../domain/errors';
import { LIMITS, type Roadmap } from '../../domain/model';
import { type Baseline, type BaselineDrift, parseFlagKey, snapshotOf, visibleFlags } from '../../domain/review/baseline';
import { type BaselineHeader, decodeBaseline, UnreadableBaseline } from '../../domain/review/codec';
import { changedIds, compareSnapshots, type DriftSide, limitDriftSide } from '../../domain/review/compare';
import { reasonsFrom, titlesFrom } from '../../domain/review/reasons';
import type { ReviewBaselines, ReviewComparisonAnswer, ReviewSummary } from '../../domain/review-api';
import { accessTo, projectIdFromContext } from '../access';
import type { Call, Deps } from '../deps';
import { hiddenEpics } from '../hidden-epics';

/**
 * The review reads ("Since last review"): anyone who may browse the project. Drift flags recorded at a review are
 * filtered for the reader — none derived from an epic of a project they cannot browse, none naming an epic hidden
 * from them now — so a reader never learns about epics they could not see through Jira.
 */

/** How many change records one comparison reads for reasons (the newest); the answer says when there were more. */
export const MAX_REASON_CHANGES = 200;
/**
 * Drift flags one answer carries (about 44 bytes each): with the worst-case comparison of 5,000 initiatives (about
 * 2.3 MB) the answer stays inside Forge's 5 MB. Beyond, the last initiatives' drift is not compared (and says so).
 */
export const MAX_DRIFT_KEYS = 50_000;

const summaryOf = (h: BaselineHeader): ReviewSummary => ({
  seq: h.seq,
  revision: h.revision,
  reviewedAt: h.reviewedAt,
  reviewer: h.reviewer,
  note: h.note,
  initiatives: h.initiatives,
  drift: h.drift,
});

export async function getReviewBaselines(deps: Deps, _payload: PayloadOf<'getReviewBaselines'>, call: Call): Promise<ReviewBaselines> {
  const projectId = projectIdFromContext(call.context);
  await accessTo(deps, projectId);
  return { baselines: (await deps.store.listReviews(projectId)).map(summaryOf), keep: LIMITS.reviewBaselines };
}

const notKept = (seq: number, keep: number) =>
  new AppError('NOT_FOUND', `There is no review #${seq} on this roadmap (the ${keep} most recent reviews are kept)`);

async function readBaseline(deps: Deps, projectId: string, header: BaselineHeader): Promise<Baseline> {
  const parts = await deps.store.loadReviewParts(projectId, header);
  try {
    return decodeBaseline(header, parts);
  } catch (error) {
    if (!(error instanceof UnreadableBaseline)) throw error;
    console.error(`Unreadable baseline of review #${header.seq}`, error.message);
    throw new AppError('UPSTREAM', `The baseline stored for review #${header.seq} could not be read; compare another review`);
  }
}

/** The Jira projects among `projects` the caller may not browse: one permission question per project, as them. */
async function hiddenProjectsOf(deps: Deps, projects: ReadonlySet<string>): Promise<ReadonlySet<string>> {
  const answers = await Promise.all([...projects].map(async (project) => [project, (await deps.jira.myProjectPermissions(project)).BROWSE_PROJECTS] as const));
  return new Set(answers.filter(([, browsable]) => !browsable).map(([project]) => project));
}

const driftSide = (drift: BaselineDrift): DriftSide => ({ state: drift.state, keys: drift.flags.map((f) => f.key), uncovered: drift.uncovered });

/** Phase names: as at the reviews, then as now (a renamed phase reads by its current name). */
function phaseNames(roadmap: Roadmap, baselines: Baseline[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const baseline of baselines) for (const phase of baseline.phases) names[phase.id] = phase.name;
  for (const phase of roadmap.meta.phases) names[phase.id] = phase.name;
  return names;
}

/**
 * Review `from` (default: the latest) against review `to` (default: the roadmap now): what was added, removed, moved
 * (with the reasons from the changelog in between), slipped or pulled in, which statuses and metrics changed, and the
 * drift flags on each recorded side. One invoke per view: the answer also lists the kept reviews for the picker.
 */
export async function getReviewComparison(deps: Deps, payload: PayloadOf<'getReviewComparison'>, call: Call): Promise<ReviewComparisonAnswer> {
  const projectId = projectIdFromContext(call.context);
  await accessTo(deps, projectId);
  const keep = LIMITS.reviewBaselines;
  const [headers, roadmap] = await Promise.all([deps.store.listReviews(projectId), deps.store.load(projectId)]);
  const baselines = headers.map(summaryOf);
  const find = (seq: number) => headers.find((h) => h.seq === seq) ?? null;
  const fromSeq = payload.from ?? headers[0]?.seq;
  if (fromSeq === undefined) {
    if (payload.to !== undefined) throw notKept(payload.to, keep);
    return { baselines, keep, comparison: null };
  }
  const from = find(fromSeq);
  if (!from || !roadmap) throw notKept(fromSeq, keep);
  const to = payload.to === undefined ? null : find(payload.to);
  if (payload.to !== undefined && !to) throw notKept(payload.to, keep);
  if (to && to.revision <= from.revision) {
    throw new AppError('INVALID_INPUT', `Review #${to.seq} is not later than review #${from.seq}: compare with a later review or with now`, {
      to: 'Choose a later review than the one compared from',
    });
  }

  const now = deps.now();
  const upTo = to?.revision ?? roadmap.meta.revision;
  const [fromBaseline, toBaseline, log] = await Promise.all([
    readBaseline(deps, projectId, from),
    to ? readBaseline(deps, projectId, to) : Promise.resolve(null),
    deps.store.changesBetween(projectId, { after: from.revision, upTo, limit: MAX_REASON_CHANGES }),
  ]);
  const changes = compareSnapshots(fromBaseline, toBaseline ?? snapshotOf(roadmap, now));

  // Drift as this reader may see it.
  const guarded = new Set([...fromBaseline.drift.flags, ...(toBaseline?.drift.flags ?? [])].flatMap((flag) => flag.projects));
  const [hiddenProjects, hiddenNow] = await Promise.all([hiddenProjectsOf(deps, guarded), hiddenEpics(deps, roadmap)]);
  const fromDrift = visibleFlags(fromBaseline.drift, hiddenProjects, hiddenNow);
  const toDrift = toBaseline ? visibleFlags(toBaseline.drift, hiddenProjects, hiddenNow) : null;

  // Reasons for every initiative listed; titles for those no longer on the roadmap.
  const listed = new Set([...changes.added, ...changes.removed, ...changedIds(changes)]);
  const reasons = reasonsFrom(log.changes, listed);
  const mentioned = new Set([...listed, ...[...fromDrift.flags, ...(toDrift?.flags ?? [])].map((f) => parseFlagKey(f.key)?.initiativeId ?? '')]);
  const current = new Map(roadmap.initiatives.map((i) => [i.id, i.title]));
  const gone = new Set([...mentioned].filter((id) => id !== '' && !current.has(id)));
  const titles = titlesFrom(log.changes, gone);

  return {
    baselines,
    keep,
    comparison: {
      from: summaryOf(from),
      to: to ? summaryOf(to) : null,
      asOf: now.toISOString(),
      changes,
      titles,
      phases: phaseNames(roadmap, toBaseline ? [fromBaseline, toBaseline] : [fromBaseline]),
      reasons: reasons.byInitiative,
      changelog: { read: log.changes.length, total: upTo - from.revision, truncated: log.truncated, changes: reasons.changes },
      drift: toDrift
        ? { from: limitDriftSide(driftSide(fromDrift), MAX_DRIFT_KEYS / 2), to: limitDriftSide(driftSide(toDrift), MAX_DRIFT_KEYS / 2) }
        : { from: limitDriftSide(driftSide(fromDrift), MAX_DRIFT_KEYS), to: null },
    },
  };
}
