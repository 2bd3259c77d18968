import type { Initiative } from './model';

/** Which roadmap and initiative an epic serves: the side panel's one-read index, kept in step by every write. */
export interface EpicLink {
  projectId: string;
  initiativeId: string;
}

/** Epic links follow the initiatives' epicIds: links added, moved or removed by this edit. */
export function epicLinkChanges(projectId: string, before: readonly Initiative[], after: readonly Initiative[], touched: string[]) {
  const set: Array<{ issueId: string; link: EpicLink }> = [];
  const remove: string[] = [];
  const beforeById = new Map(before.map((i) => [i.id, i]));
  const afterById = new Map(after.map((i) => [i.id, i]));
  for (const id of touched.filter((t) => t.startsWith('I-'))) {
    const old = new Set(beforeById.get(id)?.epicIds ?? []);
    const now = new Set(afterById.get(id)?.epicIds ?? []);
    for (const issueId of now) if (!old.has(issueId)) set.push({ issueId, link: { projectId, initiativeId: id } });
    for (const issueId of old) if (!now.has(issueId)) remove.push(issueId);
  }
  return { set, remove };
}
