/** Shared set-up for the integration suites: the local Forge backend, the demo site, and storage inspection. */
import { seedDemoRoadmap } from '../../../dev/demo-seed';
import { DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS } from '../../../dev/jira';
import { LocalForge } from '../../../dev/local-forge';
import type { Result } from '../../../src/domain/api';
import { metaKey } from '../../../src/storage/keys';
import { META_ENTITY } from '../../../src/storage/kvs-roadmap-store';

export { checkStorageInvariants, rawSnapshot } from './invariants';
/** Opt-outs from the invariant check run after every integration test (always with a reason). */
export { exemptFromInvariants, optOutOfInvariants } from './invariant-tracking';

export const NOW = new Date('2026-11-23T12:00:00Z');
export const TR = DEMO_PROJECTS.TR;
export const PAY = DEMO_PROJECTS.PAY;
export const USERS = DEMO_USERS;
export type UserName = keyof typeof DEMO_USERS;
export type ProjectRefLike = { id: string; key: string; name: string };

export const projectPage = (project: { id: string; key: string }) => ({
  type: 'jira:projectPage',
  project: { id: project.id, key: project.key, type: 'software' },
});
export const macro = (project: { id: string }) => ({ type: 'macro', config: { projectId: project.id, view: 'executive' } });
export const issuePanel = (project: { id: string; key: string }, epic: { id: string; key: string }) => ({
  type: 'jira:issueContext',
  project: { id: project.id, key: project.key },
  issue: { id: epic.id, key: epic.key, type: 'Epic' },
});

export const epicBySummary = (summary: string) => {
  const epic = DEMO_EPICS.find((e) => e.summary === summary);
  if (!epic) throw new Error(`no demo epic ${summary}`);
  return epic;
};
/** TR epics the template links on seeding (by title), and ones left free for new links. */
export const LINKED_TR_EPIC = epicBySummary('Upgrade Node.js to v22 LTS'); // serves I-1
export const FREE_TR_EPIC = epicBySummary('Retire the legacy auth service');
export const FREE_TR_EPIC_2 = epicBySummary('Introduce distributed tracing with OpenTelemetry');
export const FIRST_PAY_EPIC = DEMO_EPICS.find((e) => e.projectKey === 'PAY')!;

/** A fresh backend (in-memory KVS) with TR's demo roadmap seeded (revision 1: P-1..P-3, I-1..I-6). */
export async function seededForge(): Promise<LocalForge> {
  const forge = new LocalForge({ now: () => NOW });
  await seedDemoRoadmap(forge);
  return forge;
}

/** Calls a resolver as `user`; an exception escaping the resolver is returned as `{ thrown }` so tests can assert on it. */
export async function call(
  forge: LocalForge,
  key: string,
  payload: unknown,
  user: UserName,
  extension: Record<string, unknown>,
): Promise<Result<unknown> | { thrown: unknown }> {
  try {
    return (await forge.invoke(key, payload, { accountId: DEMO_USERS[user].accountId, extension })) as Result<unknown>;
  } catch (thrown) {
    return { thrown };
  }
}

/** Calls a resolver that must succeed, returning its value. */
export async function mustCall<T = unknown>(forge: LocalForge, key: string, payload: unknown, user: UserName, extension: Record<string, unknown>): Promise<T> {
  const result = await call(forge, key, payload, user, extension);
  if (!('ok' in result) || !result.ok) throw new Error(`${key} failed: ${JSON.stringify(result)}`);
  return result.value as T;
}

export const transactionCalls = (forge: LocalForge): number => forge.kvs.stats.calls['/api/v1/transaction'] ?? 0;

async function kvsCall(forge: LocalForge, path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const answer = await forge.kvs.handle(path, body);
  return { status: answer.status, body: answer.body };
}

/** Every stored value under a plain-KVS key prefix, with its timestamps, paging 100 at a time. */
export async function queryPrefix(forge: LocalForge, prefix: string): Promise<unknown[]> {
  const rows: unknown[] = [];
  let after: string | undefined;
  do {
    const answer = await kvsCall(forge, '/api/v1/query', {
      where: [{ property: 'key', condition: 'BEGINS_WITH', values: [prefix] }],
      limit: 100,
      ...(after ? { after } : {}),
      options: { metadataFields: ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'] },
    });
    if (answer.status !== 200) throw new Error(`snapshot query failed: ${JSON.stringify(answer)}`);
    const body = answer.body as { data: unknown[]; cursor?: string };
    rows.push(...body.data);
    after = body.cursor;
  } while (after);
  return rows;
}

/** The stored meta entity of a project's roadmap, or null. */
export async function storedMeta(forge: LocalForge, projectId: string): Promise<{ value: { revision: number } } | null> {
  const answer = await kvsCall(forge, '/api/v1/entity/get', { entityName: META_ENTITY, key: metaKey(projectId) });
  if (answer.status === 404) return null;
  if (answer.status !== 200) throw new Error(`snapshot entity get failed: ${JSON.stringify(answer)}`);
  return answer.body as { value: { revision: number } };
}

export async function storedRevision(forge: LocalForge, projectId: string): Promise<number | null> {
  return (await storedMeta(forge, projectId))?.value.revision ?? null;
}

/**
 * Everything the app stores, as one JSON text (values and their created/updated timestamps): `rm:` and `epic:`
 * keys and both projects' meta entities. Reads the emulator directly — call it only while no fault is armed.
 */
export async function storageSnapshot(forge: LocalForge): Promise<string> {
  const snapshot = {
    rm: await queryPrefix(forge, 'rm:'),
    epic: await queryPrefix(forge, 'epic:'),
    metaTR: await storedMeta(forge, TR.id),
    metaPAY: await storedMeta(forge, PAY.id),
  };
  return JSON.stringify(snapshot);
}
