import type { PayloadOf } from '../../domain/contract';
import { countByKind, type DigestVisit, epicsToCheck, flagsForViewer, markVisit, newSince, sameVisit, type StoredDigest } from '../../domain/digest';
import type { DigestAnswer } from '../../domain/digest-api';
import { AppError } from '../../domain/errors';
import { accountIdSchema } from '../../domain/model';
import { isoDay } from '../../domain/rules/dates';
import { accessTo, projectIdFromContext } from '../access';
import type { Call, Deps } from '../deps';
import { hiddenEpicsOf } from '../hidden-epics';

/**
 * The daily digest as the caller may see it (see domain/digest.ts, PERMISSION SAFETY), and their own last visit.
 * A project they may not browse answers exactly like one without a roadmap.
 */
const NO_ROADMAP = 'No roadmap here that you can see';

/** The project in context, once Jira says the caller may browse it and a roadmap is stored (or a digest, which implies one). */
async function digestContext(deps: Deps, call: Call): Promise<{ projectId: string; accountId: string | null; digest: StoredDigest | null }> {
  const projectId = projectIdFromContext(call.context);
  try {
    await accessTo(deps, projectId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') throw new AppError('NOT_FOUND', NO_ROADMAP);
    throw error;
  }
  const account = accountIdSchema.safeParse(call.context.accountId);
  const digest = await deps.digests.get(projectId);
  if (!digest && !(await deps.store.hasRoadmap(projectId))) throw new AppError('NOT_FOUND', NO_ROADMAP);
  return { projectId, accountId: account.success ? account.data : null, digest };
}

/** What of the digest the caller may see: flags filtered through their Jira permissions, counts recomputed. */
async function answerFor(deps: Deps, projectId: string, digest: StoredDigest | null, visit: DigestVisit | null): Promise<DigestAnswer> {
  const today = isoDay(deps.now());
  const seenAsOf = visit?.driftSeenAsOf ?? null;
  const visitAnswer = { firstVisit: seenAsOf === null, driftSeenAsOf: seenAsOf, dismissedToday: visit?.dismissedOn === today };
  if (!digest) return { digest: null, visit: visitAnswer };
  // 1. Epics of projects the caller cannot browse; 2. of the rest, those Jira shows them (one bulk fetch as them).
  const hidden = await hiddenEpicsOf(deps, digest.epicProjects, projectId);
  const toCheck = epicsToCheck(digest, hidden);
  const visible = new Set(toCheck.length === 0 ? [] : (await deps.jira.getIssues(toCheck)).map((issue) => issue.id));
  const flags = flagsForViewer(digest, { hidden, visible });
  const fresh = newSince(flags, seenAsOf);
  return {
    digest: {
      asOf: digest.asOf,
      review: digest.review,
      drift: {
        total: flags.length,
        counts: countByKind(flags),
        initiatives: new Set(flags.map((f) => f.key.split(':')[1])).size,
        newSinceLastVisit: fresh.length,
        newCounts: countByKind(fresh),
        truncated: digest.truncated,
      },
    },
    visit: visitAnswer,
  };
}

export async function getDigest(deps: Deps, _payload: PayloadOf<'getDigest'>, call: Call): Promise<DigestAnswer> {
  const { projectId, accountId, digest } = await digestContext(deps, call);
  const visit = accountId ? await deps.digests.getVisit(projectId, accountId) : null;
  return answerFor(deps, projectId, digest, visit);
}

/** Records the caller's own visit (drift seen through `asOf`; dismissed today) and answers the digest as it now reads. */
export async function markDigestSeen(deps: Deps, payload: PayloadOf<'markDigestSeen'>, call: Call): Promise<DigestAnswer> {
  const { projectId, accountId, digest } = await digestContext(deps, call);
  if (!accountId) throw new AppError('FORBIDDEN', 'Only a signed-in Jira user has a last visit to remember');
  const previous = await deps.digests.getVisit(projectId, accountId);
  const visit = markVisit(previous, { asOf: payload.asOf, dismiss: payload.dismiss, today: isoDay(deps.now()), digestAsOf: digest?.asOf ?? null });
  if (!sameVisit(previous, visit)) await deps.digests.putVisit(projectId, accountId, visit);
  return answerFor(deps, projectId, digest, visit);
}
