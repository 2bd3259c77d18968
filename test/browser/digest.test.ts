import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PROJECTS, DEMO_USERS } from '../../dev/jira';
import type { Result } from '../../src/domain/api';
import type { DigestAnswer } from '../../src/domain/digest-api';
import { isoDay } from '../../src/domain/rules/dates';
import { type PageViewId, TAB_VIEWS, VIEW_LABEL } from '../../static/src/shared/route/route-model';
import { expectNoSeriousViolations } from './a11y';
import { projectPageUrl, useBrowserSession, waitForView } from './harness';

const SCREENS = '/tmp/team/screens';

/** `read()`'s value once it equals `want` (what the page's write stored), polling for up to 10 s. */
async function eventually<T>(read: () => Promise<T>, want: T): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = await read();
  while (last !== want && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toBe(want);
}
const TR = DEMO_PROJECTS.TR;
/** The Drift view where the branch has it (the banner falls back to Health, which lists the same problems). */
const DRIFT_VIEW = ((TAB_VIEWS as readonly string[]).includes('drift') ? 'drift' : 'health') as PageViewId;

/**
 * The daily digest in the browser, on the rich demo (TR's review is due; its roadmap and Jira disagree in places):
 * the project page's banner per viewer — new drift since their own last visit, Open Drift marks it seen, Dismiss —
 * and the macro's digest line, in both themes.
 */
describe('the daily digest: banner and macro line', () => {
  const session = useBrowserSession({ seed: 'rich' });
  const app = () => session.app();
  const banner = () => app().getByTestId('digest-banner');
  const digestAs = async (user: keyof typeof DEMO_USERS) => {
    const answer = (await session.host.forge.invoke(
      'getDigest',
      {},
      { accountId: DEMO_USERS[user].accountId, extension: { type: 'jira:projectPage', project: { id: TR.id, key: TR.key } } },
    )) as Result<DigestAnswer>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  async function openPage(user: string, theme: 'light' | 'dark' = 'light') {
    await session.page.setViewportSize({ width: 1400, height: 900 });
    await session.page.goto(projectPageUrl(session.host, { user, theme }));
    await app().getByTestId('initiative-card').first().waitFor();
  }
  beforeAll(() => fs.mkdirSync(SCREENS, { recursive: true }));

  it('before any digest, a due review alone shows the banner (from the page’s own review status)', async () => {
    expect((await digestAs('member')).digest).toBeNull();
    await openPage('member');
    await banner().waitFor();
    const title = await banner().getByRole('heading').textContent();
    expect(title).toMatch(/^(Review overdue by \d+ days?|Review due today|Never reviewed)$/);
    expect(await app().getByTestId('digest-open-drift').count()).toBe(0);
  });

  it('after the daily run: new drift for this viewer, Open Drift marks it seen for them only', async () => {
    const run = await session.host.forge.runDigest();
    expect(run).toMatchObject({ written: expect.arrayContaining([TR.id]), failed: [], done: true });
    const total = (await digestAs('member')).digest!.drift.total;
    expect(total).toBeGreaterThan(0);

    for (const theme of ['light', 'dark'] as const) {
      await openPage('admin', theme);
      await banner().getByTestId('digest-open-drift').waitFor();
      const title = await banner().getByRole('heading').textContent();
      expect(title).toContain(`${total} drift flag${total === 1 ? '' : 's'} between the roadmap and Jira`);
      await expectNoSeriousViolations(session.page);
      await banner().screenshot({ path: path.join(SCREENS, `i10-digest-banner-${theme}.png`) });
      await session.page.screenshot({ path: path.join(SCREENS, `i10-digest-page-${theme}.png`) });
    }

    await openPage('member');
    const open = banner().getByTestId('digest-open-drift');
    expect(await open.textContent()).toBe(`Open ${VIEW_LABEL[DRIFT_VIEW]}`);
    await open.click();
    await waitForView(app(), DRIFT_VIEW);
    // Seen: stored for the member, server-side, with the digest's day.
    await eventually(async () => (await digestAs('member')).visit.driftSeenAsOf, isoDay(new Date()));
    expect((await digestAs('member')).digest!.drift.newSinceLastVisit).toBe(0);
    await eventually(() => app().getByTestId('digest-open-drift').count(), 0);
    // The admin's visit is theirs: the flags are still new to them.
    expect((await digestAs('admin')).digest!.drift.newSinceLastVisit).toBe(total);

    // Reloaded, the member's banner says only what is still true (the due review), without the drift.
    await openPage('member');
    await banner().waitFor();
    expect(await banner().getByRole('heading').textContent()).not.toContain('drift');
  });

  it('says "new since your last visit" to a returning viewer; Dismiss hides it for the day, for that viewer only', async () => {
    // The member last saw the drift long ago: every flag of today's digest appeared since.
    await session.host.forge.deps.digests.putVisit(TR.id, DEMO_USERS.member.accountId, { driftSeenAsOf: '2026-01-01', dismissedOn: null });
    const fresh = (await digestAs('member')).digest!.drift.newSinceLastVisit;
    await openPage('member');
    await banner().getByTestId('digest-open-drift').waitFor();
    expect(await banner().getByRole('heading').textContent()).toContain(`${fresh} new drift flag${fresh === 1 ? '' : 's'} since your last visit`);

    await banner().getByRole('button', { name: 'Dismiss' }).click();
    await banner().waitFor({ state: 'detached' });
    await eventually(async () => (await digestAs('member')).visit.dismissedToday, true);
    await openPage('member');
    await app().getByTestId('page-header').waitFor();
    await session.page.waitForTimeout(300);
    expect(await banner().count()).toBe(0);
    // Another viewer still gets theirs.
    expect((await digestAs('outsider')).visit.dismissedToday).toBe(false);
    await openPage('outsider');
    await banner().waitFor();
  });

  it('the macro’s header carries the digest’s one line: review status and drift count as of its day', async () => {
    const digest = (await digestAs('outsider')).digest!;
    for (const theme of ['light', 'dark'] as const) {
      await session.page.setViewportSize({ width: 1100, height: 900 });
      await session.page.goto(`${session.host.url}/confluence/pages/1?user=outsider&theme=${theme}`);
      const line = app().getByTestId('digest-line');
      await line.waitFor();
      const text = await line.textContent();
      expect(text).toContain(`${digest.drift.total} drift flag`);
      expect(text).toMatch(/^(Review overdue by \d+ days?|Review due today|Never reviewed|Next review in \d+ days?) · /);
      expect(text).toContain(
        `digest of ${new Date(`${digest.asOf}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}`,
      );
      await expectNoSeriousViolations(session.page);
      await session.page.screenshot({ path: path.join(SCREENS, `i10-digest-macro-${theme}.png`) });
    }
  });
});
