import fs from 'node:fs';
import path from 'node:path';
import type { MutationResult, Result, RoadmapView } from '../../src/domain/api';
import { quarterLabel, quarterOf } from '../../src/domain/quarter';
import { expectNoSeriousViolations } from './a11y';
import { openView, projectPageUrl, useBrowserSession } from './harness';

const SCREENS = '/tmp/team/screens';
const ADMIN = { accountId: '557058:aaaa-admin', extension: { type: 'jira:projectPage', project: { id: '10000', key: 'TR' } } };

/**
 * The debt register of issue 8, in Chromium against the real resolvers on the local host (the template demo
 * roadmap: Foundation this quarter, Scale the next, Velocity the one after; no debt): items edited in a dialog,
 * promoted under a title of one's own to the quarter their urgency proposes, "promoted to" leading to the card on
 * the board; read-only for readers; no serious accessibility violation in either theme.
 */
describe('the debt register (issue 8)', () => {
  const session = useBrowserSession();
  const app = () => session.app();
  const register = () => app().getByTestId('debt-register');
  const debtItem = (title: string) =>
    register()
      .getByTestId('debt-item')
      .filter({ has: app().getByTestId('debt-title').getByText(title, { exact: true }) });
  const card = (title: string) => app().getByTestId('initiative-card').filter({ hasText: title });
  const thisQuarter = quarterOf(new Date());

  const open = async (user: 'admin' | 'member' | 'outsider', theme: 'light' | 'dark' = 'light') => {
    await session.page.setViewportSize({ width: 1280, height: 900 });
    await session.page.goto(projectPageUrl(session.host, { user, view: 'debt', theme }));
    await register().waitFor();
  };
  async function currentView(): Promise<RoadmapView> {
    const view = (await session.host.forge.invoke('getRoadmapView', {}, ADMIN)) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    return view.value;
  }
  /** A write straight through the resolvers, as the admin, against the current revision. */
  async function write(key: string, payload: Record<string, unknown>): Promise<MutationResult> {
    const result = (await session.host.forge.invoke(key, { baseRevision: (await currentView()).revision, ...payload }, ADMIN)) as Result<MutationResult>;
    if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
    return result.value;
  }
  const writes = () => session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0;

  it('an admin edits every field of a debt item in a dialog; only the changes are stored, and the changelog says them', async () => {
    const title = 'Legacy auth tokens hashed with SHA-1';
    await write('createDebtItem', {
      item: { title, category: 'security-risk', impact: 4, urgency: 4, effort: 2, description: 'Tokens are hashed with SHA-1' },
    });
    await open('admin');
    await debtItem(title)
      .getByRole('button', { name: `Edit “${title}”` })
      .click();
    const dialog = app().getByRole('dialog', { name: `Edit “${title}”` });
    const form = dialog.getByTestId('edit-debt-form');
    await form.waitFor();
    // Every field, as stored.
    expect(await form.getByLabel('Debt title').inputValue()).toBe(title);
    expect(await form.getByLabel('Category').inputValue()).toBe('security-risk');
    expect(await form.getByLabel('Impact (1–5)').inputValue()).toBe('4');
    expect(await form.getByLabel('Urgency (1–5)').inputValue()).toBe('4');
    expect(await form.getByLabel('Effort').inputValue()).toBe('2');
    expect(await form.getByLabel('Description').inputValue()).toBe('Tokens are hashed with SHA-1');

    // Nothing changed: said on the form's line, nothing written.
    const before = writes();
    await form.getByRole('button', { name: 'Save debt item' }).click();
    await form.getByTestId('edit-debt-error').waitFor();
    expect(await form.getByTestId('edit-debt-error').textContent()).toBe('Nothing to save: no field changed.');
    // A cleared scale is refused beside it, in the server's words.
    await form.getByLabel('Urgency (1–5)').fill('');
    await form.getByRole('button', { name: 'Save debt item' }).click();
    await form.getByTestId('debt-edit-D-1-patch-urgency-error').waitFor();
    expect(await form.getByTestId('debt-edit-D-1-patch-urgency-error').textContent()).toBe('Enter a whole number from 1 to 5');
    expect(writes()).toBe(before);

    if (!fs.existsSync(SCREENS)) fs.mkdirSync(SCREENS, { recursive: true });
    await form.getByLabel('Urgency (1–5)').fill('2');
    await form.getByLabel('Description').fill('Tokens are hashed with SHA-1; rotate on next login');
    await expectNoSeriousViolations(session.page);
    await session.page.screenshot({ path: path.join(SCREENS, 'debt-edit-light.png') });
    await form.getByRole('button', { name: 'Save debt item' }).click();
    await form.waitFor({ state: 'detached' });

    // 4 × 2 = 8: the item drops to Watch; the change is announced and stored, and only the two fields changed.
    const item = debtItem(title);
    await item.getByTestId('debt-score').filter({ hasText: '8 of 25 (impact 4 × urgency 2)' }).waitFor();
    expect(await item.getByTestId('debt-band').textContent()).toBe('Watch');
    await session.page
      .getByTestId('host-flag')
      .filter({ hasText: `Updated debt "${title}"` })
      .waitFor();
    const stored = (await currentView()).debtItems.find((d) => d.title === title)!;
    expect(stored).toMatchObject({
      category: 'security-risk',
      impact: 4,
      urgency: 2,
      effort: 2,
      description: 'Tokens are hashed with SHA-1; rotate on next login',
    });

    await openView(app(), 'changelog');
    const entry = app()
      .getByTestId('change-entry')
      .filter({ hasText: `Updated debt "${title}"` });
    await entry.waitFor();
    expect(await entry.getByTestId('change-line').allTextContents()).toEqual([
      'Description: “Tokens are hashed with SHA-1” → “Tokens are hashed with SHA-1; rotate on next login”',
      'Urgency: 4 → 2',
    ]);
  });

  it('promotes an item under an edited title to the quarter its urgency proposes; the card appears on the board', async () => {
    const title = 'Session store cannot fail over';
    await write('createDebtItem', { item: { title, category: 'scaling-bottleneck', impact: 4, urgency: 5, effort: 3, description: 'One Redis node' } });
    await open('member');
    await debtItem(title)
      .getByRole('button', { name: `Promote “${title}”` })
      .click();
    const dialog = app().getByRole('dialog', { name: `Promote “${title}” to an initiative` });
    const form = dialog.getByTestId('promote-form');
    await form.waitFor();

    // The proposal: the item's title; 4 × 5 = 20 is "act now", so this quarter, in the phase that spans it.
    expect(await form.getByLabel('Initiative title').inputValue()).toBe(title);
    expect(await form.getByLabel('Phase').inputValue()).toBe('P-1');
    expect(await form.getByLabel('Target quarter').inputValue()).toBe(thisQuarter);
    const proposal = form.getByTestId('promote-proposal');
    expect(await proposal.textContent()).toBe(`Proposed quarter: ${quarterLabel(thisQuarter)}. It scores 20 of 25 — act now, so this quarter.`);
    // Editable: another quarter is the user's choice, and the note says what was proposed.
    await form.getByLabel('Target quarter').fill('2030-Q1');
    await proposal.filter({ hasText: `The proposed quarter was ${quarterLabel(thisQuarter)}.` }).waitFor();
    await form.getByLabel('Target quarter').fill(quarterLabel(thisQuarter));
    await proposal.filter({ hasText: 'Proposed quarter:' }).waitFor();

    const newTitle = 'Run sessions on a replicated store';
    await form.getByLabel('Initiative title').fill(newTitle);
    await form.getByLabel('Success metric').fill('Sessions survive losing any one node');
    await expectNoSeriousViolations(session.page);
    await form.getByRole('button', { name: 'Promote to initiative' }).click();
    await form.waitFor({ state: 'detached' });

    const promoted = register().getByTestId('debt-promoted-list').getByTestId('debt-item').filter({ hasText: title });
    await promoted.waitFor();
    expect(await promoted.getByTestId('debt-promoted').textContent()).toBe(`Promoted to ${newTitle}`);
    await openView(app(), 'board');
    await card(newTitle).waitFor();
    const text = await card(newTitle).textContent();
    expect(text).toContain(`Foundation · ${quarterLabel(thisQuarter)}`);
    expect(text).toContain('Reliability'); // the track a scaling bottleneck starts on
    const initiative = (await currentView()).initiatives.find((i) => i.title === newTitle)!;
    expect(initiative).toMatchObject({ targetQuarter: thisQuarter, phaseId: 'P-1', fromDebtId: expect.stringMatching(/^D-/), effort: 3 });
  });

  it('"promoted to" leads to the board with that card focused; back returns to the register', async () => {
    const newTitle = 'Run sessions on a replicated store';
    const { id } = (await currentView()).initiatives.find((i) => i.title === newTitle)!;
    await open('member');
    const link = register().getByTestId('debt-promoted-link').filter({ hasText: newTitle });
    await link.click();
    await app().getByTestId('view-board').waitFor();
    expect(new URL(session.page.url()).pathname).toBe('/jira/TR/roadmap/board');
    expect(new URL(session.page.url()).searchParams.get('initiative')).toBe(id);
    const focused = app().locator('[data-testid="initiative-card"]:focus');
    await focused.waitFor();
    expect(await focused.getAttribute('data-initiative-id')).toBe(id);
    expect(await focused.textContent()).toContain(newTitle);

    await session.page.goBack();
    await register().waitFor();
    expect(new URL(session.page.url()).pathname).toBe('/jira/TR/roadmap/debt');
  });

  it('shows a reader the register read-only: no edit, record or promote controls, but the links to initiatives', async () => {
    await open('outsider');
    await register().getByTestId('debt-item').first().waitFor();
    expect(await register().getByTestId('debt-item').count()).toBeGreaterThanOrEqual(2);
    for (const name of [/^Edit/, /^Promote/, /^Delete/, 'New debt item']) expect(await app().getByRole('button', { name }).count()).toBe(0);
    expect(await app().getByTestId('edit-debt-form').count()).toBe(0);
    // Every button left in the register is a link to a promoted item's initiative.
    expect(await register().getByRole('button').count()).toBe(await register().getByTestId('debt-promoted-link').count());
    await register().getByTestId('debt-promoted-link').first().click();
    await app().locator('[data-testid="initiative-card"]:focus').waitFor();
  });

  it.each(['light', 'dark'] as const)('has no serious accessibility violation on the register and its dialogs (%s)', async (theme) => {
    await open('admin', theme);
    await register().getByTestId('debt-promoted-link').first().waitFor();
    await expectNoSeriousViolations(session.page);
    await register().screenshot({ path: path.join(SCREENS, `debt-${theme}.png`) });

    const title = 'Legacy auth tokens hashed with SHA-1';
    await debtItem(title)
      .getByRole('button', { name: `Edit “${title}”` })
      .click();
    await app().getByTestId('edit-debt-form').waitFor();
    await expectNoSeriousViolations(session.page);
    await app().getByTestId('edit-debt-form').getByRole('button', { name: 'Cancel' }).click();
    await app().getByTestId('edit-debt-form').waitFor({ state: 'detached' });

    await debtItem(title)
      .getByRole('button', { name: `Promote “${title}”` })
      .click();
    await app().getByTestId('promote-form').waitFor();
    await expectNoSeriousViolations(session.page);
    if (theme === 'dark')
      await app()
        .getByRole('dialog')
        .screenshot({ path: path.join(SCREENS, 'debt-promote-dark.png') });
    // Escape on an untouched form closes it; focus returns to the button that opened it.
    await session.page.keyboard.press('Escape');
    await app().getByTestId('promote-form').waitFor({ state: 'detached' });
  });
});
