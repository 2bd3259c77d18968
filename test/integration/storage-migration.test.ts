import fs from 'node:fs';
import path from 'node:path';
import { DEMO_USERS } from '../../dev/jira';
import { LocalForge } from '../../dev/local-forge';
import type { MutationResult, Result, RoadmapView } from '../../src/domain/api';
import { SCHEMA_VERSION } from '../../src/domain/model';
import { optOutOfInvariants } from './support/invariant-tracking';

/** Data written by an older app version still loads, and the next write moves it to the current layout whole. */
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/storage/v1-roadmap.json'), 'utf8')) as {
  records: Array<{ kind: 'kv' | 'entity'; key: string; value: unknown; entityName?: string }>;
};
const NOW = new Date('2026-11-23T12:00:00Z');
const context = { accountId: DEMO_USERS.admin.accountId, extension: { type: 'jira:projectPage', project: { id: '10000', key: 'TR' } } };

async function storedKeys(forge: LocalForge, prefix: string): Promise<string[]> {
  const answer = await forge.kvs.handle('/api/v1/query', { where: [{ property: 'key', condition: 'BEGINS_WITH', values: [prefix] }], limit: 100 });
  return (answer.body as { data: Array<{ key: string }> }).data.map((d) => d.key);
}

// The fixture is an older layout on purpose (v1 chunks, the single-key epic index, a changelog that starts at
// revision 4 because the v1 records were captured mid-history): the current invariants do not apply to it.
optOutOfInvariants('raw v1 fixture records: an older storage layout and a partial changelog, by design');

describe('schema migration from v1 fixtures', () => {
  let forge: LocalForge;
  beforeEach(async () => {
    forge = new LocalForge({ now: () => NOW });
    for (const record of fixture.records) {
      const answer =
        record.kind === 'entity'
          ? await forge.kvs.handle('/api/v1/entity/set', { key: record.key, value: record.value, entityName: record.entityName })
          : await forge.kvs.handle('/api/v1/set', { key: record.key, value: record.value });
      expect(answer.status).toBeLessThan(300);
    }
  });
  afterEach(() => forge.close());

  it('reads a v1 roadmap with every initiative, new fields defaulted', async () => {
    const view = (await forge.invoke('getRoadmapView', {}, context)) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.title).toBe('Roadmap written by v1');
    expect(view.value.revision).toBe(4);
    expect(view.value.initiatives.map((i) => i.id).sort()).toEqual(['I-1', 'I-2', 'I-30', 'I-50']);
    expect(view.value.horizonRules).toEqual({ nowQuarters: 1, nextQuarters: 1 });
    expect(view.value.initiatives.find((i) => i.id === 'I-1')).toMatchObject({
      rice: null,
      riskReduction: 0,
      reversibility: 'reversible',
      fromDebtId: null,
      epicIds: ['20001'],
    });
    expect(view.value.debtItems).toEqual([]);
  });

  it('the first write re-chunks everything into the current layout and loses nothing', async () => {
    const view = (await forge.invoke('getRoadmapView', {}, context)) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    const result = (await forge.invoke(
      'updateInitiative',
      { baseRevision: 4, initiativeId: 'I-2', patch: { goal: 'Debug from one place' } },
      context,
    )) as Result<MutationResult>;
    if (!result.ok) throw new Error(JSON.stringify(result.error));

    const reloaded = await forge.deps.store.load('10000');
    expect(reloaded?.legacyStorage).toBeUndefined();
    expect(reloaded?.meta.schemaVersion).toBe(SCHEMA_VERSION);
    expect(reloaded?.initiatives.map((i) => i.id).sort()).toEqual(['I-1', 'I-2', 'I-30', 'I-50']);
    expect(reloaded?.initiatives.find((i) => i.id === 'I-2')?.goal).toBe('Debug from one place');
    // v2 keeps 25 per chunk: I-1, I-2 in chunk 0; I-30 and I-50 in chunk 1; the old chunk keys are rewritten.
    expect(await storedKeys(forge, 'rm:10000:ini:')).toEqual(['rm:10000:ini:000000', 'rm:10000:ini:000001']);
    const raw = await forge.kvs.handle('/api/v1/get', { key: 'rm:10000:ini:000001' });
    expect((raw.body as { value: { schemaVersion: number; items: Array<{ id: string }> } }).value).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      items: [{ id: 'I-30' }, { id: 'I-50' }],
    });
    // The old change record and epic link are still there.
    expect((await forge.deps.store.listChanges('10000', { limit: 10 })).changes.map((c) => c.revision)).toEqual([5, 4]);
    expect(await forge.deps.store.getEpicLinks('20001')).toEqual([{ issueId: '20001', projectId: '10000', initiativeId: 'I-1' }]);
    // ...and the epic index moved to the per-roadmap layout in the same write.
    expect(await storedKeys(forge, 'epic:')).toEqual(['epic:20001:10000']);
  });

  it('refuses data written by a newer version instead of misreading it', async () => {
    await forge.kvs.handle('/api/v1/entity/set', {
      key: 'rm:10000:meta',
      entityName: 'roadmap-meta',
      value: { projectId: '10000', revision: 9, schemaVersion: SCHEMA_VERSION + 1, data: {} },
    });
    await expect(forge.deps.store.load('10000')).rejects.toThrow(/newer app version/);
  });
});
