import { z } from 'zod';
import { issueIdSchema, LIMITS, projectIdSchema, type Roadmap } from './model';
import { DRIFT_KINDS, type DriftKind, type DriftReport } from './rules/drift';
import type { ReviewState, ReviewStatus } from './rules/staleness';

/**
 * The daily digest of a roadmap: its review status and drift as of one calendar day (UTC), computed by the scheduled
 * trigger (src/triggers/daily-digest.ts) and stored, small and bounded, one per roadmap. Pure: what a digest holds,
 * how it is built from the day's drift, how it is filtered for one viewer, and what is "new since their last visit".
 *
 * PERMISSION SAFETY. The trigger runs as the app, which sees every epic of every project. What it stores is therefore
 * never shown as is; it is served only through the getDigest resolver, which
 *   1. asks Jira, as the caller, whether they may browse the roadmap's project (accessTo, like every read). Someone
 *      who may not gets NOT_FOUND, word for word the answer for a project without a roadmap: not even the digest's
 *      existence leaks;
 *   2. drops every stored flag derived from an epic the caller cannot see: epics of foreign projects they cannot
 *      browse (hiddenEpicsOf, from the project ids the digest remembers for its foreign epics), and epics Jira, asked
 *      as the caller (one bulk fetch of the epics the flags mention), does not show them — issue-level security
 *      included. An "epic unavailable" flag (the epic is deleted) is kept only while the caller cannot see it either;
 *   3. recomputes every count from the flags that remain.
 * The digest stores no text from Jira and no flag messages (which name epics and issue counts): only stable flag keys
 * (`kind:initiativeId[:epicId]`, ids the caller's roadmap view already holds), the epic ids each flag came from, and
 * the day each flag first appeared. The review status is roadmap-only and shown to anyone who may browse the project.
 * A caller thus learns from a digest nothing their own Jira permissions would not show them; at worst they see fewer
 * flags than the live Drift view would (a flag about an epic moved out of their sight is dropped, not re-derived).
 *
 * SIZE. At most MAX_DIGEST_FLAGS flags (in the drift report's order; `truncated` says when more existed). The worst
 * flag is "done with open epics" on initiative I-999999999 with ten 18-digit epic ids: about 287 bytes of JSON, so 500
 * flags take 143 KB; at most 500 foreign-epic entries (LIMITS.foreignEpics) add 21 KB and the review status 0.35 KB:
 * 164,345 bytes in all (≈ 160 KiB), under KVS's 240 KiB per value (test/unit/domain/digest.test.ts builds that case).
 *
 * LAST VISIT. Each viewer's last visit is theirs alone (stored per project and account id, never shown to others):
 * the digest day through which they have seen the drift flags (set when they open the Drift view or dismiss the
 * banner) and the day they last dismissed the banner. A flag is new to them when it first appeared after that day.
 */

export const DIGEST_VERSION = 1;
export const MAX_DIGEST_FLAGS = 500;
export const MAX_DIGEST_BYTES = 240 * 1024;

/** `2026-11-23`: a calendar day (UTC), as the digest and visits record them. */
export const isoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'A day like 2026-11-23' });

const REVIEW_STATES = ['never-reviewed', 'overdue', 'due-today', 'on-track'] as const satisfies readonly ReviewState[];

export const storedDigestFlagSchema = z
  .object({
    /** The drift flag's stable key: `kind:initiativeId` or `kind:initiativeId:epicId`. */
    key: z.string().regex(/^[a-z-]{1,30}:I-\d{1,9}(?::\d{1,18})?$/),
    /** Every epic the flag was derived from (as the app saw them). */
    epicIds: z.array(issueIdSchema).max(LIMITS.epicsPerInitiative),
    /** The digest day the flag first appeared (carried over from the previous digest while it persists). */
    since: isoDaySchema,
  })
  .strict();
export type StoredDigestFlag = z.infer<typeof storedDigestFlagSchema>;

const reviewSchema = z
  .object({
    state: z.enum(REVIEW_STATES),
    overdue: z.boolean(),
    cadenceDays: z.number().int().min(1).max(365),
    lastReviewedAt: z.string().max(40).nullable(),
    nextReviewOn: isoDaySchema.nullable(),
    daysUntilNextReview: z.number().int().nullable(),
    message: z.string().max(200),
  })
  .strict();

export const storedDigestSchema = z
  .object({
    version: z.literal(DIGEST_VERSION),
    projectId: projectIdSchema,
    /** The day it was computed for (UTC). */
    asOf: isoDaySchema,
    review: reviewSchema,
    flags: z.array(storedDigestFlagSchema).max(MAX_DIGEST_FLAGS),
    /** More flags existed than MAX_DIGEST_FLAGS: the rest were left out. */
    truncated: z.boolean(),
    /** The foreign project of each epic the flags mention that lives outside the roadmap's project (issue → project). */
    epicProjects: z.record(issueIdSchema, projectIdSchema),
  })
  .strict();
export type StoredDigest = z.infer<typeof storedDigestSchema>;

/** One viewer's last visit to a roadmap's digest. */
export const digestVisitSchema = z
  .object({
    /** The digest day through which they have seen the drift flags; null: never. */
    driftSeenAsOf: isoDaySchema.nullable(),
    /** The day (UTC) they last dismissed the banner; null: never. */
    dismissedOn: isoDaySchema.nullable(),
  })
  .strict();
export type DigestVisit = z.infer<typeof digestVisitSchema>;

/** Where the daily run has got to: resumed by the next invocation the same day (see src/triggers/daily-digest.ts). */
export const digestRunSchema = z
  .object({
    day: isoDaySchema,
    /** The last roadmap (project id, in the index's order) processed; null: none yet. */
    after: projectIdSchema.nullable(),
    done: z.boolean(),
  })
  .strict();
export type DigestRun = z.infer<typeof digestRunSchema>;

export const digestBytes = (digest: StoredDigest): number => new TextEncoder().encode(JSON.stringify(digest)).length;

export interface DigestInput {
  roadmap: Roadmap;
  drift: DriftReport;
  review: ReviewStatus;
  /** The digest stored before (of an earlier day, or of this same day when the run repeats); null: none. */
  previous: StoredDigest | null;
  /** The day computed for, `2026-11-23`. */
  day: string;
}

/**
 * The digest of one day: a pure function of the roadmap, its drift, its review status and the previous digest, so a
 * second run the same day with the same Jira answers builds exactly the same value (the trigger then writes nothing).
 */
export function buildDigest({ roadmap, drift, review, previous, day }: DigestInput): StoredDigest {
  // A previous digest from a later day (a clock that went back) says nothing about when today's flags appeared.
  const before = previous && previous.asOf <= day ? new Map(previous.flags.map((f) => [f.key, f.since])) : new Map<string, string>();
  const all = drift.flags.map((flag) => ({ key: flag.key, epicIds: [...flag.epicIds], since: before.get(flag.key) ?? day }));
  let flags = all.slice(0, MAX_DIGEST_FLAGS);
  const digestOf = (kept: StoredDigestFlag[]): StoredDigest => {
    const foreign: Record<string, string> = {};
    for (const id of kept.flatMap((f) => f.epicIds).sort()) {
      const project = roadmap.meta.epicProjects[id];
      if (project && project !== roadmap.meta.projectId) foreign[id] = project;
    }
    return {
      version: DIGEST_VERSION,
      projectId: roadmap.meta.projectId,
      asOf: day,
      review: {
        state: review.state,
        overdue: review.overdue,
        cadenceDays: review.cadenceDays,
        lastReviewedAt: review.lastReviewedAt === null ? null : review.lastReviewedAt.slice(0, 40),
        nextReviewOn: review.nextReviewOn,
        daysUntilNextReview: review.daysUntilNextReview,
        message: review.message.slice(0, 200),
      },
      flags: kept,
      truncated: kept.length < all.length,
      epicProjects: foreign,
    };
  };
  let digest = digestOf(flags);
  // The cap keeps the worst case near 164 KB; this only guards the bound should the cap or the limits change.
  while (digestBytes(digest) > MAX_DIGEST_BYTES && flags.length > 0) {
    flags = flags.slice(0, Math.floor(flags.length * 0.9));
    digest = digestOf(flags);
  }
  return digest;
}

/** Whether two digests hold the same thing (the trigger skips a write that would change nothing). */
export const sameDigest = (a: StoredDigest, b: StoredDigest): boolean => JSON.stringify(a) === JSON.stringify(b);

export const kindOfFlag = (flag: Pick<StoredDigestFlag, 'key'>): DriftKind | null => {
  const kind = flag.key.slice(0, flag.key.indexOf(':'));
  return (DRIFT_KINDS as readonly string[]).includes(kind) ? (kind as DriftKind) : null;
};

/** What Jira lets one viewer see of the epics a digest mentions. */
export interface EpicVisibility {
  /** Epics of projects the viewer may not browse (never shown, never counted). */
  hidden: ReadonlySet<string>;
  /** Epics Jira shows the viewer, among those the digest's flags mention. */
  visible: ReadonlySet<string>;
}

/** The epics a viewer's visibility must be asked about: those of the flags not already hidden by project. */
export function epicsToCheck(digest: StoredDigest, hidden: ReadonlySet<string>): string[] {
  return [...new Set(digest.flags.flatMap((f) => f.epicIds))].filter((id) => !hidden.has(id)).sort();
}

/**
 * The stored flags one viewer may see: none derived from a hidden epic or from an epic Jira does not show them; an
 * "epic unavailable" flag only while the epic is unavailable to them too. Unknown kinds (a newer app wrote them) drop.
 */
export function flagsForViewer(digest: StoredDigest, seen: EpicVisibility): StoredDigestFlag[] {
  return digest.flags.filter((flag) => {
    const kind = kindOfFlag(flag);
    if (kind === null) return false;
    if (flag.epicIds.some((id) => seen.hidden.has(id))) return false;
    return kind === 'epic-unavailable' ? flag.epicIds.every((id) => !seen.visible.has(id)) : flag.epicIds.every((id) => seen.visible.has(id));
  });
}

/** Flags that first appeared after the viewer last saw the drift (all of them on a first visit). */
export function newSince(flags: readonly StoredDigestFlag[], driftSeenAsOf: string | null): StoredDigestFlag[] {
  return driftSeenAsOf === null ? [...flags] : flags.filter((f) => f.since > driftSeenAsOf);
}

export type DriftCounts = Record<DriftKind, number>;

export function countByKind(flags: readonly StoredDigestFlag[]): DriftCounts {
  const counts = Object.fromEntries(DRIFT_KINDS.map((kind) => [kind, 0])) as DriftCounts;
  for (const flag of flags) {
    const kind = kindOfFlag(flag);
    if (kind) counts[kind] += 1;
  }
  return counts;
}

/** A viewer's last visit after they open the Drift view (asOf: the digest day they saw) or dismiss the banner. */
export function markVisit(
  previous: DigestVisit | null,
  mark: { asOf: string | null; dismiss: boolean; today: string; digestAsOf: string | null },
): DigestVisit {
  const prior = previous ?? { driftSeenAsOf: null, dismissedOn: null };
  // Never past the stored digest (a client cannot claim to have seen tomorrow's), never backwards.
  const claimed = mark.asOf !== null && mark.digestAsOf !== null ? (mark.asOf < mark.digestAsOf ? mark.asOf : mark.digestAsOf) : null;
  const driftSeenAsOf = claimed !== null && (prior.driftSeenAsOf === null || claimed > prior.driftSeenAsOf) ? claimed : prior.driftSeenAsOf;
  return { driftSeenAsOf, dismissedOn: mark.dismiss ? mark.today : prior.dismissedOn };
}

export const sameVisit = (a: DigestVisit | null, b: DigestVisit): boolean =>
  a !== null && a.driftSeenAsOf === b.driftSeenAsOf && a.dismissedOn === b.dismissedOn;
