import { DEMO_USERS } from '../../dev/jira';
import type { Result, RoadmapView } from '../../src/domain/api';
import { healthOfView } from '../../src/domain/view-health';
import { openView, projectPageUrl, useBrowserSession, waitForView } from './harness';

const ADMIN = { accountId: DEMO_USERS.admin.accountId, extension: { type: 'jira:projectPage', project: { id: '10000', key: 'TR' } } };
const DEBT = 'Month-end reports run on the primary database';
const TITLE = 'Run month-end reports on a read replica';
const GOAL = 'Handle 3x traffic for the enterprise launch';

/**
 * The seeds' six-step process, end to end in the app as one engineering lead would run it on the rich demo: see the
 * audit (the debt register) and promote what matters, trace it to a business goal, prioritise it on the matrix,
 * reserve the buffer, sequence it on the board and the timeline, and share the executive one-pager in Confluence.
 * Every step goes through the real UI; each check compares with the domain's answer for the stored roadmap.
 */
describe("the seeds' six steps, in the app", () => {
  const session = useBrowserSession({ seed: 'rich' });
  const app = () => session.app();
  const editor = () => app().getByTestId('initiative-editor');

  async function stored(): Promise<RoadmapView> {
    const answer = (await session.host.forge.invoke('getRoadmapView', {}, ADMIN)) as Result<RoadmapView>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  }
  const initiative = async () => (await stored()).initiatives.find((i) => i.title === TITLE)!;
  async function open(view: 'debt' | 'executive' | 'priorities' | 'settings' | 'capacity' | 'board' | 'timeline') {
    await session.page.setViewportSize({ width: 1400, height: 1000 });
    await session.page.goto(projectPageUrl(session.host, { user: 'admin', view }));
    await waitForView(app(), view);
  }

  it('1–2: the audit becomes an initiative, traced to a business goal', async () => {
    // Step 2 of the seeds (identify debt and risks): the register ranks the audit's findings; promote one.
    await open('debt');
    const item = app().getByTestId('debt-item').filter({ hasText: DEBT });
    await item.getByRole('button', { name: `Promote “${DEBT}”` }).click();
    const promote = app().getByTestId('promote-form');
    await promote.getByLabel('Initiative title').fill(TITLE);
    await promote.getByLabel('Success metric').fill('Primary database load at month end');
    await promote.getByRole('button', { name: 'Promote to initiative' }).click();
    await promote.waitFor({ state: 'detached' });
    await app().getByTestId('debt-promoted-list').getByTestId('debt-item').filter({ hasText: DEBT }).waitFor();

    // Step 3 (align with business goals): the one-pager lists it as not traced; open it and trace it.
    const { id } = await initiative();
    await openView(app(), 'executive');
    const untraced = app().getByTestId('executive-untraced').locator(`[data-testid="executive-initiative"][data-initiative-id="${id}"]`);
    await untraced.getByRole('button', { name: TITLE }).click();
    await editor().waitFor();
    expect(await editor().getAttribute('data-initiative-id')).toBe(id);
    const group = (name: RegExp) => editor().getByRole('button', { name });
    if ((await group(/^Outcome and business goals/).getAttribute('aria-expanded')) !== 'true') await group(/^Outcome and business goals/).click();
    await editor().getByLabel(GOAL).check();
    if ((await group(/^Prioritisation/).getAttribute('aria-expanded')) !== 'true') await group(/^Prioritisation/).click();
    await editor().getByLabel('Effort').fill('4');
    await editor().getByLabel('Reach').fill('900');
    await editor().getByLabel('Impact').selectOption({ label: 'High (2)' });
    await editor().getByLabel('Confidence').fill('80');
    await editor().getByRole('button', { name: 'Save changes' }).click();
    await editor().waitFor({ state: 'detached' });

    const goalId = (await stored()).businessGoals.find((g) => g.title === GOAL)!.id;
    await app().locator(`[data-testid="executive-goal"][data-goal-id="${goalId}"] [data-testid="executive-initiative"][data-initiative-id="${id}"]`).waitFor();
    expect(await app().getByTestId('executive-untraced').locator(`[data-initiative-id="${id}"]`).count()).toBe(0);
  });

  it('3: it is prioritised on the cost-vs-impact matrix, in the quadrant the domain computes', async () => {
    const view = await stored();
    const { id } = view.initiatives.find((i) => i.title === TITLE)!;
    const placement = healthOfView(view, new Date()).costImpact.placements.find((p) => p.initiativeId === id)!;
    expect(placement.quadrant).not.toBe('unscored');
    await open('priorities');
    const point = app().locator(`[data-testid="matrix-point"][data-initiative-id="${id}"]`);
    await point.waitFor();
    expect(await point.getAttribute('data-quadrant')).toBe(placement.quadrant);
  });

  it('4: the buffer is reserved in Settings, and the capacity chart keeps it in every quarter', async () => {
    await open('settings');
    await app().getByRole('button', { name: 'Edit settings' }).click();
    const form = app().getByTestId('settings-form');
    await form.getByLabel('Buffer %').fill('30');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.waitFor({ state: 'detached' });

    const view = await stored();
    expect(view.capacity.bufferPercent).toBe(30);
    const quarters = healthOfView(view, new Date()).capacity.quarters;
    await open('capacity');
    const bars = app().getByTestId('capacity-bar');
    await bars.first().waitFor();
    const drawn = await bars.evaluateAll((els) => els.map((el) => [el.getAttribute('data-quarter'), Number(el.getAttribute('data-buffer-kept'))]));
    expect(drawn).toEqual(quarters.map((q) => [q.quarter, q.bufferKept]));
    for (const q of quarters) expect(q.bufferKept).toBeCloseTo(q.capacity * 0.3, 6);
  });

  it('5: it is sequenced on the board, and the timeline shows it in its new quarter', async () => {
    const before = await initiative();
    const to = before.horizon === 'later' ? 'Next' : 'Later';
    await open('board');
    await app()
      .getByTestId('initiative-card')
      .filter({ hasText: TITLE })
      .getByRole('button', { name: `Move “${TITLE}”` })
      .click();
    const move = app().getByTestId('move-form');
    await move.getByRole('radio', { name: to }).check();
    await move.getByLabel('Why is it moving?').fill('The replica budget lands with the enterprise launch');
    await move.getByRole('button', { name: 'Move initiative' }).click();
    await move.waitFor({ state: 'detached' });

    const after = await initiative();
    expect(after.horizon).toBe(to.toLowerCase());
    expect(after.targetQuarter).not.toBe(before.targetQuarter);
    await openView(app(), 'timeline');
    const bar = app().locator(`[data-testid="timeline-initiative"][data-initiative-id="${after.id}"]`);
    await bar.waitFor();
    expect(await bar.getAttribute('data-quarter')).toBe(after.targetQuarter);
  });

  it('6: the executive one-pager is shared in Confluence, showing the traced initiative under its goal', async () => {
    const view = await stored();
    const { id } = view.initiatives.find((i) => i.title === TITLE)!;
    const goalId = view.businessGoals.find((g) => g.title === GOAL)!.id;
    await session.configureMacro(60, 'TR', 'Executive one-pager');
    await app().locator(`[data-testid="executive-goal"][data-goal-id="${goalId}"] [data-testid="executive-initiative"][data-initiative-id="${id}"]`).waitFor();
    // The reader of the page, who may only browse TR, sees it too.
    await session.page.goto(`${session.host.url}/confluence/pages/60?user=outsider`);
    await app().locator(`[data-testid="executive-initiative"][data-initiative-id="${id}"]`).first().waitFor();
  });
});
