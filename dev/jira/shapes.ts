/** Builders that turn the fake's records into Jira REST v3 JSON. Pure: data in, JSON out. */
import type { FieldDef } from './fields';
import type { JiraData, JiraIssueRecord, JiraProjectRecord, JiraUserRecord, StatusCategoryKey } from './model';
import { ISSUE_TYPES, STATUS_CATEGORIES, STATUSES } from './model';

/** Jira renders instants as `2026-01-05T09:00:00.000+0000`. */
export function jiraDate(iso: string): string {
  return new Date(iso).toISOString().replace('Z', '+0000');
}

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .map((w) => w[0] ?? '')
      .join('')
      .slice(0, 2)
      .toUpperCase() || 'U'
  );
}

export function userAvatarUrls(u: JiraUserRecord): Record<string, string> {
  const base = `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/${initials(u.displayName)}-0.png`;
  return Object.fromEntries([16, 24, 32, 48].map((s) => [`${s}x${s}`, `${base}?size=${s}&s=${s}`]));
}

export function projectAvatarUrls(data: JiraData, p: JiraProjectRecord): Record<string, string> {
  const sizes: Record<string, string> = { '16x16': 'xsmall', '24x24': 'small', '32x32': 'medium', '48x48': 'large' };
  return Object.fromEntries(
    Object.entries(sizes).map(([k, v]) => [k, `${data.baseUrl}/rest/api/3/universal_avatar/view/type/project/avatar/10400?size=${v}&pid=${p.id}`]),
  );
}

/** The short user shape used in issue fields and project lead (UserDetails). */
export function userRef(data: JiraData, u: JiraUserRecord): Record<string, unknown> {
  return {
    self: `${data.baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(u.accountId)}`,
    accountId: u.accountId,
    ...(u.emailAddress ? { emailAddress: u.emailAddress } : {}),
    avatarUrls: userAvatarUrls(u),
    displayName: u.displayName,
    active: u.active,
    timeZone: u.timeZone,
    accountType: u.accountType,
  };
}

/** GET /rest/api/3/myself. */
export function currentUser(data: JiraData, u: JiraUserRecord): Record<string, unknown> {
  return {
    ...userRef(data, u),
    locale: u.locale,
    groups: { size: u.accountType === 'app' ? 1 : 3, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}

export function statusShape(data: JiraData, cat: StatusCategoryKey): Record<string, unknown> {
  const s = STATUSES[cat];
  const c = STATUS_CATEGORIES[cat];
  return {
    self: `${data.baseUrl}/rest/api/3/status/${s.id}`,
    description: s.description,
    iconUrl: `${data.baseUrl}/`,
    name: s.name,
    id: s.id,
    statusCategory: { self: `${data.baseUrl}/rest/api/3/statuscategory/${c.id}`, id: c.id, key: c.key, colorName: c.colorName, name: c.name },
  };
}

export function issueTypeShape(data: JiraData, name: keyof typeof ISSUE_TYPES): Record<string, unknown> {
  const t = ISSUE_TYPES[name];
  return {
    self: `${data.baseUrl}/rest/api/3/issuetype/${t.id}`,
    id: t.id,
    description: t.description,
    iconUrl: `${data.baseUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${t.avatarId}?size=medium`,
    name: t.name,
    subtask: t.subtask,
    avatarId: t.avatarId,
    hierarchyLevel: t.hierarchyLevel,
  };
}

/** The project as it appears inside an issue (ProjectDetails). */
export function projectRef(data: JiraData, p: JiraProjectRecord): Record<string, unknown> {
  return {
    self: `${data.baseUrl}/rest/api/3/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    projectTypeKey: p.projectTypeKey,
    simplified: p.simplified,
    avatarUrls: projectAvatarUrls(data, p),
  };
}

/** GET /rest/api/3/project/{idOrKey}. */
export function projectShape(data: JiraData, p: JiraProjectRecord): Record<string, unknown> {
  const lead = data.users.find((u) => u.accountId === p.leadAccountId);
  const issueTypes = (['Task', 'Bug', 'Story', 'Epic', 'Subtask'] as const).map((t) => issueTypeShape(data, t));
  const issues = data.issues.filter((i) => i.projectId === p.id);
  const last = issues.reduce((m, i) => (i.updated > m ? i.updated : m), '1970-01-01T00:00:00.000Z');
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${data.baseUrl}/rest/api/3/project/${p.id}`,
    id: p.id,
    key: p.key,
    description: p.description,
    ...(lead ? { lead: userRef(data, lead) } : {}),
    components: [],
    issueTypes,
    assigneeType: 'UNASSIGNED',
    versions: [],
    name: p.name,
    roles: {
      Administrators: `${data.baseUrl}/rest/api/3/project/${p.id}/role/10002`,
      Member: `${data.baseUrl}/rest/api/3/project/${p.id}/role/10003`,
    },
    avatarUrls: projectAvatarUrls(data, p),
    projectTypeKey: p.projectTypeKey,
    simplified: p.simplified,
    style: p.simplified ? 'next-gen' : 'classic',
    isPrivate: false,
    properties: {},
    insight: { totalIssueCount: issues.length, lastIssueUpdateTime: jiraDate(last) },
  };
}

function priorityShape(data: JiraData): Record<string, unknown> {
  return { self: `${data.baseUrl}/rest/api/3/priority/3`, iconUrl: `${data.baseUrl}/images/icons/priorities/medium.svg`, name: 'Medium', id: '3' };
}

/** Plain text → a one-paragraph Atlassian Document Format document (v3 renders rich text as ADF). */
export function adf(text: string | undefined): Record<string, unknown> | null {
  if (!text) return null;
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

function issueLink(data: JiraData, i: JiraIssueRecord): Record<string, unknown> {
  return {
    id: i.id,
    key: i.key,
    self: `${data.baseUrl}/rest/api/3/issue/${i.id}`,
    fields: { summary: i.summary, status: statusShape(data, i.statusCategory), priority: priorityShape(data), issuetype: issueTypeShape(data, i.issueType) },
  };
}

/**
 * Issues by id, cached per issues array and rebuilt when its length changes (issues are added by push, deleted by
 * replacing the array; ids never change): pages of children each name their parent without a scan.
 */
const byIdCache = new WeakMap<JiraIssueRecord[], { length: number; byId: Map<string, JiraIssueRecord> }>();
function issueById(data: JiraData, id: string): JiraIssueRecord | undefined {
  let cached = byIdCache.get(data.issues);
  if (!cached || cached.length !== data.issues.length) {
    cached = { length: data.issues.length, byId: new Map(data.issues.map((x) => [x.id, x])) };
    byIdCache.set(data.issues, cached);
  }
  const found = cached.byId.get(id);
  return found?.id === id ? found : undefined;
}

function fieldValue(data: JiraData, i: JiraIssueRecord, field: string): unknown {
  const user = (accountId: string | null | undefined) => {
    const u = accountId ? data.users.find((x) => x.accountId === accountId) : undefined;
    return u ? userRef(data, u) : null;
  };
  switch (field) {
    case 'summary':
      return i.summary;
    case 'description':
      return adf(i.description);
    case 'status':
      return statusShape(data, i.statusCategory);
    case 'issuetype':
      return issueTypeShape(data, i.issueType);
    case 'project': {
      const p = data.projects.find((x) => x.id === i.projectId);
      return p ? projectRef(data, p) : null;
    }
    case 'parent': {
      const parent = i.parentId ? issueById(data, i.parentId) : undefined;
      return parent ? issueLink(data, parent) : undefined;
    }
    case 'assignee':
      return user(i.assigneeAccountId);
    case 'reporter':
      return user(i.reporterAccountId);
    case 'created':
      return jiraDate(i.created);
    case 'updated':
      return jiraDate(i.updated);
    case 'priority':
      return priorityShape(data);
    case 'labels':
      return i.labels ?? [];
    case 'resolution':
      return i.statusCategory === 'done'
        ? { self: `${data.baseUrl}/rest/api/3/resolution/10000`, id: '10000', description: 'Work has been completed on this issue.', name: 'Done' }
        : null;
    case 'resolutiondate':
      return i.statusCategory === 'done' ? jiraDate(i.updated) : null;
    case 'subtasks':
      return data.issues.filter((x) => x.parentId === i.id && x.issueType === 'Subtask').map((x) => issueLink(data, x));
    case 'customfield_10019':
      return i.rank;
    case 'customfield_10015':
      return null;
    default:
      if (field === data.storyPointsFieldId) return i.storyPoints ?? null;
      return null;
  }
}

/**
 * An IssueBean. With `idOnly` the issue is `{ id }` (search/jql's default); otherwise the usual envelope with the
 * selected fields (a field without a value, like `parent` on an epic, is left out as Jira does).
 */
export function issueShape(data: JiraData, i: JiraIssueRecord, fields: Set<string>, opts: { idOnly?: boolean; expand?: string } = {}): Record<string, unknown> {
  if (opts.idOnly) return { id: i.id };
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = fieldValue(data, i, f);
    if (v !== undefined) out[f] = v;
  }
  return {
    expand: opts.expand ?? 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: i.id,
    self: `${data.baseUrl}/rest/api/3/issue/${i.id}`,
    key: i.key,
    fields: out,
  };
}

/** FieldDetails for GET /rest/api/3/field. */
export function fieldShape(f: FieldDef): Record<string, unknown> {
  return { ...f, ...(f.schema ? { schema: { ...f.schema } } : {}), clauseNames: [...f.clauseNames] };
}
