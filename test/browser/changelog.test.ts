import fs from 'node:fs';
import path from 'node:path';
import { DEMO_USERS } from '../../dev/jira';
import type { MutationResult, Result, RoadmapView } from '../../src/domain/api';
import { addQuarters, quarterLabel, quarterOf } from '../../src/domain/quarter';
import { expectNoSeriousViolations } from './a11y';
import { projectPageUrl, useBrowserSession } from './harness';

const SCREENS = '/tmp/team/screens';
const PAGE = { accountId: DEMO_USERS.admin.accountId, extension: { type: 'jira:projectPage', project: { id: '10000', key: 'TR' } } };

/**
 * The changelog as people read it (issue 8): field labels and names, from → to, the horizon a move crossed, links by
 * epic key; never a stored field name or an account id; filtered by initiative.
 */
describe('a changelog people can read', () => {
  const session = useBrowserSession();
  const app = () => session.app();
  const changelog = () => app().getByTestId('changelog');
  const entry = (revision: number) => changelog().locator(`[data-testid="change-entry"][data-revision="${revision}"]`);

  async function write(key: string, payload: Record<string, unknown>): Promise<MutationResult> {
    const view = (await session.host.forge.invoke('getRoadmapView', {}, PAGE)) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    const result = (await session.host.forge.invoke(key, { baseRevision: view.value.revision, ...payload }, PAGE)) as Result<MutationResult>;
    if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
    return result.value;
  }

  const now = quarterOf(new Date());
  /** The changes both runs (light, dark) read: written once, on the host the runs share. */
  let written: Promise<Record<'moved' | 'back' | 'linked' | 'cadence', MutationResult>> | null = null;
  const writeOnce = () =>
    (written ??= (async () => {
      // "Parallelize CI pipeline" is I-6, in Later; it moves to this quarter (Now), then back.
      const moved = await write('moveInitiative', { initiativeId: 'I-6', to: { targetQuarter: now }, reason: 'The build farm arrived early' });
      const back = await write('moveInitiative', { initiativeId: 'I-6', to: { targetQuarter: addQuarters(now, 3) }, reason: 'Undo for the next run' });
      const linked = await write('updateInitiative', { initiativeId: 'I-2', patch: {}, epicKeys: ['TR-32'] });
      const cadence = await write('saveSettings', { settings: { reviewCadenceDays: 14 } });
      return { moved, back, linked, cadence };
    })());

  it.each(['light', 'dark'] as const)('moves, links and settings read in words (%s)', async (theme) => {
    const { moved, back, linked, cadence } = await writeOnce();

    await session.page.setViewportSize({ width: 1280, height: 1000 });
    await session.page.goto(`${session.host.url}/jira/TR/roadmap/changelog?user=member&theme=${theme}`);
    await entry(cadence.revision).waitFor();

    const lines = async (revision: number) => entry(revision).getByTestId('change-line').allTextContents();
    expect(await lines(moved.revision)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^Target quarter: Q\\d \\d{4} → ${quarterLabel(now)}$`)), 'Horizon: Later → Now']),
    );
    expect(await lines(back.revision)).toContain('Horizon: Now → Later');
    expect(await lines(linked.revision)).toEqual(['Epics: linked TR-32']);
    expect(await lines(cadence.revision)).toEqual(['Review cadence: every 30 days → every 14 days']);
    expect(await entry(cadence.revision).getByTestId('change-summary').textContent()).toBe('Changed roadmap settings (review cadence)');

    // Who, by name; what changed in labels and names: no stored field name, no account id, no epic id.
    await entry(cadence.revision).getByTestId('change-author').filter({ hasText: 'Ada Admin' }).waitFor();
    expect(await entry(1).getByTestId('change-author').textContent()).toBe('Tech Roadmap app');
    const text = (await changelog().textContent()) ?? '';
    expect(text).not.toMatch(/reviewCadenceDays|epicIds|targetQuarter|phaseId|\b100\d\d\b/);
    for (const id of Object.values(DEMO_USERS).map((u) => u.accountId)) expect(text).not.toContain(id);

    await expectNoSeriousViolations(session.page);
    if (theme === 'light') {
      // Filtered to one initiative: only its changes, and the route says so.
      await changelog().getByLabel('Show changes to').selectOption({ label: 'Parallelize CI pipeline' });
      await entry(cadence.revision).waitFor({ state: 'detached' });
      expect(new URL(session.page.url()).searchParams.get('initiative')).toBe('I-6');
      const revisions = await changelog()
        .getByTestId('change-entry')
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-revision'))));
      expect(revisions).toEqual(expect.arrayContaining([moved.revision, back.revision]));
      expect(revisions).not.toContain(linked.revision);
      expect(revisions).not.toContain(cadence.revision);
      await changelog().getByLabel('Show changes to').selectOption({ label: 'All initiatives and settings' });
      await entry(cadence.revision).waitFor();
    }

    fs.mkdirSync(SCREENS, { recursive: true });
    await changelog().screenshot({ path: path.join(SCREENS, `changelog-${theme}.png`) });
  });

  it('opens filtered from a link (/changelog?initiative=…), and back restores the filter after choosing another', async () => {
    const { moved, back, cadence } = await writeOnce();
    const filter = () => changelog().getByLabel('Show changes to');
    const shownRevisions = () =>
      changelog()
        .getByTestId('change-entry')
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-revision'))));
    await session.page.goto(projectPageUrl(session.host, { user: 'outsider', view: 'changelog', query: 'initiative=I-6' }));
    await entry(moved.revision).waitFor();
    expect(await filter().inputValue()).toBe('I-6');
    expect(await shownRevisions()).toEqual(expect.arrayContaining([moved.revision, back.revision]));
    expect(await shownRevisions()).not.toContain(cadence.revision);

    await filter().selectOption({ label: 'Upgrade Node.js to v22 LTS' });
    await entry(moved.revision).waitFor({ state: 'detached' });
    expect(new URL(session.page.url()).searchParams.get('initiative')).toBe('I-1');
    await filter().selectOption({ label: 'All initiatives and settings' });
    await entry(cadence.revision).waitFor();
    expect(new URL(session.page.url()).searchParams.has('initiative')).toBe(false);

    await session.page.goBack();
    await entry(cadence.revision).waitFor({ state: 'detached' });
    expect(await filter().inputValue()).toBe('I-1');
    await session.page.goBack();
    await entry(moved.revision).waitFor();
    expect(await filter().inputValue()).toBe('I-6');
    expect(new URL(session.page.url()).pathname).toBe('/jira/TR/roadmap/changelog');
    expect(await shownRevisions()).not.toContain(cadence.revision);

    // An initiative the roadmap does not hold filters nothing away.
    await session.page.goto(projectPageUrl(session.host, { user: 'outsider', view: 'changelog', query: 'initiative=I-999' }));
    await entry(cadence.revision).waitFor();
    expect(await filter().inputValue()).toBe('');
  });
});
