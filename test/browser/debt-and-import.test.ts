import fs from 'node:fs';
import type { MutationResult, Result, RoadmapView } from '../../src/domain/api';
import type { PageViewId } from '../../static/src/shared/route/route-model';
import { openView, projectPageUrl, useBrowserSession, waitForView } from './harness';

const ADMIN = { accountId: '557058:aaaa-admin', extension: { type: 'jira:projectPage', project: { id: '10000', key: 'TR' } } };

/**
 * The technical debt register and import / export on the project page, in Chromium against the real resolvers on
 * the local host, seeded with the demo roadmap (Foundation / Scale / Velocity, six initiatives, no debt). The tests
 * share one host and run in order; each seeds what it needs through the resolvers.
 */
describe('debt register and import / export', () => {
  const session = useBrowserSession();
  const app = () => session.app();
  /** Opens the page on one of its views (a sub-route), as a link to it would. */
  const open = async (user: 'admin' | 'member' | 'outsider', view: PageViewId = 'debt') => {
    await session.page.goto(projectPageUrl(session.host, { user, view }));
    await waitForView(app(), view);
    if (view === 'debt') await app().getByTestId('debt-register').waitFor();
  };
  /** A write straight through the resolvers, as the admin, against the current revision. */
  async function write(key: string, payload: Record<string, unknown>): Promise<MutationResult> {
    const view = (await session.host.forge.invoke('getRoadmapView', {}, ADMIN)) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    const result = (await session.host.forge.invoke(key, { baseRevision: view.value.revision, ...payload }, ADMIN)) as Result<MutationResult>;
    if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
    return result.value;
  }
  const recordDebt = (title: string, impact: number, urgency: number, category = 'developer-friction') =>
    write('createDebtItem', { item: { title, category, impact, urgency, effort: null, description: '' } });
  const writes = () => session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0;
  const register = () => app().getByTestId('debt-register');
  const debtItem = (title: string) =>
    register()
      .getByTestId('debt-item')
      .filter({ has: app().getByTestId('debt-title').getByText(title, { exact: true }) });
  const card = (title: string) => app().getByTestId('initiative-card').filter({ hasText: title });

  it('records a debt item as a member, refusing a missing title beside the field, and ranks it by impact × urgency', async () => {
    await recordDebt('Flaky nightly backup script', 2, 2);
    await open('member');
    expect(await register().getByTestId('debt-item').count()).toBe(1);
    expect(await debtItem('Flaky nightly backup script').getByTestId('debt-band').textContent()).toBe('Watch');

    await register().getByRole('button', { name: 'New debt item' }).click();
    // The form opens in a dialog over the page.
    const form = app().getByRole('dialog', { name: 'Record technical debt' }).getByTestId('record-debt-form');
    await form.waitFor();
    // Nothing typed for the title: the server's own schema answers in the browser, nothing is written.
    const before = writes();
    await form.getByRole('button', { name: 'Record debt' }).click();
    await form.getByTestId('debt-new-item-title-error').waitFor();
    expect(await form.getByTestId('debt-new-item-title-error').textContent()).toBe('Required');
    expect(await form.getByLabel('Debt title').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Impact (1–5)').fill('9');
    await form.getByRole('button', { name: 'Record debt' }).click();
    await form.getByTestId('debt-new-item-impact-error').waitFor();
    expect(await form.getByTestId('debt-new-item-impact-error').textContent()).toBe('Enter a whole number from 1 to 5');
    expect(writes()).toBe(before);

    const title = 'Payments service pinned to Postgres 11';
    await form.getByLabel('Debt title').fill(title);
    await form.getByLabel('Category').selectOption({ label: 'Outdated dependency' });
    await form.getByLabel('Impact (1–5)').fill('5');
    await form.getByLabel('Urgency (1–5)').fill('4');
    await form.getByLabel('Effort').fill('3');
    await form.getByLabel('Description').fill('Postgres 11 is out of support; blocks the logical replication work.');
    await form.getByRole('button', { name: 'Record debt' }).click();

    // The dialog closes, the page shows the new item and the host's flag announces the change.
    await app().getByTestId('record-debt-form').waitFor({ state: 'detached' });
    await session.page
      .getByTestId('host-flag')
      .filter({ hasText: `Recorded debt "${title}"` })
      .waitFor();
    const items = register().getByTestId('debt-open').getByTestId('debt-item');
    expect(await items.count()).toBe(2);
    // 5 × 4 = 20 outranks 2 × 2 = 4.
    expect(await items.nth(0).getByTestId('debt-title').textContent()).toBe(title);
    expect(await items.nth(0).getByTestId('debt-rank').textContent()).toBe('#1');
    expect(await items.nth(0).getByTestId('debt-band').textContent()).toBe('Act now');
    expect(await items.nth(0).getByTestId('debt-score').textContent()).toBe('20 of 25 (impact 5 × urgency 4)');
    expect(await items.nth(0).getByTestId('debt-category').textContent()).toBe('Outdated dependency');
    expect(await items.nth(0).getByTestId('debt-effort').textContent()).toBe('Effort: 3 person-weeks');
    expect(await items.nth(1).getByTestId('debt-title').textContent()).toBe('Flaky nightly backup script');
    expect(await items.nth(1).getByTestId('debt-rank').textContent()).toBe('#2');

    // Stored, not just shown; and it is in the changelog.
    await session.page.reload();
    await debtItem(title).waitFor();
    expect(await register().getByTestId('debt-open').getByTestId('debt-item').first().getByTestId('debt-title').textContent()).toBe(title);
    await openView(app(), 'changelog');
    await app()
      .getByTestId('change-summary')
      .filter({ hasText: `Recorded debt "${title}"` })
      .first()
      .waitFor();
  });

  it('promotes a debt item: a new initiative card appears on the board and the item says where it went', async () => {
    const title = 'Session store cannot scale past one node';
    await recordDebt(title, 4, 4, 'scaling-bottleneck');
    await open('member', 'board');
    await app().getByTestId('initiative-card').first().waitFor();
    const cardsBefore = await app().getByTestId('initiative-card').count();
    expect(await card(title).count()).toBe(0);

    await openView(app(), 'debt');
    const item = debtItem(title);
    await item.getByRole('button', { name: `Promote “${title}”` }).click();
    const form = app().getByTestId('promote-form');
    await form.waitFor();
    await form.getByLabel('Phase').selectOption({ label: 'Scale' });
    await form.getByLabel('Target quarter').fill('Q3 2027');
    // The success metric is required: refused beside the field, nothing written.
    const before = writes();
    await form.getByRole('button', { name: 'Promote to initiative' }).click();
    await form.getByTestId(/-successMetric-description-error$/).waitFor();
    expect(await form.getByTestId(/-successMetric-description-error$/).textContent()).toBe('Required');
    expect(writes()).toBe(before);

    await form.getByLabel('Success metric').fill('Sessions survive losing any one node');
    await form.getByRole('button', { name: 'Promote to initiative' }).click();
    await form.waitFor({ state: 'detached' });

    const promoted = register().getByTestId('debt-promoted-list').getByTestId('debt-item').filter({ hasText: title });
    await promoted.waitFor();
    expect(await promoted.getByTestId('debt-promoted').textContent()).toBe(`Promoted to ${title}`);
    expect(await promoted.getByRole('button', { name: /^Promote/ }).count()).toBe(0);
    expect(await register().getByTestId('debt-open').getByText(title).count()).toBe(0);

    await openView(app(), 'board');
    await card(title).waitFor();
    expect(await app().getByTestId('initiative-card').count()).toBe(cardsBefore + 1);
    const text = await card(title).textContent();
    expect(text).toContain('Scale · Q3 2027');
    expect(text).toContain('Reliability'); // the track a scaling bottleneck starts on
    expect(text).toContain('Sessions survive losing any one node');
  });

  it('shows an outsider who can browse the project the register and export, but no forms or write buttons', async () => {
    await open('outsider');
    expect(await register().getByTestId('debt-item').count()).toBeGreaterThanOrEqual(3);
    expect(await register().getByTestId('debt-promoted').count()).toBeGreaterThanOrEqual(1);
    // The only buttons are the links to promoted items' initiatives: reading, not writing.
    const buttons = register().getByRole('button');
    expect(await buttons.count()).toBe(await register().getByTestId('debt-promoted-link').count());
    expect(await app().getByLabel('Debt title').count()).toBe(0);
    expect(await app().getByTestId('promote-form').count()).toBe(0);

    await openView(app(), 'import-export');
    const section = app().getByTestId('import-export');
    expect(await section.getByRole('button', { name: 'Export Markdown' }).count()).toBe(1);
    expect(await section.getByRole('button', { name: 'Export CSV' }).count()).toBe(1);
    expect(await section.getByLabel('Table to import').count()).toBe(0);
    expect(await section.getByRole('button', { name: 'Preview import' }).count()).toBe(0);
    expect(await section.getByRole('button', { name: /^Import/ }).count()).toBe(0);

    // Export is open to readers.
    const download = session.page.waitForEvent('download');
    await section.getByRole('button', { name: 'Export CSV' }).click();
    expect((await download).suggestedFilename()).toBe('TR-technical-roadmap.csv');
  });

  it('previews a pasted table, blocks Import on a bad row, imports once it is fixed, and exports the result', async () => {
    await open('member', 'import-export');
    const section = app().getByTestId('import-export');
    const table = (quarter: string) =>
      [
        '| Phase | Initiative | Goal | Success metric | Target quarter |',
        '|---|---|---|---|---|',
        '| Scale | Shard the events table | Keep writes fast | p99 insert latency under 50 ms | Q1 2027 |',
        `| Hardening | Rotate every service credential | Limit blast radius | No credential older than 90 days | ${quarter} |`,
      ].join('\n');

    await section.getByLabel('Table to import').fill(table('someday'));
    await section.getByRole('button', { name: 'Preview import' }).click();
    const errors = section.getByTestId('import-errors');
    await errors.waitFor();
    const rowError = errors.getByTestId('import-error');
    expect(await rowError.count()).toBe(1);
    expect(await rowError.getAttribute('data-severity')).toBe('error');
    expect(await rowError.getAttribute('data-row')).toBe('2');
    expect(await rowError.textContent()).toContain('Row 2 · Target quarter:');
    expect(await rowError.textContent()).toContain('Not a quarter: "someday"');
    expect(await section.getByTestId('import-create-item').count()).toBe(1);
    const importButton = section.getByRole('button', { name: /^Import \d+ initiatives?$/ });
    expect(await importButton.isDisabled()).toBe(true);
    expect(await section.getByTestId('import-blocked').textContent()).toContain('Fix the errors');

    // Fixing the table makes the old preview stale until it is previewed again.
    await section.getByLabel('Table to import').fill(table('Q2 2027'));
    await section.getByTestId('import-preview-stale').waitFor();
    expect(await importButton.isDisabled()).toBe(true);
    await section.getByRole('button', { name: 'Preview import' }).click();
    await section.getByTestId('import-errors').waitFor({ state: 'detached' });
    expect(await section.getByTestId('import-counts').textContent()).toBe(
      '2 rows read as Markdown: 2 initiatives to create, 0 to update, 0 unchanged, 1 new phase.',
    );
    expect(await section.getByTestId('import-new-phase-item').textContent()).toContain('Hardening');
    expect(await section.getByTestId('import-create-item').allTextContents()).toEqual([
      expect.stringContaining('Shard the events table'),
      expect.stringContaining('Rotate every service credential'),
    ]);
    const ready = section.getByRole('button', { name: 'Import 2 initiatives' });
    expect(await ready.isEnabled()).toBe(true);
    await ready.click();

    await section.getByTestId('import-success').waitFor();
    expect(await section.getByLabel('Table to import').inputValue()).toBe('');

    // Export Markdown: downloaded as a file and shown to copy, with the imported initiatives in it.
    const download = session.page.waitForEvent('download');
    await section.getByRole('button', { name: 'Export Markdown' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('TR-technical-roadmap.md');
    const exported = section.getByLabel('Exported table');
    await exported.waitFor();
    const markdown = await exported.inputValue();
    expect(markdown.split('\n')[0]).toMatch(/^\| Phase \| Initiative \| Goal \| Success metric \| Target quarter \|/);
    expect(markdown).toMatch(/\| Hardening \| Rotate every service credential \| Limit blast radius \| No credential older than 90 days \| Q2 2027 \|/);
    expect(markdown).toContain('| Shard the events table |');
    expect(await exported.getAttribute('readonly')).not.toBeNull();
    expect(fs.readFileSync(await file.path(), 'utf8')).toBe(markdown);

    await openView(app(), 'board');
    await card('Rotate every service credential').waitFor();
    expect(await card('Rotate every service credential').textContent()).toContain('Hardening · Q2 2027');
    expect(await card('Shard the events table').textContent()).toContain('Scale · Q1 2027');
    await openView(app(), 'phases');
    expect(await app().getByTestId('phase').filter({ hasText: 'Hardening' }).count()).toBe(1);
  });

  it('in replace mode lists what would be removed and imports only once the removal is acknowledged', async () => {
    await open('admin', 'import-export');
    const section = app().getByTestId('import-export');
    await section.getByRole('button', { name: 'Export Markdown' }).click();
    const markdown = await section.getByLabel('Exported table').inputValue();
    const lines = markdown.trimEnd().split('\n');
    const dropped = 'Parallelize CI pipeline';
    const kept = lines
      .filter((line) => !line.includes(`| ${dropped} |`))
      .map((line) => line.replace('| Shard the events table | Keep writes fast |', '| Shard the events table | Keep writes under 50 ms |'));
    expect(kept.length).toBe(lines.length - 1);

    await section.getByLabel('Table to import').fill(kept.join('\n'));
    await section.getByLabel('Mode').selectOption({ label: 'Replace' });
    await section.getByRole('button', { name: 'Preview import' }).click();
    const removals = section.getByTestId('import-removal-item');
    await removals.first().waitFor();
    expect(await removals.allTextContents()).toEqual([expect.stringContaining(dropped)]);
    const update = section.getByTestId('import-update-item');
    expect(await update.count()).toBe(1);
    expect(await update.getByTestId('import-change').textContent()).toBe('Goal: Keep writes fast → Keep writes under 50 ms');
    expect(await section.getByTestId('import-errors').count()).toBe(0);
    const confirm = section.getByLabel('I understand 1 initiative will be removed');
    expect(await confirm.isChecked()).toBe(false);
    const importButton = section.getByRole('button', { name: 'Import 1 initiative', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    expect(await section.getByTestId('import-blocked').textContent()).toBe('Confirm the removals to import.');

    await confirm.check();
    expect(await importButton.isEnabled()).toBe(true);
    await importButton.click();
    await section.getByTestId('import-success').waitFor();
    expect(await section.getByTestId('import-success').textContent()).toBe('Imported the table: 0 created, 1 updated, 1 removed.');
    await openView(app(), 'board');
    await app().getByTestId('initiative-card').first().waitFor();
    expect(await card(dropped).count()).toBe(0);
    expect(await card('Rotate every service credential').count()).toBe(1);
  });
});
