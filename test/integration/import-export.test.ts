import { DEMO_PROJECTS, DEMO_USERS } from '../../dev/jira';
import { seedDemoRoadmap } from '../../dev/demo-seed';
import { LocalForge } from '../../dev/local-forge';
import { SEED_TEXT } from '../support/seed-template';
import type { ExportResult, ImportPreview, MutationResult, Result, RoadmapView } from '../../src/domain/api';

const NOW = new Date('2026-11-23T12:00:00Z');
const PAY = DEMO_PROJECTS.PAY;
const TR = DEMO_PROJECTS.TR;
const ctx = (user: keyof typeof DEMO_USERS, project: { id: string; key: string }) => ({
  accountId: DEMO_USERS[user].accountId,
  extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key } },
});

/** The seeds' template table, verbatim, with the article's prose around it. */
const TEMPLATE = SEED_TEXT;

describe('import and export through the resolvers', () => {
  let forge: LocalForge;
  beforeEach(async () => {
    forge = new LocalForge({ now: () => NOW });
    await seedDemoRoadmap(forge);
  });
  afterEach(() => forge.close());
  const call = async <T>(key: string, payload: unknown, user: keyof typeof DEMO_USERS, project: { id: string; key: string }) =>
    (await forge.invoke(key, payload, ctx(user, project))) as Result<T>;
  const ok = <T>(r: Result<T>): T => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    return r.value;
  };

  it('previews the seeds’ template table, writes nothing, then imports it into a new roadmap', async () => {
    const started = ok(await call<RoadmapView>('startRoadmap', { withExamples: false }, 'admin', PAY));
    const writes = forge.kvs.stats.calls['/api/v1/transaction'];
    const preview = ok(await call<ImportPreview>('previewImport', { text: TEMPLATE, format: 'auto' }, 'member', PAY));
    expect(preview.format).toBe('markdown');
    expect(preview.counts).toMatchObject({ rows: 6, toCreate: 6, phasesToCreate: 0, errors: 0 });
    expect(forge.kvs.stats.calls['/api/v1/transaction']).toBe(writes);

    const imported = ok(await call<MutationResult>('importRoadmap', { baseRevision: started.revision, text: TEMPLATE }, 'member', PAY));
    expect(imported.view!.initiatives).toHaveLength(6);
    expect(imported.view!.initiatives.find((i) => i.title === 'Adopt feature flags')).toMatchObject({ targetQuarter: '2026-Q4', phaseId: 'P-3' });
    expect(imported.change.summary).toMatch(/Imported 6 initiatives/);
  });

  it('reports per-row errors and refuses to import them', async () => {
    const bad = TEMPLATE.replace('| Q3 2026 |', '| sometime |').replace('| Velocity | Adopt feature flags', '|  | Adopt feature flags');
    const preview = ok(await call<ImportPreview>('previewImport', { text: bad }, 'admin', TR));
    expect(preview.errors.filter((e) => e.severity === 'error').map((e) => e.row).sort()).toEqual([3, 5]);
    const view = ok(await call<RoadmapView>('getRoadmapView', {}, 'admin', TR));
    const refused = await call<MutationResult>('importRoadmap', { baseRevision: view.revision, text: bad }, 'admin', TR);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(ok(await call<RoadmapView>('getRoadmapView', {}, 'admin', TR)).revision).toBe(view.revision);
  });

  it('exports CSV and Markdown that import back as no change; replace needs confirming removals', async () => {
    const view = ok(await call<RoadmapView>('getRoadmapView', {}, 'outsider', TR));
    const csv = ok(await call<ExportResult>('exportRoadmap', { format: 'csv' }, 'outsider', TR));
    expect(csv).toMatchObject({ filename: 'TR-technical-roadmap.csv', mimeType: 'text/csv' });
    expect(csv.content.split('\r\n')[0]).toMatch(/^Phase,Initiative,Goal,Success metric,Target quarter,Horizon/);
    const md = ok(await call<ExportResult>('exportRoadmap', { format: 'markdown' }, 'member', TR));
    for (const content of [csv.content, md.content]) {
      const preview = ok(await call<ImportPreview>('previewImport', { text: content, mode: 'merge' }, 'member', TR));
      expect(preview.counts).toMatchObject({ toCreate: 0, toUpdate: 0, errors: 0, unchanged: view.initiatives.length });
    }
    const oneRow = md.content.split('\n').slice(0, 3).join('\n');
    const replace = await call<MutationResult>('importRoadmap', { baseRevision: view.revision, text: oneRow, mode: 'replace' }, 'member', TR);
    expect(replace).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { confirmRemovals: expect.any(String) } } });
    const confirmed = ok(await call<MutationResult>('importRoadmap', { baseRevision: view.revision, text: oneRow, mode: 'replace', confirmRemovals: true }, 'member', TR));
    expect(confirmed.view!.initiatives).toHaveLength(1);
  });

  it('an outsider can neither preview nor import into a project they cannot browse', async () => {
    ok(await call<RoadmapView>('startRoadmap', { withExamples: false }, 'admin', PAY));
    expect(await call('previewImport', { text: TEMPLATE }, 'outsider', PAY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('exportRoadmap', { format: 'csv' }, 'outsider', PAY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('previewImport', { text: TEMPLATE }, 'outsider', TR)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
