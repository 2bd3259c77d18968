import type { Frame, Page } from 'playwright-core';
import { openView, useBrowserSession } from './harness';

/**
 * The local host behaves like Jira and Confluence around a Custom UI frame: frames are as tall as their content
 * (nothing cut off, no inner scrollbar), the theme switches in place through view.theme.enable(), and the flags,
 * modals and navigation the app asks for through @forge/bridge happen on the host page.
 */
describe('local host: frames, theme, flags, modals, navigation', () => {
  const session = useBrowserSession();

  async function appFrame(page: Page = session.page, id = 'app-frame'): Promise<Frame> {
    const handle = await page.waitForSelector(`#${id}`, { state: 'attached' });
    const frame = await handle.contentFrame();
    if (!frame) throw new Error(`#${id} has no frame`);
    return frame;
  }

  /** The iframe's box on the host page and its document's scrollable size, measured together. */
  async function sizes(id = 'app-frame') {
    return session.page.evaluate((frameId) => {
      const iframe = document.getElementById(frameId) as HTMLIFrameElement;
      const doc = iframe.contentDocument!.documentElement;
      return {
        frameHeight: iframe.getBoundingClientRect().height,
        scrollHeight: doc.scrollHeight,
        clientHeight: doc.clientHeight,
        scrollWidth: doc.scrollWidth,
        clientWidth: doc.clientWidth,
        contentBottom: Math.ceil(iframe.contentDocument!.body.getBoundingClientRect().bottom),
      };
    }, id);
  }

  /** Waits until the frame shows all of its content: no part of its document lies beyond its box. */
  async function expectFitted(id = 'app-frame') {
    await session.page.waitForFunction((frameId) => {
      const iframe = document.getElementById(frameId) as HTMLIFrameElement | null;
      const doc = iframe?.contentDocument?.documentElement;
      return !!doc && doc.scrollHeight <= Math.ceil(iframe.getBoundingClientRect().height) && doc.scrollHeight > 40;
    }, id);
    const s = await sizes(id);
    expect(s.scrollHeight).toBeLessThanOrEqual(Math.ceil(s.frameHeight));
    expect(s.scrollHeight).toBeLessThanOrEqual(s.clientHeight);
    expect(s.scrollWidth).toBeLessThanOrEqual(s.clientWidth);
    expect(s.contentBottom).toBeLessThanOrEqual(Math.ceil(s.frameHeight));
    return s;
  }

  it('the project page frame grows and shrinks with its content, never cutting it off', async () => {
    await session.page.setViewportSize({ width: 1280, height: 600 });
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=admin`);
    await session.app().getByTestId('initiative-card').first().waitFor();
    const before = await expectFitted();
    // A roadmap page is taller than the window: the host page scrolls, not the frame.
    expect(before.frameHeight).toBeGreaterThan(600);

    // The app grows (an editor opens below the board) …
    const frame = await appFrame();
    await frame.evaluate(() => {
      const tall = document.createElement('div');
      tall.id = 'grown';
      tall.style.height = '1500px';
      document.getElementById('root')!.append(tall);
    });
    await session.page.waitForFunction(
      (h) => (document.getElementById('app-frame') as HTMLIFrameElement).getBoundingClientRect().height >= h + 1500,
      before.frameHeight,
    );
    const grown = await expectFitted();
    expect(grown.frameHeight).toBeGreaterThanOrEqual(before.frameHeight + 1500);

    // … and shrinks back when it closes.
    await frame.evaluate(() => document.getElementById('grown')!.remove());
    await session.page.waitForFunction(
      (h) => (document.getElementById('app-frame') as HTMLIFrameElement).getBoundingClientRect().height <= h + 1,
      before.frameHeight,
    );
    await expectFitted();

    // A real app interaction that grows the page: the settings form's last button stays inside the frame.
    await openView(session.app(), 'settings');
    await session.app().getByRole('button', { name: 'Edit settings' }).click();
    await expectFitted();
    const lastBox = await session.app().getByRole('button', { name: 'Save settings' }).boundingBox();
    const frameBox = await session.page.locator('#app-frame').boundingBox();
    expect(lastBox!.y + lastBox!.height).toBeLessThanOrEqual(frameBox!.y + frameBox!.height);
  });

  it('the project page keeps its view in the URL (view.createHistory): tabs push sub-routes, back and reload return, links open on the view', async () => {
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=admin&theme=dark`);
    await session.app().getByTestId('initiative-card').first().waitFor();
    await openView(session.app(), 'debt');
    expect(new URL(session.page.url()).pathname).toBe('/jira/TR/roadmap/debt');
    // The host's own keys stay in the URL beside the app's route.
    expect(new URL(session.page.url()).searchParams.get('theme')).toBe('dark');
    await openView(session.app(), 'changelog');
    expect(new URL(session.page.url()).pathname).toBe('/jira/TR/roadmap/changelog');

    // Back and forward hand the app its earlier location; the frame is not reloaded.
    const frame = await appFrame();
    await frame.evaluate(() => ((window as unknown as { __same: boolean }).__same = true));
    await session.page.goBack();
    await session.app().getByTestId('view-debt').waitFor();
    expect(await session.app().getByRole('tab', { name: 'Debt' }).getAttribute('aria-selected')).toBe('true');
    await session.page.goForward();
    await session.app().getByTestId('view-changelog').waitFor();
    expect(await frame.evaluate(() => (window as unknown as { __same?: boolean }).__same)).toBe(true);

    // A reload, or a link straight to a view, opens on it.
    await session.page.reload();
    await session.app().getByTestId('view-changelog').waitFor();
    await session.page.goto(`${session.host.url}/jira/TR/roadmap/capacity?user=member`);
    await session.app().getByTestId('capacity-panel').waitFor();
    expect(await session.app().getByRole('tab', { name: 'Capacity' }).getAttribute('aria-selected')).toBe('true');
    // An unknown sub-route is the board.
    await session.page.goto(`${session.host.url}/jira/TR/roadmap/nowhere?user=member`);
    await session.app().getByTestId('view-board').waitFor();
  });

  it('the issue panel and the macro have no inner scrollbar: each frame is exactly as tall as its content', async () => {
    await session.page.goto(`${session.host.url}/jira/browse/TR-1?user=admin`);
    await session.app().getByTestId('linked-initiative-title').waitFor();
    const panel = await expectFitted();
    expect(Math.abs(panel.frameHeight - panel.scrollHeight)).toBeLessThanOrEqual(1);

    // Page 7 is not a seeded page: configuring its macro also shows the config frame sized to its form (a window tall
    // enough for the form and its preview: beyond the dialog's limit the frame scrolls, as in Confluence).
    await session.page.setViewportSize({ width: 1280, height: 1000 });
    await session.configureMacro(7, 'TR', 'Executive one-pager');
    await session.app().getByTestId('executive-view').waitFor();
    const macro = await expectFitted();
    expect(Math.abs(macro.frameHeight - macro.scrollHeight)).toBeLessThanOrEqual(1);
    expect(macro.frameHeight).toBeGreaterThan(100);

    await session.page.getByRole('button', { name: 'Edit macro' }).click();
    await session.page.frameLocator('#config-frame').getByLabel('Project', { exact: true }).waitFor();
    await expectFitted('config-frame');
  });

  it('the theme switch re-themes an enabled frame in place (view.theme.enable()), without reloading it', async () => {
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=admin&theme=light`);
    await session.app().getByTestId('initiative-card').first().waitFor();
    const frame = await appFrame();
    const look = () =>
      frame.evaluate(() => ({
        mode: document.documentElement.getAttribute('data-color-mode'),
        background: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.querySelector('[data-testid="initiative-card"]')!).color,
        marker: (window as unknown as { __notReloaded?: boolean }).__notReloaded === true,
      }));
    await frame.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
    const light = await look();
    expect(light).toMatchObject({ mode: 'light', marker: true });

    await session.page.getByLabel('Theme').selectOption('dark');
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
    const dark = await look();
    expect(dark.marker).toBe(true);
    expect(dark.background).not.toBe(light.background);
    expect(dark.text).not.toBe(light.text);
    expect(await session.page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    // The choice sticks: the URL and the host's links carry it, and a reload or new frame asks for dark.
    expect(new URL(session.page.url()).searchParams.get('theme')).toBe('dark');
    expect(await session.page.getByRole('link', { name: 'Jira · epic TR-1' }).getAttribute('href')).toContain('theme=dark');
    const context = await frame.evaluate(() =>
      (window as unknown as { __bridge: { callBridge(m: string): Promise<{ theme: { colorMode: string } }> } }).__bridge.callBridge('getContext'),
    );
    expect(context.theme.colorMode).toBe('dark');

    await session.page.getByLabel('Theme').selectOption('light');
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'light');
    expect((await look()).background).toBe(light.background);
  });

  it('a flag the app shows (showFlag) appears on the host page; its actions run in the app; it can be closed', async () => {
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=admin`);
    await session.app().getByTestId('initiative-card').first().waitFor();
    const frame = await appFrame();
    // What @forge/bridge's showFlag sends (out/flag/flag.js): callBridge('showFlag', { ...options, type }).
    await frame.evaluate(() => {
      const w = window as unknown as { __bridge: { callBridge(m: string, p: unknown): Promise<unknown> }; __undone?: boolean };
      return w.__bridge.callBridge('showFlag', {
        id: 'saved-1',
        title: 'Initiative saved',
        description: 'Centralize logging moved to Next.',
        type: 'success',
        actions: [{ text: 'Undo', onClick: () => (w.__undone = true) }],
      });
    });
    const flag = session.page.getByTestId('host-flag');
    await flag.waitFor();
    expect(await flag.getAttribute('data-type')).toBe('success');
    expect(await flag.textContent()).toContain('Initiative saved');
    expect(await flag.textContent()).toContain('Centralize logging moved to Next.');
    await flag.getByRole('button', { name: 'Undo' }).click();
    await frame.waitForFunction(() => (window as unknown as { __undone?: boolean }).__undone === true);
    // closeFlag, as flag.close() sends it.
    await frame.evaluate(() =>
      (window as unknown as { __bridge: { callBridge(m: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('closeFlag', { id: 'saved-1' }),
    );
    await flag.waitFor({ state: 'detached' });

    await frame.evaluate(() =>
      (window as unknown as { __bridge: { callBridge(m: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('showFlag', {
        id: 'e',
        title: 'Could not save',
        type: 'error',
      }),
    );
    await session.page.getByRole('alert').filter({ hasText: 'Could not save' }).getByRole('button', { name: 'Dismiss' }).click();
    await session.page.getByTestId('host-flag').waitFor({ state: 'detached' });
  });

  it('a modal the app opens (Modal) shows its resource with the context given, and view.close(payload) reaches onClose', async () => {
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=admin`);
    await session.app().getByTestId('initiative-card').first().waitFor();
    const opener = await appFrame();
    // What new Modal({ resource, context, onClose }).open() sends (out/modal/modal.js).
    await opener.evaluate(() => {
      const w = window as unknown as { __bridge: { callBridge(m: string, p: unknown): Promise<unknown> }; __closedWith?: unknown };
      return w.__bridge.callBridge('openModal', {
        resource: 'issue-panel',
        context: { initiativeId: 'I-1' },
        size: 'medium',
        onClose: (payload: unknown) => (w.__closedWith = payload ?? 'no payload'),
        closeOnEscape: true,
        closeOnOverlayClick: true,
        title: '',
        icon: '',
      });
    });
    const dialog = session.page.getByRole('dialog');
    await dialog.waitFor();
    const handle = await session.page.waitForSelector('iframe.forge-modal-frame');
    const modal = (await handle.contentFrame())!;
    await modal.waitForFunction(() => !!(window as unknown as { __bridge?: unknown }).__bridge);
    const context = await modal.evaluate(() =>
      (window as unknown as { __bridge: { callBridge(m: string): Promise<{ moduleKey: string; extension: Record<string, unknown> }> } }).__bridge.callBridge(
        'getContext',
      ),
    );
    expect(context.moduleKey).toBe('tech-roadmap-project-page');
    expect(context.extension).toMatchObject({ type: 'jira:projectPage', project: { key: 'TR' }, modal: { initiativeId: 'I-1' } });
    expect((await dialog.boundingBox())!.width).toBe(600);

    await modal.evaluate(() =>
      (window as unknown as { __bridge: { callBridge(m: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('close', { saved: true }),
    );
    await dialog.waitFor({ state: 'detached' });
    await opener.waitForFunction(() => (window as unknown as { __closedWith?: unknown }).__closedWith !== undefined);
    expect(await opener.evaluate(() => (window as unknown as { __closedWith?: unknown }).__closedWith)).toEqual({ saved: true });

    // Escape closes it too (closeOnEscape), and onClose runs without a payload.
    await opener.evaluate(() => {
      const w = window as unknown as { __bridge: { callBridge(m: string, p: unknown): Promise<unknown> }; __closedWith?: unknown };
      w.__closedWith = undefined;
      return w.__bridge.callBridge('openModal', {
        resource: null,
        size: 'small',
        onClose: (p: unknown) => (w.__closedWith = p ?? 'no payload'),
        closeOnEscape: true,
        closeOnOverlayClick: true,
      });
    });
    await dialog.waitFor();
    // Wait for the modal's frame to run its bridge script: a key pressed while its document is still loading is lost
    // in any browser, and the frame takes focus when it opens.
    const second = (await (await session.page.waitForSelector('iframe.forge-modal-frame')).contentFrame())!;
    await second.waitForFunction(() => !!(window as unknown as { __bridge?: unknown }).__bridge && document.readyState === 'complete');
    await session.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await opener.waitForFunction(() => (window as unknown as { __closedWith?: unknown }).__closedWith === 'no payload');
  });

  it('router.navigate to /browse/KEY opens the host’s issue page; to the app’s module, its project page; router.open opens a tab', async () => {
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=member&theme=dark`);
    await session.app().getByTestId('initiative-card').first().waitFor();
    const frame = await appFrame();
    // What router.navigate('/browse/TR-1') sends (out/router/router.js).
    await Promise.all([
      session.page.waitForURL((url) => url.pathname === '/jira/browse/TR-1'),
      frame.evaluate(() =>
        (window as unknown as { __bridge: { callBridge(m: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('navigate', {
          url: '/browse/TR-1',
          type: 'same-tab',
        }),
      ),
    ]);
    expect(new URL(session.page.url()).searchParams.get('user')).toBe('member');
    expect(new URL(session.page.url()).searchParams.get('theme')).toBe('dark');
    expect(await session.page.getByTestId('host-issue-title').textContent()).toContain('TR-1');
    await session.app().getByTestId('linked-initiative-title').waitFor();

    // router.navigate({ target: 'module', moduleKey }) from the issue panel: the project page of its project.
    const panel = await appFrame();
    await Promise.all([
      session.page.waitForURL((url) => url.pathname === '/jira/TR/roadmap'),
      panel.evaluate(() =>
        (window as unknown as { __bridge: { callBridge(m: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('navigate', {
          target: 'module',
          moduleKey: 'tech-roadmap-project-page',
          type: 'same-tab',
        }),
      ),
    ]);
    await session.app().getByTestId('initiative-card').first().waitFor();

    // router.open({ target: 'issue', issueKey }) opens the issue in a new tab.
    const projectFrame = await appFrame();
    const [tab] = await Promise.all([
      session.page.context().waitForEvent('page'),
      projectFrame.evaluate(() =>
        (window as unknown as { __bridge: { callBridge(m: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('navigate', {
          target: 'issue',
          issueKey: 'TR-6',
          type: 'new-tab',
        }),
      ),
    ]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe('/jira/browse/TR-6');
    await tab.close();

    // A place the host has no page for is refused with a message, as a failed navigation.
    const refused = await projectFrame.evaluate(() =>
      (window as unknown as { __bridge: { callBridge(m: string, p: unknown): Promise<unknown> } }).__bridge
        .callBridge('navigate', { url: '/secure/Dashboard.jspa', type: 'same-tab' })
        .then(
          () => 'navigated',
          (e: Error) => e.message,
        ),
    );
    expect(refused).toMatch(/no page for \/secure\/Dashboard\.jspa/);
  });
});
