import type { MutationResult, Result, RoadmapView } from '../../src/domain/api';
import type { PageViewId } from '../../static/src/shared/route/route-model';
import { openView, projectPageUrl, useBrowserSession, waitForView } from './harness';

const ADMIN = { accountId: '557058:aaaa-admin', extension: { type: 'jira:projectPage', project: { id: '10000', key: 'TR' } } };

/**
 * The project page's panels around the board — capacity, health and changelog — and moving an initiative with a
 * reason, in Chromium against the real resolvers on the local host, seeded with the demo roadmap (capacity not
 * set, never reviewed, six template initiatives).
 */
describe('project page panels', () => {
  const session = useBrowserSession();
  const app = () => session.app();
  /** Opens the page on one of its views (a sub-route), as a link to it would. */
  const open = async (user: 'admin' | 'member' | 'outsider', view: PageViewId = 'board') => {
    await session.page.goto(projectPageUrl(session.host, { user, view }));
    await waitForView(app(), view);
    if (view === 'board') await app().getByTestId('initiative-card').first().waitFor();
  };
  /** A write straight through the resolvers, as the admin, against the current revision. */
  async function write(key: string, payload: Record<string, unknown>): Promise<MutationResult> {
    const view = (await session.host.forge.invoke('getRoadmapView', {}, ADMIN)) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    const result = (await session.host.forge.invoke(key, { baseRevision: view.value.revision, ...payload }, ADMIN)) as Result<MutationResult>;
    if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
    return result.value;
  }
  const newestChange = () => app().getByTestId('changelog').getByTestId('change-entry').first();

  it('explains that capacity is not set on the seeded demo roadmap, with the quarters that have work', async () => {
    await open('member', 'capacity');
    const panel = app().getByTestId('capacity-panel');
    await panel.getByTestId('capacity-not-set').waitFor();
    expect(await panel.getByText('Capacity per quarter is not set').count()).toBe(1);
    expect(await panel.getByText(/Ask a project admin to set capacity per quarter in the roadmap settings/).count()).toBe(1);
    // The template lays its initiatives over the current quarter and the two after it, two each, none estimated.
    const rows = panel.getByTestId('capacity-quarter');
    expect(await rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain('(current)');
    for (const state of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')))) expect(state).toBe('capacity-not-set');
    expect(await rows.first().locator('td').last().textContent()).toBe('2');
    expect(await panel.getByTestId('buffer-warnings').count()).toBe(0);
  });

  it('marks the roadmap reviewed as an admin; the health panel and the changelog follow', async () => {
    await open('admin', 'health');
    const health = app().getByTestId('health-panel');
    expect(await health.getByTestId('review-headline').textContent()).toBe('Never reviewed');
    // An editor sees no view-only banner.
    expect(await app().getByTestId('view-only').count()).toBe(0);
    expect(await app().getByTestId('settings-why-not').count()).toBe(0);
    // Every template initiative lacks a business goal: each is a backlog candidate, named by the rules' message.
    expect(await health.getByTestId('backlog-candidate-item').count()).toBe(6);
    expect(await health.getByTestId('backlog-candidate-item').filter({ hasText: '“Upgrade Node.js to v22 LTS” (I-1) serves no business goal' }).count()).toBe(
      1,
    );
    expect(await health.getByTestId('dependency-finding-empty').count()).toBe(1);

    await health.getByRole('button', { name: 'Mark reviewed' }).click();
    await health
      .getByTestId('review-headline')
      .filter({ hasText: /^Next review in 30 days$/ })
      .waitFor();
    expect(await health.getByText('Never reviewed').count()).toBe(0);
    await openView(app(), 'changelog');
    await newestChange().getByTestId('change-summary').filter({ hasText: 'Reviewed the roadmap' }).waitFor();
    expect(await newestChange().getByTestId('change-summary').textContent()).toBe('Reviewed the roadmap');
    // Who did it, by name (never the account id).
    await newestChange().getByTestId('change-author').filter({ hasText: 'Ada Admin' }).waitFor();
    expect(await newestChange().textContent()).not.toContain('557058:');

    // It was stored, not just shown.
    await openView(app(), 'health');
    await session.page.reload();
    await app().getByTestId('review-headline').waitFor();
    expect(await app().getByTestId('review-headline').textContent()).toBe('Next review in 30 days');
  });

  it('moves an initiative to another quarter only with a reason, and the changelog records why', async () => {
    await open('admin');
    const title = 'Upgrade Node.js to v22 LTS';
    const nowColumn = app().getByTestId('horizon-now');
    const card = app().getByTestId('initiative-card').filter({ hasText: title });
    expect(await nowColumn.getByText(title).count()).toBe(1);
    const writesBefore = session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0;

    await card.getByRole('button', { name: `Move “${title}”` }).click();
    const form = app().getByTestId('move-form');
    await form.waitFor();
    expect(await form.count()).toBe(1);
    expect(await form.getByLabel('Target quarter').inputValue()).toMatch(/^\d{4}-Q[1-4]$/);
    await form.getByLabel('Target quarter').fill('2027-Q2');
    await form.getByLabel('Phase').selectOption({ label: 'Foundation' });
    await form.getByRole('button', { name: 'Move initiative' }).click();
    const reasonError = form.getByRole('alert').filter({ hasText: 'Required' });
    await reasonError.waitFor();
    expect(await form.getByLabel('Why is it moving?').getAttribute('aria-invalid')).toBe('true');
    expect(session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0).toBe(writesBefore);
    expect(await nowColumn.getByText(title).count()).toBe(1);

    const reason = 'Blocked until the base images ship Node 22';
    await form.getByLabel('Why is it moving?').fill(reason);
    await form.getByRole('button', { name: 'Move initiative' }).click();
    await app().getByTestId('horizon-later').getByTestId('initiative-card').filter({ hasText: title }).waitFor();
    expect(await nowColumn.getByText(title).count()).toBe(0);
    expect(await app().getByTestId('move-form').count()).toBe(0);
    expect(await app().getByTestId('horizon-later').getByTestId('initiative-card').filter({ hasText: title }).textContent()).toContain('Q2 2027');

    await openView(app(), 'changelog');
    await newestChange()
      .getByTestId('change-summary')
      .filter({ hasText: `Moved "${title}"` })
      .waitFor();
    expect(await newestChange().getByTestId('change-reason').textContent()).toBe(`Why: ${reason}`);
    // The capacity panel follows the view: Q2 2027 now holds three initiatives, none estimated.
    await openView(app(), 'capacity');
    expect(await app().getByTestId('capacity-panel').locator('[data-quarter="2027-Q2"] td').last().textContent()).toBe('3');
  });

  it('refuses a target quarter that is not a quarter, beside the field, and Cancel closes the form', async () => {
    await open('admin');
    const card = app().getByTestId('initiative-card').filter({ hasText: 'Centralize logging' });
    await card.getByRole('button', { name: /^Move/ }).click();
    const form = app().getByTestId('move-form');
    await form.getByLabel('Target quarter').fill('someday');
    await form.getByLabel('Why is it moving?').fill('Testing');
    await form.getByRole('button', { name: 'Move initiative' }).click();
    await form.getByRole('alert').first().waitFor();
    expect(await form.getByLabel('Target quarter').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Why is it moving?').getAttribute('aria-invalid')).toBeNull();
    // What was typed is not thrown away unasked: Cancel asks first.
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.getByTestId('discard-confirm').getByRole('button', { name: 'Discard' }).click();
    expect(await app().getByTestId('move-form').count()).toBe(0);
  });

  it('explains a CONFLICT when someone else saved first, rebases, and moves on the next save', async () => {
    await open('admin');
    const title = 'Centralize logging';
    const card = app().getByTestId('initiative-card').filter({ hasText: title });
    await card.getByRole('button', { name: /^Move/ }).click();
    const form = app().getByTestId('move-form');
    await form.getByLabel('Target quarter').fill('2027-Q1');
    await form.getByLabel('Why is it moving?').fill('Waiting for the Datadog contract');

    // Someone else marks the roadmap reviewed in another tab meanwhile.
    const other = await session.newPage();
    await other.goto(projectPageUrl(session.host, { user: 'member', view: 'health' }));
    await other.frameLocator('#app-frame').getByRole('button', { name: 'Mark reviewed' }).click();
    await other
      .frameLocator('#app-frame')
      .getByTestId('review-headline')
      .filter({ hasText: /^Next review in/ })
      .waitFor();
    await other.close();

    await form.getByRole('button', { name: 'Move initiative' }).click();
    // The form fetches the newest roadmap itself and rebases onto it (nothing of the move changed meanwhile).
    await form.getByTestId('merge-notice').filter({ hasText: 'Someone else saved first' }).waitFor();
    expect(await form.getByText(/Reviewed the roadmap/).count()).toBe(1);
    // What was typed is kept: submit again.
    expect(await form.getByLabel('Why is it moving?').inputValue()).toBe('Waiting for the Datadog contract');
    await form.getByRole('button', { name: 'Move initiative' }).click();
    await app().getByTestId('horizon-next').getByTestId('initiative-card').filter({ hasText: title }).waitFor();
    await openView(app(), 'changelog');
    await newestChange().getByTestId('change-reason').filter({ hasText: 'Why: Waiting for the Datadog contract' }).waitFor();
  });

  it('shows an outsider (browse, no edit) the panels but no Mark reviewed or Move controls', async () => {
    await open('outsider');
    expect(await app().getByRole('button', { name: /^Move/ }).count()).toBe(0);
    expect(await app().getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(await app().getByTestId('move-form').count()).toBe(0);
    expect(await app().getByRole('button', { name: 'Add initiative' }).count()).toBe(0);
    expect(await app().getByTestId('initiative-card').count()).toBe(6);
    // Told why: a view-only banner, on every view.
    expect(await app().getByTestId('view-only').textContent()).toContain("Changing it needs Jira's Edit issues permission in TR");
    await openView(app(), 'capacity');
    await app().getByTestId('capacity-panel').waitFor();
    expect(
      await app()
        .getByText(/Ask a project admin to set capacity/)
        .count(),
    ).toBe(1);
    await openView(app(), 'health');
    await app().getByTestId('health-panel').getByTestId('review-headline').waitFor();
    expect(await app().getByRole('button', { name: 'Mark reviewed' }).count()).toBe(0);
    await openView(app(), 'changelog');
    await app().getByTestId('changelog').getByTestId('change-entry').first().waitFor();
    expect(await app().getByTestId('view-only').count()).toBe(1);
    // Who may change the settings.
    await openView(app(), 'settings');
    expect(await app().getByTestId('settings-why-not').textContent()).toContain('Only TR project admins change these settings');
  });

  it('with capacity set: buffer kept, plannable, over-commit, track totals and the buffer warning; the changelog pages', async () => {
    await write('saveSettings', { settings: { capacity: { perQuarter: 10, unit: 'person-weeks', bufferPercent: 25 } } });
    // Two initiatives into a quarter of their own, estimated past its plannable capacity.
    await write('updateInitiative', { initiativeId: 'I-5', patch: { targetQuarter: '2028-Q4', effort: 6 }, reason: 'Capacity test' });
    await write('updateInitiative', { initiativeId: 'I-6', patch: { targetQuarter: '2028-Q4', effort: 5, track: 'security' }, reason: 'Capacity test' });
    let revision = 0;
    while (revision < 13) revision = (await write('markReviewed', {})).revision;

    await open('member', 'capacity');
    const panel = app().getByTestId('capacity-panel');
    expect(await panel.getByTestId('capacity-not-set').count()).toBe(0);
    expect(await panel.getByTestId('capacity-settings').textContent()).toContain('10 person-weeks per quarter, 25 %');
    const row = panel.locator('[data-testid="capacity-quarter"][data-quarter="2028-Q4"]');
    expect(await row.getAttribute('data-state')).toBe('over-committed');
    // Quarter | Capacity | Buffer kept | Plannable | Committed | Remaining | By track | Unestimated
    const cells = await row.locator('th, td').allTextContents();
    expect(cells).toEqual(['Q4 2028', '10', '2.5 (25 %)', '7.5', '11', 'Over by 3.5', 'Security 5Developer experience 6', '0']);
    const warnings = panel.getByTestId('buffer-warnings');
    expect(await warnings.textContent()).toContain('Q4 2028: commitments exceed capacity by 10 %, leaving nothing of the 25 % buffer for unplanned work');
    const current = panel.getByTestId('capacity-quarter').first();
    expect(await current.getAttribute('data-state')).toBe('within-plan');
    expect(await current.getByTestId('capacity-remaining').textContent()).toBe('7.5');

    // 13 changes: the first page holds 10, "Show more" brings the rest, newest first throughout.
    await openView(app(), 'changelog');
    await app().getByTestId('change-entry').nth(9).waitFor();
    const entries = app().getByTestId('changelog').getByTestId('change-entry');
    expect(await entries.count()).toBe(10);
    await app().getByTestId('changelog').getByRole('button', { name: 'Show more' }).click();
    await entries.nth(12).waitFor();
    const revisions = await entries.evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-revision'))));
    expect(revisions).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(await entries.last().textContent()).toContain('Tech Roadmap app');
  });

  it('shows at most ten entries of a health list, then "and N more"', async () => {
    for (let n = 1; n <= 5; n++) {
      const view = (await session.host.forge.invoke('getRoadmapView', {}, ADMIN)) as Result<RoadmapView>;
      if (!view.ok) throw new Error(view.error.message);
      const created = (await session.host.forge.invoke(
        'createInitiative',
        {
          baseRevision: view.value.revision,
          initiative: { title: `Extra ${n}`, phaseId: 'P-3', targetQuarter: '2029-Q1', successMetric: { description: 'Done' } },
          epicKeys: [],
        },
        ADMIN,
      )) as Result<unknown>;
      if (!created.ok) throw new Error(created.error.message);
    }
    await open('member', 'health');
    const backlog = app().getByTestId('backlog-candidates');
    // Six template initiatives and five new ones, none tracing to a goal.
    expect(await backlog.getByTestId('backlog-candidate-item').count()).toBe(10);
    expect(await backlog.getByTestId('backlog-candidate-more').textContent()).toBe('and 1 more');
    expect(await backlog.getByRole('heading').textContent()).toBe('Not traced to a business goal');
    expect(await backlog.textContent()).toContain('11');

    // The long list expands in place, and each finding links to its card on the board.
    await backlog.getByRole('button', { name: 'Show all 11' }).click();
    expect(await backlog.getByTestId('backlog-candidate-item').count()).toBe(11);
    expect(await backlog.getByTestId('backlog-candidate-more').count()).toBe(0);
    const extra = backlog.getByTestId('backlog-candidate-item').filter({ hasText: 'Extra 5' });
    // "Show on board" opens the board (a route naming the initiative) and focuses its card.
    await extra.getByRole('button', { name: 'Show on board' }).click();
    await app().getByTestId('view-board').waitFor();
    await app().locator('[data-testid="initiative-card"]:focus').waitFor();
    expect(session.page.url()).toContain('/jira/TR/roadmap/board?initiative=');
    const focused = await app()
      .locator(':focus')
      .evaluate((el) => [el.getAttribute('data-testid'), el.getAttribute('aria-label')]);
    expect(focused).toEqual(['initiative-card', 'Extra 5']);
    // Back returns to Health.
    await session.page.goBack();
    await backlog.waitFor();
    expect(await backlog.getByTestId('backlog-candidate-item').count()).toBe(10);
  });
});
