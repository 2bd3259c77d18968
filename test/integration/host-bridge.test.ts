import { DEMO_EPICS, DEMO_PROJECTS } from '../../dev/jira';
import { type RunningHost, startHost } from '../browser/harness';

/** The host page's side of the bridge: what Jira and Confluence would answer each Custom UI frame. */
describe('local host bridge', () => {
  let host: RunningHost;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(() => host.stop());

  /** A JSON answer, read field by field by the assertions (which check the values). */
  interface Json {
    readonly [key: string]: Json;
  }
  async function bridge<R = Json>(method: string, payload: unknown, frame: Record<string, string>) {
    const response = await fetch(`${host.url}/__host/bridge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method, payload, frame: { theme: 'light', ...frame } }),
    });
    return { status: response.status, body: (await response.json()) as { result: R; message?: string } };
  }

  it('answers getContext with the extension each module gets', async () => {
    const epic = DEMO_EPICS[0];
    const page = await bridge('getContext', null, { surface: 'project-page', user: 'member', project: DEMO_PROJECTS.TR.id });
    expect(page.body.result).toMatchObject({
      accountId: '557058:bbbb-member',
      moduleKey: 'tech-roadmap-project-page',
      extension: { type: 'jira:projectPage', project: { id: '10000', key: 'TR' } },
    });
    const panel = await bridge('getContext', null, { surface: 'issue-panel', user: 'admin', project: DEMO_PROJECTS.TR.id, issue: epic.id });
    expect(panel.body.result.extension).toEqual({
      type: 'jira:issueContext',
      project: { id: '10000', key: 'TR', type: 'software' },
      issue: { id: epic.id, key: epic.key, type: 'Epic' },
    });
    const macro = await bridge('getContext', null, { surface: 'macro', user: 'admin', localId: 'macro-x' });
    expect(macro.body.result).toMatchObject({ moduleKey: 'tech-roadmap-macro', extension: { type: 'macro' } });
    expect(macro.body.result.extension.config).toBeUndefined();
  });

  it('saves the macro config on submit and hands it to the macro', async () => {
    const saved = await bridge(
      'submit',
      { config: { projectId: '10000', view: 'engineering' } },
      { surface: 'macro-config', user: 'admin', localId: 'macro-y' },
    );
    expect(saved).toEqual({ status: 200, body: { result: true } });
    const macro = await bridge('getContext', null, { surface: 'macro', user: 'outsider', localId: 'macro-y' });
    expect(macro.body.result.extension.config).toEqual({ projectId: '10000', view: 'engineering' });
    const refused = await bridge('submit', { config: {} }, { surface: 'macro', user: 'admin', localId: 'macro-y' });
    expect(refused.status).toBe(400);
  });

  it('routes invoke to the resolvers and requestJira to Jira, both as the frame’s user', async () => {
    const invoked = await bridge(
      'invoke',
      { functionKey: 'getRoadmapView', payload: {} },
      { surface: 'project-page', user: 'outsider', project: DEMO_PROJECTS.PAY.id },
    );
    expect(invoked.body.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const pay = DEMO_EPICS.find((e) => e.projectKey === 'PAY')!;
    const asOutsider = await bridge(
      'fetchProduct',
      { product: 'jira', restPath: `/rest/api/3/issue/${pay.key}`, fetchRequestInit: { method: 'GET' } },
      { surface: 'issue-panel', user: 'outsider' },
    );
    expect(asOutsider.body.result.status).toBe(404);
    const asAdmin = await bridge<{ status: number; body: string }>(
      'fetchProduct',
      { product: 'jira', restPath: `/rest/api/3/issue/${pay.key}?fields=summary`, fetchRequestInit: { method: 'GET' } },
      { surface: 'issue-panel', user: 'admin' },
    );
    expect(asAdmin.body.result.status).toBe(200);
    expect(JSON.parse(asAdmin.body.result.body)).toMatchObject({ key: pay.key, fields: { summary: pay.summary } });
  });

  it('refuses what it does not emulate, and unknown frames, with a message', async () => {
    expect(await bridge('openRovo', {}, { surface: 'project-page', user: 'admin' })).toEqual({
      status: 400,
      body: { message: "The local host does not emulate bridge method 'openRovo'" },
    });
    expect((await bridge('getContext', null, { surface: 'jira:dashboard', user: 'admin' })).status).toBe(400);
    expect(
      (
        await bridge(
          'invoke',
          { functionKey: 'getRoadmapView', payload: { blob: 'x'.repeat(600_000) } },
          { surface: 'project-page', user: 'admin', project: '10000' },
        )
      ).body.message,
    ).toMatch(/500 KB/);
  });

  it('resolves router.navigate / router.open to the host page for the place, with the frame’s user and theme', async () => {
    const frame = { surface: 'issue-panel', user: 'member', theme: 'dark', project: DEMO_PROJECTS.TR.id, issue: DEMO_EPICS[0].id };
    expect((await bridge('navigate', { url: '/browse/TR-1', type: 'same-tab' }, frame)).body.result).toEqual({
      url: '/jira/browse/TR-1?user=member&theme=dark',
      type: 'same-tab',
    });
    expect((await bridge('navigate', { url: 'https://acme.atlassian.net/browse/PAY-5', type: 'new-tab' }, frame)).body.result).toEqual({
      url: '/jira/browse/PAY-5?user=member&theme=dark',
      type: 'new-tab',
    });
    expect((await bridge('navigate', { target: 'issue', issueKey: 'TR-6', type: 'same-tab' }, frame)).body.result.url).toBe(
      '/jira/browse/TR-6?user=member&theme=dark',
    );
    for (const url of ['/jira/software/projects/PAY/boards/1', '/projects/PAY', '/jira/software/c/projects/PAY/apps/x/y']) {
      expect((await bridge('navigate', { url, type: 'same-tab' }, frame)).body.result.url).toBe('/jira/PAY/roadmap?user=member&theme=dark');
    }
    expect((await bridge('navigate', { target: 'module', moduleKey: 'tech-roadmap-project-page', type: 'same-tab' }, frame)).body.result.url).toBe(
      '/jira/TR/roadmap?user=member&theme=dark',
    );
    // From Confluence: the project page of a named project, at one of its sub-routes.
    expect(
      (
        await bridge(
          'navigate',
          { target: 'module', moduleKey: 'tech-roadmap-project-page', projectKey: 'PAY', path: '/board?initiative=I-2', type: 'new-tab' },
          frame,
        )
      ).body.result,
    ).toEqual({ url: '/jira/PAY/roadmap/board?initiative=I-2&user=member&theme=dark', type: 'new-tab' });
    expect(
      (await bridge('navigate', { target: 'module', moduleKey: 'tech-roadmap-project-page', path: 'https://evil.example/x', type: 'new-tab' }, frame)).status,
    ).toBe(400);
    expect((await bridge('navigate', { target: 'contentView', contentId: '2', type: 'same-tab' }, frame)).body.result.url).toBe(
      '/confluence/pages/2?user=member&theme=dark',
    );
    expect((await bridge('navigate', { url: 'https://example.com/docs', type: 'new-tab' }, frame)).body.result).toEqual({
      url: 'https://example.com/docs',
      type: 'new-tab',
    });
    expect((await bridge('navigate', { url: '/secure/Dashboard.jspa', type: 'same-tab' }, frame)).body).toEqual({
      message: 'The local host has no page for /secure/Dashboard.jspa',
    });
    expect((await bridge('navigate', { url: 'javascript:alert(1)', type: 'same-tab' }, frame)).status).toBe(400);
    expect((await bridge('navigate', { target: 'dashboard', dashboardId: '1', type: 'same-tab' }, frame)).status).toBe(400);
  });

  it('answers router.getUrl with an absolute URL on the host, and Jira’s /browse/KEY leads to the host’s issue page', async () => {
    const url = (await bridge('getUrl', { target: 'issue', issueKey: 'TR-1' }, { surface: 'project-page', user: 'admin', project: '10000' })).body.result;
    expect(url).toBe(`${host.url}/jira/browse/TR-1?user=admin&theme=light`);
    const redirect = await fetch(`${host.url}/browse/TR-1?user=member`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/jira/browse/TR-1?user=member');
  });

  it('opens a modal on a manifest resource; the modal frame gets its opener’s context plus the context passed', async () => {
    const opener = { surface: 'project-page', user: 'member', project: DEMO_PROJECTS.TR.id };
    const opened = await bridge<{ src: string; id: string }>(
      'openModal',
      { resource: 'macro-config', context: { initiativeId: 'I-1' }, size: 'large', title: 'Edit', closeOnEscape: false },
      opener,
    );
    expect(opened.status).toBe(200);
    const modal = opened.body.result;
    expect(modal).toMatchObject({ size: 'large', title: 'Edit', closeOnEscape: false, closeOnOverlayClick: true });
    const src = new URL(modal.src, host.url);
    expect(src.pathname).toBe('/frame/macro-config/index.html');
    expect(src.searchParams.get('surface')).toBe('project-page');
    expect(src.searchParams.get('modal')).toBe(modal.id);
    expect(JSON.parse(src.searchParams.get('modalContext')!)).toEqual({ initiativeId: 'I-1' });
    const context = await bridge('getContext', null, { ...opener, modal: { id: modal.id, context: { initiativeId: 'I-1' } } } as unknown as Record<
      string,
      string
    >);
    expect(context.body.result).toMatchObject({
      moduleKey: 'tech-roadmap-project-page',
      extension: { type: 'jira:projectPage', project: { key: 'TR' }, modal: { initiativeId: 'I-1' } },
    });
    expect((await bridge('openModal', { resource: null, size: { width: '720px', height: '60vh' } }, opener)).body.result).toMatchObject({
      size: { width: '720px', height: '60vh' },
    });
    expect((await bridge('openModal', { resource: 'admin-page' }, opener)).body.message).toMatch(/No Custom UI resource 'admin-page'/);
    expect((await bridge('openModal', { resource: null, size: 'huge' }, opener)).status).toBe(400);
  });

  it('serves the built surfaces with the bridge script loaded before the bundle', async () => {
    const html = await (await fetch(`${host.url}/frame/project-page/index.html?surface=project-page&user=admin`)).text();
    const bridgeAt = html.indexOf('/__host/bridge.js');
    const bundleAt = html.search(/<script[^>]+src="\.\/assets\//);
    expect(bridgeAt).toBeGreaterThan(0);
    expect(bundleAt).toBeGreaterThan(bridgeAt);
    expect((await fetch(`${host.url}/frame/project-page/../../package.json`)).status).toBe(404);
  });
});
