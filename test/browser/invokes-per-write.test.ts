import type { Page } from 'playwright-core';
import { addQuarters, quarterOf } from '../../src/domain/quarter';
import { openView, useBrowserSession } from './harness';

/** The resolver calls a surface makes, in order, as its bridge sends them to the host. */
function recordInvokes(page: Page): { keys: string[]; settled: () => Promise<string[]> } {
  const keys: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/__host/bridge')) return;
    const body = request.postDataJSON() as { method?: string; payload?: { functionKey?: string } } | null;
    if (body?.method === 'invoke' && body.payload?.functionKey) keys.push(body.payload.functionKey);
  });
  return {
    keys,
    // A surface that asked for more after the write would do so at once; give it time to, then read.
    settled: async () => {
      await page.waitForTimeout(1000);
      return [...keys];
    },
  };
}

/**
 * The data layer's promise (issue 7 §4): a write costs one invoke. Its answer updates the cached view, its change goes
 * on top of the changelog, and progress is fetched again only when linked epics changed.
 */
describe('invokes per write', () => {
  const session = useBrowserSession();
  const app = () => session.app();
  const card = (title: string) => app().getByTestId('initiative-card').filter({ hasText: title });
  const newest = () => app().getByTestId('changelog').getByTestId('change-entry').first();

  /**
   * The project page with everything it loads on its own loaded — view, progress — and the changelog seen once (its
   * tab), then back on the board: a write must keep the cached changelog current without fetching it again.
   */
  async function openProjectPage() {
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=admin`);
    await app().getByTestId('initiative-progress').first().waitFor();
    await openView(app(), 'changelog');
    await newest().waitFor();
    await openView(app(), 'board');
    await app().getByTestId('initiative-progress').first().waitFor();
  }

  it('moving an initiative: one invoke, the card and the changelog follow', async () => {
    await openProjectPage();
    const invokes = recordInvokes(session.page);
    const title = 'Parallelize CI pipeline';
    await card(title)
      .getByRole('button', { name: `Move “${title}”` })
      .click();
    const form = app().getByTestId('move-form');
    const quarter = addQuarters(quarterOf(new Date()), 5);
    await form.getByLabel('Target quarter').fill(quarter);
    await form.getByLabel('Why is it moving?').fill('Waiting on the new build farm');
    await form.getByRole('button', { name: 'Move initiative' }).click();
    await form.waitFor({ state: 'detached' });
    await openView(app(), 'changelog');
    await newest()
      .filter({ hasText: `Moved "${title}"` })
      .waitFor();
    expect(await newest().getByTestId('change-reason').textContent()).toContain('Waiting on the new build farm');
    expect(await invokes.settled()).toEqual(['moveInitiative']);
  });

  it('adding an initiative: one invoke, the new card shows at once', async () => {
    await openProjectPage();
    const invokes = recordInvokes(session.page);
    await app().getByTestId('page-header').getByRole('button', { name: 'Add initiative' }).click();
    const form = app().getByRole('dialog').locator('form');
    await form.getByLabel('Title').fill('Adopt contract tests');
    await form.getByLabel('Success metric').fill('Every public API has a consumer contract');
    await form.getByLabel('Target quarter').fill(addQuarters(quarterOf(new Date()), 2));
    await form.getByRole('button', { name: 'Add initiative' }).click();
    await card('Adopt contract tests').waitFor();
    // The dialog closes once the initiative is added.
    await app().getByRole('dialog').waitFor({ state: 'detached' });
    await openView(app(), 'changelog');
    await newest().filter({ hasText: 'Adopt contract tests' }).waitFor();
    expect(await invokes.settled()).toEqual(['createInitiative']);
  });

  it('linking an epic from the editor: the write, then progress once (its epics changed)', async () => {
    await openProjectPage();
    const invokes = recordInvokes(session.page);
    const title = 'Centralize logging';
    await card(title)
      .getByRole('button', { name: `Edit “${title}”` })
      .click();
    const editor = app().getByTestId('initiative-editor');
    await editor.getByLabel('Add epic keys').fill('TR-32');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await card(title).getByTestId('epic-count').filter({ hasText: '2 linked epics' }).waitFor();
    expect(await invokes.settled()).toEqual(['updateInitiative', 'getProgress']);
  });

  it('linking from the issue panel: one invoke, the panel shows the link from the answer', async () => {
    await session.page.goto(`${session.host.url}/jira/browse/TR-28?user=member`);
    const panel = app().getByTestId('issue-panel');
    const form = panel.getByTestId('link-form');
    await form.waitFor();
    const invokes = recordInvokes(session.page);
    await form.getByLabel('Initiative').selectOption({ label: 'Parallelize CI pipeline — Velocity · Later' });
    await form.getByRole('button', { name: 'Link to initiative' }).click();
    await panel.getByTestId('linked-initiative-title').filter({ hasText: 'Parallelize CI pipeline' }).waitFor();
    expect(await invokes.settled()).toEqual(['linkEpic']);
  });
});
