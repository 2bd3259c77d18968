/**
 * Contract: every answer of the Jira fake (2xx and the documented errors) matches the response schema of the same
 * operation in Atlassian's OpenAPI description (../shared/specs/jira-platform-v3.openapi.json). Key fields are also
 * asserted explicitly, because the schemas cannot say which optional properties the app relies on.
 */
import type { EmulatedResponse } from '../../dev/http-types';
import { DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS, STORY_POINTS_FIELD_ID } from '../../dev/jira/demo-data';
import { JiraFake } from '../../dev/jira/jira-fake';
import { componentValidator, requestBodyValidator, responseValidator } from '../../dev/jira/openapi-contract';

type Who = keyof typeof DEMO_USERS | 'app' | 'anonymous';

const ACCOUNT: Record<Who, string | null | undefined> = {
  admin: DEMO_USERS.admin.accountId,
  member: DEMO_USERS.member.accountId,
  outsider: DEMO_USERS.outsider.accountId,
  trEditor: DEMO_USERS.trEditor.accountId,
  payEditor: DEMO_USERS.payEditor.accountId,
  app: null,
  anonymous: undefined,
};

const fake = new JiraFake();

async function call(method: string, path: string, who: Who = 'admin', body?: unknown): Promise<EmulatedResponse> {
  return fake.handle({ method, path, accountId: ACCOUNT[who] as string | null, body });
}

/** Calls the fake, checks the status, and validates the body against the operation's documented response. */
async function conforming(method: string, template: string, path: string, status: number, who: Who = 'admin', body?: unknown): Promise<any> {
  const res = await call(method, path, who, body);
  expect({ path, status: res.status }).toEqual({ path, status });
  const check = responseValidator(method, template, status)(res.body);
  if (!check.valid) throw new Error(`${method} ${path} → ${status} does not match ${check.schemaSource}:\n${check.errors.join('\n')}`);
  expect(res.headers?.['content-type']).toMatch(/^application\/json/);
  return res.body;
}

const q = (jql: string) => encodeURIComponent(jql);
const SEARCH = '/rest/api/3/search/jql';
const ISSUE = '/rest/api/3/issue/{issueIdOrKey}';
const PROJECT = '/rest/api/3/project/{projectIdOrKey}';
const PERMS = '/rest/api/3/mypermissions';

const statusDetails = componentValidator('StatusDetails');
const issueTypeDetails = componentValidator('IssueTypeDetails');
const projectDetails = componentValidator('ProjectDetails');
const userDetails = componentValidator('UserDetails');
const errorCollection = componentValidator('ErrorCollection');

/** IssueBean.fields is free-form in the spec, so the field values the app reads are checked against their own schemas. */
function expectFieldValuesConform(fields: Record<string, any>): void {
  const checks: Array<[string, ReturnType<typeof componentValidator>]> = [
    ['status', statusDetails],
    ['issuetype', issueTypeDetails],
    ['project', projectDetails],
    ['assignee', userDetails],
    ['reporter', userDetails],
  ];
  for (const [name, validate] of checks) {
    if (fields[name] === undefined || fields[name] === null) continue;
    const r = validate(fields[name]);
    if (!r.valid) throw new Error(`fields.${name} does not match ${r.schemaSource}:\n${r.errors.join('\n')}`);
  }
}

describe('validator sanity (negative controls)', () => {
  it('rejects bodies that break the schema, so passing checks mean something', () => {
    expect(responseValidator('GET', PROJECT, 200)({ id: 10000, entityId: 'x' }).valid).toBe(false);
    expect(responseValidator('GET', SEARCH, 200)({ issues: [{ id: 1 }], isLast: 'yes', total: 1 }).valid).toBe(false);
    expect(responseValidator('GET', PERMS, 200)({ permissions: { X: { type: 'SITE' } } }).valid).toBe(false);
    expect(responseValidator('GET', ISSUE, 404)({ errorMessages: 'nope' }).valid).toBe(false);
    expect(() => responseValidator('GET', '/rest/api/3/search', 410)).toThrow(/does not document status 410/);
  });
});

describe('GET/POST /rest/api/3/search/jql', () => {
  it('defaults to ids only (fields default is `id`)', async () => {
    const body = await conforming('GET', SEARCH, `${SEARCH}?jql=${q('project = TR AND issuetype = Epic')}`, 200);
    expect(body.isLast).toBe(true);
    expect(body.nextPageToken).toBeUndefined();
    expect(body.issues).toHaveLength(DEMO_EPICS.filter((e) => e.projectKey === 'TR').length);
    for (const issue of body.issues) expect(Object.keys(issue)).toEqual(['id']);
  });

  it.each([
    ['summary,status,issuetype,parent', ['summary', 'status', 'issuetype', 'parent']],
    ['*all', ['summary', 'status', 'issuetype', 'project', 'assignee', 'created', 'updated', STORY_POINTS_FIELD_ID]],
    ['*navigable,-description', ['summary', 'status']],
  ])('returns the requested fields=%s', async (fields, expected) => {
    const body = await conforming('GET', SEARCH, `${SEARCH}?fields=${encodeURIComponent(fields)}&jql=${q(`parent = ${DEMO_EPICS[0].key}`)}`, 200);
    expect(body.issues.length).toBeGreaterThan(0);
    for (const issue of body.issues) {
      expect(issue).toMatchObject({
        id: expect.stringMatching(/^\d+$/),
        key: expect.stringMatching(/^TR-\d+$/),
        self: expect.stringContaining(`/rest/api/3/issue/${issue.id}`),
      });
      for (const f of expected) expect(issue.fields).toHaveProperty(f);
      if (fields.includes('-description')) expect(issue.fields).not.toHaveProperty('description');
      if (issue.fields.parent) expect(issue.fields.parent).toMatchObject({ id: DEMO_EPICS[0].id, key: DEMO_EPICS[0].key });
      expect(['new', 'indeterminate', 'done']).toContain(issue.fields.status.statusCategory.key);
      expectFieldValuesConform(issue.fields);
    }
  });

  it('pages with nextPageToken (GET), every page conforming', async () => {
    let token: string | undefined;
    const ids: string[] = [];
    let pages = 0;
    do {
      const tokenParam = token ? `&nextPageToken=${encodeURIComponent(token)}` : '';
      const body = await conforming('GET', SEARCH, `${SEARCH}?maxResults=7&fields=key&jql=${q('project in (TR, PAY) ORDER BY key ASC')}${tokenParam}`, 200);
      ids.push(...body.issues.map((i: { id: string }) => i.id));
      expect(body.isLast).toBe(body.nextPageToken === undefined);
      token = body.nextPageToken;
      pages++;
    } while (token);
    expect(pages).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers POST with a conforming body, for a conforming request', async () => {
    const request = {
      jql: 'project = PAY AND issuetype = Epic ORDER BY created DESC',
      fields: ['summary', 'status', STORY_POINTS_FIELD_ID],
      maxResults: 2,
      expand: 'names',
    };
    const reqCheck = requestBodyValidator('POST', SEARCH)(request);
    expect(reqCheck.errors).toEqual([]);
    const first = await conforming('POST', SEARCH, SEARCH, 200, 'member', request);
    expect(first.issues).toHaveLength(2);
    expect(first.names).toMatchObject({ summary: 'Summary', status: 'Status', [STORY_POINTS_FIELD_ID]: 'Story point estimate' });
    expect(typeof first.nextPageToken).toBe('string');
    const second = await conforming('POST', SEARCH, SEARCH, 200, 'member', { ...request, nextPageToken: first.nextPageToken });
    expect(second.issues[0].id).not.toBe(first.issues[0].id);
  });

  it.each<Who>(['admin', 'member', 'outsider', 'app'])('conforms for %s', async (who) => {
    const body = await conforming('GET', SEARCH, `${SEARCH}?fields=summary,project&jql=${q('issuetype = Epic')}&maxResults=100`, 200, who);
    const projects = new Set(body.issues.map((i: any) => i.fields.project.key));
    expect([...projects].sort()).toEqual(who === 'outsider' ? ['TR'] : ['PAY', 'TR']);
  });

  it.each([
    ['unsupported field', 'sprint = 5'],
    ['syntax error', 'project = TR AND'],
    ['unbounded query', 'ORDER BY key DESC'],
    ['unknown project', 'project = NOPE'],
    ['project the caller cannot browse', 'project = PAY'],
  ])('answers 400 in Jira error shape for %s', async (_name, jql) => {
    const body = await conforming('GET', SEARCH, `${SEARCH}?jql=${q(jql)}`, 400, 'outsider');
    expect(body.errorMessages.length).toBeGreaterThan(0);
    expect(body.errors).toEqual({});
  });

  it('answers 400 for a bad nextPageToken and a bad POST body', async () => {
    await conforming('GET', SEARCH, `${SEARCH}?jql=${q('project = TR')}&nextPageToken=garbage`, 400);
    const body = await conforming('POST', SEARCH, SEARCH, 400, 'admin', { jql: 'project = TR', startAt: 10 });
    expect(body.errorMessages[0]).toMatch(/startAt/);
  });

  it('answers 401 without a caller', async () => {
    await conforming('GET', SEARCH, `${SEARCH}?jql=${q('project = TR')}`, 401, 'anonymous');
    await conforming('POST', SEARCH, SEARCH, 401, 'anonymous', { jql: 'project = TR' });
  });
});

describe('GET/POST /rest/api/3/search (removed)', () => {
  it.each(['GET', 'POST'])('%s answers 410 Gone with an ErrorCollection pointing to /search/jql', async (method) => {
    const res = await call(method, `/rest/api/3/search?jql=${q('project = TR')}`, 'admin', method === 'POST' ? { jql: 'project = TR' } : undefined);
    expect(res.status).toBe(410);
    expect(errorCollection(res.body).errors).toEqual([]);
    expect((res.body as any).errorMessages[0]).toMatch(/\/rest\/api\/3\/search\/jql/);
  });
});

describe('GET /rest/api/3/issue/{issueIdOrKey}', () => {
  it.each([
    ['an epic by key (all fields)', DEMO_EPICS[0].key, ''],
    ['a child by id (all fields)', DEMO_EPICS[0].childIds[0], ''],
    ['a child with selected fields', DEMO_EPICS[1].childIds[1], '?fields=summary,status,parent,' + STORY_POINTS_FIELD_ID],
    ['a PAY child', DEMO_EPICS.find((e) => e.projectKey === 'PAY')!.childIds[0], '?fields=*navigable'],
  ])('returns %s', async (_name, ref, query) => {
    const body = await conforming('GET', ISSUE, `/rest/api/3/issue/${ref}${query}`, 200, 'member');
    expect(body).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      key: expect.stringMatching(/^(TR|PAY)-\d+$/),
      self: expect.stringMatching(/^https:\/\//),
    });
    expect(body.fields.summary).toEqual(expect.any(String));
    expect(body.fields.status).toMatchObject({
      name: expect.any(String),
      statusCategory: {
        id: expect.any(Number),
        key: expect.stringMatching(/^(new|indeterminate|done)$/),
        name: expect.any(String),
        colorName: expect.any(String),
      },
    });
    expectFieldValuesConform(body.fields);
    if (query === '') {
      expect(body.fields.issuetype).toMatchObject({ id: expect.any(String), name: expect.any(String), subtask: false, hierarchyLevel: expect.any(Number) });
      expect(body.fields.project).toMatchObject({ id: expect.any(String), key: expect.any(String), name: expect.any(String) });
      expect(body.fields.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
      expect(body.fields).toHaveProperty(STORY_POINTS_FIELD_ID);
    }
    if (body.fields.issuetype?.name === 'Epic') expect(body.fields.parent).toBeUndefined();
  });

  it('answers 404 for unknown and for not-browsable issues, with the same message', async () => {
    const unknown = await conforming('GET', ISSUE, '/rest/api/3/issue/TR-9999', 404);
    const hidden = await conforming('GET', ISSUE, `/rest/api/3/issue/${DEMO_EPICS.find((e) => e.projectKey === 'PAY')!.key}`, 404, 'outsider');
    expect(unknown).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    expect(hidden).toEqual(unknown);
  });

  it('answers 401 without a caller', async () => {
    await conforming('GET', ISSUE, `/rest/api/3/issue/${DEMO_EPICS[0].key}`, 401, 'anonymous');
  });
});

describe('GET /rest/api/3/field', () => {
  it('lists fields including the story point estimate custom field', async () => {
    const body = await conforming('GET', '/rest/api/3/field', '/rest/api/3/field', 200, 'outsider');
    const sp = body.find((f: any) => f.name === 'Story point estimate');
    expect(sp).toMatchObject({ id: STORY_POINTS_FIELD_ID, custom: true, schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points' } });
    expect(body.map((f: any) => f.id)).toEqual(expect.arrayContaining(['summary', 'status', 'parent', 'issuetype', 'project']));
    await conforming('GET', '/rest/api/3/field', '/rest/api/3/field', 401, 'anonymous');
  });
});

describe('GET /rest/api/3/mypermissions', () => {
  const keys = 'BROWSE_PROJECTS,ADMINISTER_PROJECTS,EDIT_ISSUES,ADMINISTER';
  it.each<[Who, string, Record<string, boolean>]>([
    ['admin', `projectKey=TR`, { BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: true, EDIT_ISSUES: true, ADMINISTER: true }],
    ['member', `projectId=${DEMO_PROJECTS.PAY.id}`, { BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: false, EDIT_ISSUES: true, ADMINISTER: false }],
    ['outsider', `projectKey=TR`, { BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: false, EDIT_ISSUES: false, ADMINISTER: false }],
    ['outsider', `issueKey=${DEMO_EPICS[0].key}`, { BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: false, EDIT_ISSUES: false, ADMINISTER: false }],
    ['member', ``, { BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: false, EDIT_ISSUES: true, ADMINISTER: false }],
    ['app', `projectKey=PAY`, { BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: true, EDIT_ISSUES: true, ADMINISTER: true }],
  ])('%s with %s', async (who, context, expected) => {
    const body = await conforming('GET', PERMS, `${PERMS}?${context}&permissions=${keys}`, 200, who);
    expect(Object.keys(body.permissions).sort()).toEqual(keys.split(',').sort());
    for (const [key, have] of Object.entries(expected)) {
      expect(body.permissions[key]).toMatchObject({
        key,
        id: expect.any(String),
        name: expect.any(String),
        type: key === 'ADMINISTER' ? 'GLOBAL' : 'PROJECT',
        havePermission: have,
      });
    }
  });

  it('answers the documented errors', async () => {
    const missing = await conforming('GET', PERMS, `${PERMS}?projectKey=TR`, 400);
    expect(missing.errorMessages[0]).toMatch(/permissions/);
    await conforming('GET', PERMS, `${PERMS}?projectKey=TR&permissions=NOT_A_PERMISSION`, 400);
    await conforming('GET', PERMS, `${PERMS}?projectKey=NOPE&permissions=BROWSE_PROJECTS`, 404);
    await conforming('GET', PERMS, `${PERMS}?projectKey=PAY&permissions=BROWSE_PROJECTS`, 404, 'outsider');
    await conforming('GET', PERMS, `${PERMS}?projectKey=TR&permissions=BROWSE_PROJECTS`, 401, 'anonymous');
  });
});

describe('GET /rest/api/3/project/{projectIdOrKey}', () => {
  it.each<[Who, string]>([
    ['admin', 'TR'],
    ['member', DEMO_PROJECTS.PAY.id],
    ['outsider', 'TR'],
    ['app', 'PAY'],
  ])('%s gets %s', async (who, ref) => {
    const body = await conforming('GET', PROJECT, `/rest/api/3/project/${ref}`, 200, who);
    const expected = ref === 'TR' || ref === DEMO_PROJECTS.TR.id ? DEMO_PROJECTS.TR : DEMO_PROJECTS.PAY;
    expect(body).toMatchObject({
      id: expected.id,
      key: expected.key,
      name: expected.name,
      projectTypeKey: 'software',
      simplified: expect.any(Boolean),
      style: expect.stringMatching(/^(classic|next-gen)$/),
      self: expect.stringMatching(/^https:\/\//),
    });
    expect(body.lead.accountId).toBe(DEMO_USERS.admin.accountId);
    expect(Object.keys(body.avatarUrls).sort()).toEqual(['16x16', '24x24', '32x32', '48x48']);
  });

  it('answers 404 when unknown or not browsable, 401 without a caller', async () => {
    const unknown = await conforming('GET', PROJECT, '/rest/api/3/project/NOPE', 404);
    expect(unknown.errorMessages).toEqual(["No project could be found with key 'NOPE'."]);
    await conforming('GET', PROJECT, `/rest/api/3/project/${DEMO_PROJECTS.PAY.id}`, 404, 'outsider');
    await conforming('GET', PROJECT, '/rest/api/3/project/TR', 401, 'anonymous');
  });
});

describe('GET /rest/api/3/myself', () => {
  it.each<[Who, string, string]>([
    ['admin', DEMO_USERS.admin.accountId, 'Ada Admin'],
    ['member', DEMO_USERS.member.accountId, 'Max Member'],
    ['outsider', DEMO_USERS.outsider.accountId, 'Olive Outsider'],
  ])('%s', async (who, accountId, displayName) => {
    const body = await conforming('GET', '/rest/api/3/myself', '/rest/api/3/myself', 200, who);
    expect(body).toMatchObject({
      accountId,
      displayName,
      accountType: 'atlassian',
      active: true,
      timeZone: expect.any(String),
      emailAddress: expect.stringContaining('@'),
    });
    expect(Object.keys(body.avatarUrls)).toHaveLength(4);
  });

  it('the app itself is an app account; no caller is 401', async () => {
    const body = await conforming('GET', '/rest/api/3/myself', '/rest/api/3/myself', 200, 'app');
    expect(body.accountType).toBe('app');
    await conforming('GET', '/rest/api/3/myself', '/rest/api/3/myself', 401, 'anonymous');
  });
});

describe('GET /rest/api/3/user/bulk', () => {
  const BULK = '/rest/api/3/user/bulk';
  it('answers the named users as a PageBeanUser, leaving out ids that name nobody', async () => {
    const ids = [DEMO_USERS.admin.accountId, 'nobody-with-this-id', DEMO_USERS.member.accountId];
    const path = `${BULK}?${ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&')}&maxResults=50`;
    const body = await conforming('GET', BULK, path, 200, 'outsider');
    expect(body).toMatchObject({ startAt: 0, maxResults: 50, total: 2, isLast: true });
    expect(body.values.map((u: { displayName: string }) => u.displayName)).toEqual(['Ada Admin', 'Max Member']);
    expect(Object.keys(body.values[0].avatarUrls)).toHaveLength(4);
  });

  it('pages with startAt and maxResults; asking for nobody is a 400', async () => {
    const ids = Object.values(DEMO_USERS)
      .map((u) => `accountId=${encodeURIComponent(u.accountId)}`)
      .join('&');
    const first = await conforming('GET', BULK, `${BULK}?${ids}&maxResults=2`, 200);
    expect(first).toMatchObject({ total: Object.keys(DEMO_USERS).length, isLast: false });
    expect(first.values).toHaveLength(2);
    await conforming('GET', BULK, BULK, 400);
    await conforming('GET', BULK, `${BULK}?accountId=x`, 401, 'anonymous');
  });
});

describe('GET /rest/api/3/user/search', () => {
  const SEARCH_USERS = '/rest/api/3/user/search';
  it('finds people by the start of a name or e-mail, as an array of users', async () => {
    const body = await conforming('GET', SEARCH_USERS, `${SEARCH_USERS}?query=max`, 200, 'member');
    expect(body.map((u: { displayName: string }) => u.displayName)).toEqual(['Max Member']);
    const byEmail = await conforming('GET', SEARCH_USERS, `${SEARCH_USERS}?query=ada.admin`, 200, 'member');
    expect(byEmail.map((u: { accountId: string }) => u.accountId)).toEqual([DEMO_USERS.admin.accountId]);
  });

  it('answers nothing to someone without "Browse users and groups"; no query is a 400', async () => {
    expect(await conforming('GET', SEARCH_USERS, `${SEARCH_USERS}?query=max`, 200, 'outsider')).toEqual([]);
    await conforming('GET', SEARCH_USERS, SEARCH_USERS, 400);
  });
});

describe('GET /rest/api/3/project/search', () => {
  const SEARCH_PROJECTS = '/rest/api/3/project/search';
  it('finds the projects the caller may browse by key or name, case insensitive, as a page of projects', async () => {
    const byKey = await conforming('GET', SEARCH_PROJECTS, `${SEARCH_PROJECTS}?query=tr`, 200, 'admin');
    expect(byKey.values.map((p: { key: string }) => p.key)).toEqual(['TR']);
    expect(byKey).toMatchObject({ total: 1, isLast: true, startAt: 0 });
    const byName = await conforming('GET', SEARCH_PROJECTS, `${SEARCH_PROJECTS}?query=PLATFORM`, 200, 'admin');
    expect(byName.values.map((p: { key: string }) => p.key)).toEqual(['PAY']);
    const all = await conforming('GET', SEARCH_PROJECTS, `${SEARCH_PROJECTS}?maxResults=1`, 200, 'admin');
    expect(all).toMatchObject({ total: 2, isLast: false, maxResults: 1 });
  });

  it('leaves out projects the caller may not browse', async () => {
    const asOutsider = await conforming('GET', SEARCH_PROJECTS, `${SEARCH_PROJECTS}?query=pay`, 200, 'outsider');
    expect(asOutsider.values).toEqual([]);
  });
});

describe('injected faults', () => {
  afterEach(() => fake.faults.clear());

  it('a 429 carries Retry-After and an ErrorCollection body', async () => {
    fake.faults.rateLimit(/\/search\/jql$/, { times: 1, retryAfterSeconds: 3 });
    const res = await call('GET', `${SEARCH}?jql=${q('project = TR')}`);
    expect(res.status).toBe(429);
    expect(res.headers?.['Retry-After']).toBe('3');
    expect(errorCollection(res.body).errors).toEqual([]);
  });
});

describe('POST /rest/api/3/issue/bulkfetch', () => {
  const BULK = '/rest/api/3/issue/bulkfetch';
  it('returns the issues the caller can see and leaves out missing and hidden ones', async () => {
    const tr = DEMO_EPICS.filter((e) => e.projectKey === 'TR').slice(0, 2);
    const pay = DEMO_EPICS.find((e) => e.projectKey === 'PAY')!;
    const ids = [...tr.map((e) => e.id), pay.id, '99999'];
    const asAdmin = await conforming('POST', BULK, BULK, 200, 'admin', { issueIdsOrKeys: ids, fields: ['summary', 'status'] });
    expect(asAdmin.issues.map((i: { id: string }) => i.id)).toEqual([...tr.map((e) => e.id), pay.id]);
    expect(asAdmin.issueErrors).toEqual([]);
    for (const issue of asAdmin.issues) expectFieldValuesConform(issue.fields);
    const asOutsider = await conforming('POST', BULK, BULK, 200, 'outsider', { issueIdsOrKeys: ids, fields: ['summary'] });
    expect(asOutsider.issues.map((i: { id: string }) => i.id)).toEqual(tr.map((e) => e.id));
  });

  it('refuses an empty or oversized request with an ErrorCollection', async () => {
    await conforming('POST', BULK, BULK, 400, 'admin', { issueIdsOrKeys: [] });
    await conforming('POST', BULK, BULK, 400, 'admin', { issueIdsOrKeys: Array.from({ length: 101 }, (_, i) => String(20001 + i)) });
  });
});
