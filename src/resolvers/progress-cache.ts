import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ProgressReport } from '../domain/api';
import type { Roadmap } from '../domain/model';
import type { JiraPort } from '../jira/jira-port';
import { MAX_PART_BYTES, type ProgressCacheStore } from '../storage/progress-cache-store';
import { type EpicSnapshot, linkedEpicIds, progressReportFrom, readEpicSnapshots } from './progress-core';

/**
 * The progress cache. THE RULE: cache what Jira answered to whom. An entry is what Jira showed one account about one
 * roadmap's epics (issue security and project permissions make that answer differ per viewer), stored under
 * (project, accountId) — the accountId of the invocation, the same identity `asUser()` asked Jira as, never one from
 * a payload — and read back only for that same account. Nobody ever reads another user's entry.
 *
 * An entry is used only when all of these hold, else the view is cold (asked of Jira again, then stored):
 *  - it covers exactly the epic ids the caller may see now (a link, an unlink, or a foreign project becoming hidden
 *    from the caller changes the set);
 *  - it was built at the roadmap's current progress epoch (the issue trigger replaces the epoch whenever a linked
 *    epic or a child of one changes in Jira, so every user's entry for that roadmap goes cold at once);
 *  - it is younger than PROGRESS_TTL_MS (10 min: the bound on staleness for changes no event reports, such as a
 *    user's issue-security membership). Jira's search is eventually consistent ("recent updates might not be
 *    immediately visible"), so an entry built within SETTLE_MS of an epoch change lives only until that window ends:
 *    a read right after an event cannot pin a not-yet-indexed answer for ten minutes.
 * What the cache never replaces: the access check (accessTo: BROWSE on the project, as the caller) and the hidden-epic
 * check run on every call before the cache is read (DESIGN §4), so revoked access takes effect at once.
 *
 * Layout: the caller's visible epic ids, sorted, 100 per part (`pg:<project>:u:<account>:<n>`); a worst-case epic
 * (255-character summary in 6-byte escapes, long key, float points) is about 2.1 KB, so a part stays under 240 KiB,
 * and a part over it is simply not written. Reading is one batch get per 25 keys (epoch + points field + 23 parts,
 * i.e. 2,300 epics, in one round trip); writing one batch set per 25 parts. The epoch is read before Jira is asked,
 * so a change that lands while an entry is being built leaves that entry stale-tagged, never fresh-looking.
 * A cache that cannot be read or written never fails the call: progress is answered from Jira regardless.
 *
 * The story-point field id is cached app-level (`site:points-field`, 1 h): it is site configuration — which custom
 * field holds estimates — not an answer about issues, so sharing it tells no one anything; values are still read from
 * Jira as each viewer, and a viewer's issues without that field simply have no points.
 */
export const PROGRESS_TTL_MS = 10 * 60_000;
/** After an epoch change, entries expire at change + SETTLE_MS: long enough for Jira's search index to catch up. */
export const SETTLE_MS = 60_000;
export const POINTS_FIELD_TTL_MS = 60 * 60_000;
export const EPICS_PER_PART = 100;
/** How long KVS keeps a part at all: garbage collection for entries nobody reads again (freshness is checked above). */
const RETAIN_SECONDS = 60 * 60;
/** Atlassian account ids (`557058:…`, 24-hex, app ids): anything else is not cached (and never becomes a key). */
const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;

const count = z.number().int().nonnegative();
const progressSchema = z.object({
  issues: z.object({ total: count, todo: count, inProgress: count, done: count }),
  points: z.object({ total: z.number().finite(), done: z.number().finite(), unestimated: count }),
  percentDone: z.number().nullable(),
  basis: z.enum(['points', 'issues', 'none']),
});
const snapshotSchema = z.discriminatedUnion('visible', [
  z.object({ id: z.string(), visible: z.literal(false) }),
  z.object({
    id: z.string(),
    visible: z.literal(true),
    key: z.string(),
    summary: z.string(),
    projectId: z.string(),
    projectKey: z.string(),
    statusCategory: z.enum(['new', 'indeterminate', 'done']),
    progress: progressSchema,
  }),
]);
const partSchema = z.object({
  v: z.literal(1),
  /** All parts of one entry share the build id: parts from two concurrent writers never mix. */
  build: z.string(),
  epoch: z.string().nullable(),
  expiresAt: z.number(),
  parts: z.number().int().positive(),
  pointsFieldId: z.string().nullable(),
  epics: z.array(snapshotSchema),
});
type Part = z.infer<typeof partSchema>;
const pointsFieldSchema = z.object({ id: z.string().nullable(), expiresAt: z.number() });

export interface ProgressCacheDeps {
  /** Jira as the caller. */
  jira: JiraPort;
  progressCache: ProgressCacheStore;
  now: () => Date;
}

const partsFor = (epics: number) => Math.ceil(epics / EPICS_PER_PART);
const slices = <T>(items: readonly T[]) => Array.from({ length: partsFor(items.length) }, (_, n) => items.slice(n * EPICS_PER_PART, (n + 1) * EPICS_PER_PART));

/** The entry's snapshots when every part is there, whole, of one build, at `epoch`, unexpired and for exactly `ids`. */
function usableEntry(stored: readonly unknown[], ids: readonly string[], epoch: string | null, now: number): Part[] | null {
  const expected = slices(ids);
  const parts: Part[] = [];
  for (const [n, raw] of stored.entries()) {
    const parsed = partSchema.safeParse(raw);
    if (!parsed.success) return null;
    const part = parsed.data;
    if (part.build !== (parts[0]?.build ?? part.build) || part.parts !== expected.length || part.epoch !== epoch || part.expiresAt <= now) return null;
    const want = expected[n];
    if (part.epics.length !== want.length || part.epics.some((epic, i) => epic.id !== want[i])) return null;
    parts.push(part);
  }
  return parts.length === expected.length ? parts : null;
}

function entryParts(snapshots: readonly EpicSnapshot[], pointsFieldId: string | null, epoch: { token: string; at: number } | null, now: number): Part[] | null {
  const build = randomUUID();
  const settling = epoch !== null && now < epoch.at + SETTLE_MS;
  const expiresAt = settling ? epoch.at + SETTLE_MS : now + PROGRESS_TTL_MS;
  const sorted = [...snapshots].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const groups = slices(sorted);
  const parts = groups.map((epics): Part => ({ v: 1, build, epoch: epoch?.token ?? null, expiresAt, parts: groups.length, pointsFieldId, epics }));
  // A part over the KVS limit (only with absurd Jira data) means no entry at all, never a partial one.
  return parts.every((part) => Buffer.byteLength(JSON.stringify(part), 'utf8') <= MAX_PART_BYTES) ? parts : null;
}

/**
 * Progress of the roadmap's linked epics as `accountId` sees them (the roadmap already stripped of epics hidden from
 * them), from their cache entry when it is usable, else from Jira (then stored for them). `accountId` must be the
 * invocation's own account — the one deps.jira asks as.
 */
export async function cachedProgress(
  deps: ProgressCacheDeps,
  projectId: string,
  accountId: string | undefined,
  roadmap: Roadmap | null,
): Promise<ProgressReport> {
  const epicIds = linkedEpicIds(roadmap);
  if (!roadmap || epicIds.length === 0) return { pointsFieldId: null, epics: [], initiatives: {} };
  const owner = accountId !== undefined && ACCOUNT_ID.test(accountId) ? accountId : null;
  const ids = [...epicIds].sort();
  const now = deps.now().getTime();

  const read = await deps.progressCache.read(projectId, owner, owner ? partsFor(ids.length) : 0).catch(() => null);
  const hit = read && owner ? usableEntry(read.parts, ids, read.epoch?.token ?? null, now) : null;
  if (hit) {
    return progressReportFrom(
      roadmap,
      hit.flatMap((part) => part.epics),
      hit[0].pointsFieldId,
    );
  }

  const field = pointsFieldSchema.safeParse(read?.pointsField);
  const knownField = field.success && field.data.expiresAt > now ? field.data.id : undefined;
  const answer = await readEpicSnapshots(deps.jira, epicIds, knownField);

  const writes: Array<Promise<void>> = [];
  if (knownField === undefined && read) {
    writes.push(deps.progressCache.writePointsField({ id: answer.pointsFieldId, expiresAt: now + POINTS_FIELD_TTL_MS }, POINTS_FIELD_TTL_MS / 1000));
  }
  // Only a whole answer is stored, tagged with the epoch read before Jira was asked; no epoch read, no entry.
  const parts = owner && read && answer.complete ? entryParts(answer.epics, answer.pointsFieldId, read.epoch, now) : null;
  if (owner && parts) writes.push(deps.progressCache.writeParts(projectId, owner, parts, RETAIN_SECONDS));
  const failed = (await Promise.allSettled(writes)).find((result) => result.status === 'rejected');
  // A failed cache write costs the next call a cold read, nothing more: the answer below stands.
  if (failed) console.warn('Progress cache not written', failed.reason instanceof Error ? failed.reason.message : 'unknown error');

  return progressReportFrom(roadmap, answer.epics, answer.pointsFieldId);
}
