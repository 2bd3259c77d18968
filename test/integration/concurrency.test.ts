import { seedDemoRoadmap } from '../../dev/demo-seed';
import { DEMO_PROJECTS, DEMO_USERS } from '../../dev/jira';
import { LocalForge } from '../../dev/local-forge';
import type { CreateInitiativeResult, MutationResult, Result, RoadmapView } from '../../src/domain/api';
import type { ChangeRecord } from '../../src/domain/changes';

const TR = DEMO_PROJECTS.TR;
const context = { accountId: DEMO_USERS.member.accountId, extension: { type: 'jira:projectPage', project: { id: TR.id, key: TR.key } } };
const NOW = new Date('2026-11-23T12:00:00Z');

async function allChanges(forge: LocalForge): Promise<ChangeRecord[]> {
  const changes: ChangeRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await forge.deps.store.listChanges(TR.id, { cursor, limit: 50 });
    changes.push(...page.changes);
    cursor = page.nextCursor;
  } while (cursor);
  return changes;
}

type Outcome = { ok: true; revision: number; kind: 'create' | 'update'; marker: string } | { ok: false; code: string };

describe('100 concurrent conflicting edits through the resolvers and the emulator', () => {
  let forge: LocalForge;
  beforeEach(async () => {
    forge = new LocalForge({ now: () => NOW });
    await seedDemoRoadmap(forge);
    // A little storage latency so the reads and writes of different clients interleave.
    forge.kvs.faults.latencyMs = 2;
  });
  afterEach(() => forge.close());

  async function view(): Promise<RoadmapView> {
    const result = (await forge.invoke('getRoadmapView', {}, context)) as Result<RoadmapView>;
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  /** One client: read the roadmap, then either add an initiative or rewrite I-1's goal, based on what it read. */
  async function client(index: number): Promise<Outcome> {
    const base = await view();
    const marker = `client-${index}`;
    if (index % 2 === 0) {
      const result = (await forge.invoke(
        'createInitiative',
        { baseRevision: base.revision, initiative: { title: marker, phaseId: 'P-1', successMetric: { description: 'm' }, targetQuarter: '2027-Q2' } },
        context,
      )) as Result<CreateInitiativeResult>;
      return result.ok ? { ok: true, revision: result.value.revision, kind: 'create', marker } : { ok: false, code: result.error.code };
    }
    const result = (await forge.invoke(
      'updateInitiative',
      { baseRevision: base.revision, initiativeId: 'I-1', patch: { goal: marker } },
      context,
    )) as Result<MutationResult>;
    return result.ok ? { ok: true, revision: result.value.revision, kind: 'update', marker } : { ok: false, code: result.error.code };
  }

  it('each edit is applied or refused with CONFLICT; the applied ones are exactly what the state and changelog show', async () => {
    const before = await view();
    const changesBefore = await allChanges(forge);
    const outcomes = await Promise.all(Array.from({ length: 100 }, (_, i) => client(i)));

    for (const outcome of outcomes) if (!outcome.ok) expect(outcome.code).toBe('CONFLICT');
    const applied = outcomes.filter((o): o is Extract<Outcome, { ok: true }> => o.ok).sort((a, b) => a.revision - b.revision);
    expect(applied.length).toBeGreaterThanOrEqual(1);
    expect(applied.length).toBeLessThan(100);
    // Revisions are a gap-free sequence: no two writes landed on the same base.
    expect(applied.map((a) => a.revision)).toEqual(applied.map((_, i) => before.revision + 1 + i));

    const after = await view();
    expect(after.revision).toBe(before.revision + applied.length);
    const titles = new Set(after.initiatives.map((i) => i.title));
    for (const a of applied.filter((x) => x.kind === 'create')) expect(titles.has(a.marker)).toBe(true);
    const refusedCreates = outcomes.map((o, i) => ({ o, i })).filter(({ o, i }) => !o.ok && i % 2 === 0);
    for (const { i } of refusedCreates) expect(titles.has(`client-${i}`)).toBe(false);
    const lastUpdate = applied.filter((a) => a.kind === 'update').pop();
    expect(after.initiatives.find((i) => i.id === 'I-1')?.goal).toBe(lastUpdate ? lastUpdate.marker : before.initiatives.find((i) => i.id === 'I-1')?.goal);

    const changes = await allChanges(forge);
    expect(changes.length).toBe(changesBefore.length + applied.length);
    const newChanges = changes.slice(0, applied.length).reverse();
    expect(newChanges.map((c) => c.revision)).toEqual(applied.map((a) => a.revision));
    newChanges.forEach((change, i) => {
      const a = applied[i];
      if (a.kind === 'create') expect(change.summary).toBe(`Added initiative "${a.marker}"`);
      else expect(change.diffs).toEqual([expect.objectContaining({ id: 'I-1', field: 'goal', after: a.marker })]);
    });
  });

  it('clients that reload and retry on CONFLICT all land: nothing is lost', async () => {
    forge.kvs.faults.latencyMs = 0;
    const before = await view();
    const clients = Array.from({ length: 100 }, async (_, index) => {
      for (let attempt = 1; attempt <= 500; attempt++) {
        const outcome = await client(index);
        if (outcome.ok) return attempt;
        expect(outcome.code).toBe('CONFLICT');
      }
      throw new Error(`client ${index} never landed`);
    });
    const attempts = await Promise.all(clients);
    expect(attempts.some((a) => a > 1)).toBe(true);

    const after = await view();
    expect(after.revision).toBe(before.revision + 100);
    const titles = new Set(after.initiatives.map((i) => i.title));
    for (let i = 0; i < 100; i += 2) expect(titles.has(`client-${i}`)).toBe(true);
    expect(after.initiatives).toHaveLength(before.initiatives.length + 50);
    const changes = await allChanges(forge);
    expect(changes.filter((c) => c.revision > before.revision)).toHaveLength(100);
    const goalWrites = changes.filter((c) => c.diffs.some((d) => d.id === 'I-1' && d.field === 'goal'));
    expect(goalWrites).toHaveLength(50);
    // The newest goal write is what I-1 holds now.
    expect(after.initiatives.find((i) => i.id === 'I-1')?.goal).toBe(goalWrites[0].diffs.find((d) => d.field === 'goal')?.after);
  }, 60_000);
});
