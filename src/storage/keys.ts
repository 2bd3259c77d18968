/**
 * The storage layout (all keys match KVS's `^(?!\s+$)[a-zA-Z0-9:._\s-#]+$` and stay far below 500 chars):
 *   rm:<projectId>:meta              (entity roadmap-meta) settings, phases, goals, id sequences, revision
 *   rm:<projectId>:ini:<chunk>       up to ITEMS_PER_CHUNK initiatives (chunk = id number / ITEMS_PER_CHUNK)
 *   rm:<projectId>:dbt:<chunk>       up to ITEMS_PER_CHUNK debt items, likewise
 *   rm:<projectId>:chg:<inverted>    one change record per revision; inverted so key order is newest first
 *   rm:<projectId>:rvw:<inverted>    a review's baseline header (domain/review/codec.ts), by the review's revision,
 *                                    inverted so newest first: seq, when, who, note, counts, how many parts
 *   rm:<projectId>:rvb:<inverted>:<nn>  that baseline's parts (columnar blocks of 100 initiatives); header and parts
 *                                    are written with the review's meta and change record in one transaction, and
 *                                    the oldest baseline beyond LIMITS.reviewBaselines (12) is deleted in it too
 *   epic:<issueId>:<projectId>       the initiative of that roadmap the epic serves; `epic:<issueId>:` lists them all
 *   epic-deletions                   (entity epic-deletions) an epoch the issue-deleted trigger bumps; writes that
 *                                    link an epic check it, so a link cannot land while its epic is being deleted
 *   pg:<projectId>:epoch             progress epoch: a fresh token the issue trigger writes when a linked epic or one of
 *                                    its children changes; every cached progress entry of that roadmap then reads cold
 *   pg:<projectId>:u:<accountId>:<n> part n (3 digits) of the progress that Jira showed that user for the roadmap's
 *                                    epics, 100 epics a part (progress-cache.ts); KVS TTL 1 h, fresh for 10 min
 *   site:points-field                the site's story-point field id (app-level site configuration), fresh for 1 h
 *   digest:<projectId>               the roadmap's daily digest (see domain/digest.ts), written by the scheduled trigger
 *   digest-seen:<projectId>:<accountId>  one viewer's last visit to that digest (theirs alone)
 *   digest-run                       where today's digest run got to (its day, the last project done, done or not)
 * A roadmap loads with one get (meta) and one beginsWith query per 100 chunks of each collection, the collections in
 * parallel: 3 round trips up to 2,500 initiatives, 4 up to 5,000.
 *
 * Size budget (a KVS value is at most 240 KiB of JSON): text fields are capped by the zod model and refuse control
 * characters, so a character costs at most 3 bytes (UTF-8) in JSON. A worst-case initiative is then about 6.7 KB
 * (1,730 characters of text, 50 epic ids, 20 dependencies, 10 goals) and a worst-case debt item about 7 KB, so 25 of
 * either stay under 180 KB. test/integration/storage-scale.test.ts checks the worst case against the emulator.
 *
 * Review baselines (the load never reads them): a header is at most about 1.8 KB (a 500-character note); the plan
 * costs at most about 70 bytes per initiative (no titles: see domain/review/baseline.ts), so 5,000 initiatives with
 * the longest metric numbers take about 350 KB in two parts of at most 200 KiB; a drift flag adds 3–25 bytes (an
 * 18-digit epic id is most of it). One baseline takes at most 10 parts (≈ 2 MB; beyond, the last initiatives' drift
 * is left out and the baseline says so). Measured against the emulator (test/integration/review-baselines.test.ts):
 * 5,000 worst-case initiatives whose 50,000 epics are gone from Jira, 1.3 MB in 8 parts; every flag at once, 1.85 MB
 * in 10 parts. Per roadmap at most 12 baselines: ≈ 4.2 MB without drift, ≈ 22 MB at the ceiling.
 */
export const ITEMS_PER_CHUNK = 25;
const CHUNK_DIGITS = 6;
const REVISION_SPACE = 9_999_999_999;

export type Collection = 'ini' | 'dbt';

export const metaKey = (projectId: string) => `rm:${projectId}:meta`;
export const collectionPrefix = (projectId: string, collection: Collection) => `rm:${projectId}:${collection}:`;
export const chunkKey = (projectId: string, collection: Collection, chunk: number) =>
  `${collectionPrefix(projectId, collection)}${String(chunk).padStart(CHUNK_DIGITS, '0')}`;
export const changePrefix = (projectId: string) => `rm:${projectId}:chg:`;
export const changeKey = (projectId: string, revision: number) => `${changePrefix(projectId)}${String(REVISION_SPACE - revision).padStart(10, '0')}`;
export const reviewPrefix = (projectId: string) => `rm:${projectId}:rvw:`;
export const reviewKey = (projectId: string, revision: number) => `${reviewPrefix(projectId)}${String(REVISION_SPACE - revision).padStart(10, '0')}`;
export const baselinePartPrefix = (projectId: string, revision: number) => `rm:${projectId}:rvb:${String(REVISION_SPACE - revision).padStart(10, '0')}:`;
export const baselinePartKey = (projectId: string, revision: number, part: number) =>
  `${baselinePartPrefix(projectId, revision)}${String(part).padStart(2, '0')}`;
export const epicPrefix = (issueId: string) => `epic:${issueId}:`;
export const epicKey = (issueId: string, projectId: string) => `${epicPrefix(issueId)}${projectId}`;
export const EPIC_DELETIONS_KEY = 'epic-deletions';
export const progressEpochKey = (projectId: string) => `pg:${projectId}:epoch`;
export const progressPartKey = (projectId: string, accountId: string, part: number) => `pg:${projectId}:u:${accountId}:${String(part).padStart(3, '0')}`;
export const POINTS_FIELD_KEY = 'site:points-field';
export const digestKey = (projectId: string) => `digest:${projectId}`;
/** Account ids match `[A-Za-z0-9:_-]{1,128}` (accountIdSchema): valid key characters, and the key stays under 170. */
export const digestVisitKey = (projectId: string, accountId: string) => `digest-seen:${projectId}:${accountId}`;
export const DIGEST_RUN_KEY = 'digest-run';
/** The single-key epic index of roadmaps written before the per-roadmap entries; removed by their next write. */
export const legacyEpicKey = (issueId: string) => `epic:${issueId}`;

/** Initiatives are `I-<n>`, debt items `D-<n>`: the letter says the collection, the number the chunk. */
export function collectionOf(id: string): Collection {
  if (id.startsWith('I-')) return 'ini';
  if (id.startsWith('D-')) return 'dbt';
  throw new Error(`Not a stored item id: ${id}`);
}

/** Ids count from 1: I-1…I-25 share chunk 0, so 5,000 initiatives fill exactly 200 chunks (two query pages). */
export function chunkOf(id: string): number {
  return Math.floor((Number(id.slice(2)) - 1) / ITEMS_PER_CHUNK);
}
