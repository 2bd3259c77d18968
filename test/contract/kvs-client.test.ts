/**
 * The real @forge/kvs client, round-tripping through the emulator via a minimal `__forge_fetch__`.
 * (@forge/kvs resolves `global.__forge_fetch__` at call time, so installing it in beforeAll is enough.)
 */
import kvs, { ForgeKvsAPIError, WhereConditions } from '@forge/kvs';
import { toFetchResponse } from '../../dev/kvs/fetch-response';
import { KvsEmulator } from '../../dev/kvs/kvs-emulator';

type ForgeFetch = (ctx: unknown, path: string, init?: RequestInit) => Promise<Response>;
const g = global as typeof globalThis & { __forge_fetch__?: ForgeFetch };

let emu: KvsEmulator;
const seenContexts: unknown[] = [];

beforeAll(() => {
  emu = new KvsEmulator();
  g.__forge_fetch__ = async (ctx, path, init) => {
    seenContexts.push(ctx);
    return toFetchResponse(await emu.handle(path, JSON.parse((init?.body as string | undefined) ?? 'null')));
  };
});
afterAll(() => {
  delete g.__forge_fetch__;
  emu.close();
});
beforeEach(() => {
  emu.reset();
  emu.faults.clear();
  emu.resetStats();
});

async function caught(p: Promise<unknown>): Promise<ForgeKvsAPIError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ForgeKvsAPIError);
    return e as ForgeKvsAPIError;
  }
  throw new Error('expected a ForgeKvsAPIError');
}

describe('@forge/kvs client against the emulator', () => {
  it('set / get / delete; missing keys read as undefined', async () => {
    await kvs.set('roadmap:1', { title: 'Q3', items: [1, 2, 3] });
    await expect(kvs.get('roadmap:1')).resolves.toEqual({ title: 'Q3', items: [1, 2, 3] });
    await kvs.delete('roadmap:1');
    await expect(kvs.get('roadmap:1')).resolves.toBeUndefined();
    await expect(kvs.delete('roadmap:1')).resolves.toBeUndefined();
    expect(seenContexts[0]).toMatchObject({ type: 'kvs' });
    expect(emu.stats.calls['/api/v1/set']).toBe(1);
  });

  it('get with metadata and set with returnValue', async () => {
    await kvs.set('m', 1);
    const res = await kvs.get('m', { metadataFields: ['CREATED_AT' as never] });
    expect(res).toMatchObject({ key: 'm', value: 1, createdAt: expect.any(Number) });
    const prev = await kvs.set('m', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(prev).toMatchObject({ key: 'm', value: 1 });
    const latest = await kvs.set('m', 3, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' });
    expect(latest).toMatchObject({ key: 'm', value: 3 });
  });

  it('query with beginsWith, limit and cursor pages through in key order', async () => {
    const keys = Array.from({ length: 7 }, (_, i) => `epic:${i}`);
    for (const k of keys) await kvs.set(k, k.toUpperCase());
    await kvs.set('other', 0);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let q = kvs.query().where('key', WhereConditions.beginsWith('epic:')).limit(3);
      if (cursor) q = q.cursor(cursor);
      const page = await q.getMany<string>();
      page.results.forEach((r) => expect(r.value).toBe(r.key.toUpperCase()));
      seen.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(keys);
    await expect(kvs.query().where('key', WhereConditions.beginsWith('epic:')).getOne()).resolves.toMatchObject({ key: 'epic:0' });
  });

  it('transact().set().delete().execute() applies atomically', async () => {
    await kvs.set('old', 1);
    await kvs.transact().set('a', 'A').set('b', 'B').delete('old').execute();
    await expect(kvs.get('a')).resolves.toBe('A');
    await expect(kvs.get('b')).resolves.toBe('B');
    await expect(kvs.get('old')).resolves.toBeUndefined();

    const err = await caught(kvs.transact().set('c', 'C').delete('a').set('a', 'again').execute());
    expect(err.code).toBe('DUPLICATE_KEYS');
    await expect(kvs.get('c')).resolves.toBeUndefined();
    await expect(kvs.get('a')).resolves.toBe('A');
  });

  it('limit breaches surface as ForgeKvsAPIError with the platform code', async () => {
    const tooLong = await caught(kvs.set('k'.repeat(501), 1));
    expect(tooLong.code).toBe('KEY_TOO_LONG');
    expect(tooLong.responseDetails.status).toBe(400);
    expect((await caught(kvs.set('bad/key', 1))).code).toBe('INVALID_KEY');
    expect((await caught(kvs.set('big', 'x'.repeat(240 * 1024)))).code).toBe('MAX_SIZE');
    expect((await caught(kvs.query().limit(101).getMany())).code).toBe('LIST_QUERY_LIMIT_EXCEEDED');
    expect(
      (
        await caught(
          kvs
            .query()
            .where('key', WhereConditions.equalTo('a') as never)
            .getMany(),
        )
      ).code,
    ).toBe('INVALID_FILTER_CONDITION');
    await kvs.set('exists', 1);
    expect((await caught(kvs.set('exists', 2, { keyPolicy: 'FAIL_IF_EXISTS' }))).code).toBe('KEY_ALREADY_EXISTS');
    await expect(kvs.get('exists')).resolves.toBe(1);
    const tx = kvs.transact();
    for (let i = 0; i < 26; i++) tx.set(`t${i}`, i);
    expect((await caught(tx.execute())).code).toBe('TOO_MANY_OPERATIONS');
    await expect(kvs.get('t0')).resolves.toBeUndefined();
  });

  it('injected rate limiting surfaces as 429 RATE_LIMIT_EXCEEDED', async () => {
    emu.faults.rateLimitNext(1);
    const err = await caught(kvs.get('anything'));
    expect(err.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(err.responseDetails.status).toBe(429);
    await expect(kvs.get('anything')).resolves.toBeUndefined();
  });

  it('batchSet / batchGet / batchDelete', async () => {
    const set = await kvs.batchSet<unknown>([
      { key: 'b1', value: { n: 1 } },
      { key: 'b2', value: { n: 2 } },
      { key: 'bad/key', value: 0 },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'b1' }, { key: 'b2' }]);
    expect(set.failedKeys.map((f) => [f.key, f.error.code])).toEqual([['bad/key', 'INVALID_KEY']]);
    const got = await kvs.batchGet<{ n: number }>([{ key: 'b1' }, { key: 'b2' }, { key: 'nope' }]);
    expect(got.successfulKeys.map((s) => [s.key, s.value.n])).toEqual([
      ['b1', 1],
      ['b2', 2],
    ]);
    expect(got.failedKeys.map((f) => f.error.code)).toEqual(['KEY_NOT_FOUND']);
    const del = await kvs.batchDelete([{ key: 'b1' }]);
    expect(del.successfulKeys).toEqual([{ key: 'b1' }]);
    await expect(kvs.get('b1')).resolves.toBeUndefined();
    const tooMany = Array.from({ length: 26 }, (_, i) => ({ key: `x${i}`, value: i }));
    expect((await caught(kvs.batchSet(tooMany))).code).toBe('TOO_MANY_OPERATIONS');
  });

  it('secrets and entities are kept apart from plain keys', async () => {
    await kvs.setSecret('token', 's3cret');
    await kvs.entity<{ v: number }>('widget').set('token', { v: 1 });
    await expect(kvs.get('token')).resolves.toBeUndefined();
    await expect(kvs.getSecret('token')).resolves.toBe('s3cret');
    await expect(kvs.entity<{ v: number }>('widget').get('token')).resolves.toEqual({ v: 1 });
    await kvs.entity('widget').delete('token');
    await expect(kvs.entity('widget').get('token')).resolves.toBeUndefined();
    await kvs.deleteSecret('token');
    await expect(kvs.getSecret('token')).resolves.toBeUndefined();
  });
});
