/**
 * Epic progress rolled up from child issues (Jira status categories: new = to do, indeterminate = in progress,
 * done). Progress is by story points when the children carry any, else by issue count. Pure: the Jira adapter
 * supplies the issues.
 */
export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface ChildIssue {
  parentId: string;
  statusCategory: StatusCategory;
  points: number | null;
}

export interface Progress {
  issues: { total: number; todo: number; inProgress: number; done: number };
  points: { total: number; done: number; unestimated: number };
  /** 0–100, by points when any child is estimated, else by count; null with no child issues. */
  percentDone: number | null;
  basis: 'points' | 'issues' | 'none';
}

export function rollUp(children: readonly ChildIssue[]): Progress {
  const issues = { total: children.length, todo: 0, inProgress: 0, done: 0 };
  const points = { total: 0, done: 0, unestimated: 0 };
  for (const child of children) {
    if (child.statusCategory === 'done') issues.done++;
    else if (child.statusCategory === 'indeterminate') issues.inProgress++;
    else issues.todo++;
    if (child.points === null) points.unestimated++;
    else {
      points.total += child.points;
      if (child.statusCategory === 'done') points.done += child.points;
    }
  }
  return withPercent(issues, points);
}

/** Children grouped by the epic they belong to. */
export function byParent(children: readonly ChildIssue[]): Map<string, ChildIssue[]> {
  const groups = new Map<string, ChildIssue[]>();
  for (const child of children) {
    const group = groups.get(child.parentId);
    if (group) group.push(child);
    else groups.set(child.parentId, [child]);
  }
  return groups;
}

/**
 * Progress across several groups of children from each group's roll-up: the same numbers `rollUp` gives for all the
 * children together (counts and points add up; the percentage and basis follow the same rule).
 */
export function sumProgress(parts: readonly Progress[]): Progress {
  const issues = { total: 0, todo: 0, inProgress: 0, done: 0 };
  const points = { total: 0, done: 0, unestimated: 0 };
  for (const part of parts) {
    issues.total += part.issues.total;
    issues.todo += part.issues.todo;
    issues.inProgress += part.issues.inProgress;
    issues.done += part.issues.done;
    points.total += part.points.total;
    points.done += part.points.done;
    points.unestimated += part.points.unestimated;
  }
  return withPercent(issues, points);
}

/** By points when any child is estimated, else by count; none without children. */
function withPercent(issues: Progress['issues'], points: Progress['points']): Progress {
  if (points.total > 0) return { issues, points, percentDone: Math.round((points.done / points.total) * 100), basis: 'points' };
  if (issues.total > 0) return { issues, points, percentDone: Math.round((issues.done / issues.total) * 100), basis: 'issues' };
  return { issues, points, percentDone: null, basis: 'none' };
}
