/** Single-resource endpoints: issue, field, mypermissions, project, myself. */
import type { EmulatedResponse } from '../http-types';
import { jiraError, MESSAGES, ok } from './errors';
import { type FieldDef, selectFields } from './fields';
import type { JiraData, JiraUserRecord } from './model';
import { type Caller, canBrowse, canSeeIssue, hasGlobalPermission, havePermission, PERMISSIONS } from './permissions';
import { currentUser, fieldShape, issueShape, projectShape, userRef } from './shapes';
import type { JiraStore } from './store';

export function getIssue(store: JiraStore, caller: Caller, catalogue: FieldDef[], idOrKey: string, q: URLSearchParams): EmulatedResponse {
  const issue = store.issue(idOrKey);
  if (!issue || !canSeeIssue(store.data, caller, issue)) return jiraError(404, [MESSAGES.issueNotFound]);
  const fields = q.getAll('fields');
  return ok(issueShape(store.data, issue, selectFields(fields, ['*all'], catalogue)));
}

export function getFields(catalogue: FieldDef[]): EmulatedResponse {
  return ok(catalogue.map(fieldShape));
}

export function getProject(store: JiraStore, caller: Caller, idOrKey: string): EmulatedResponse {
  const project = store.project(idOrKey);
  if (!project || !canBrowse(store.data, caller, project.id)) {
    const what = /^\d+$/.test(idOrKey) ? 'id' : 'key';
    return jiraError(404, [`No project could be found with ${what} '${idOrKey}'.`]);
  }
  return ok(projectShape(store.data, project));
}

/**
 * GET /rest/api/3/project/search?query=…: the projects the caller may browse whose key or name contains the query
 * (case insensitive, as Jira's `query` does), ordered by key, paged with startAt/maxResults (≤ 100) as a PageBean.
 */
export function searchProjects(store: JiraStore, caller: Caller, q: URLSearchParams): EmulatedResponse {
  const query = (q.get('query') ?? '').trim().toLowerCase();
  const startAt = Math.max(0, Number(q.get('startAt') ?? 0) || 0);
  const maxResults = Math.min(100, Math.max(1, Number(q.get('maxResults') ?? 50) || 50));
  const found = store.data.projects
    .filter((p) => canBrowse(store.data, caller, p.id))
    .filter((p) => query === '' || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query))
    .sort((a, b) => a.key.localeCompare(b.key));
  const page = found.slice(startAt, startAt + maxResults);
  const self = `${store.data.baseUrl}/rest/api/3/project/search?${q.toString()}`;
  return ok({
    self,
    maxResults,
    startAt,
    total: found.length,
    isLast: startAt + page.length >= found.length,
    values: page.map((p) => projectShape(store.data, p)),
  });
}

export function getMyself(data: JiraData, user: JiraUserRecord): EmulatedResponse {
  return ok(currentUser(data, user));
}

export function getMyPermissions(store: JiraStore, caller: Caller, q: URLSearchParams): EmulatedResponse {
  const raw = q.get('permissions') ?? '';
  const keys = raw
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (keys.length === 0) return jiraError(400, [MESSAGES.permissionsRequired]);
  const invalid = keys.filter((k) => !PERMISSIONS.has(k));
  if (invalid.length > 0) return jiraError(400, [`Invalid permission key(s): ${invalid.join(', ')}.`]);

  let projectId: string | undefined;
  const issueRef = q.get('issueId') ?? q.get('issueKey');
  const projectById = q.get('projectId');
  const projectByKey = q.get('projectKey');
  if (issueRef) {
    const issue = store.issue(issueRef);
    if (!issue || !canSeeIssue(store.data, caller, issue)) return jiraError(404, [MESSAGES.issueNotFound]);
    projectId = issue.projectId;
  } else if (projectById || projectByKey) {
    const ref = (projectById ?? projectByKey) as string;
    const project = projectById
      ? store.data.projects.find((p) => p.id === projectById)
      : store.data.projects.find((p) => p.key.toUpperCase() === ref.toUpperCase());
    if (!project || !canBrowse(store.data, caller, project.id)) {
      return jiraError(404, [`No project could be found with ${projectById ? 'id' : 'key'} '${ref}'.`]);
    }
    projectId = project.id;
  }

  const permissions: Record<string, unknown> = {};
  for (const key of keys) {
    const def = PERMISSIONS.get(key);
    if (!def) continue;
    permissions[key] = {
      id: def.id,
      key: def.key,
      name: def.name,
      type: def.type,
      description: def.description,
      havePermission: havePermission(store.data, caller, def, projectId),
    };
  }
  return ok({ permissions });
}

/**
 * POST /rest/api/3/issue/bulkfetch: up to 100 ids or keys. Like Jira, issues that do not exist or that the caller may
 * not see (project permission or issue security) are simply left out (not listed in issueErrors, which is for
 * retriable failures); the rest come back in ascending id order.
 */
export function bulkFetchIssues(store: JiraStore, caller: Caller, catalogue: FieldDef[], body: unknown): EmulatedResponse {
  const request = (body ?? {}) as { issueIdsOrKeys?: unknown; fields?: unknown };
  const ids = request.issueIdsOrKeys;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
    return jiraError(400, ['issueIdsOrKeys must be a non-empty list of issue ids or keys.']);
  }
  if (ids.length > 100) return jiraError(400, ['You can request up to 100 issues at a time.']);
  const fields = Array.isArray(request.fields) ? (request.fields as string[]) : undefined;
  const selected = selectFields(fields, ['*navigable'], catalogue);
  // Jira answers in ascending id order, each issue once, whatever order (or repetition) it was asked in.
  const found = new Map<string, NonNullable<ReturnType<JiraStore['issue']>>>();
  for (const id of ids as string[]) {
    const issue = store.issue(id);
    if (issue && canSeeIssue(store.data, caller, issue)) found.set(issue.id, issue);
  }
  const issues = [...found.values()].sort((a, b) => Number(a.id) - Number(b.id)).map((issue) => issueShape(store.data, issue, selected));
  return ok({ issues, issueErrors: [] });
}

/**
 * GET /rest/api/3/user/bulk: the users named by `accountId` (repeated), a page of them. Like Jira, ids that name no
 * user are left out; asking for none is a 400. Any signed-in user may look people up (display names are never hidden
 * by profile visibility; e-mail addresses are, and the app never asks for them).
 */
export function getUsersBulk(data: JiraData, q: URLSearchParams): EmulatedResponse {
  const ids = q.getAll('accountId');
  if (ids.length === 0) return jiraError(400, ['You must specify at least one accountId.']);
  const startAt = Math.max(0, Number(q.get('startAt') ?? 0) || 0);
  const maxResults = Math.min(200, Math.max(1, Number(q.get('maxResults') ?? 10) || 10));
  const found = [...new Set(ids)].map((id) => data.users.find((u) => u.accountId === id)).filter((u): u is JiraUserRecord => u !== undefined);
  const page = found.slice(startAt, startAt + maxResults);
  return ok({
    self: `${data.baseUrl}/rest/api/3/user/bulk?${q.toString()}`,
    maxResults,
    startAt,
    total: found.length,
    isLast: startAt + page.length >= found.length,
    values: page.map((u) => userRef(data, u)),
  });
}

/**
 * GET /rest/api/3/user/search?query=…: people whose display name (any word) or e-mail starts with the query, like
 * Jira's user picker. Needs the caller's "Browse users and groups" global permission; without it Jira answers an empty
 * list, not an error. App accounts are not people to pick.
 */
export function searchUsers(data: JiraData, caller: Caller, q: URLSearchParams): EmulatedResponse {
  const query = (q.get('query') ?? '').trim().toLowerCase();
  if (query === '' && !q.get('accountId')) return jiraError(400, ['The query parameter or the accountId parameter is required.']);
  if (!hasGlobalPermission(data, caller, 'USER_PICKER')) return ok([]);
  const startAt = Math.max(0, Number(q.get('startAt') ?? 0) || 0);
  const maxResults = Math.min(1000, Math.max(1, Number(q.get('maxResults') ?? 50) || 50));
  const matches = data.users.filter(
    (u) =>
      u.accountType === 'atlassian' &&
      u.active &&
      (u.displayName
        .toLowerCase()
        .split(/\s+/)
        .some((word) => word.startsWith(query)) ||
        u.displayName.toLowerCase().startsWith(query) ||
        u.emailAddress.toLowerCase().startsWith(query)),
  );
  return ok(matches.slice(startAt, startAt + maxResults).map((u) => userRef(data, u)));
}
