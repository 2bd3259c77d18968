import fs from 'node:fs';
import path from 'node:path';
import { DEMO_EPICS, DEMO_PROJECTS } from '../../dev/jira';
import type { MutationResult, Result, RoadmapView } from '../../src/domain/api';
import { expectNoSeriousViolations } from './a11y';
import { useBrowserSession } from './harness';

const SCREENS = '/tmp/team/screens';

const TR = DEMO_PROJECTS.TR;
const PAY = DEMO_PROJECTS.PAY;
const ADMIN_ID = '557058:aaaa-admin';
const epic = (key: string) => {
  const found = DEMO_EPICS.find((e) => e.key === key);
  if (!found) throw new Error(`No demo epic ${key}`);
  return found;
};
/** Seeded unlinked: the demo roadmap links only the epics named like its six template initiatives. */
const TRACING = epic('TR-32');
const AUTH = epic('TR-28');
const NODE = epic('TR-1');
const PCI = epic('PAY-1');

/**
 * The issue side panel linking and unlinking its epic, in Chromium against the real resolvers on the local host,
 * seeded with the demo roadmap (TR-1…TR-24 serve the six template initiatives; TR-28 and TR-32 serve none).
 */
describe('issue panel: link and unlink an epic', () => {
  const session = useBrowserSession();
  const app = () => session.app();
  const panel = () => app().getByTestId('issue-panel');
  const writes = () => session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0;
  /** Waits for the panel to have loaded the issue's context (it shows one of its three states). */
  async function openIssue(key: string, user: 'admin' | 'member' | 'outsider') {
    await session.page.goto(`${session.host.url}/jira/browse/${key}?user=${user}`);
    await panel().locator('[data-testid="linked-initiative-title"], [data-testid="not-linked"]').first().waitFor();
  }
  async function linkedEpicCount(title: string): Promise<string | null> {
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=member`);
    const card = app().getByTestId('initiative-card').filter({ hasText: title });
    await card.waitFor();
    return card.getByTestId('epic-count').textContent();
  }
  /** A write straight through the resolvers, as the admin on the TR project page, against the current revision. */
  async function adminWrite(key: string, payload: Record<string, unknown>): Promise<MutationResult> {
    const context = { accountId: ADMIN_ID, extension: { type: 'jira:projectPage', project: { id: TR.id, key: TR.key } } };
    const view = (await session.host.forge.invoke('getRoadmapView', {}, context)) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    const result = (await session.host.forge.invoke(key, { baseRevision: view.value.revision, ...payload }, context)) as Result<MutationResult>;
    if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
    return result.value;
  }

  it('lets a member link an unlinked epic to an initiative, then unlink it with a reason the changelog records', async () => {
    expect(await linkedEpicCount('Centralize logging')).toBe('1 linked epic');
    expect(await session.host.forge.deps.store.getEpicLinks(TRACING.id)).toEqual([]);

    await openIssue(TRACING.key, 'member');
    const form = panel().getByTestId('link-form');
    await form.waitFor();
    const select = form.getByLabel('Initiative');
    expect(await select.evaluate((el) => el.tagName)).toBe('SELECT');
    // One option per open initiative, as "Title — Phase · Horizon", after the placeholder.
    const options = await select.locator('option').allTextContents();
    expect(options).toHaveLength(7);
    expect(options[0]).toBe('Choose an initiative…');
    expect(options).toContain('Centralize logging — Foundation · Now');
    expect(options).toContain('Parallelize CI pipeline — Velocity · Later');

    // Nothing chosen: told beside the field, nothing written.
    const writesBefore = writes();
    await form.getByRole('button', { name: 'Link to initiative' }).click();
    await form.getByTestId('link-initiativeId-error').waitFor();
    expect(await form.getByTestId('link-initiativeId-error').textContent()).toBe('Choose an initiative');
    expect(await select.getAttribute('aria-invalid')).toBe('true');
    expect(writes()).toBe(writesBefore);

    await select.selectOption({ label: 'Centralize logging — Foundation · Now' });
    expect(await form.getByTestId('link-initiativeId-error').count()).toBe(0);
    await form.getByRole('button', { name: 'Link to initiative' }).click();
    await panel().getByTestId('linked-initiative-title').waitFor();
    expect(await panel().getByTestId('linked-initiative-title').textContent()).toBe('Centralize logging');
    expect(await panel().getByTestId('link-form').count()).toBe(0);
    expect(await panel().textContent()).toContain('Foundation');
    expect(await panel().getByTestId('panel-announcement').textContent()).toBe('Linked to “Centralize logging”.');
    expect(await session.host.forge.deps.store.getEpicLinks(TRACING.id)).toEqual([{ issueId: TRACING.id, projectId: TR.id, initiativeId: 'I-2' }]);

    // Stored, not just shown: a fresh load of the panel, and the project page's card, agree.
    await openIssue(TRACING.key, 'member');
    expect(await panel().getByTestId('linked-initiative-title').textContent()).toBe('Centralize logging');
    expect(await linkedEpicCount('Centralize logging')).toBe('2 linked epics');

    await openIssue(TRACING.key, 'member');
    expect(await panel().getByTestId('unlink-form').count()).toBe(0);
    expect(await panel().getByLabel('Why unlink?').count()).toBe(0);
    await panel().getByRole('button', { name: 'Unlink', exact: true }).click();
    const unlinkForm = panel().getByTestId('unlink-form');
    await unlinkForm.waitFor();
    // The reason field takes the focus when it opens.
    expect(await unlinkForm.getByLabel('Why unlink?').evaluate((el) => el === document.activeElement)).toBe(true);
    const reason = 'Tracing is its own initiative next quarter';
    await unlinkForm.getByLabel('Why unlink?').fill(reason);
    await unlinkForm.getByRole('button', { name: 'Confirm unlink' }).click();
    await panel().getByTestId('link-form').waitFor();
    expect(await panel().getByTestId('linked-initiative-title').count()).toBe(0);
    expect(await panel().getByTestId('not-linked').count()).toBe(1);
    expect(await panel().getByTestId('panel-announcement').textContent()).toBe('Unlinked from “Centralize logging”.');
    expect(await session.host.forge.deps.store.getEpicLinks(TRACING.id)).toEqual([]);

    const { changes } = await session.host.forge.deps.store.listChanges(TR.id, { limit: 1 });
    expect(changes).toHaveLength(1);
    expect(changes[0].reason).toBe(reason);
    expect(changes[0].accountId).toBe('557058:bbbb-member');
    expect(changes[0].diffs).toEqual([
      expect.objectContaining({ entity: 'initiative', id: 'I-2', field: 'epicIds', before: ['20006', TRACING.id], after: ['20006'] }),
    ]);
    expect(await linkedEpicCount('Centralize logging')).toBe('1 linked epic');
  });

  it('unlinks without a reason when none is given, and Cancel or Escape leave the link alone', async () => {
    await adminWrite('updateInitiative', { initiativeId: 'I-5', patch: {}, epicKeys: [AUTH.key] });
    await openIssue(AUTH.key, 'member');
    expect(await panel().getByTestId('linked-initiative-title').textContent()).toBe('Adopt feature flags');

    const unlink = panel().getByRole('button', { name: 'Unlink', exact: true });
    await unlink.click();
    await panel().getByRole('button', { name: 'Cancel' }).click();
    expect(await panel().getByTestId('unlink-form').count()).toBe(0);
    await unlink.click();
    await panel().getByLabel('Why unlink?').press('Escape');
    expect(await panel().getByTestId('unlink-form').count()).toBe(0);
    expect(await session.host.forge.deps.store.getEpicLinks(AUTH.id)).toEqual([{ issueId: AUTH.id, projectId: TR.id, initiativeId: 'I-5' }]);

    await unlink.click();
    await panel().getByRole('button', { name: 'Confirm unlink' }).click();
    await panel().getByTestId('link-form').waitFor();
    expect(await session.host.forge.deps.store.getEpicLinks(AUTH.id)).toEqual([]);
    const { changes } = await session.host.forge.deps.store.listChanges(TR.id, { limit: 1 });
    expect(changes[0].reason).toBeNull();
  });

  it('warns with a Reload action when the roadmap changed since the panel loaded, and links after reloading', async () => {
    await openIssue(TRACING.key, 'member');
    const form = panel().getByTestId('link-form');
    await form.waitFor();
    // Someone else saves a change: the panel's revision is now stale.
    await adminWrite('markReviewed', {});

    const writesBefore = writes();
    await form.getByLabel('Initiative').selectOption({ label: 'Adopt feature flags — Velocity · Later' });
    await form.getByRole('button', { name: 'Link to initiative' }).click();
    const warning = form.getByTestId('error-message');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('The roadmap changed since this panel loaded');
    expect(await warning.textContent()).toContain('Reviewed the roadmap');
    expect(writes()).toBe(writesBefore);
    expect(await session.host.forge.deps.store.getEpicLinks(TRACING.id)).toEqual([]);

    await warning.getByRole('button', { name: 'Reload' }).click();
    await warning.waitFor({ state: 'detached' });
    // The choice survives the reload; linking now goes through.
    expect(await form.getByLabel('Initiative').inputValue()).toBe('I-5');
    await form.getByRole('button', { name: 'Link to initiative' }).click();
    await panel().getByTestId('linked-initiative-title').filter({ hasText: 'Adopt feature flags' }).waitFor();
    expect(await session.host.forge.deps.store.getEpicLinks(TRACING.id)).toEqual([{ issueId: TRACING.id, projectId: TR.id, initiativeId: 'I-5' }]);
  });

  it('after an unlink, a conflicting link still shows the Reload warning (the panel never rebases onto a roadmap)', async () => {
    // The test before left TR-32 serving "Adopt feature flags".
    await openIssue(TRACING.key, 'member');
    expect(await panel().getByTestId('linked-initiative-title').textContent()).toBe('Adopt feature flags');
    await panel().getByRole('button', { name: 'Unlink', exact: true }).click();
    await panel().getByTestId('unlink-form').getByRole('button', { name: 'Confirm unlink' }).click();
    const form = panel().getByTestId('link-form');
    await form.waitFor();
    // Someone else saves a change: the revision the unlink's answer carried is now stale.
    await adminWrite('markReviewed', {});

    await form.getByLabel('Initiative').selectOption({ label: 'Centralize logging — Foundation · Now' });
    await form.getByRole('button', { name: 'Link to initiative' }).click();
    const warning = form.getByTestId('error-message');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('The roadmap changed since this panel loaded');
    expect(await session.host.forge.deps.store.getEpicLinks(TRACING.id)).toEqual([]);

    await warning.getByRole('button', { name: 'Reload' }).click();
    await warning.waitFor({ state: 'detached' });
    await form.getByRole('button', { name: 'Link to initiative' }).click();
    await panel().getByTestId('linked-initiative-title').filter({ hasText: 'Centralize logging' }).waitFor();
    expect(await session.host.forge.deps.store.getEpicLinks(TRACING.id)).toEqual([{ issueId: TRACING.id, projectId: TR.id, initiativeId: 'I-2' }]);
  });

  it('shows the outsider (browse only) the linked initiative but no Unlink button', async () => {
    await openIssue(NODE.key, 'outsider');
    expect(await panel().getByTestId('linked-initiative-title').textContent()).toBe('Upgrade Node.js to v22 LTS');
    expect(await panel().getByRole('button', { name: 'Unlink' }).count()).toBe(0);
    expect(await panel().getByRole('button').count()).toBe(0);
    expect(await panel().locator('form, select, input').count()).toBe(0);

    // A member sees the same initiative, with the Unlink button.
    await openIssue(NODE.key, 'member');
    expect(await panel().getByTestId('linked-initiative-title').textContent()).toBe('Upgrade Node.js to v22 LTS');
    expect(await panel().getByRole('button', { name: 'Unlink', exact: true }).count()).toBe(1);
  });

  it('shows the outsider on an unlinked epic the quiet line without link controls, and a member on a story its epic’s initiative', async () => {
    await openIssue(AUTH.key, 'outsider');
    expect(await panel().getByTestId('not-linked-text').textContent()).toBe("This epic isn't linked to a roadmap initiative yet.");
    expect(await panel().getByTestId('link-form').count()).toBe(0);
    expect(await panel().locator('form, select, input').count()).toBe(0);
    expect(await panel().getByRole('button').count()).toBe(0);

    // TR-2 is a task under TR-1: it serves I-1 through its epic, read-only (only epics link to initiatives).
    await openIssue('TR-2', 'member');
    expect(await panel().getByTestId('via-epic').textContent()).toContain('TR-1');
    expect(await panel().getByTestId('linked-initiative-title').textContent()).toBe('Upgrade Node.js to v22 LTS');
    expect(await panel().locator('form, select, input').count()).toBe(0);
    expect(await panel().getByRole('button').count()).toBe(0);
  });

  it('tells an editor when the roadmap has no open initiatives yet', async () => {
    const context = { accountId: ADMIN_ID, extension: { type: 'jira:projectPage', project: { id: PAY.id, key: PAY.key } } };
    const started = (await session.host.forge.invoke('startRoadmap', { withExamples: false }, context)) as Result<RoadmapView>;
    expect(started.ok).toBe(true);

    await openIssue(PCI.key, 'member');
    await panel().getByTestId('no-initiatives').waitFor();
    expect(await panel().getByTestId('no-initiatives').textContent()).toContain("This project's roadmap has no open initiatives yet");
    expect(await panel().locator('select').count()).toBe(0);
    expect(await panel().getByRole('button').count()).toBe(0);
  });
});

/**
 * The panel wherever it shows (issue 10), on a host of its own: on an epic (its initiative, drift and sibling epics),
 * on a task under an epic ("via"), on an unrelated issue (the quiet line), each linking to its initiative on the
 * roadmap through the Forge router; light and dark, no serious axe violation.
 */
describe('issue panel: useful on every issue', () => {
  const session = useBrowserSession();
  const app = () => session.app();
  const panel = () => app().getByTestId('issue-panel');
  beforeAll(() => fs.mkdirSync(SCREENS, { recursive: true }));
  async function openIssue(key: string, user: 'admin' | 'member' | 'outsider', theme: 'light' | 'dark' = 'light') {
    await session.page.setViewportSize({ width: 1100, height: 1000 });
    await session.page.goto(`${session.host.url}/jira/browse/${key}?user=${user}&theme=${theme}`);
    await panel().locator('[data-testid="linked-initiative-title"], [data-testid="not-linked"]').first().waitFor();
  }
  async function adminWrite(key: string, payload: Record<string, unknown>) {
    const context = { accountId: ADMIN_ID, extension: { type: 'jira:projectPage', project: { id: TR.id, key: TR.key } } };
    const view = (await session.host.forge.invoke('getRoadmapView', {}, context)) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    const result = (await session.host.forge.invoke(key, { baseRevision: view.value.revision, ...payload }, context)) as Result<MutationResult>;
    if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
  }
  async function shoot(name: string) {
    await session.page.screenshot({ path: path.join(SCREENS, `i10-panel-${name}.png`), fullPage: true });
  }

  it('on an epic: its initiative, the drift about it, its sibling epics’ progress, and Unlink', async () => {
    // I-1 gets a second epic and a target quarter long past: "N quarters late" is the initiative's drift.
    await adminWrite('updateInitiative', { initiativeId: 'I-1', patch: {}, epicKeys: [AUTH.key] });
    await adminWrite('moveInitiative', { initiativeId: 'I-1', to: { targetQuarter: '2025-Q1' }, reason: 'Planned before the freeze' });
    for (const theme of ['light', 'dark'] as const) {
      await openIssue(NODE.key, 'member', theme);
      const flags = panel().getByTestId('epic-drift-flag');
      await flags.first().waitFor();
      expect(await flags.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['past-target']);
      expect(await flags.first().textContent()).toMatch(/quarters late/);
      const epics = panel().getByTestId('initiative-epic');
      expect(await epics.evaluateAll((els) => els.map((e) => [e.getAttribute('data-epic-key'), e.getAttribute('data-current')]))).toEqual([
        ['TR-1', 'true'],
        [AUTH.key, 'false'],
      ]);
      expect(await epics.first().getByTestId('epic-percent').textContent()).toBe('42% done');
      expect(await epics.nth(1).getByTestId('epic-percent').textContent()).toBe('11% done');
      expect(await panel().getByRole('button', { name: 'Unlink', exact: true }).count()).toBe(1);
      await expectNoSeriousViolations(session.page);
      await shoot(`epic-${theme}`);
    }
  });

  it('on a task under an epic: "via epic TR-1 → initiative" with its horizon and status; Open in roadmap goes to its card', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await openIssue('TR-2', 'outsider', theme);
      expect(await panel().getByTestId('via-epic').textContent()).toBe('Via epic TR-1 · Upgrade Node.js to v22 LTS →');
      expect(await panel().getByTestId('linked-initiative-title').textContent()).toBe('Upgrade Node.js to v22 LTS');
      expect(await panel().getByText('In progress', { exact: true }).count()).toBe(1);
      expect(await panel().getByRole('button').count()).toBe(0);
      await expectNoSeriousViolations(session.page);
      await shoot(`via-${theme}`);
    }
    const link = panel().getByRole('link', { name: 'Open in roadmap' });
    const [tab] = await Promise.all([session.page.context().waitForEvent('page'), link.click()]);
    await tab.waitForURL(/\/jira\/TR\/roadmap\/board\?/);
    expect(new URL(tab.url()).searchParams.get('initiative')).toBe('I-1');
    expect(new URL(tab.url()).searchParams.get('user')).toBe('outsider');
    const focused = tab.frameLocator('#app-frame').locator('[data-testid="initiative-card"]:focus');
    await focused.waitFor();
    expect(await focused.getAttribute('data-initiative-id')).toBe('I-1');
    await tab.close();
  });

  it('elsewhere: one quiet line and the way to the roadmap, or to where an admin starts one', async () => {
    const bug = session.host.forge.jira.addIssue({ project: 'TR', issueType: 'Bug', summary: 'Login button misaligned on Safari' });
    for (const theme of ['light', 'dark'] as const) {
      await openIssue(bug.key, 'member', theme);
      expect(await panel().getByTestId('not-linked-text').textContent()).toBe("This issue isn't part of a roadmap initiative.");
      expect(await panel().getByRole('link', { name: 'Open the TR roadmap' }).count()).toBe(1);
      await expectNoSeriousViolations(session.page);
      await shoot(`quiet-${theme}`);
    }
    const [tab] = await Promise.all([session.page.context().waitForEvent('page'), panel().getByRole('link', { name: 'Open the TR roadmap' }).click()]);
    await tab.waitForURL(/\/jira\/TR\/roadmap/);
    await tab.close();

    // PAY has no roadmap in this demo: its admin is pointed to where they start one, a member is told who can.
    const payStory = session.host.forge.jira.data.issues.find((i) => i.projectId === PAY.id && i.parentId)!;
    await openIssue(payStory.key, 'admin');
    expect(await panel().getByTestId('not-linked').textContent()).toContain('PAY has no technical roadmap yet. Start one');
    await openIssue(payStory.key, 'member');
    expect(await panel().getByTestId('not-linked').textContent()).toContain('a project admin can start one');
  });
});
