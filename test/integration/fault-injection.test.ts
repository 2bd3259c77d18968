/**
 * Fault injection on every multi-key write: the transaction failing (500 / 429), each KVS call before it failing in
 * turn, and Jira failing. After every failure the resolver answers an error value (UPSTREAM or LIMIT) instead of
 * throwing, storage is byte-identical to before, and once the faults are cleared the same write succeeds.
 */
import type { FaultSpec } from '../../dev/kvs/faults';
import type { LocalForge } from '../../dev/local-forge';
import type { Result } from '../../src/domain/api';
import type { Initiative } from '../../src/domain/model';
import { ITEMS_PER_CHUNK } from '../../src/storage/keys';
import { MAX_TRANSACTION_OPERATIONS } from '../../src/storage/kvs-roadmap-store';
import {
  call,
  FREE_TR_EPIC,
  LINKED_TR_EPIC,
  mustCall,
  NOW,
  PAY,
  projectPage,
  seededForge,
  storageSnapshot,
  storedRevision,
  TR,
  transactionCalls,
} from './support/harness';

const SERVER_ERROR: FaultSpec = { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Injected storage outage' };
const RATE_LIMITED: FaultSpec = { status: 429, code: 'RATE_LIMIT_EXCEEDED', message: 'Injected rate limit' };
const EXPECTED_CODE: Record<string, 'UPSTREAM' | 'LIMIT'> = { INTERNAL_SERVER_ERROR: 'UPSTREAM', RATE_LIMIT_EXCEEDED: 'LIMIT' };

interface Write {
  name: string;
  key: string;
  project: typeof TR | typeof PAY;
  payload: (revision: number) => unknown;
}

/** TR's demo roadmap (I-1 serves LINKED_TR_EPIC; P-1 holds I-1 and I-2) plus debt item D-1: revision 2. */
async function state(): Promise<LocalForge> {
  const forge = await seededForge();
  await mustCall(
    forge,
    'createDebtItem',
    { baseRevision: 1, item: { title: 'Old TLS config', category: 'security-risk', impact: 4, urgency: 4 } },
    'admin',
    projectPage(TR),
  );
  return forge;
}

const WRITES: Write[] = [
  {
    name: 'createInitiative linking an epic',
    key: 'createInitiative',
    project: TR,
    payload: (baseRevision) => ({
      baseRevision,
      initiative: { title: 'Retire legacy auth', phaseId: 'P-2', successMetric: { description: 'Old service off' }, targetQuarter: '2027-Q2' },
      epicKeys: [FREE_TR_EPIC.key],
    }),
  },
  {
    name: 'updateInitiative swapping its epic',
    key: 'updateInitiative',
    project: TR,
    payload: (baseRevision) => ({ baseRevision, initiativeId: 'I-1', patch: { epicIds: [] }, epicKeys: [FREE_TR_EPIC.key] }),
  },
  {
    name: 'deleteInitiative of a linked initiative',
    key: 'deleteInitiative',
    project: TR,
    payload: (baseRevision) => ({ baseRevision, initiativeId: 'I-1', reason: 'Done elsewhere' }),
  },
  {
    name: 'deletePhase moving its initiatives',
    key: 'deletePhase',
    project: TR,
    payload: (baseRevision) => ({ baseRevision, phaseId: 'P-1', moveInitiativesTo: 'P-2', reason: 'Merged into Scale' }),
  },
  {
    name: 'promoteDebtItem',
    key: 'promoteDebtItem',
    project: TR,
    payload: (baseRevision) => ({
      baseRevision,
      debtId: 'D-1',
      initiative: { phaseId: 'P-1', targetQuarter: '2027-Q1', successMetric: { description: 'TLS 1.3 only' } },
    }),
  },
  { name: 'startRoadmap on PAY', key: 'startRoadmap', project: PAY, payload: () => ({ withExamples: true }) },
  {
    name: 'createDebtItem',
    key: 'createDebtItem',
    project: TR,
    payload: (baseRevision) => ({ baseRevision, item: { title: 'Flaky e2e suite', category: 'developer-friction', impact: 3, urgency: 2 } }),
  },
];

/** KVS calls per write (meta get + 2 chunk queries, epic-link gets, then the transaction): each is failed in turn. */
const STEPS: Record<string, number> = {
  createInitiative: 5,
  updateInitiative: 5,
  deleteInitiative: 4,
  deletePhase: 4,
  promoteDebtItem: 4,
  startRoadmap: 1,
  createDebtItem: 4,
};

interface Attempt {
  forge: LocalForge;
  result: Result<unknown> | { thrown: unknown };
  before: string;
  after: string;
  revision: number;
  /** Injected KVS faults and Jira failures the call actually ran into. */
  kvsFaults: number;
}

/** Runs one write on a fresh backend with `arm` applied first; clears the faults afterwards. */
async function attempt(write: Write, arm: (forge: LocalForge) => void = () => undefined): Promise<Attempt> {
  const forge = await state();
  const revision = (await storedRevision(forge, write.project.id)) ?? 0;
  const before = await storageSnapshot(forge);
  const errorsBefore = countInjected(forge);
  arm(forge);
  const result = await call(forge, write.key, write.payload(revision), 'admin', projectPage(write.project));
  const kvsFaults = countInjected(forge) - errorsBefore;
  forge.kvs.faults.clear();
  forge.jira.faults.clear();
  const after = await storageSnapshot(forge);
  return { forge, result, before, after, revision, kvsFaults };
}

const countInjected = (forge: LocalForge) => (forge.kvs.stats.errors.INTERNAL_SERVER_ERROR ?? 0) + (forge.kvs.stats.errors.RATE_LIMIT_EXCEEDED ?? 0);

/** The failure was an error value with `code`, storage is untouched, and the same write then succeeds. */
async function expectCleanFailureThenSuccess(write: Write, run: Attempt, code: 'UPSTREAM' | 'LIMIT') {
  try {
    expect(run.result).not.toHaveProperty('thrown');
    expect(run.result).toEqual({ ok: false, error: { code, message: expect.any(String) } });
    expect(run.after).toBe(run.before);
    const retry = await call(run.forge, write.key, write.payload(run.revision), 'admin', projectPage(write.project));
    expect(retry).toMatchObject({ ok: true });
    expect(await storedRevision(run.forge, write.project.id)).toBe(run.revision + 1);
  } finally {
    run.forge.close();
  }
}

/** How many KVS and Jira calls a clean run of the write makes. */
async function cleanRunCalls(write: Write): Promise<{ kvs: number; jira: number; transactions: number }> {
  const forge = await state();
  try {
    const revision = (await storedRevision(forge, write.project.id)) ?? 0;
    forge.kvs.resetStats();
    forge.jira.resetStats();
    const result = await call(forge, write.key, write.payload(revision), 'admin', projectPage(write.project));
    expect(result).toMatchObject({ ok: true });
    return { kvs: forge.kvs.stats.totalCalls, jira: forge.jira.totalCalls, transactions: transactionCalls(forge) };
  } finally {
    forge.close();
  }
}

// toResult logs every unexpected failure; the injected ones are expected here.
beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

describe.each(WRITES.map((w) => [w.name, w]))('%s', (_name, write) => {
  it('makes exactly one transaction when nothing fails', async () => {
    const calls = await cleanRunCalls(write);
    expect(calls.transactions).toBe(1);
    // startRoadmap reads nothing first (its meta write is conditional on no roadmap existing); the others load the roadmap.
    expect(calls.kvs).toBeGreaterThanOrEqual(write.key === 'startRoadmap' ? 1 : 4);
    expect(calls.jira).toBeGreaterThan(0);
  });

  it.each([
    ['500', SERVER_ERROR],
    ['429', RATE_LIMITED],
  ])('(a) the transaction failing with %s leaves storage as it was', async (_status, fault) => {
    const run = await attempt(write, (forge) => forge.kvs.faults.failWhen((path) => path === '/api/v1/transaction', fault, 1));
    expect(run.kvsFaults).toBe(1);
    await expectCleanFailureThenSuccess(write, run, EXPECTED_CODE[fault.code]);
  });

  it.each([
    ['500', SERVER_ERROR],
    ['429', RATE_LIMITED],
  ])('(b) each KVS call failing in turn (%s) leaves storage as it was', async (_status, fault) => {
    const { kvs: callsInCleanRun } = await cleanRunCalls(write);
    expect(STEPS[write.key]).toBe(callsInCleanRun);
    let failedSteps = 0;
    for (let n = 1; ; n++) {
      if (n > callsInCleanRun + 1) throw new Error('the write never succeeded without a fault');
      const run = await attempt(write, (forge) => forge.kvs.faults.failNthCall(n, fault));
      if (run.kvsFaults === 0) {
        // Past the last call: the armed fault never fired and the write went through.
        try {
          expect(run.result).toMatchObject({ ok: true });
          expect(await storedRevision(run.forge, write.project.id)).toBe(run.revision + 1);
        } finally {
          run.forge.close();
        }
        break;
      }
      failedSteps++;
      await expectCleanFailureThenSuccess(write, run, EXPECTED_CODE[fault.code]);
    }
    expect(failedSteps).toBe(callsInCleanRun);
  });

  it('(c) Jira failing on the first N calls leaves storage as it was', async () => {
    const { jira: jiraCalls } = await cleanRunCalls(write);
    for (let times = 1; times <= jiraCalls; times++) {
      const run = await attempt(write, (forge) => forge.jira.faults.serverError(/.*/, { times, status: 503 }));
      await expectCleanFailureThenSuccess(write, run, 'UPSTREAM');
    }
  });

  it('(c) Jira rate limiting past the retry budget is an UPSTREAM error, within it the write goes through', async () => {
    const exhausted = await attempt(write, (forge) => forge.jira.faults.rateLimit(/.*/, { times: 8, retryAfterSeconds: 0 }));
    await expectCleanFailureThenSuccess(write, exhausted, 'UPSTREAM');
    const absorbed = await attempt(write, (forge) => forge.jira.faults.rateLimit(/.*/, { times: 1, retryAfterSeconds: 0 }));
    try {
      expect(absorbed.result).toMatchObject({ ok: true });
    } finally {
      absorbed.forge.close();
    }
  });
});

describe('a write over the transaction limit', () => {
  it(`deletePhase moving 32 initiatives in 31 chunks is refused with LIMIT (> ${MAX_TRANSACTION_OPERATIONS} operations) and stores nothing`, async () => {
    const forge = await seededForge();
    try {
      // Put 30 more initiatives into P-3, one per chunk (ids 50, 100, …, 1500), written in two commits that fit the limit.
      const seed = await forge.deps.store.load(TR.id);
      if (!seed) throw new Error('no seeded roadmap');
      const template = seed.initiatives.find((i) => i.phaseId === 'P-3')!;
      const extra: Initiative[] = Array.from({ length: 30 }, (_, k) => ({
        ...template,
        id: `I-${(k + 1) * ITEMS_PER_CHUNK}`,
        title: `Spread initiative ${k + 1}`,
        epicIds: [],
        dependsOn: [],
      }));
      let roadmap = seed;
      for (const batch of [extra.slice(0, 20), extra.slice(20)]) {
        const revision = roadmap.meta.revision + 1;
        const next = {
          meta: { ...roadmap.meta, nextInitiativeSeq: 30 * ITEMS_PER_CHUNK + 1, revision, updatedAt: NOW.toISOString() },
          initiatives: [...roadmap.initiatives, ...batch],
          debtItems: roadmap.debtItems,
        };
        await forge.deps.store.commit(TR.id, {
          baseRevision: roadmap.meta.revision,
          roadmap: next,
          touched: batch.map((i) => i.id),
          change: { revision, at: NOW.toISOString(), accountId: null, summary: 'Bulk load', reason: null, diffs: [] },
        });
        roadmap = next;
      }
      const loaded = await forge.deps.store.load(TR.id);
      expect(loaded?.initiatives.filter((i) => i.phaseId === 'P-3')).toHaveLength(32);
      expect(new Set(loaded?.initiatives.filter((i) => i.phaseId === 'P-3').map((i) => Math.floor(Number(i.id.slice(2)) / ITEMS_PER_CHUNK))).size).toBe(31);

      const before = await storageSnapshot(forge);
      const transactions = transactionCalls(forge);
      const result = await call(
        forge,
        'deletePhase',
        { baseRevision: 3, phaseId: 'P-3', moveInitiativesTo: 'P-2', reason: 'Merged' },
        'admin',
        projectPage(TR),
      );
      expect(result).toEqual({ ok: false, error: { code: 'LIMIT', message: expect.stringMatching(/too much at once/) } });
      expect(transactionCalls(forge)).toBe(transactions);
      expect(await storageSnapshot(forge)).toBe(before);
      expect(await storedRevision(forge, TR.id)).toBe(3);
    } finally {
      forge.close();
    }
  });
});

describe('the storage snapshot sees every key the writes touch', () => {
  it('covers rm: chunks, changes, epic links and the meta entity', async () => {
    const forge = await state();
    try {
      const snapshot = JSON.parse(await storageSnapshot(forge)) as { rm: Array<{ key: string }>; epic: Array<{ key: string }>; metaTR: unknown };
      const keys = snapshot.rm.map((r) => r.key);
      expect(keys).toEqual(expect.arrayContaining([`rm:${TR.id}:ini:000000`, `rm:${TR.id}:dbt:000000`]));
      expect(keys.some((k) => k.startsWith(`rm:${TR.id}:chg:`))).toBe(true);
      expect(snapshot.epic.map((r) => r.key)).toContain(`epic:${LINKED_TR_EPIC.id}:${TR.id}`);
      expect(snapshot.metaTR).toMatchObject({ value: { revision: 2 }, updatedAt: expect.anything() });
    } finally {
      forge.close();
    }
  });
});
