import type { Initiative } from './model';

/**
 * One entry of the site-wide epic index: this roadmap's initiative is served by this epic. An epic serves at most
 * one initiative per roadmap and may serve initiatives on several roadmaps (a platform epic two teams track), so the
 * index holds one entry per (epic, roadmap); the side panel lists an epic's entries with one query.
 */
export interface EpicLink {
  issueId: string;
  projectId: string;
  initiativeId: string;
}

export interface EpicLinkChanges {
  /** Entries to write: new links, or links that moved to another initiative of the same roadmap. */
  set: EpicLink[];
  /** Epics this roadmap no longer holds at all. */
  remove: string[];
  /**
   * Epics a touched initiative holds after the edit and did not hold before (new to the roadmap, or moved from
   * another of its initiatives): they must exist and be visible to the writer.
   */
  added: string[];
}

/** Which initiative holds each epic, for the initiatives given. */
function holders(initiatives: readonly Initiative[]): Map<string, string> {
  const byEpic = new Map<string, string>();
  for (const initiative of initiatives) for (const issueId of initiative.epicIds) if (!byEpic.has(issueId)) byEpic.set(issueId, initiative.id);
  return byEpic;
}

/**
 * The index entries a roadmap edit changes: computed from the epics held by the touched initiatives before and after
 * (an epic moving between two touched initiatives is one set, not a delete and a set).
 */
export function epicLinkChanges(projectId: string, before: readonly Initiative[], after: readonly Initiative[], touched: readonly string[]): EpicLinkChanges {
  const scope = new Set(touched.filter((t) => t.startsWith('I-')));
  const was = holders(before.filter((i) => scope.has(i.id)));
  const now = holders(after.filter((i) => scope.has(i.id)));
  const heldElsewhere = holders(before.filter((i) => !scope.has(i.id)));
  const set: EpicLink[] = [];
  const remove: string[] = [];
  const added: string[] = [];
  for (const [issueId, initiativeId] of now) {
    if (was.get(issueId) !== initiativeId) set.push({ issueId, projectId, initiativeId });
    if (was.get(issueId) !== initiativeId && heldElsewhere.get(issueId) !== initiativeId) added.push(issueId);
  }
  for (const issueId of was.keys()) if (!now.has(issueId) && !heldElsewhere.has(issueId)) remove.push(issueId);
  return { set, remove, added };
}

/**
 * The meta's record of linked epics from other projects, after an edit: entries for epics the roadmap no longer holds
 * are dropped, and `confirmed` (what Jira said about the epics the edit added) adds the foreign ones.
 */
export function nextEpicProjects(
  projectId: string,
  current: Readonly<Record<string, string>>,
  initiatives: readonly Initiative[],
  confirmed: ReadonlyArray<{ id: string; projectId: string }>,
): Record<string, string> {
  const held = new Set(initiatives.flatMap((i) => i.epicIds));
  const next: Record<string, string> = {};
  for (const [issueId, project] of Object.entries(current)) if (held.has(issueId)) next[issueId] = project;
  for (const issue of confirmed) {
    if (!held.has(issue.id)) continue;
    if (issue.projectId === projectId) delete next[issue.id];
    else next[issue.id] = issue.projectId;
  }
  return next;
}
