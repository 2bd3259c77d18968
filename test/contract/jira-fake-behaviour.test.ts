/** Behaviour of the Jira fake: JQL semantics, paging, permission filtering, removed endpoints, errors, faults, mutators. */
import type { EmulatedResponse } from '../../dev/http-types';
import { DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS, demoJiraData, STORY_POINTS_FIELD_ID } from '../../dev/jira/demo-data';
import { JiraFake } from '../../dev/jira/jira-fake';

const ADMIN = DEMO_USERS.admin.accountId;
const MEMBER = DEMO_USERS.member.accountId;
const OUTSIDER = DEMO_USERS.outsider.accountId;

const TR_EPICS = DEMO_EPICS.filter((e) => e.projectKey === 'TR');
const PAY_EPICS = DEMO_EPICS.filter((e) => e.projectKey === 'PAY');

let fake: JiraFake;
beforeEach(() => {
  fake = new JiraFake();
});

function get(path: string, accountId: string | null = ADMIN): Promise<EmulatedResponse> {
  return fake.handle({ method: 'GET', path, accountId });
}

interface Found {
  id: string;
  key?: string;
  fields?: Record<string, any>;
}

async function search(
  jql: string,
  opts: { who?: string | null; fields?: string; maxResults?: number; token?: string } = {},
): Promise<{ status: number; body: any }> {
  const params = new URLSearchParams({ jql });
  if (opts.fields) params.set('fields', opts.fields);
  if (opts.maxResults !== undefined) params.set('maxResults', String(opts.maxResults));
  if (opts.token) params.set('nextPageToken', opts.token);
  const res = await get(`/rest/api/3/search/jql?${params}`, opts.who === undefined ? ADMIN : opts.who);
  return { status: res.status, body: res.body };
}

async function keys(jql: string, who: string | null = ADMIN): Promise<string[]> {
  const { status, body } = await search(jql, { who, fields: 'key', maxResults: 5000 });
  expect(status).toBe(200);
  return body.issues.map((i: Found) => i.key);
}

/** Walks every page; returns ids in order and the number of pages. */
async function walk(jql: string, maxResults: number, who: string | null = ADMIN): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const { status, body } = await search(jql, { who, maxResults, token });
    expect(status).toBe(200);
    expect(body.issues.length).toBeLessThanOrEqual(maxResults);
    ids.push(...body.issues.map((i: Found) => i.id));
    token = body.nextPageToken;
    expect(body.isLast).toBe(token === undefined);
    pages++;
  } while (token);
  return { ids, pages };
}

const data = demoJiraData();
const issuesOf = (projectId: string) => data.issues.filter((i) => i.projectId === projectId);

describe('demo data', () => {
  it('has the projects, users and a roadmap-sized set of epics with children in all status categories', () => {
    expect(data.projects.map((p) => [p.id, p.key, p.name])).toEqual([
      ['10000', 'TR', 'Tech Roadmap Demo'],
      ['10001', 'PAY', 'Payments Platform'],
    ]);
    expect(data.users.map((u) => u.displayName)).toEqual(['Ada Admin', 'Max Member', 'Olive Outsider', 'Theo TR-Editor', 'Pia PAY-Editor']);
    expect(DEMO_EPICS.length).toBeGreaterThanOrEqual(12);
    expect(TR_EPICS.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'Upgrade Node.js to v22 LTS',
        'Centralize logging',
        'Migrate primary DB to read replicas',
        'Implement CDN for static assets',
        'Adopt feature flags',
        'Parallelize CI pipeline',
      ]),
    );
    for (const e of DEMO_EPICS) expect(e.childIds.length).toBeGreaterThanOrEqual(2);
    for (const e of DEMO_EPICS) expect(e.childIds.length).toBeLessThanOrEqual(6);
    const children = data.issues.filter((i) => i.parentId);
    expect(new Set(children.map((c) => c.statusCategory))).toEqual(new Set(['new', 'indeterminate', 'done']));
    expect(new Set(children.map((c) => c.issueType))).toEqual(new Set(['Story', 'Task', 'Bug']));
    expect(children.some((c) => typeof c.storyPoints === 'number')).toBe(true);
    expect(new Set(data.issues.map((i) => i.id)).size).toBe(data.issues.length);
    expect(demoJiraData()).toEqual(data); // deterministic
  });
});

describe('JQL subset', () => {
  it('project = / project in, by key or id', async () => {
    const tr = issuesOf(DEMO_PROJECTS.TR.id)
      .map((i) => i.key)
      .sort();
    expect((await keys('project = TR')).sort()).toEqual(tr);
    expect((await keys(`project = ${DEMO_PROJECTS.TR.id}`)).sort()).toEqual(tr);
    expect((await keys('project = "tr"')).sort()).toEqual(tr);
    expect((await keys(`project in (TR, ${DEMO_PROJECTS.PAY.id})`)).length).toBe(data.issues.length);
  });

  it('issuetype = Epic / issuetype in (…)', async () => {
    expect((await keys('project = TR AND issuetype = Epic')).sort()).toEqual(TR_EPICS.map((e) => e.key).sort());
    const bugsAndTasks = await keys('issuetype in (Bug, "Task")');
    expect(bugsAndTasks.length).toBe(data.issues.filter((i) => i.issueType === 'Bug' || i.issueType === 'Task').length);
    expect(await keys('type = Epic')).toHaveLength(DEMO_EPICS.length);
  });

  it('parent = / parent in (…), keys or ids', async () => {
    const [a, b] = TR_EPICS;
    const childKeys = (e: typeof a) => e.childIds.map((id) => data.issues.find((i) => i.id === id)!.key).sort();
    expect((await keys(`parent = ${a.key}`)).sort()).toEqual(childKeys(a));
    expect((await keys(`parent in (${a.id}, ${b.key})`)).sort()).toEqual([...childKeys(a), ...childKeys(b)].sort());
    expect(await keys('parent in (99999999)')).toEqual([]); // unknown ids match nothing
  });

  it('key in / id in', async () => {
    expect((await keys('key in (TR-1, tr-2, PAY-1)')).sort()).toEqual(['PAY-1', 'TR-1', 'TR-2']);
    expect(await keys(`id in (${TR_EPICS[0].id}, ${PAY_EPICS[0].id}) ORDER BY key ASC`)).toEqual([PAY_EPICS[0].key, TR_EPICS[0].key]);
    expect(await keys(`issuekey = ${TR_EPICS[2].key}`)).toEqual([TR_EPICS[2].key]);
  });

  it('text ~ matches summary and description, case-insensitively', async () => {
    expect(await keys('text ~ "node.js"')).toEqual([TR_EPICS[0].key]);
    expect(await keys('project = TR AND text ~ "Node 22"')).toContain(TR_EPICS[0].key); // description only mentions "Node 22"
    expect(await keys('summary ~ "zzz-nothing"')).toEqual([]);
  });

  it('AND, OR, NOT and parentheses', async () => {
    const epics = await keys('issuetype = Epic AND (project = PAY OR key = TR-1)');
    expect(epics.sort()).toEqual([...PAY_EPICS.map((e) => e.key), 'TR-1'].sort());
    const notEpics = await keys('project = TR AND NOT issuetype = Epic');
    expect(notEpics.length).toBe(issuesOf(DEMO_PROJECTS.TR.id).length - TR_EPICS.length);
    expect(await keys('project = TR AND issuetype != Epic')).toEqual(notEpics);
    expect((await keys('project = TR AND issuetype = Epic AND statusCategory = Done')).length).toBe(
      data.issues.filter((i) => i.projectId === '10000' && i.issueType === 'Epic' && i.statusCategory === 'done').length,
    );
  });

  it('ORDER BY key, created, summary, rank (ASC and DESC)', async () => {
    const asc = await keys('project = TR AND issuetype = Epic ORDER BY key ASC');
    expect(asc).toEqual(TR_EPICS.map((e) => e.key).sort((x, y) => Number(x.split('-')[1]) - Number(y.split('-')[1])));
    expect(await keys('project = TR AND issuetype = Epic ORDER BY key DESC')).toEqual([...asc].reverse());
    expect(await keys('project = TR AND issuetype = Epic ORDER BY created ASC')).toEqual(asc);
    expect(await keys('project = TR AND issuetype = Epic ORDER BY rank')).toEqual(asc);
    const bySummary = await keys('project = TR AND issuetype = Epic ORDER BY summary ASC');
    const summaries = bySummary.map((k) => data.issues.find((i) => i.key === k)!.summary.toLowerCase());
    expect(summaries).toEqual([...summaries].sort());
  });

  it.each([
    ['an unknown field', 'sprint = 1', /Field 'sprint' does not exist/],
    ['a syntax error', 'project = TR AND', /Error in the JQL Query/],
    ['a missing operator', 'project TR', /Expecting operator/],
    ['an unclosed list', 'key in (TR-1, TR-2', /Error in the JQL Query/],
    ['an unknown project', 'project = NOPE', /The value 'NOPE' does not exist for the field 'project'/],
    ['an unknown issue key', 'parent in (TR-9999)', /An issue with key 'TR-9999' does not exist/],
    ['an unsupported operator', 'project ~ TR', /operator '~' is not supported/],
    ['an unbounded query', 'ORDER BY key', /Unbounded JQL queries are not allowed/],
    ['an empty query', '', /Unbounded JQL queries are not allowed/],
    ['an unknown sort field', 'project = TR ORDER BY wibble', /Field 'wibble' does not exist/],
    ['a reserved character', 'project = TR & key = TR-1', /reserved JQL character/],
  ])('400 for %s', async (_name, jql, message) => {
    const { status, body } = await search(jql);
    expect(status).toBe(400);
    expect(body.errors).toEqual({});
    expect(body.errorMessages).toHaveLength(1);
    expect(body.errorMessages[0]).toMatch(message);
  });
});

describe('fields and POST', () => {
  it('search returns only ids by default, fields when asked, and POST behaves like GET', async () => {
    const { body: idsOnly } = await search(`parent = ${TR_EPICS[0].key}`);
    expect(idsOnly.issues.every((i: Found) => Object.keys(i).join() === 'id')).toBe(true);
    const { body: withFields } = await search(`parent = ${TR_EPICS[0].key}`, { fields: `summary,status,${STORY_POINTS_FIELD_ID}` });
    expect(Object.keys(withFields.issues[0].fields).sort()).toEqual([STORY_POINTS_FIELD_ID, 'status', 'summary'].sort());
    const post = await fake.handle({
      method: 'POST',
      path: '/rest/api/3/search/jql',
      accountId: ADMIN,
      body: { jql: `parent = ${TR_EPICS[0].key}`, fields: ['summary', 'status', STORY_POINTS_FIELD_ID] },
    });
    expect(post.status).toBe(200);
    expect(post.body).toEqual(withFields);
  });

  it('get issue defaults to all fields and honours fields=', async () => {
    const child = data.issues.find((i) => i.id === TR_EPICS[0].childIds[0])!;
    const all = (await get(`/rest/api/3/issue/${child.key}`)).body as any;
    expect(all.fields.parent).toMatchObject({ id: TR_EPICS[0].id, key: TR_EPICS[0].key, fields: { summary: TR_EPICS[0].summary } });
    expect(all.fields.status.statusCategory.key).toBe(child.statusCategory);
    expect(all.fields[STORY_POINTS_FIELD_ID]).toBe(child.storyPoints);
    expect(all.fields.issuetype).toMatchObject({ name: child.issueType, hierarchyLevel: 0, subtask: false });
    const some = (await get(`/rest/api/3/issue/${child.id}?fields=summary`)).body as any;
    expect(Object.keys(some.fields)).toEqual(['summary']);
    const epic = (await get(`/rest/api/3/issue/${TR_EPICS[0].key}?fields=issuetype,parent`)).body as any;
    expect(epic.fields.issuetype.hierarchyLevel).toBe(1);
    expect(epic.fields.parent).toBeUndefined();
  });
});

describe('paging with nextPageToken', () => {
  it.each([1, 5, 7, 50])('maxResults=%i walks every visible issue exactly once', async (pageSize) => {
    const { ids, pages } = await walk('project in (TR, PAY) ORDER BY key ASC', pageSize);
    expect(ids).toHaveLength(data.issues.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBe(Math.ceil(data.issues.length / pageSize));
  });

  it('defaults to 50 per page and caps pages that carry fields at 100', async () => {
    for (let i = 0; i < 60; i++) fake.addIssue({ project: 'TR', issueType: 'Task', summary: `Filler ${i}`, parent: TR_EPICS[0].key });
    const first = await search('project = TR');
    expect(first.body.issues).toHaveLength(50);
    expect(first.body.isLast).toBe(false);
    const capped = await search('project in (TR, PAY)', { fields: 'summary', maxResults: 1000 });
    expect(capped.body.issues).toHaveLength(100);
    const idsOnly = await search('project in (TR, PAY)', { maxResults: 1000 });
    expect(idsOnly.body.issues).toHaveLength(data.issues.length + 60);
    expect(idsOnly.body.isLast).toBe(true);
  });

  it('rejects a token from another query and a malformed one', async () => {
    const { body } = await search('project = TR', { maxResults: 2 });
    expect((await search('project = PAY', { token: body.nextPageToken })).status).toBe(400);
    expect((await search('project = TR', { token: 'not-a-token' })).status).toBe(400);
    expect((await search('project = TR', { maxResults: 0 })).status).toBe(400);
  });
});

describe('permissions', () => {
  it('search only returns issues in projects the caller can browse', async () => {
    const all = await keys('issuetype = Epic', OUTSIDER);
    expect(all.sort()).toEqual(TR_EPICS.map((e) => e.key).sort());
    expect((await walk('issuetype in (Epic, Story, Task, Bug)', 4, OUTSIDER)).ids).toHaveLength(issuesOf(DEMO_PROJECTS.TR.id).length);
    expect((await keys('issuetype = Epic', MEMBER)).length).toBe(DEMO_EPICS.length);
    expect((await keys('issuetype = Epic', null)).length).toBe(DEMO_EPICS.length); // the app sees everything
  });

  it('the outsider cannot name PAY or its issues in JQL', async () => {
    expect((await search('project = PAY', { who: OUTSIDER })).body.errorMessages[0]).toMatch(/does not exist for the field 'project'/);
    expect((await search(`parent = ${PAY_EPICS[0].key}`, { who: OUTSIDER })).status).toBe(400);
    expect(await keys(`id = ${PAY_EPICS[0].id}`, OUTSIDER)).toEqual([]);
  });

  it('the outsider gets 404 on PAY issues and the PAY project', async () => {
    expect((await get(`/rest/api/3/issue/${PAY_EPICS[0].key}`, OUTSIDER)).status).toBe(404);
    expect((await get(`/rest/api/3/issue/${PAY_EPICS[0].childIds[0]}`, OUTSIDER)).status).toBe(404);
    expect((await get('/rest/api/3/project/PAY', OUTSIDER)).status).toBe(404);
    expect((await get(`/rest/api/3/project/${DEMO_PROJECTS.PAY.id}`, OUTSIDER)).status).toBe(404);
    expect((await get('/rest/api/3/project/TR', OUTSIDER)).status).toBe(200);
    expect((await get(`/rest/api/3/issue/${PAY_EPICS[0].key}`, MEMBER)).status).toBe(200);
  });

  it('issue security (viewers): get, bulk fetch, search and JQL references hide the issue from everyone else', async () => {
    const child = data.issues.find((i) => i.parentId === TR_EPICS[0].id)!;
    fake.updateIssue(child.id, { viewers: [ADMIN] });
    const post = (body: unknown, who: string) => fake.handle({ method: 'POST', path: '/rest/api/3/issue/bulkfetch', accountId: who, body });
    expect((await get(`/rest/api/3/issue/${child.id}`, MEMBER)).status).toBe(404);
    expect((await get(`/rest/api/3/issue/${child.id}`, ADMIN)).status).toBe(200);
    expect((await get(`/rest/api/3/issue/${child.id}`, null)).status).toBe(200); // the app sees everything
    expect(((await post({ issueIdsOrKeys: [child.id] }, MEMBER)).body as any).issues).toEqual([]);
    expect(await keys(`parent = ${TR_EPICS[0].id}`, MEMBER)).not.toContain(child.key);
    expect(await keys(`parent = ${TR_EPICS[0].id}`, ADMIN)).toContain(child.key);
    expect((await search(`parent = ${child.key}`, { who: MEMBER })).status).toBe(400); // a key they cannot see, as Jira says
  });

  it('mypermissions: havePermission per user and project', async () => {
    const perms = async (who: string, ctx: string) =>
      ((await get(`/rest/api/3/mypermissions?${ctx}&permissions=BROWSE_PROJECTS,ADMINISTER_PROJECTS,EDIT_ISSUES`, who)).body as any).permissions;
    const have = (p: any) => Object.fromEntries(Object.entries(p).map(([k, v]: [string, any]) => [k, v.havePermission]));
    expect(have(await perms(ADMIN, 'projectKey=PAY'))).toEqual({ BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: true, EDIT_ISSUES: true });
    expect(have(await perms(MEMBER, 'projectKey=TR'))).toEqual({ BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: false, EDIT_ISSUES: true });
    expect(have(await perms(OUTSIDER, 'projectKey=TR'))).toEqual({ BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: false, EDIT_ISSUES: false });
    expect(have(await perms(OUTSIDER, ''))).toEqual({ BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: false, EDIT_ISSUES: false });
    // a project the caller cannot browse is "not found", as the spec documents
    expect((await get('/rest/api/3/mypermissions?projectKey=PAY&permissions=BROWSE_PROJECTS', OUTSIDER)).status).toBe(404);
    expect((await get('/rest/api/3/mypermissions?projectKey=TR', OUTSIDER)).status).toBe(400);
  });

  it('revoking browse mid-session hides the project', async () => {
    fake.setProjectPermissions(MEMBER, 'TR', []);
    expect((await get('/rest/api/3/project/TR', MEMBER)).status).toBe(404);
    expect(await keys('issuetype = Epic', MEMBER)).toEqual(expect.not.arrayContaining([TR_EPICS[0].key]));
  });
});

describe('routing and authentication', () => {
  it('/rest/api/3/search answers 410 Gone for GET and POST', async () => {
    for (const method of ['GET', 'POST']) {
      const res = await fake.handle({
        method,
        path: '/rest/api/3/search?jql=project%3DTR',
        accountId: ADMIN,
        body: method === 'POST' ? { jql: 'project = TR' } : undefined,
      });
      expect(res.status).toBe(410);
      expect((res.body as any).errorMessages[0]).toMatch(/removed.*\/rest\/api\/3\/search\/jql/);
    }
  });

  it('unknown issue → 404 with Jira message; unknown route → 404', async () => {
    const res = await get('/rest/api/3/issue/TR-424242');
    expect(res).toMatchObject({ status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } });
    expect((await get('/rest/api/3/issue/TR-1/changelog')).status).toBe(404);
    expect((await get('/rest/api/2/myself')).status).toBe(404);
    expect((await fake.handle({ method: 'DELETE', path: '/rest/api/3/issue/TR-1', accountId: ADMIN })).status).toBe(404);
  });

  it('no caller → 401; an unknown account → 401; the app (null) is served', async () => {
    expect((await fake.handle({ method: 'GET', path: '/rest/api/3/myself', accountId: undefined as unknown as string })).status).toBe(401);
    expect((await get('/rest/api/3/myself', '557058:nobody')).status).toBe(401);
    expect((await get('/rest/api/3/myself', null)).status).toBe(200);
  });
});

describe('fault injection and stats', () => {
  it('429 with Retry-After for the next N matching calls, then normal answers', async () => {
    fake.faults.rateLimit(/^\/rest\/api\/3\/search\/jql$/, { times: 2, retryAfterSeconds: 7 });
    const first = await search('project = TR');
    const second = await search('project = TR');
    const third = await search('project = TR');
    expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
    const raw = await (fake.faults.rateLimit(/search/, { times: 1, retryAfterSeconds: 7 }), get('/rest/api/3/search/jql?jql=project%3DTR'));
    expect(raw.headers?.['Retry-After']).toBe('7');
    expect((raw.body as any).errorMessages).toHaveLength(1);
    expect((await get('/rest/api/3/myself')).status).toBe(200); // other paths unaffected
  });

  it('5xx for the next N calls; clear() removes faults', async () => {
    fake.faults.serverError(/\/issue\//, { times: 5, status: 502 });
    expect((await get('/rest/api/3/issue/TR-1')).status).toBe(502);
    fake.faults.clear();
    expect((await get('/rest/api/3/issue/TR-1')).status).toBe(200);
    expect(() => fake.faults.serverError(/x/, { status: 404 })).toThrow();
  });

  it('latency delays the answer', async () => {
    fake.faults.latency(/\/myself$/, 60, { times: 1 });
    const t0 = Date.now();
    expect((await get('/rest/api/3/myself')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(50);
    const t1 = Date.now();
    await get('/rest/api/3/myself');
    expect(Date.now() - t1).toBeLessThan(50);
  });

  it('records the most requests in flight at once (latency included); resetStats() starts over', async () => {
    fake.faults.latency(/\/myself$/, 20);
    await Promise.all([get('/rest/api/3/myself'), get('/rest/api/3/myself'), get('/rest/api/3/myself')]);
    expect(fake.maxInFlight).toBe(3);
    fake.resetStats();
    await get('/rest/api/3/myself');
    expect(fake.maxInFlight).toBe(1);
  });

  it('counts calls per endpoint template, including faulted ones; resetStats() clears', async () => {
    await get('/rest/api/3/issue/TR-1');
    await get('/rest/api/3/issue/TR-2');
    fake.faults.rateLimit(/jql/, { times: 1 });
    await search('project = TR');
    await search('project = TR');
    await get('/rest/api/3/nope');
    expect(fake.stats).toEqual({ 'GET /rest/api/3/issue/{issueIdOrKey}': 2, 'GET /rest/api/3/search/jql': 2, 'GET /rest/api/3/nope': 1 });
    expect(fake.totalCalls).toBe(5);
    fake.resetStats();
    expect(fake.stats).toEqual({});
  });
});

describe('bulk fetch', () => {
  it('answers in ascending id order, each issue once, whatever the order asked', async () => {
    const ids = [TR_EPICS[2].id, TR_EPICS[0].key, TR_EPICS[1].id, TR_EPICS[0].id];
    const answer = await fake.handle({
      method: 'POST',
      path: '/rest/api/3/issue/bulkfetch',
      accountId: ADMIN,
      body: { issueIdsOrKeys: ids, fields: ['summary'] },
    });
    expect((answer.body as any).issues.map((i: Found) => i.id)).toEqual([TR_EPICS[0].id, TR_EPICS[1].id, TR_EPICS[2].id].sort((a, b) => Number(a) - Number(b)));
  });
});

describe('mutators', () => {
  it('deleteIssue: the issue disappears (404, not in search); children of a deleted epic lose their parent', async () => {
    const epic = TR_EPICS[1];
    expect(fake.deleteIssue(epic.key)).toBe(true);
    expect(fake.deleteIssue(epic.key)).toBe(false);
    expect((await get(`/rest/api/3/issue/${epic.id}`)).status).toBe(404);
    expect(await keys('project = TR AND issuetype = Epic')).not.toContain(epic.key);
    expect(await keys(`parent = ${epic.id}`)).toEqual([]);
    const orphan = (await get(`/rest/api/3/issue/${epic.childIds[0]}`)).body as any;
    expect(orphan.fields.parent).toBeUndefined();
  });

  it('setIssueStatus changes status category and updated', async () => {
    const id = TR_EPICS[0].childIds[3];
    const before = ((await get(`/rest/api/3/issue/${id}?fields=status,updated`)).body as any).fields;
    fake.setIssueStatus(id, 'done');
    const after = ((await get(`/rest/api/3/issue/${id}?fields=status,updated`)).body as any).fields;
    expect(after.status).toMatchObject({ name: 'Done', statusCategory: { key: 'done', id: 3, name: 'Done', colorName: 'green' } });
    expect(after.updated > before.updated).toBe(true);
    expect(await keys(`parent = ${TR_EPICS[0].key} AND statusCategory = done`)).toContain(data.issues.find((i) => i.id === id)!.key);
    expect(() => fake.setIssueStatus('TR-99999', 'done')).toThrow();
  });

  it('addIssue creates the next key in the project, visible to search and get', async () => {
    const created = fake.addIssue({
      project: 'PAY',
      issueType: 'Story',
      summary: 'Apple Pay on the web',
      parent: PAY_EPICS[0].key,
      statusCategory: 'indeterminate',
      storyPoints: 5,
    });
    const lastPay = Math.max(...issuesOf(DEMO_PROJECTS.PAY.id).map((i) => Number(i.key.split('-')[1])));
    expect(created.key).toBe(`PAY-${lastPay + 1}`);
    expect(Number(created.id)).toBeGreaterThan(Math.max(...data.issues.map((i) => Number(i.id))));
    expect(await keys(`parent = ${PAY_EPICS[0].id}`, MEMBER)).toContain(created.key);
    const got = (await get(`/rest/api/3/issue/${created.key}`)).body as any;
    expect(got.fields).toMatchObject({ summary: 'Apple Pay on the web', [STORY_POINTS_FIELD_ID]: 5, status: { statusCategory: { key: 'indeterminate' } } });
    expect(await keys('text ~ "apple pay"', OUTSIDER)).toEqual([]);
  });
});
