/**
 * The capacity chart on the project page's Capacity view, on the rich demo, as an editor and as a reader, light and
 * dark: each quarter's bar carries exactly the domain's numbers (committed, capacity, buffer kept, plannable, and the
 * amount per track), over-committed quarters are marked and only they, the current quarter is highlighted, and the
 * buffer setting is stated (with the domain's warning once it leaves 20–30 %). The table and warnings stay below.
 * Screenshots: view-capacity-{light,dark}.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DemoUserName } from '../../dev/host/frame-context';
import { DEMO_USERS } from '../../dev/jira';
import type { MutationResult, Result } from '../../src/domain/api';
import { TRACKS } from '../../src/domain/model';
import { expectNoSeriousViolations } from './a11y';
import { openView, projectPageUrl, roadmapAs, useBrowserSession } from './harness';

const SCREENS = '/tmp/team/screens';
const TR = { id: '10000', key: 'TR' };
const contextOf = (user: keyof typeof DEMO_USERS) => ({ accountId: DEMO_USERS[user].accountId, extension: { type: 'jira:projectPage', project: TR } });

describe('the capacity chart', () => {
  const session = useBrowserSession({ seed: 'rich' });
  const app = () => session.app();
  beforeAll(() => fs.mkdirSync(SCREENS, { recursive: true }));

  const domain = (user: DemoUserName) => roadmapAs(session.host, user);

  async function openCapacity(user: string, theme: 'light' | 'dark') {
    await session.page.setViewportSize({ width: 1400, height: 1000 });
    await session.page.goto(projectPageUrl(session.host, { user, theme }));
    await app().getByTestId('initiative-card').first().waitFor();
    await openView(app(), 'capacity');
    await app().getByTestId('capacity-chart').waitFor();
  }

  for (const user of ['admin', 'outsider'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${user}, ${theme}: every bar's numbers are the domain's; over-commitment and the current quarter are marked; no serious axe violation`, async () => {
        const { health } = await domain(user);
        await openCapacity(user, theme);
        const quarters = health.capacity.quarters;
        const bars = app().getByTestId('capacity-bar');
        expect(await bars.count()).toBe(quarters.length);
        // The demo has an over-committed quarter and one inside its plan.
        expect(quarters.some((q) => q.overCommitted)).toBe(true);
        expect(quarters.some((q) => !q.overCommitted && q.committed > 0)).toBe(true);

        for (const q of quarters) {
          const bar = app().locator(`[data-testid="capacity-bar"][data-quarter="${q.quarter}"]`);
          const data = await bar.evaluate((el) => ({
            committed: Number(el.getAttribute('data-committed')),
            capacity: Number(el.getAttribute('data-capacity')),
            bufferKept: Number(el.getAttribute('data-buffer-kept')),
            plannable: Number(el.getAttribute('data-plannable')),
            current: el.getAttribute('data-current') === 'true',
          }));
          expect(data).toEqual({
            committed: q.committed,
            capacity: q.capacity,
            bufferKept: q.bufferKept,
            plannable: q.plannable,
            current: q.quarter === health.currentQuarter,
          });
          const segments = await bar
            .getByTestId('capacity-bar-segment')
            .evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-track'), Number(n.getAttribute('data-amount'))] as const));
          const expected = TRACKS.filter((t) => q.committedByTrack[t] > 0).map((t) => [t, q.committedByTrack[t]] as const);
          expect(segments).toEqual(expected);
          // Drawn as the numbers say: segments stack to the committed height, the buffer band spans capacity − plannable.
          expect(await bar.getByTestId('capacity-over-commit').count()).toBe(q.overCommitted ? 1 : 0);
          const band = (await bar.getByTestId('capacity-buffer-band').boundingBox())!;
          const heights = await Promise.all((await bar.getByTestId('capacity-bar-segment').all()).map(async (s) => (await s.boundingBox())!.height));
          const stacked = heights.reduce((a, b) => a + b, 0);
          if (q.bufferKept > 0 && q.committed > 0) expect(stacked / band.height).toBeCloseTo(q.committed / q.bufferKept, 0);
        }
        const setting = await app().getByTestId('capacity-buffer-setting').textContent();
        expect(setting).toContain(`${health.capacity.summary.bufferPercent} %`);
        // The table and the warnings are still there, below the chart.
        expect(await app().getByTestId('capacity-quarter').count()).toBe(quarters.length);
        await app().getByTestId('buffer-warnings').waitFor();

        await session.page.waitForTimeout(200);
        await expectNoSeriousViolations(session.page);
        if (user === 'admin') await session.page.screenshot({ path: path.join(SCREENS, `view-capacity-${theme}.png`), fullPage: true });
      });
    }
  }

  it("a buffer outside 20–30 % is flagged on the chart with the domain's words", async () => {
    const before = await domain('admin');
    const write = (await session.host.forge.invoke(
      'saveSettings',
      { baseRevision: before.view.revision, settings: { capacity: { ...before.view.capacity, bufferPercent: 10 } } },
      contextOf('admin'),
    )) as Result<MutationResult>;
    expect(write.ok).toBe(true);
    const { health } = await domain('member');
    const warning = health.capacity.summary.bufferSettingWarning;
    expect(warning?.kind).toBe('buffer-below-range');
    await openCapacity('member', 'light');
    expect(await app().getByTestId('capacity-buffer-setting').textContent()).toContain(warning!.message);
    // Said once, beside the chart, not again in the warnings box.
    expect(await app().getByText(warning!.message, { exact: false }).count()).toBe(1);
    for (const q of health.capacity.quarters) {
      const bar = app().locator(`[data-testid="capacity-bar"][data-quarter="${q.quarter}"]`);
      expect(Number(await bar.getAttribute('data-buffer-kept'))).toBe(q.bufferKept);
    }
  });
});
