/**
 * The storage layout (all keys match KVS's `^(?!\s+$)[a-zA-Z0-9:._\s-#]+$` and stay far below 500 chars):
 *   rm:<projectId>:meta              settings, phases, goals, id sequences, revision
 *   rm:<projectId>:ini:<chunk>       up to INITIATIVES_PER_CHUNK initiatives (chunk = initiative seq / size)
 *   rm:<projectId>:chg:<inverted>    one change record per revision; inverted so key order is newest first
 *   epic:<issueId>                   which roadmap and initiative an epic serves (one read for the side panel)
 * A roadmap loads with one get (meta) and one beginsWith query per 100 chunks.
 */
export const INITIATIVES_PER_CHUNK = 50;
const CHUNK_DIGITS = 6;
const REVISION_SPACE = 9_999_999_999;

export const metaKey = (projectId: string) => `rm:${projectId}:meta`;
export const chunkPrefix = (projectId: string) => `rm:${projectId}:ini:`;
export const chunkKey = (projectId: string, chunk: number) =>
  `${chunkPrefix(projectId)}${String(chunk).padStart(CHUNK_DIGITS, '0')}`;
export const changePrefix = (projectId: string) => `rm:${projectId}:chg:`;
export const changeKey = (projectId: string, revision: number) =>
  `${changePrefix(projectId)}${String(REVISION_SPACE - revision).padStart(10, '0')}`;
export const epicKey = (issueId: string) => `epic:${issueId}`;

export function initiativeSeq(initiativeId: string): number {
  return Number(initiativeId.slice(2));
}

export function chunkOf(initiativeId: string): number {
  return Math.floor(initiativeSeq(initiativeId) / INITIATIVES_PER_CHUNK);
}
