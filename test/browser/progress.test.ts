import { useBrowserSession } from './harness';

/** Delivery progress from Jira's child issues on the cards: fetched apart from the view, as the reader. */
describe('epic progress on the cards', () => {
  const session = useBrowserSession();
  const app = () => session.app();

  it('the engineering macro shows each initiative’s progress; a deleted epic is called out', async () => {
    await session.configureMacro(21, 'TR', 'Now / Next / Later board');
    const card = app().getByTestId('initiative-card').filter({ hasText: 'Upgrade Node.js to v22 LTS' });
    await card.getByTestId('initiative-progress').waitFor();
    expect(await card.getByTestId('initiative-progress').textContent()).toContain('42% done · 5 of 12 points');
    expect(await card.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('42');

    // Deleted in Jira before its deleted-issue event reached the app (which would unlink it): someone opening the page
    // now is told. (The admin's own progress is cached until an event on the roadmap's epics or its 10 minutes end.)
    session.host.forge.jira.deleteIssue('TR-6');
    await session.page.goto(`${session.host.url}/confluence/pages/21?user=member`);
    const logging = app().getByTestId('initiative-card').filter({ hasText: 'Centralize logging' });
    await logging.getByTestId('unavailable-epics').waitFor();
    expect(await logging.getByTestId('unavailable-epics').textContent()).toBe('1 linked epic was deleted or is hidden from you');
  });

  it('the project page shows progress on its cards too', async () => {
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=member`);
    const card = app().getByTestId('initiative-card').filter({ hasText: 'Parallelize CI pipeline' });
    await card.getByTestId('initiative-progress').waitFor();
    expect(await card.getByRole('progressbar').getAttribute('aria-valuenow')).toMatch(/^\d+$/);
  });

  it('the executive macro shows progress under each initiative', async () => {
    await session.configureMacro(22, 'TR', 'Executive one-pager');
    const outcome = app().getByTestId('executive-initiative').filter({ hasText: 'Upgrade Node.js to v22 LTS' });
    await outcome.getByTestId('initiative-progress').waitFor();
    expect(await outcome.getByTestId('initiative-progress').textContent()).toContain('42% done');
  });
});
