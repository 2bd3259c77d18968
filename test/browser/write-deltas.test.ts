import type { Page } from 'playwright-core';
import { addQuarters, quarterOf } from '../../src/domain/quarter';
import { openView, useBrowserSession } from './harness';

/** Every invoke the surface sends, with the answer the host gave it. */
function recordBridge(page: Page): { calls: Array<{ key: string; answer: unknown }>; settled: () => Promise<Array<{ key: string; answer: unknown }>> } {
  const calls: Array<{ key: string; answer: unknown }> = [];
  page.on('response', (response) => {
    const request = response.request();
    if (!request.url().endsWith('/__host/bridge')) return;
    const body = request.postDataJSON() as { method?: string; payload?: { functionKey?: string } } | null;
    if (body?.method !== 'invoke' || !body.payload?.functionKey) return;
    const key = body.payload.functionKey;
    const entry = { key, answer: undefined as unknown };
    calls.push(entry);
    void response
      .json()
      .then((json: { result?: unknown }) => (entry.answer = json.result))
      .catch(() => undefined);
  });
  return {
    calls,
    // A surface that asked for more after the write would do so at once; give it time to, then read.
    settled: async () => {
      await page.waitForTimeout(1000);
      return [...calls];
    },
  };
}

/**
 * Issue 11: a write answers a delta (what changed), not the whole view; the page merges it into the view it shows.
 * After an edit and a move, the board shows exactly what a fresh load of the page shows, and each write cost one
 * invoke whose answer carries no view.
 */
describe('writes answer deltas: the page after a write is the page a fresh load shows', () => {
  const session = useBrowserSession();
  const app = () => session.app();
  const card = (title: string) => app().getByTestId('initiative-card').filter({ hasText: title });
  const url = () => `${session.host.url}/jira/TR/roadmap?user=admin`;

  /** What the board shows: every card, column by column (horizon), in order, with its text. */
  const boardState = () =>
    app()
      .getByTestId('initiative-card')
      .evaluateAll((cards) =>
        cards.map((c) => ({
          column: c.closest('[data-testid^="horizon-"]')?.getAttribute('data-testid') ?? null,
          id: c.getAttribute('data-initiative-id'),
          text: (c as HTMLElement).innerText,
        })),
      );
  /** The newest changelog entries as listed. */
  const changelogState = async () => {
    await openView(app(), 'changelog');
    await app().getByTestId('changelog').getByTestId('change-entry').first().waitFor();
    return app().getByTestId('changelog').getByTestId('change-entry').allInnerTexts();
  };

  async function openBoard() {
    await session.page.goto(url());
    await app().getByTestId('initiative-progress').first().waitFor();
  }

  /** The write, its invokes, and that its one answer is a delta at the new revision, no view. */
  async function expectOneDeltaInvoke(bridge: ReturnType<typeof recordBridge>, key: string) {
    const calls = await bridge.settled();
    expect(calls.map((c) => c.key)).toEqual([key]);
    const answer = calls[0].answer as { ok: boolean; value: Record<string, unknown> };
    expect(answer.ok).toBe(true);
    expect(answer.value).not.toHaveProperty('view');
    expect(answer.value.delta).toMatchObject({ revision: answer.value.revision, initiatives: { upsert: [expect.any(Object)], remove: [] } });
    expect(Buffer.byteLength(JSON.stringify(answer), 'utf8')).toBeLessThan(10 * 1024);
  }

  it('an edit and a move: one invoke each, answered with a delta; the board and changelog equal a fresh load', async () => {
    await openBoard();
    // Seen once, so the write must keep the cached changelog current.
    await changelogState();
    await openView(app(), 'board');

    // Edit: rename an initiative.
    const title = 'Centralize logging';
    const renamed = 'Centralize logging, everywhere';
    let bridge = recordBridge(session.page);
    await card(title)
      .getByRole('button', { name: `Edit “${title}”` })
      .click();
    const editor = app().getByTestId('initiative-editor');
    await editor.getByLabel('Title').fill(renamed);
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await card(renamed).waitFor();
    await expectOneDeltaInvoke(bridge, 'updateInitiative');
    session.page.removeAllListeners('response');

    // Move: another quarter, with a reason.
    const moving = 'Parallelize CI pipeline';
    bridge = recordBridge(session.page);
    await card(moving)
      .getByRole('button', { name: `Move “${moving}”` })
      .click();
    const form = app().getByTestId('move-form');
    await form.getByLabel('Target quarter').fill(addQuarters(quarterOf(new Date()), 1));
    await form.getByLabel('Why is it moving?').fill('Build farm ready early');
    await form.getByRole('button', { name: 'Move initiative' }).click();
    await form.waitFor({ state: 'detached' });
    await app().getByTestId('horizon-next').getByTestId('initiative-card').filter({ hasText: moving }).waitFor();
    await expectOneDeltaInvoke(bridge, 'moveInitiative');
    session.page.removeAllListeners('response');

    const merged = await boardState();
    const mergedLog = await changelogState();
    expect(mergedLog[0]).toContain(`Moved "${moving}"`);

    // A fresh load of the same page.
    await openBoard();
    const fresh = await boardState();
    expect(fresh.length).toBeGreaterThan(3);
    expect(merged).toEqual(fresh);
    expect(await changelogState()).toEqual(mergedLog);
  });
});
