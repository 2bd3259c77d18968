import api, { type APIResponse, type RequestInit as ForgeRequestInit, type RequestProductMethod, type Route, route } from '@forge/api';
import { z } from 'zod';
import { AppError } from '../domain/errors';
import type { ChildIssue } from '../domain/progress';
import { mapLimit, splitEvenly } from './concurrency';
import type { EpicStatus, IssueSummary, JiraPerson, JiraPort, ProjectPermission } from './jira-port';
import { PROJECT_PERMISSIONS } from './jira-port';

/** The slice of Jira's answers the app reads; parsed so a surprise shape fails loudly, not silently. */
const permissionsAnswer = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })),
});
const projectAnswer = z.object({ id: z.string(), key: z.string(), name: z.string() });
const projectPage = z.object({ values: z.array(projectAnswer) });
const issueAnswer = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string(),
    issuetype: z.object({ name: z.string() }),
    project: z.object({ id: z.string() }),
    parent: z.object({ id: z.string() }).optional(),
  }),
});

const statusCategorySchema = z.enum(['new', 'indeterminate', 'done']);
const statusField = z.object({ statusCategory: z.object({ key: statusCategorySchema }) });
const bulkAnswer = z.object({
  issues: z.array(issueAnswer.extend({ fields: issueAnswer.shape.fields.extend({ status: statusField }) })),
});
/** Progress's bulk fetch: only key, summary, project and status; `issueErrors` are ids Jira could not answer now. */
const epicStatusAnswer = z.object({
  issues: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      fields: z.object({ summary: z.string(), project: z.object({ id: z.string(), key: z.string() }), status: statusField }),
    }),
  ),
  issueErrors: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String).optional() })).optional(),
});
const fieldsAnswer = z.array(
  z.object({ id: z.string(), name: z.string(), schema: z.object({ type: z.string().optional(), custom: z.string().optional() }).optional() }),
);
const childrenAnswer = z.object({
  issues: z.array(
    z.object({
      id: z.string(),
      fields: z.record(z.string(), z.unknown()).and(z.object({ parent: z.object({ id: z.string() }), status: statusField })),
    }),
  ),
  nextPageToken: z.string().optional(),
});

const usersAnswer = z.object({
  values: z.array(z.object({ accountId: z.string(), displayName: z.string().optional(), avatarUrls: z.record(z.string(), z.string()).optional() })),
});
const ISSUE_FIELDS = ['summary', 'issuetype', 'project', 'parent'];
const EPIC_STATUS_FIELDS = ['summary', 'project', 'status'];
/** user/bulk answers at most this many per page (Jira caps maxResults at 200). */
const USERS_PER_REQUEST = 100;
const PROJECT_KEY_OR_ID = /^(?:[A-Za-z][A-Za-z0-9_]{0,254}|\d{1,18})$/;
const ISSUE_KEY_OR_ID = /^(?:[A-Za-z][A-Za-z0-9_]{0,254}-\d{1,18}|\d{1,18})$/;
/** Jira's story-point fields: "Story point estimate" (team-managed) and "Story Points" (company-managed). */
const STORY_POINTS_TYPES = ['com.pyxis.greenhopper.jira:jsw-story-points', 'com.atlassian.jira.plugin.system.customfieldtypes:float'];
const STORY_POINTS_NAMES = ['story point estimate', 'story points'];
/** Jira's bulk fetch takes at most 100 ids. */
const BULK_FETCH_MAX = 100;
/**
 * search/jql pages: we ask for Jira's maximum (5,000) and let it decide — with fields it answers at most 100 per
 * page today, and more when it allows. Ids only go into `parent in (…)`, at most 500 per query (Jira Cloud refuses
 * IN lists over 1,000 values and plans long ones slowly).
 */
const SEARCH_PAGE = 5000;
const MAX_PARENTS_PER_QUERY = 500;
/** Below this many parents per query, one more parallel query costs a partial page for little time saved. */
const MIN_PARENTS_PER_CHAIN = 100;
/** Requests in flight at once for one caller's progress: a few, never hundreds (Jira's rate limits are per site). */
export const MAX_IN_FLIGHT = 4;
const MAX_RETRIES = 3;
const MAX_RETRY_WAIT_MS = 5_000;

type Requester = RequestProductMethod;

const chunk = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Honour 429 Retry-After with a bounded number of retries; anything else is returned as is. */
async function requestWithRetry(request: Requester, path: Route, init?: ForgeRequestInit): Promise<APIResponse> {
  for (let attempt = 0; ; attempt++) {
    const response = await request(path, init);
    if (response.status !== 429 || attempt >= MAX_RETRIES) return response;
    const retryAfterSeconds = Number(response.headers.get('retry-after') ?? '1');
    await sleep(Math.min(MAX_RETRY_WAIT_MS, Math.max(0, retryAfterSeconds) * 1000));
  }
}

async function readJson<T>(response: APIResponse, schema: z.ZodType<T>, what: string): Promise<T> {
  // 401: Jira does not accept the caller (signed out, anonymous, token revoked) — a permission answer, not an outage.
  if (response.status === 401) throw new AppError('FORBIDDEN', "Jira did not accept your sign-in; you don't have access to this roadmap");
  if (!response.ok) throw new AppError('UPSTREAM', `Jira answered ${response.status} to ${what}`);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new AppError('UPSTREAM', `Jira's answer to ${what} had an unexpected shape`);
  return parsed.data;
}

function toPerson(u: z.infer<typeof usersAnswer>['values'][number]): JiraPerson {
  return { accountId: u.accountId, displayName: u.displayName ?? 'Unknown user', avatarUrl: u.avatarUrls?.['48x48'] ?? u.avatarUrls?.['24x24'] ?? null };
}

function toIssueSummary(issue: z.infer<typeof issueAnswer>): IssueSummary {
  return {
    id: issue.id,
    key: issue.key,
    summary: issue.fields.summary,
    issueType: issue.fields.issuetype.name,
    projectId: issue.fields.project.id,
    parentId: issue.fields.parent?.id ?? null,
  };
}

/**
 * The `parent in (…)` queries for `parentIds`: one per 500 parents at least, and up to `maxInFlight` so their pages
 * (each query pages sequentially by nextPageToken) can run side by side. Each extra query may cost one partial page:
 * at most `queries - 1` pages over the ⌈children/100⌉ floor.
 */
export function parentGroups(parentIds: readonly string[], maxInFlight: number = MAX_IN_FLIGHT): string[][] {
  const queries = Math.max(Math.ceil(parentIds.length / MAX_PARENTS_PER_QUERY), Math.min(maxInFlight, Math.ceil(parentIds.length / MIN_PARENTS_PER_CHAIN)));
  return splitEvenly(parentIds, queries);
}

const JSON_POST = { 'content-type': 'application/json', accept: 'application/json' };

export interface ForgeJiraOptions {
  /** Requests in flight at once for bulk fetches and child searches (default MAX_IN_FLIGHT). */
  maxInFlight?: number;
}

export function createForgeJira(request: Requester = (path, init) => api.asUser().requestJira(path, init), options: ForgeJiraOptions = {}): JiraPort {
  const maxInFlight = Math.max(1, options.maxInFlight ?? MAX_IN_FLIGHT);
  return {
    async myProjectPermissions(projectId) {
      const keys = PROJECT_PERMISSIONS.join(',');
      const response = await requestWithRetry(request, route`/rest/api/3/mypermissions?projectId=${projectId}&permissions=${keys}`);
      const none = Object.fromEntries(PROJECT_PERMISSIONS.map((k) => [k, false])) as Record<ProjectPermission, boolean>;
      // Jira answers 404 for a project that does not exist or that the caller may not see; 401 for no valid user.
      if (response.status === 404 || response.status === 401) return none;
      const body = await readJson(response, permissionsAnswer, 'mypermissions');
      for (const key of PROJECT_PERMISSIONS) none[key] = body.permissions[key]?.havePermission === true;
      return none;
    },

    async getProject(projectIdOrKey) {
      // Only a key or an id ever becomes part of the URL; anything else names no project.
      if (!PROJECT_KEY_OR_ID.test(projectIdOrKey)) return null;
      const response = await requestWithRetry(request, route`/rest/api/3/project/${projectIdOrKey}`);
      if (response.status === 404 || response.status === 403 || response.status === 401) return null;
      const project = await readJson(response, projectAnswer, 'get project');
      return { id: project.id, key: project.key, name: project.name };
    },

    async searchProjects(query, max) {
      const params = new URLSearchParams({ query, maxResults: String(max), orderBy: 'key' });
      const page = await readJson(await requestWithRetry(request, route`/rest/api/3/project/search?${params}`), projectPage, 'project search');
      return page.values.map((p) => ({ id: p.id, key: p.key, name: p.name }));
    },

    async getIssue(issueIdOrKey) {
      if (!ISSUE_KEY_OR_ID.test(issueIdOrKey)) return null;
      const response = await requestWithRetry(request, route`/rest/api/3/issue/${issueIdOrKey}?fields=${ISSUE_FIELDS.join(',')}`);
      if (response.status === 404 || response.status === 403 || response.status === 401) return null;
      const issue = await readJson(response, issueAnswer, 'get issue');
      return toIssueSummary(issue);
    },

    async getIssues(ids) {
      const batches = chunk(ids, BULK_FETCH_MAX);
      const pages = await mapLimit(batches, maxInFlight, async (batch) => {
        const response = await requestWithRetry(request, route`/rest/api/3/issue/bulkfetch`, {
          method: 'POST',
          headers: JSON_POST,
          body: JSON.stringify({ issueIdsOrKeys: batch, fields: [...ISSUE_FIELDS, 'status'] }),
        });
        return readJson(response, bulkAnswer, 'bulk fetch');
      });
      return pages.flatMap((page) => page.issues.map((issue) => ({ ...toIssueSummary(issue), statusCategory: issue.fields.status.statusCategory.key })));
    },

    async getEpicStatuses(ids) {
      const pages = await mapLimit(chunk(ids, BULK_FETCH_MAX), maxInFlight, async (batch) => {
        const response = await requestWithRetry(request, route`/rest/api/3/issue/bulkfetch`, {
          method: 'POST',
          headers: JSON_POST,
          body: JSON.stringify({ issueIdsOrKeys: batch, fields: EPIC_STATUS_FIELDS }),
        });
        return readJson(response, epicStatusAnswer, 'bulk fetch');
      });
      const epics: EpicStatus[] = pages.flatMap((page) =>
        page.issues.map((issue) => ({
          id: issue.id,
          key: issue.key,
          summary: issue.fields.summary,
          projectId: issue.fields.project.id,
          projectKey: issue.fields.project.key,
          statusCategory: issue.fields.status.statusCategory.key,
        })),
      );
      const failedIds = pages.flatMap((page) => (page.issueErrors ?? []).flatMap((e) => (e.id ? [e.id] : [])));
      return { epics, failedIds };
    },

    async getUsers(accountIds) {
      const people: JiraPerson[] = [];
      const unique = [...new Set(accountIds)];
      for (let from = 0; from < unique.length; from += USERS_PER_REQUEST) {
        const query = new URLSearchParams(unique.slice(from, from + USERS_PER_REQUEST).map((id): [string, string] => ['accountId', id]));
        query.set('maxResults', String(USERS_PER_REQUEST));
        const page = await readJson(await requestWithRetry(request, route`/rest/api/3/user/bulk?${query}`), usersAnswer, 'user lookup');
        people.push(...page.values.map(toPerson));
      }
      return people;
    },

    async searchUsers(query, max) {
      const params = new URLSearchParams({ query, maxResults: String(max) });
      const found = await readJson(await requestWithRetry(request, route`/rest/api/3/user/search?${params}`), usersAnswer.shape.values, 'user search');
      return found.map(toPerson);
    },

    async storyPointsFieldId() {
      const fields = await readJson(await requestWithRetry(request, route`/rest/api/3/field`), fieldsAnswer, 'field list');
      const byType = fields.find((f) => f.schema?.custom === STORY_POINTS_TYPES[0]);
      const byName = fields.find((f) => STORY_POINTS_NAMES.includes(f.name.toLowerCase()) && f.schema?.type === 'number');
      return (byType ?? byName)?.id ?? null;
    },

    async childrenOf(parentIds, pointsFieldId) {
      const fields = ['parent', 'status', ...(pointsFieldId ? [pointsFieldId] : [])];
      // Ids only go into the JQL (never user text). Each query pages on its own; the queries run side by side.
      const perQuery = await mapLimit(parentGroups(parentIds, maxInFlight), maxInFlight, async (group) => {
        const jql = `parent in (${group.join(',')})`;
        const children: ChildIssue[] = [];
        let nextPageToken: string | undefined;
        do {
          const response = await requestWithRetry(request, route`/rest/api/3/search/jql`, {
            method: 'POST',
            headers: JSON_POST,
            body: JSON.stringify({ jql, fields, maxResults: SEARCH_PAGE, ...(nextPageToken ? { nextPageToken } : {}) }),
          });
          const page = await readJson(response, childrenAnswer, 'child issue search');
          for (const issue of page.issues) {
            const points = pointsFieldId ? issue.fields[pointsFieldId] : null;
            children.push({
              parentId: issue.fields.parent.id,
              statusCategory: issue.fields.status.statusCategory.key,
              points: typeof points === 'number' && Number.isFinite(points) ? points : null,
            });
          }
          nextPageToken = page.nextPageToken;
        } while (nextPageToken);
        return children;
      });
      return perQuery.flat();
    },
  };
}
