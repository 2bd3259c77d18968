/**
 * The storage layout (all keys match KVS's `^(?!\s+$)[a-zA-Z0-9:._\s-#]+$` and stay far below 500 chars):
 *   rm:<projectId>:meta              (entity roadmap-meta) settings, phases, goals, id sequences, revision
 *   rm:<projectId>:ini:<chunk>       up to ITEMS_PER_CHUNK initiatives (chunk = id number / ITEMS_PER_CHUNK)
 *   rm:<projectId>:dbt:<chunk>       up to ITEMS_PER_CHUNK debt items, likewise
 *   rm:<projectId>:chg:<inverted>    one change record per revision; inverted so key order is newest first
 *   epic:<issueId>                   which roadmap and initiative an epic serves (one read for the side panel)
 * A roadmap loads with one get (meta) and one beginsWith query per 100 chunks of each collection, all in parallel:
 * 3 round trips up to 5,000 initiatives.
 */
export const ITEMS_PER_CHUNK = 50;
const CHUNK_DIGITS = 6;
const REVISION_SPACE = 9_999_999_999;

export type Collection = 'ini' | 'dbt';

export const metaKey = (projectId: string) => `rm:${projectId}:meta`;
export const collectionPrefix = (projectId: string, collection: Collection) => `rm:${projectId}:${collection}:`;
export const chunkKey = (projectId: string, collection: Collection, chunk: number) =>
  `${collectionPrefix(projectId, collection)}${String(chunk).padStart(CHUNK_DIGITS, '0')}`;
export const changePrefix = (projectId: string) => `rm:${projectId}:chg:`;
export const changeKey = (projectId: string, revision: number) =>
  `${changePrefix(projectId)}${String(REVISION_SPACE - revision).padStart(10, '0')}`;
export const epicKey = (issueId: string) => `epic:${issueId}`;

/** Initiatives are `I-<n>`, debt items `D-<n>`: the letter says the collection, the number the chunk. */
export function collectionOf(id: string): Collection {
  if (id.startsWith('I-')) return 'ini';
  if (id.startsWith('D-')) return 'dbt';
  throw new Error(`Not a stored item id: ${id}`);
}

export function chunkOf(id: string): number {
  return Math.floor(Number(id.slice(2)) / ITEMS_PER_CHUNK);
}
