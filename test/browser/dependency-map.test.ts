import fs from 'node:fs';
import path from 'node:path';
import type { MutationResult, Result, RoadmapView } from '../../src/domain/api';
import { healthOfView } from '../../src/domain/view-health';
import { expectNoSeriousViolations } from './a11y';
import { projectPageUrl, roadmapAs, useBrowserSession, waitForView } from './harness';

const SCREENS = '/tmp/team/screens';
const ACCOUNTS = { admin: '557058:aaaa-admin', outsider: '557058:cccc-outsider' } as const;
const context = (user: keyof typeof ACCOUNTS) => ({ accountId: ACCOUNTS[user], extension: { type: 'jira:projectPage', project: { id: '10000', key: 'TR' } } });
/** Admin edits; the outsider may only browse TR (views.test.ts's reader). */
const ROLES = [
  { user: 'admin', canEdit: true },
  { user: 'outsider', canEdit: false },
] as const;

/**
 * The Dependencies view on the rich demo, plus a cycle, a dependency on dropped work, one on a later phase and one on
 * done work, seeded through the resolvers: the map draws exactly the domain's findings (computed here from the same
 * view the browser shows), lays its nodes out without overlap, explains every problem in the list beside it, and
 * opens an initiative the way the page does for the role. In both themes, with no serious axe violation.
 */
describe('the dependency map', () => {
  const session = useBrowserSession({ seed: 'rich' });
  const app = () => session.app();

  const viewAs = async (user: keyof typeof ACCOUNTS): Promise<RoadmapView> => (await roadmapAs(session.host, user)).view;
  /** A write straight through the resolvers, as the admin, against the current revision. */
  async function write(key: string, payload: Record<string, unknown>): Promise<MutationResult> {
    const { revision } = await viewAs('admin');
    const result = (await session.host.forge.invoke(key, { baseRevision: revision, ...payload }, context('admin'))) as Result<MutationResult>;
    if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
    return result.value;
  }

  beforeAll(async () => {
    // The demo has I-2 → I-8 (Now on Later), I-3 → I-2, I-6 → I-5 and I-9 → I-1. Add:
    await write('updateInitiative', { initiativeId: 'I-5', patch: { dependsOn: ['I-6'] } }); // a cycle I-5 ↔ I-6
    await write('updateInitiative', { initiativeId: 'I-10', patch: { status: 'dropped' } });
    await write('updateInitiative', { initiativeId: 'I-7', patch: { dependsOn: ['I-10'] } }); // on dropped work
    await write('updateInitiative', { initiativeId: 'I-9', patch: { dependsOn: ['I-1', 'I-3'] } }); // Foundation on Scale
    await write('updateInitiative', { initiativeId: 'I-3', patch: { dependsOn: ['I-2', 'I-4'] } }); // on done work: fine
  });

  for (const role of ROLES) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${role.user}, ${theme}: marks exactly the domain's problems, lays out cleanly, explains each, opens an initiative`, async () => {
        await session.page.setViewportSize({ width: 1400, height: 1000 });
        await session.page.goto(projectPageUrl(session.host, { user: role.user, theme, view: 'dependencies' }));
        await waitForView(app(), 'dependencies');
        const map = app().getByTestId('dependency-map');
        await map.getByTestId('dependency-node').first().waitFor();

        const view = await viewAs(role.user);
        const report = healthOfView(view, new Date()).dependencies;
        // The seeds made each kind of problem the demo lacked.
        const kinds = new Set(report.findings.map((f) => f.kind));
        for (const kind of ['cycle', 'depends-on-dropped', 'depends-on-later-horizon', 'depends-on-later-phase'] as const) expect(kinds).toContain(kind);

        // Every depends-on pair is drawn once; the (from, to, kind) triples on the edges are exactly the findings.
        const edges = await map.getByTestId('dependency-edge').evaluateAll((els) =>
          els.map((el) => ({
            from: el.getAttribute('data-from')!,
            to: el.getAttribute('data-to')!,
            violation: el.getAttribute('data-violation')!,
            inCycle: el.hasAttribute('data-in-cycle'),
          })),
        );
        const pairs = view.initiatives.flatMap((i) => i.dependsOn.map((to) => `${i.id}>${to}`)).sort();
        expect(edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(pairs);
        const drawn = edges.flatMap((e) => (e.violation === 'none' ? [] : e.violation.split(',').map((kind) => `${e.from}>${e.to}:${kind}`))).sort();
        const expected = [...new Set(report.findings.map((f) => `${f.initiativeId}>${f.otherId ?? f.initiativeId}:${f.kind}`))].sort();
        expect(drawn).toEqual(expected);
        // The whole loop of each cycle is drawn as a cycle.
        const loop = report.cycles.flatMap((c) => c.initiativeIds.map((id, i) => `${id}>${c.initiativeIds[(i + 1) % c.initiativeIds.length]}`)).sort();
        expect(
          edges
            .filter((e) => e.inCycle)
            .map((e) => `${e.from}>${e.to}`)
            .sort(),
        ).toEqual(loop);
        // Done work is a fine dependency.
        expect(edges.find((e) => e.from === 'I-3' && e.to === 'I-4')?.violation).toBe('none');

        // Nodes: every initiative on an edge, once, none over another.
        const nodeIds = await map.getByTestId('dependency-node').evaluateAll((els) => els.map((el) => el.getAttribute('data-initiative-id')!));
        expect(nodeIds.sort()).toEqual([...new Set(edges.flatMap((e) => [e.from, e.to]))].sort());
        const boxes = await map.getByTestId('dependency-node').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
        for (let a = 0; a < boxes.length; a++) {
          for (let b = a + 1; b < boxes.length; b++) {
            const [p, q] = [boxes[a], boxes[b]];
            const overlaps = p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
            expect(overlaps ? `${nodeIds[a]} overlaps ${nodeIds[b]}` : 'apart').toBe('apart');
          }
        }
        // A node's accessible name carries the full title, whatever the truncation shows.
        const title = view.initiatives.find((i) => i.id === 'I-8')!.title;
        expect(await map.locator('[data-testid="dependency-node"][data-initiative-id="I-8"]').getAttribute('aria-label')).toContain(title);
        // The legend names each colour.
        const legend = (await map.getByTestId('dependency-legend').textContent()) ?? '';
        for (const words of ['Cycle', 'later work', 'dropped or missing', 'OK']) expect(legend).toContain(words);

        // The list: problems first, every finding in the domain's words, each initiative on the map once.
        const list = map.getByTestId('dependency-list');
        const listText = (await list.textContent()) ?? '';
        for (const finding of report.findings) expect(listText).toContain(finding.message);
        const problemIds = new Set(report.findings.map((f) => f.initiativeId));
        for (const c of report.cycles) for (const id of c.initiativeIds) problemIds.add(id);
        const groupIds = (group: string) =>
          list
            .getByTestId(`dependency-group-${group}`)
            .getByTestId('dependency-entry')
            .evaluateAll((els) => els.map((el) => el.getAttribute('data-initiative-id')!));
        expect((await groupIds('problems')).sort()).toEqual([...problemIds].sort());
        expect([...(await groupIds('problems')), ...(await groupIds('ok'))].sort()).toEqual([...nodeIds].sort());

        await session.page.waitForTimeout(200);
        await expectNoSeriousViolations(session.page);
        if (role.user === 'admin') {
          fs.mkdirSync(SCREENS, { recursive: true });
          await session.page.screenshot({ path: path.join(SCREENS, `view-dependencies-${theme}.png`), fullPage: true });
        }

        // Opening a node: the editor for an editor, the focused board card for a reader; by keyboard.
        const node = map.locator('[data-testid="dependency-node"][data-initiative-id="I-8"]');
        if (role.canEdit) {
          await node.focus();
          await session.page.keyboard.press('Enter');
          const editor = app().getByTestId('initiative-editor');
          await editor.waitFor();
          expect(await editor.getAttribute('data-initiative-id')).toBe('I-8');
        } else {
          await node.click();
          await app().locator('[data-testid="initiative-card"][data-initiative-id="I-8"]').waitFor();
          const url = new URL(session.page.url());
          expect(url.pathname).toMatch(/\/board$/);
          expect(url.searchParams.get('initiative')).toBe('I-8');
          await session.page.waitForFunction(() => {
            const frame = document.querySelector<HTMLIFrameElement>('#app-frame');
            return frame?.contentDocument?.activeElement?.getAttribute('data-initiative-id') === 'I-8';
          });
        }
      });
    }
  }

  it('zooms and fits; the list beside the map opens an initiative too (editor for an admin)', async () => {
    await session.page.setViewportSize({ width: 1000, height: 800 });
    await session.page.goto(projectPageUrl(session.host, { user: 'admin', view: 'dependencies' }));
    await waitForView(app(), 'dependencies');
    // The map fits its frame at first; zooming in makes it scroll inside the frame, Fit brings it back.
    const canvas = app().getByTestId('dependency-canvas');
    await canvas.getByTestId('dependency-node').first().waitFor();
    const overflow = () => canvas.evaluate((el) => el.scrollWidth - el.clientWidth);
    const fitted = await app().getByTestId('dependency-zoom').textContent();
    expect(await overflow()).toBeLessThanOrEqual(1);
    await app().getByRole('button', { name: 'Zoom in' }).click();
    expect(await app().getByTestId('dependency-zoom').textContent()).not.toBe(fitted);
    expect(await overflow()).toBeGreaterThan(0);
    await app().getByRole('button', { name: 'Fit' }).click();
    expect(await app().getByTestId('dependency-zoom').textContent()).toBe(fitted);
    // Pointing at a node brings its own arrows forward and dims the rest.
    await canvas.locator('[data-testid="dependency-node"][data-initiative-id="I-5"]').hover();
    const opacities = await canvas
      .getByTestId('dependency-edge')
      .evaluateAll((els) =>
        els.map((el) => ({ touches: [el.getAttribute('data-from'), el.getAttribute('data-to')].includes('I-5'), opacity: el.getAttribute('opacity') })),
      );
    for (const edge of opacities) expect(edge.opacity).toBe(edge.touches ? '1' : '0.25');

    const list = app().getByTestId('dependency-list');
    await list.getByRole('button', { name: /\(I-5\)$/ }).click();
    const editor = app().getByTestId('initiative-editor');
    await editor.waitFor();
    expect(await editor.getAttribute('data-initiative-id')).toBe('I-5');
  });
});

describe('the dependency map of a roadmap without dependencies', () => {
  const session = useBrowserSession();
  const app = () => session.app();

  it('says there are none and lists every initiative as without dependencies', async () => {
    await session.page.goto(projectPageUrl(session.host, { user: 'member', view: 'dependencies' }));
    await waitForView(app(), 'dependencies');
    const map = app().getByTestId('dependency-map');
    await map.getByTestId('dependency-summary').waitFor();
    expect(await map.getByTestId('dependency-summary').textContent()).toMatch(/^No initiative depends on another yet/);
    expect(await map.getByTestId('dependency-edge').count()).toBe(0);
    expect(await map.getByTestId('dependency-node').count()).toBe(0);
    // The template's six initiatives, each named.
    expect(await map.getByTestId('dependency-isolated').locator('li').count()).toBe(6);
    expect(await map.getByTestId('dependency-list').textContent()).toContain('No dependency problems.');
    await expectNoSeriousViolations(session.page);
  });
});
