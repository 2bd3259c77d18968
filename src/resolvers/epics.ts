import { AppError } from '../domain/errors';
import type { Roadmap } from '../domain/model';
import type { IssueSummary } from '../jira/jira-port';
import type { Deps } from './deps';

/**
 * Epics enter a roadmap only after Jira, asked as the caller, says they exist, are visible to the caller and are
 * epics. The answer is the same for "does not exist" and "cannot see it", so nothing leaks; nothing about other
 * roadmaps that hold the epic is consulted (an epic may serve one initiative on each of several roadmaps).
 */

/** Where a value sits in the payload (`initiative.epicIds.2`), so the error lands beside the input that sent it. */
function pathOf(payload: unknown, value: string, at: string[] = []): string | null {
  if (payload === value) return at.join('.');
  if (payload && typeof payload === 'object') {
    for (const [key, child] of Object.entries(payload as Record<string, unknown>)) {
      const found = pathOf(child, value, [...at, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Issue keys → what Jira says about each, asked as the caller in one bulk fetch (keys matched in any case). A key
 * that does not exist and one the caller cannot see are both null: the callers word them the same.
 */
export async function issuesByKey(deps: Deps, keys: readonly string[]): Promise<Map<string, IssueSummary | null>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Map();
  const found = new Map((await deps.jira.getIssues(unique)).map((issue) => [issue.key.toUpperCase(), issue]));
  return new Map(unique.map((key) => [key, found.get(key.toUpperCase()) ?? null]));
}

/** The check commitEdit runs on the epics a write adds: one bulk fetch as the caller. */
export function confirmEpicsAsCaller(deps: Deps, payload: unknown): (issueIds: string[]) => Promise<Array<{ id: string; projectId: string }>> {
  return async (issueIds) => {
    const found = new Map((await deps.jira.getIssues(issueIds)).map((issue) => [issue.id, issue]));
    const fields: Record<string, string> = {};
    for (const id of issueIds) {
      const issue = found.get(id);
      const field = pathOf(payload, id) ?? 'epicIds';
      if (!issue) fields[field] = `Issue ${id} does not exist or you cannot see it`;
      else if (issue.issueType !== 'Epic') fields[field] = `${issue.key} is a ${issue.issueType}, not an epic`;
    }
    const first = Object.values(fields)[0];
    if (first) throw new AppError('INVALID_INPUT', first, fields);
    return issueIds.map((id) => ({ id, projectId: found.get(id)!.projectId }));
  };
}

/**
 * Epic keys typed by a user (TR-12) → issue ids, as the caller. Each must exist, be visible and be an epic, and may
 * not already serve another initiative of this roadmap (the caller can see this roadmap, so naming it is fine).
 */
export async function resolveEpicKeys(
  deps: Deps,
  roadmap: Roadmap,
  keys: readonly string[],
  forInitiative: string | null,
  field = 'epicKeys',
): Promise<string[]> {
  if (keys.length === 0) return [];
  const byKey = await issuesByKey(deps, keys);
  const holder = new Map<string, { id: string; title: string }>();
  for (const initiative of roadmap.initiatives) for (const epicId of initiative.epicIds) if (!holder.has(epicId)) holder.set(epicId, initiative);
  const fields: Record<string, string> = {};
  const ids: string[] = [];
  keys.forEach((key, index) => {
    const issue = byKey.get(key);
    const held = issue ? holder.get(issue.id) : undefined;
    if (!issue) fields[`${field}.${index}`] = `${key} does not exist or you cannot see it`;
    else if (issue.issueType !== 'Epic') fields[`${field}.${index}`] = `${key} is a ${issue.issueType}, not an epic`;
    else if (held && held.id !== forInitiative) fields[`${field}.${index}`] = `${key} already serves ${held.id} "${held.title}" on this roadmap`;
    else ids.push(issue.id);
  });
  const first = Object.values(fields)[0];
  if (first) throw new AppError('INVALID_INPUT', first, fields);
  return [...new Set(ids)];
}
