import { seedDemoRoadmap } from '../../dev/demo-seed';
import { DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS } from '../../dev/jira';
import { LocalForge } from '../../dev/local-forge';
import type { CreateInitiativeResult, EpicContext, Result, RoadmapView } from '../../src/domain/api';
import { collectionPrefix } from '../../src/storage/keys';

const TR = DEMO_PROJECTS.TR;
const PAY = DEMO_PROJECTS.PAY;
const projectPage = (project: { id: string; key: string }) => ({ type: 'jira:projectPage', project: { id: project.id, key: project.key, type: 'software' } });
const NOW = new Date('2026-11-23T12:00:00Z');

describe('resolver slice: project page → resolver → @forge/kvs → emulator, and Jira as the user', () => {
  let forge: LocalForge;

  beforeEach(async () => {
    forge = new LocalForge({ now: () => NOW });
    await seedDemoRoadmap(forge);
  });
  afterEach(() => forge.close());

  const view = async (accountId: string, project: { id: string; key: string } = TR) =>
    (await forge.invoke('getRoadmapView', {}, { accountId, extension: projectPage(project) })) as Result<RoadmapView>;

  it('reads the seeded template roadmap with phases in order and horizons derived from quarters', async () => {
    const result = await view(DEMO_USERS.member.accountId);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.phases.map((p) => p.name)).toEqual(['Foundation', 'Scale', 'Velocity']);
    expect(result.value.initiatives).toHaveLength(6);
    const byTitle = Object.fromEntries(result.value.initiatives.map((i) => [i.title, i]));
    expect(byTitle['Upgrade Node.js to v22 LTS'].horizon).toBe('now');
    expect(byTitle['Upgrade Node.js to v22 LTS'].targetQuarter).toBe('2026-Q4');
    expect(byTitle['Migrate primary DB to read replicas'].horizon).toBe('next');
    expect(byTitle['Adopt feature flags'].horizon).toBe('later');
    expect(result.value.permissions).toEqual({ canEdit: true, canAdminister: false });
  });

  it('the side panel of a seeded epic names the initiative it serves, its phase and horizon', async () => {
    const epic = DEMO_EPICS.find((e) => e.key === 'TR-1')!;
    const panel = (await forge.invoke(
      'getEpicContext',
      {},
      {
        accountId: DEMO_USERS.outsider.accountId,
        extension: { type: 'jira:issueContext', project: { id: TR.id, key: TR.key }, issue: { id: epic.id, key: epic.key, type: 'Epic' } },
      },
    )) as Result<EpicContext>;
    if (!panel.ok) throw new Error(panel.error.message);
    expect(panel.value.issue).toEqual({ id: epic.id, key: 'TR-1', summary: epic.summary, issueType: 'Epic' });
    expect(panel.value.links[0]?.initiative.title).toBe('Upgrade Node.js to v22 LTS');
    expect(panel.value.links[0]?.initiative.horizon).toBe('now');
    expect(panel.value.links[0]?.phase?.name).toBe('Foundation');
  });

  it('the side panel tells a user who cannot see the epic nothing about it', async () => {
    const epic = DEMO_EPICS.find((e) => e.projectKey === 'PAY')!;
    const panel = (await forge.invoke(
      'getEpicContext',
      {},
      {
        accountId: DEMO_USERS.outsider.accountId,
        extension: { type: 'jira:issueContext', project: { id: PAY.id, key: PAY.key }, issue: { id: epic.id, key: epic.key, type: 'Epic' } },
      },
    )) as Result<EpicContext>;
    expect(panel).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('adds an initiative that a later read sees, linked to the epic it names', async () => {
    const before = await view(DEMO_USERS.admin.accountId);
    if (!before.ok) throw new Error(before.error.message);
    const epic = DEMO_EPICS.find((e) => e.projectKey === 'TR' && !before.value.initiatives.some((i) => i.epicIds.includes(e.id)))!;
    const created = (await forge.invoke(
      'createInitiative',
      {
        baseRevision: before.value.revision,
        initiative: {
          title: 'Adopt OpenTelemetry tracing',
          phaseId: before.value.phases[1].id,
          goal: 'Find slow requests across services',
          successMetric: { description: 'p95 trace coverage of 90% of requests', target: 90, unit: '%' },
          targetQuarter: '2027-Q1',
          track: 'reliability',
        },
        epicKeys: [epic.key],
      },
      { accountId: DEMO_USERS.admin.accountId, extension: projectPage(TR) },
    )) as Result<CreateInitiativeResult>;
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    expect(created.value.revision).toBe(before.value.revision + 1);
    // Answers like every other write: the change and what changed in the view (the new initiative), plus its id.
    expect(created.value.change.revision).toBe(created.value.revision);
    expect(created.value.change.summary).toContain('Adopt OpenTelemetry tracing');
    const shown = created.value.delta?.initiatives.upsert.find((i) => i.id === created.value.initiativeId);
    expect(shown?.title).toBe('Adopt OpenTelemetry tracing');
    expect(shown?.horizon).toBe('next');
    expect(created.value.delta).toMatchObject({ baseRevision: before.value.revision, revision: created.value.revision, initiatives: { remove: [] } });
    expect(created.value.delta?.initiatives.upsert).toHaveLength(1);

    const after = await view(DEMO_USERS.member.accountId);
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.initiatives.map((i) => i.title)).toContain('Adopt OpenTelemetry tracing');

    const panel = (await forge.invoke(
      'getEpicContext',
      {},
      {
        accountId: DEMO_USERS.member.accountId,
        extension: { type: 'jira:issueContext', project: { id: TR.id, key: TR.key }, issue: { id: epic.id, key: epic.key, type: 'Epic' } },
      },
    )) as Result<EpicContext>;
    if (!panel.ok) throw new Error(panel.error.message);
    expect(panel.value.links[0]?.initiative.title).toBe('Adopt OpenTelemetry tracing');
    expect(panel.value.links[0]?.phase?.name).toBe('Scale');
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const callsBefore = forge.kvs.stats.calls['/api/v1/transaction'] ?? 0;
    const result = (await forge.invoke(
      'createInitiative',
      { baseRevision: 1, initiative: { title: '', phaseId: 'nope', successMetric: {}, targetQuarter: 'next year' } },
      { accountId: DEMO_USERS.admin.accountId, extension: projectPage(TR) },
    )) as Result<CreateInitiativeResult>;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.fields).toMatchObject({
      'initiative.title': expect.any(String),
      'initiative.phaseId': 'Not a phase id',
      'initiative.successMetric.description': expect.any(String),
      'initiative.targetQuarter': 'Use a quarter like 2026-Q3',
    });
    expect(forge.kvs.stats.calls['/api/v1/transaction'] ?? 0).toBe(callsBefore);
    const after = await view(DEMO_USERS.admin.accountId);
    expect(after.ok && after.value.initiatives).toHaveLength(6);
  });

  it('refuses an epic key that is not an epic, does not exist, or is hidden from the caller', async () => {
    const base = await view(DEMO_USERS.admin.accountId);
    if (!base.ok) throw new Error(base.error.message);
    const story = forge.jira.data.issues.find((i) => i.projectId === TR.id && i.issueType !== 'Epic')!;
    const result = (await forge.invoke(
      'createInitiative',
      {
        baseRevision: base.value.revision,
        initiative: { title: 'X', phaseId: 'P-1', successMetric: { description: 'm' }, targetQuarter: '2027-Q1' },
        epicKeys: [story.key, 'TR-9999'],
      },
      { accountId: DEMO_USERS.admin.accountId, extension: projectPage(TR) },
    )) as Result<CreateInitiativeResult>;
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (result.ok) return;
    expect(result.error.fields?.['epicKeys.0']).toMatch(/not an epic/);
    expect(result.error.fields?.['epicKeys.1']).toMatch(/does not exist/);
  });

  it('refuses a write based on a stale revision with CONFLICT naming the change', async () => {
    const base = await view(DEMO_USERS.admin.accountId);
    if (!base.ok) throw new Error(base.error.message);
    const add = (title: string) =>
      forge.invoke(
        'createInitiative',
        { baseRevision: base.value.revision, initiative: { title, phaseId: 'P-1', successMetric: { description: 'm' }, targetQuarter: '2027-Q1' } },
        { accountId: DEMO_USERS.admin.accountId, extension: projectPage(TR) },
      ) as Promise<Result<CreateInitiativeResult>>;
    const [a, b] = await Promise.all([add('First'), add('Second')]);
    const outcomes = [a, b].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
    expect(outcomes).toEqual(['CONFLICT', 'ok']);
    const loser = [a, b].find((r) => !r.ok);
    if (loser && !loser.ok) expect(loser.error.message).toMatch(/changed since you loaded it/);
    const after = await view(DEMO_USERS.admin.accountId);
    expect(after.ok && after.value.initiatives).toHaveLength(7);
  });

  it('keeps an outsider out of a project they cannot browse, on every surface', async () => {
    const result = await view(DEMO_USERS.outsider.accountId, PAY);
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    const macro = (await forge.invoke(
      'getRoadmapView',
      {},
      {
        accountId: DEMO_USERS.outsider.accountId,
        extension: { type: 'macro', config: { projectId: PAY.id, view: 'executive' } },
      },
    )) as Result<RoadmapView>;
    expect(macro).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const write = (await forge.invoke(
      'createInitiative',
      { baseRevision: 0, initiative: { title: 'X', phaseId: 'P-1', successMetric: { description: 'm' }, targetQuarter: '2027-Q1' } },
      { accountId: DEMO_USERS.outsider.accountId, extension: projectPage(PAY) },
    )) as Result<CreateInitiativeResult>;
    expect(write).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lets only a project admin start a roadmap, once', async () => {
    const start = (accountId: string) =>
      forge.invoke('startRoadmap', { withExamples: false }, { accountId, extension: projectPage(PAY) }) as Promise<Result<RoadmapView>>;
    expect(await start(DEMO_USERS.member.accountId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await start(DEMO_USERS.outsider.accountId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const started = await start(DEMO_USERS.admin.accountId);
    if (!started.ok) throw new Error(started.error.message);
    expect(started.value.phases.map((p) => p.name)).toEqual(['Foundation', 'Scale', 'Velocity']);
    expect(started.value.initiatives).toEqual([]);
    expect(started.value.revision).toBe(1);
    expect(await start(DEMO_USERS.admin.accountId)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const seen = await view(DEMO_USERS.member.accountId, PAY);
    expect(seen.ok && seen.value.revision).toBe(1);
  });

  it('loads the roadmap in three storage round trips', async () => {
    forge.kvs.resetStats();
    await forge.deps.store.load(TR.id);
    expect(forge.kvs.stats.totalCalls).toBe(3);
    const stored = await forge.kvs.handle('/api/v1/query', {
      where: [{ property: 'key', condition: 'BEGINS_WITH', values: [collectionPrefix(TR.id, 'ini')] }],
      limit: 100,
    });
    expect((stored.body as { data: unknown[] }).data).toHaveLength(1);
  });
});
