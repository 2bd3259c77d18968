import fs from 'node:fs';
import path from 'node:path';
import { DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS } from '../../dev/jira';
import type { MutationResult, Result, RoadmapView } from '../../src/domain/api';
import { metaKey } from '../../src/storage/keys';
import { META_ENTITY } from '../../src/storage/kvs-roadmap-store';
import { expectNoSeriousViolations } from './a11y';
import { useBrowserSession } from './harness';

const TR = DEMO_PROJECTS.TR;
const PAY = DEMO_PROJECTS.PAY;
const TRACING = DEMO_EPICS.find((e) => e.key === 'TR-32')!;
const SHOTS = process.env.SCREENSHOT_DIR;

/**
 * Issue 6 in the browser: an epic tracked by two roadmaps shows each viewer only the roadmaps they may browse, and a
 * roadmap stored over a limit still opens, says what to repair, and can be repaired.
 */
describe('integrity in the browser', () => {
  const session = useBrowserSession();
  const app = () => session.app();
  const pageContext = (project: { id: string; key: string }) => ({
    accountId: DEMO_USERS.admin.accountId,
    extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key } },
  });
  async function adminWrite(project: { id: string; key: string }, key: string, payload: Record<string, unknown>) {
    const view = (await session.host.forge.invoke('getRoadmapView', {}, pageContext(project))) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    const result = (await session.host.forge.invoke(key, { baseRevision: view.value.revision, ...payload }, pageContext(project))) as Result<MutationResult>;
    if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
    return result.value;
  }
  /** axe-core on the given part of the app frame: no serious or critical violation (WCAG 2.1 A/AA rules). */
  const expectAccessible = (selector: string) => expectNoSeriousViolations(session.page, selector);
  async function shoot(name: string) {
    if (!SHOTS) return;
    fs.mkdirSync(SHOTS, { recursive: true });
    await session.page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
  }

  it('the side panel lists each roadmap that tracks the epic, only for viewers who may browse it', async () => {
    await session.host.forge.invoke('startRoadmap', { withExamples: true }, pageContext(PAY));
    await adminWrite(PAY, 'updateInitiative', { initiativeId: 'I-2', patch: {}, epicKeys: [TRACING.key] });
    await adminWrite(TR, 'updateInitiative', { initiativeId: 'I-5', patch: {}, epicKeys: [TRACING.key] });

    for (const theme of ['light', 'dark'] as const) {
      await session.page.goto(`${session.host.url}/jira/browse/${TRACING.key}?user=member&theme=${theme}`);
      const links = app().getByTestId('epic-link');
      await links.first().waitFor();
      expect(await links.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-project-key')))).toEqual(['TR', 'PAY']);
      await shoot(`panel-two-roadmaps-${theme}.png`);
      await expectAccessible('[data-testid="issue-panel"]');
    }

    // The TR-only editor sees TR's link and nothing that hints at PAY.
    await session.page.goto(`${session.host.url}/jira/browse/${TRACING.key}?user=trEditor`);
    await app().getByTestId('epic-link').first().waitFor();
    expect(
      await app()
        .getByTestId('epic-link')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-project-key'))),
    ).toEqual(['TR']);
    expect(await app().getByTestId('issue-panel').textContent()).not.toMatch(/PAY|Payments/);

    // Unlinking on PAY (as the member, who edits both) leaves TR's link in place.
    await session.page.goto(`${session.host.url}/jira/browse/${TRACING.key}?user=member`);
    const payLink = app().locator('[data-testid="epic-link"][data-project-key="PAY"]');
    await payLink.getByRole('button', { name: 'Unlink' }).click();
    await payLink.getByRole('button', { name: 'Confirm unlink' }).click();
    await app().locator('[data-testid="epic-link"][data-project-key="PAY"]').waitFor({ state: 'detached' });
    expect(await session.host.forge.deps.store.getEpicLinks(TRACING.id)).toEqual([{ issueId: TRACING.id, projectId: TR.id, initiativeId: 'I-5' }]);
  });

  it('a roadmap stored over the phase limit opens with a warning, and deleting the extra phase clears it', async () => {
    const stored = await session.host.forge.kvs.handle('/api/v1/entity/get', { entityName: META_ENTITY, key: metaKey(TR.id) });
    const entity = (stored.body as { value: { data: { phases: Array<Record<string, unknown>>; nextPhaseSeq: number } } }).value;
    const count = entity.data.phases.length;
    for (let i = count; i < 21; i++)
      entity.data.phases.push({
        id: `P-${100 + i}`,
        name: `Imported ${i}`,
        theme: '',
        startQuarter: '2027-Q1',
        endQuarter: '2027-Q1',
        order: i,
        description: '',
      });
    entity.data.nextPhaseSeq = 200;
    await session.host.forge.kvs.handle('/api/v1/entity/set', { entityName: META_ENTITY, key: metaKey(TR.id), value: entity });

    for (const theme of ['light', 'dark'] as const) {
      await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=outsider&theme=${theme}`);
      const warning = app().getByTestId('limit-warnings');
      await warning.waitFor();
      expect(await warning.textContent()).toContain('21 phases, over the limit of 20');
      await shoot(`limit-warning-${theme}.png`);
      await expectAccessible('[data-testid="limit-warnings"]');
    }
    await adminWrite(TR, 'deletePhase', { phaseId: 'P-120' });
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=member`);
    await app().getByTestId('initiative-card').first().waitFor();
    expect(await app().getByTestId('limit-warnings').count()).toBe(0);
  });
});
