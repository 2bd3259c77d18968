import fs from 'node:fs';
import { DEMO_EPICS, DEMO_USERS } from '../../dev/jira';
import type { ChangelogPage, Result, RoadmapView } from '../../src/domain/api';
import { addQuarters, quarterLabel, quarterOf } from '../../src/domain/quarter';
import { expectNoSeriousViolations } from './a11y';
import { projectPageUrl, useBrowserSession } from './harness';

const PROJECT_ID = '10000';
const ADMIN = { accountId: DEMO_USERS.admin.accountId, extension: { type: 'jira:projectPage', project: { id: PROJECT_ID, key: 'TR' } } };
const SCREENS = '/tmp/team/screens';

/**
 * The initiative dialog (issue 8): create and edit in one modal with every field, in Chromium through the bridge and
 * the real resolvers, on the demo roadmap (Foundation / Scale / Velocity, two initiatives each). The tests share one
 * host and run in order: each starts from what the one before saved.
 */
describe('the initiative dialog', () => {
  const session = useBrowserSession();
  const app = () => session.app();
  const card = (title: string) => app().getByTestId('initiative-card').filter({ hasText: title });
  const dialog = () => app().getByTestId('initiative-editor');
  const group = (name: RegExp) => dialog().getByRole('button', { name });
  const writes = () => session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0;
  const thisQuarter = quarterOf(new Date());
  const nextQuarter = addQuarters(thisQuarter, 1);
  const authTitle = 'Retire the legacy auth service';

  async function view(): Promise<RoadmapView> {
    const answer = (await session.host.forge.invoke('getRoadmapView', {}, ADMIN)) as Result<RoadmapView>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  }
  const storedInitiative = async (title: string) => (await view()).initiatives.find((i) => i.title === title);
  async function changes(limit: number) {
    const page = (await session.host.forge.invoke('getChangelog', { limit }, ADMIN)) as Result<ChangelogPage>;
    if (!page.ok) throw new Error(page.error.message);
    return page.value.changes;
  }
  /** A write as the admin through the real resolver (setting the stage, not what a test proves). */
  async function adminWrite(key: string, payload: Record<string, unknown>) {
    const answer = (await session.host.forge.invoke(key, { baseRevision: (await view()).revision, ...payload }, ADMIN)) as Result<unknown>;
    if (!answer.ok) throw new Error(answer.error.message);
  }
  async function open(user: 'admin' | 'member' | 'outsider', theme?: 'light' | 'dark') {
    await session.page.setViewportSize({ width: 1280, height: 900 });
    await session.page.goto(projectPageUrl(session.host, { user, theme }));
    await app().getByTestId('initiative-card').first().waitFor();
  }
  async function openCreate() {
    await app().getByTestId('page-header').getByRole('button', { name: 'Add initiative' }).click();
    await dialog().waitFor();
  }
  async function openEdit(title: string) {
    await card(title)
      .getByRole('button', { name: `Edit “${title}”` })
      .click();
    await dialog().waitFor();
  }
  /** Opens a collapsed group of the dialog by its heading's button. */
  async function expand(name: RegExp) {
    if ((await group(name).getAttribute('aria-expanded')) !== 'true') await group(name).click();
  }
  const expectAccessible = (selector: string) => expectNoSeriousViolations(session.page, selector);
  /**
   * Saves a picture of the open dialog as a user sees it with the host page at its top (Playwright scrolls the host
   * to reach a control in a tall frame); `showing`: scrolls the dialog's body until that part is in view.
   */
  async function shoot(name: string, showing?: ReturnType<typeof dialog>) {
    await showing?.evaluate((el) => {
      const body = el.ownerDocument.querySelector('[data-testid="initiative-editor-dialog--scrollable"]')!;
      body.scrollTop += el.getBoundingClientRect().bottom - body.getBoundingClientRect().bottom + 16;
    });
    await session.page.evaluate(() => window.scrollTo(0, 0));
    fs.mkdirSync(SCREENS, { recursive: true });
    await app()
      .getByTestId('initiative-editor-dialog')
      .screenshot({ path: `${SCREENS}/${name}.png`, animations: 'disabled' });
  }

  it('an admin creates an initiative with owner, business goal, effort, RICE, a dependency and an epic in one dialog', async () => {
    await adminWrite('saveSettings', {
      settings: {
        businessGoals: [
          { title: 'Cut production incidents in half', metric: 'P1/P2 incidents per quarter: 12 → 6' },
          { title: 'Ship customer features faster', metric: 'Lead time for changes under 2 days' },
        ],
      },
    });
    const epic = DEMO_EPICS.find((e) => e.key === 'TR-28')!;
    await open('admin');
    const cardsBefore = await app().getByTestId('initiative-card').count();
    await openCreate();
    // The title has focus; the common case is short: Basics open, the other groups one click away.
    expect(
      await dialog()
        .getByLabel('Title', { exact: true })
        .evaluate((el) => el === el.ownerDocument.activeElement),
    ).toBe(true);
    expect(await group(/^Prioritisation/).getAttribute('aria-expanded')).toBe('false');
    expect(await group(/^Dependencies/).textContent()).toContain('None');

    await dialog().getByLabel('Title', { exact: true }).fill(authTitle);
    await dialog().getByLabel('Goal', { exact: true }).fill('One identity provider for every service');
    await dialog().getByLabel('Success metric').fill('Logins through the legacy service');
    await dialog().getByLabel('Phase').selectOption({ label: 'Scale' });
    await dialog().getByLabel('Target quarter').fill(quarterLabel(nextQuarter));
    await dialog().getByLabel('Track').selectOption({ label: 'Security' });
    await dialog().getByLabel('Owner').fill('max');
    await dialog().getByRole('button', { name: 'Choose Max Member' }).click();
    expect(await dialog().getByTestId('person').first().textContent()).toContain('Max Member');

    await expand(/^Outcome and business goals/);
    await dialog().getByLabel('Current').fill('1200');
    await dialog().getByLabel('Target', { exact: true }).fill('0');
    await dialog().getByLabel('Unit').fill('logins a day');
    await dialog().getByLabel('Cut production incidents in half').check();

    await expand(/^Prioritisation/);
    await dialog().getByLabel('Reach').fill('200');
    await dialog().getByLabel('Impact').selectOption({ label: 'High (2)' });
    await dialog().getByLabel('Confidence').fill('50');
    // One effort: RICE divides by Effort, so without it there is no score, and saving says so on Effort.
    expect(await dialog().getByTestId('rice-score-value').textContent()).toBe('—');
    expect(await dialog().getByTestId('rice-score').textContent()).toContain('Needs Effort');
    const before = writes();
    await dialog().getByRole('button', { name: 'Add initiative' }).click();
    const effortError = dialog().getByTestId('create-initiative-effort-error');
    await effortError.waitFor();
    expect(await effortError.textContent()).toContain('RICE score divides by it');
    expect(writes()).toBe(before);
    await dialog().getByLabel('Effort', { exact: true }).fill('8');
    // 200 × 2 × 50 % ÷ 8, live.
    expect(await dialog().getByTestId('rice-score-value').textContent()).toBe('25');
    await dialog().getByLabel('Risk reduction').selectOption({ label: '3 — high' });
    await dialog().getByLabel('Reversibility').selectOption({ label: 'Costly to reverse' });

    await expand(/^Dependencies/);
    // Earlier work: nothing to warn about.
    await dialog().getByLabel('Upgrade Node.js to v22 LTS').check();
    expect(await dialog().getByTestId('dependency-warnings').count()).toBe(0);
    await expand(/^Epics/);
    await dialog().getByLabel('Epic keys').fill(epic.key.toLowerCase());

    const changesBefore = (await changes(50)).length;
    await dialog().getByRole('button', { name: 'Add initiative' }).click();
    // Once it lands the dialog closes, the host announces it, and the card shows what was entered.
    await dialog().waitFor({ state: 'detached' });
    await session.page
      .getByTestId('host-flag')
      .filter({ hasText: `Added initiative "${authTitle}"` })
      .waitFor();
    await card(authTitle).waitFor();
    expect(await app().getByTestId('initiative-card').count()).toBe(cardsBefore + 1);
    const text = await card(authTitle).textContent();
    for (const shown of ['Max Member', 'RICE 25', 'Cut production incidents in half', '1 linked epic', 'Scale']) expect(text).toContain(shown);
    // The metric, current → target (however the card groups the digits).
    expect(text).toMatch(/1,?200 → 0 logins a day/);
    expect(text).not.toContain('557058:');
    expect(await app().getByTestId('horizon-next').getByText(authTitle).count()).toBe(1);

    const stored = await storedInitiative(authTitle);
    const scale = (await view()).phases.find((p) => p.name === 'Scale')!;
    expect(stored).toMatchObject({
      phaseId: scale.id,
      targetQuarter: nextQuarter,
      goal: 'One identity provider for every service',
      successMetric: { description: 'Logins through the legacy service', current: 1200, target: 0, unit: 'logins a day' },
      track: 'security',
      status: 'proposed',
      ownerAccountId: DEMO_USERS.member.accountId,
      effort: 8,
      rice: { reach: 200, impact: 2, confidence: 50, effort: 8 },
      riskReduction: 3,
      reversibility: 'costly-to-reverse',
      businessGoalIds: ['G-1'],
      dependsOn: ['I-1'],
      epicIds: [epic.id],
    });
    // One write: one transaction, one change record.
    expect(writes()).toBe(before + 1);
    const after = await changes(50);
    expect(after.length).toBe(changesBefore + 1);
    expect(after[0].summary).toBe(`Added initiative "${authTitle}"`);
  });

  it('editing: the RICE score follows typing; a stored RICE effort unlike Effort is explained, and the save aligns them', async () => {
    const replicas = 'Migrate primary DB to read replicas';
    const id = (await storedInitiative(replicas))!.id;
    // Recorded before the two were one field: RICE divided by 4, Effort says 6.
    await adminWrite('updateInitiative', { initiativeId: id, patch: { effort: 6, rice: { reach: 300, impact: 1, confidence: 80, effort: 4 } } });
    await open('member');
    await openEdit(replicas);
    const notice = dialog().getByTestId('rice-effort-mismatch');
    expect(await notice.textContent()).toContain('divides by an effort of 4 person-weeks, but Effort is 6 person-weeks');
    // The form scores with Effort: 300 × 1 × 80 % ÷ 6.
    expect(await dialog().getByTestId('rice-score-value').textContent()).toBe('40');
    await dialog().getByLabel('Reach').fill('600');
    expect(await dialog().getByTestId('rice-score-value').textContent()).toBe('80');
    await dialog().getByLabel('Reach').fill('60');
    expect(await dialog().getByTestId('rice-score-value').textContent()).toBe('8');
    await dialog().getByLabel('Effort', { exact: true }).fill('3');
    expect(await dialog().getByTestId('rice-score-value').textContent()).toBe('16');
    await dialog().getByLabel('Confidence').fill('');
    expect(await dialog().getByTestId('rice-score-value').textContent()).toBe('—');
    await dialog().getByLabel('Confidence').fill('100');
    expect(await dialog().getByTestId('rice-score-value').textContent()).toBe('20');
    await dialog().getByRole('button', { name: 'Save changes' }).click();
    await dialog().waitFor({ state: 'detached' });
    await card(replicas).filter({ hasText: 'RICE 20' }).waitFor();
    const saved = await storedInitiative(replicas);
    expect(saved?.effort).toBe(3);
    expect(saved?.rice).toEqual({ reach: 60, impact: 1, confidence: 100, effort: 3 });
    expect((await changes(1))[0].diffs.map((d) => d.field).sort()).toEqual(['effort', 'rice']);
  });

  it('warns before saving about a dependency on later work, and saving it anyway is allowed', async () => {
    const logging = 'Centralize logging';
    await open('member');
    await openEdit(logging);
    expect(await dialog().getByTestId('dependency-warnings').count()).toBe(0);
    await dialog().getByLabel('Parallelize CI pipeline').check();
    const warnings = dialog().getByTestId('dependency-warning');
    await warnings.first().waitFor();
    expect(await warnings.allTextContents()).toEqual([`“${logging}” is in Now but depends on “Parallelize CI pipeline”, which is in Later.`]);
    expect(await dialog().getByTestId('dependency-warnings').getAttribute('role')).not.toBe('alert');
    // Unticking it takes the warning away; ticking it again brings it back.
    await dialog().getByLabel('Parallelize CI pipeline').uncheck();
    await dialog().getByTestId('dependency-warnings').waitFor({ state: 'detached' });
    await dialog().getByLabel('Parallelize CI pipeline').check();
    await dialog().getByTestId('dependency-warnings').waitFor();
    await dialog().getByRole('button', { name: 'Save changes' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect((await storedInitiative(logging))?.dependsOn).toEqual([(await storedInitiative('Parallelize CI pipeline'))!.id]);
  });

  it('warns about a dependency that closes a cycle; Escape with changes asks before discarding, and nothing is written', async () => {
    const node = 'Upgrade Node.js to v22 LTS';
    await open('admin');
    await openEdit(node);
    const before = writes();
    // The new initiative depends on this one: depending on it back closes a cycle (and it is later work, too).
    await dialog().getByLabel(authTitle).check();
    const warnings = dialog().getByTestId('dependency-warning');
    await warnings.first().waitFor();
    expect(await warnings.allTextContents()).toEqual([
      `Dependency cycle: “${node}” → “${authTitle}” → “${node}”. None of them can start first.`,
      `“${node}” is in Now but depends on “${authTitle}”, which is in Next.`,
    ]);
    expect(await dialog().getByTestId('dependency-warning').first().getAttribute('data-kind')).toBe('cycle');

    await dialog().getByLabel(authTitle).press('Escape');
    const confirm = dialog().getByTestId('discard-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Discard your changes?');
    await confirm.getByRole('button', { name: 'Keep editing' }).click();
    expect(await dialog().getByLabel(authTitle).isChecked()).toBe(true);
    await dialog().getByLabel('Title', { exact: true }).press('Escape');
    await dialog().getByTestId('discard-confirm').getByRole('button', { name: 'Discard' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(writes()).toBe(before);
    expect((await storedInitiative(node))?.dependsOn).toEqual([]);
  });

  it('a member creates and edits; the outsider (read-only) has no Add initiative and no Edit', async () => {
    await open('member');
    await openCreate();
    await dialog().getByLabel('Title', { exact: true }).fill('Adopt contract tests');
    await dialog().getByLabel('Success metric').fill('Every public API has a consumer contract');
    await dialog().getByRole('button', { name: 'Add initiative' }).click();
    await dialog().waitFor({ state: 'detached' });
    await card('Adopt contract tests').waitFor();
    const created = await storedInitiative('Adopt contract tests');
    // Defaults: the first phase, next quarter, proposed; nothing estimated.
    expect(created).toMatchObject({ targetQuarter: nextQuarter, status: 'proposed', effort: null, rice: null, ownerAccountId: null });

    await openEdit('Adopt contract tests');
    await dialog().getByLabel('Goal', { exact: true }).fill('Break no consumer on deploy');
    await dialog().getByRole('button', { name: 'Save changes' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect((await storedInitiative('Adopt contract tests'))?.goal).toBe('Break no consumer on deploy');

    await open('outsider');
    expect(await app().getByRole('button', { name: 'Add initiative' }).count()).toBe(0);
    expect(await app().getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(await app().getByTestId('initiative-editor').count()).toBe(0);
    expect(await card('Adopt contract tests').count()).toBe(1);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`the create and edit dialogs pass axe-core and are screenshotted (${theme} theme)`, async () => {
      await open('admin', theme);
      await openCreate();
      await dialog().getByLabel('Title', { exact: true }).fill('Harden the API gateway');
      await shoot(`editor-create-${theme}`);
      await expectAccessible('[data-testid="initiative-editor-dialog"]');
      // Every group open: their inputs are checked too.
      for (const name of [/^Outcome and business goals/, /^Prioritisation/, /^Dependencies/, /^Epics/]) await expand(name);
      await dialog().getByLabel('Effort', { exact: true }).fill('5');
      await dialog().getByLabel('Reach').fill('100');
      await dialog().getByLabel('Impact').selectOption({ label: 'Medium (1)' });
      await dialog().getByLabel('Confidence').fill('50');
      expect(await dialog().getByTestId('rice-score-value').textContent()).toBe('10');
      await shoot(`editor-create-rice-${theme}`, dialog().getByTestId('rice-score'));
      await expectAccessible('[data-testid="initiative-editor-dialog"]');
      await dialog().getByRole('button', { name: 'Cancel' }).click();
      await dialog().getByTestId('discard-confirm').getByRole('button', { name: 'Discard' }).click();
      await dialog().waitFor({ state: 'detached' });

      await openEdit(authTitle);
      await shoot(`editor-edit-top-${theme}`);
      // A warning showing, so its colours are checked as well.
      await dialog().getByLabel('Parallelize CI pipeline').check();
      await dialog().getByTestId('dependency-warnings').waitFor();
      await shoot(`editor-edit-${theme}`, dialog().getByTestId('dependency-warnings'));
      await expectAccessible('[data-testid="initiative-editor-dialog"]');
    });
  }
});
