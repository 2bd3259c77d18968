import { DEMO_USERS } from '../../dev/jira';
import { useBrowserSession } from './harness';

/** Owners are chosen by name, searching Jira as the caller; nobody types or sees an account id (issue 8). */
describe('the owner picker', () => {
  const session = useBrowserSession();
  const app = () => session.app();
  const card = (title: string) => app().getByTestId('initiative-card').filter({ hasText: title });
  const editor = () => app().getByTestId('initiative-editor');
  const stored = async (title: string) => (await session.host.forge.deps.store.load('10000'))?.initiatives.find((i) => i.title === title);

  it('finds a person by part of their name, sets them as owner, and the card names them', async () => {
    const title = 'Centralize logging';
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=member`);
    await card(title)
      .getByRole('button', { name: `Edit “${title}”` })
      .click();
    await editor().waitFor();
    await editor().getByLabel('Owner').fill('ma');
    await editor().getByRole('button', { name: 'Choose Max Member' }).click();
    expect(await editor().getByTestId('person').first().textContent()).toContain('Max Member');
    expect((await editor().textContent()) ?? '').not.toContain('557058:');
    await editor().getByRole('button', { name: 'Save changes' }).click();
    await card(title).getByTestId('person').filter({ hasText: 'Max Member' }).waitFor();
    expect((await stored(title))?.ownerAccountId).toBe(DEMO_USERS.member.accountId);

    // Removing the owner clears it.
    await card(title)
      .getByRole('button', { name: `Edit “${title}”` })
      .click();
    await editor().getByRole('button', { name: 'Remove Max Member' }).click();
    await editor().getByRole('button', { name: 'Save changes' }).click();
    await editor().waitFor({ state: 'detached' });
    expect((await stored(title))?.ownerAccountId).toBeNull();
  });

  it('says so when nobody matches', async () => {
    const title = 'Adopt feature flags';
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=admin`);
    await card(title)
      .getByRole('button', { name: `Edit “${title}”` })
      .click();
    await editor().getByLabel('Owner').fill('zzz');
    await editor().getByText('No one found for “zzz”.').waitFor();
    expect(
      await editor()
        .getByRole('button', { name: /^Choose / })
        .count(),
    ).toBe(0);
  });
});
