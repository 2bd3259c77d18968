import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EmulatedResponse } from '../../dev/http-types';
import { KvsEmulator } from '../../dev/kvs/kvs-emulator';
import { LIMITS } from '../../dev/kvs/limits';

type Body = Record<string, unknown>;

let emu: KvsEmulator;
beforeEach(() => {
  emu = new KvsEmulator();
});
afterEach(() => emu.close());

const call = (p: string, body: unknown): Promise<EmulatedResponse> => emu.handle(p, body);
const set = (key: string, value: unknown, options?: unknown): Promise<EmulatedResponse> => call('/api/v1/set', { key, value, options });
const get = (key: string): Promise<EmulatedResponse> => call('/api/v1/get', { key });
const body = (r: EmulatedResponse): Body => r.body as Body;

function expectError(r: EmulatedResponse, status: number, code: string): void {
  expect({ status: r.status, code: body(r)?.code }).toEqual({ status, code });
  expect(typeof body(r).message).toBe('string');
}

async function expectAbsent(key: string): Promise<void> {
  expectError(await get(key), 404, 'KEY_NOT_FOUND');
}

/** All plain keys, via paging. */
async function allKeys(): Promise<string[]> {
  const keys: string[] = [];
  let after: string | undefined;
  do {
    const r = await call('/api/v1/query', { limit: 100, after });
    expect(r.status).toBe(200);
    keys.push(...(body(r).data as Array<{ key: string }>).map((d) => d.key));
    after = body(r).cursor as string | undefined;
  } while (after);
  return keys;
}

const nested = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { n: v };
  return v;
};

/** A string value whose JSON encoding is exactly `bytes` long. */
const valueOfBytes = (bytes: number): string => 'x'.repeat(bytes - 2);

describe('happy paths', () => {
  it('set, get (with metadata), overwrite keeps createdAt, delete', async () => {
    expect((await set('a:1', { title: 'A', n: [1, 2] })).status).toBe(204);
    const g = await get('a:1');
    expect(g.status).toBe(200);
    expect(body(g)).toMatchObject({ key: 'a:1', value: { title: 'A', n: [1, 2] } });
    expect(typeof body(g).createdAt).toBe('number');
    const createdAt = body(g).createdAt;
    await set('a:1', 'second');
    const g2 = await get('a:1');
    expect(body(g2).value).toBe('second');
    expect(body(g2).createdAt).toBe(createdAt);
    expect((await call('/api/v1/delete', { key: 'a:1' })).status).toBe(204);
    await expectAbsent('a:1');
    expectError(await call('/api/v1/delete', { key: 'a:1' }), 404, 'KEY_NOT_FOUND');
  });

  it('accepts the boundary values: 500-char key, 240 KiB value, depth 31, keys with spaces/#/-', async () => {
    const longKey = 'k'.repeat(LIMITS.maxKeyLength);
    expect((await set(longKey, 1)).status).toBe(204);
    expect((await set('big', valueOfBytes(LIMITS.maxValueBytes))).status).toBe(204);
    expect((await set('deep', nested(31))).status).toBe(204);
    expect((await set('a b#c-d_e.f:g', true)).status).toBe(204);
    expect(body(await get('deep')).value).toEqual(nested(31));
    expect(emu.largestValueBytes).toBe(LIMITS.maxValueBytes);
  });

  it('returnValue PREVIOUS / LATEST', async () => {
    const first = await set('r', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(first.status).toBe(204);
    const prev = await set('r', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(body(prev)).toMatchObject({ key: 'r', value: 1 });
    const latest = await set('r', 3, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' });
    expect(body(latest)).toMatchObject({ key: 'r', value: 3 });
  });

  it('FAIL_IF_EXISTS writes a new key', async () => {
    expect((await set('fresh', 'v', { keyPolicy: 'FAIL_IF_EXISTS' })).status).toBe(204);
    expect(body(await get('fresh')).value).toBe('v');
  });

  it('ttl: entries expire and become invisible to get, query and FAIL_IF_EXISTS', async () => {
    let now = 1_000_000;
    const e = new KvsEmulator({ now: () => now });
    try {
      await e.handle('/api/v1/set', { key: 't', value: 1, options: { ttl: { value: 2, unit: 'SECONDS' } } });
      const g = await e.handle('/api/v1/get', { key: 't' });
      expect(body(g).expireTime).toBe(new Date(1_002_000).toISOString());
      now += 1999;
      expect((await e.handle('/api/v1/get', { key: 't' })).status).toBe(200);
      now += 1;
      expectError(await e.handle('/api/v1/get', { key: 't' }), 404, 'KEY_NOT_FOUND');
      expect(body(await e.handle('/api/v1/query', {})).data).toEqual([]);
      expect((await e.handle('/api/v1/set', { key: 't', value: 2, options: { keyPolicy: 'FAIL_IF_EXISTS' } })).status).toBe(204);
    } finally {
      e.close();
    }
  });

  it('query: key order, BEGINS_WITH, cursor paging, nextCursor only when more remain, default limit 10', async () => {
    const keys = Array.from({ length: 23 }, (_, i) => `item:${String(i).padStart(2, '0')}`);
    for (const k of [...keys].reverse()) await set(k, k);
    await set('other:1', 'x');
    const def = await call('/api/v1/query', {});
    expect((body(def).data as unknown[]).length).toBe(10);

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const r = await call('/api/v1/query', { limit: 10, after, where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['item:'] }] });
      expect(r.status).toBe(200);
      const data = body(r).data as Array<{ key: string; value: string; createdAt?: number }>;
      data.forEach((d) => expect(d.value).toBe(d.key));
      expect(data[0].createdAt).toBeUndefined();
      seen.push(...data.map((d) => d.key));
      after = body(r).cursor as string | undefined;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(keys);

    const exact = await call('/api/v1/query', { limit: 23, where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['item:'] }] });
    expect((body(exact).data as unknown[]).length).toBe(23);
    expect(body(exact).cursor).toBeUndefined();

    const meta = await call('/api/v1/query', { limit: 1, options: { metadataFields: ['CREATED_AT'] } });
    expect(typeof (body(meta).data as Body[])[0].createdAt).toBe('number');
  });

  it('batch set/get/delete report per-item results', async () => {
    const items = Array.from({ length: 25 }, (_, i) => ({ key: `b:${i}`, value: { i } }));
    const s = await call('/api/v1/batch/set', items);
    expect(s.status).toBe(200);
    expect((body(s).successfulKeys as unknown[]).length).toBe(25);
    expect(body(s).failedKeys).toEqual([]);
    const g = await call('/api/v1/batch/get', [{ key: 'b:3' }, { key: 'missing' }]);
    expect(body(g).successfulKeys).toEqual([{ key: 'b:3', value: { i: 3 } }]);
    expect(body(g).failedKeys).toEqual([{ key: 'missing', error: { code: 'KEY_NOT_FOUND', message: expect.any(String) } }]);
    const d = await call('/api/v1/batch/delete', [{ key: 'b:3' }, { key: 'b:4' }]);
    expect(body(d).successfulKeys).toEqual([{ key: 'b:3' }, { key: 'b:4' }]);
    await expectAbsent('b:3');
    expect((await allKeys()).length).toBe(23);
  });

  it('transaction sets and deletes together', async () => {
    await set('tx:old', 1);
    const r = await call('/api/v1/transaction', {
      set: [
        { key: 'tx:a', value: 'A' },
        { key: 'tx:b', value: 'B' },
      ],
      delete: [{ key: 'tx:old' }],
    });
    expect(r.status).toBe(204);
    expect(await allKeys()).toEqual(['tx:a', 'tx:b']);
  });

  it('plain keys, secrets and entities are separate namespaces', async () => {
    await set('same', 'plain');
    await call('/api/v1/secret/set', { key: 'same', value: 'secret' });
    await call('/api/v1/entity/set', { entityName: 'things', key: 'same', value: { v: 'entity' } });
    expect(body(await get('same')).value).toBe('plain');
    expect(body(await call('/api/v1/secret/get', { key: 'same' })).value).toBe('secret');
    expect(body(await call('/api/v1/entity/get', { entityName: 'things', key: 'same' })).value).toEqual({ v: 'entity' });
    expect(await allKeys()).toEqual(['same']);
    expect((await call('/api/v1/secret/delete', { key: 'same' })).status).toBe(204);
    expect(body(await get('same')).value).toBe('plain');
  });

  it('persists across two emulator instances on one file; reset wipes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kvs-emu-'));
    const filename = path.join(dir, 'kvs.sqlite');
    try {
      const a = new KvsEmulator({ filename });
      await a.handle('/api/v1/set', { key: 'persist', value: { ok: true } });
      a.close();
      const b = new KvsEmulator({ filename });
      expect(body(await b.handle('/api/v1/get', { key: 'persist' })).value).toEqual({ ok: true });
      b.reset();
      expect((await b.handle('/api/v1/get', { key: 'persist' })).status).toBe(404);
      b.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('entity transaction conditions and checks are evaluated', async () => {
    await call('/api/v1/entity/set', { entityName: 'card', key: 'c1', value: { version: 1 } });
    const okTx = await call('/api/v1/transaction', {
      set: [{ key: 'c1', entityName: 'card', value: { version: 2 }, conditions: { and: [{ property: 'version', condition: 'EQUAL_TO', values: [1] }] } }],
    });
    expect(okTx.status).toBe(204);
    expect(body(await call('/api/v1/entity/get', { entityName: 'card', key: 'c1' })).value).toEqual({ version: 2 });
  });

  it('entity query over a declared index', async () => {
    const e = new KvsEmulator({ entities: { task: { indexes: { byRank: { range: 'rank', partition: ['team'] } } } } });
    try {
      for (const [key, team, rank] of [
        ['t1', 'a', 3],
        ['t2', 'a', 1],
        ['t3', 'b', 2],
        ['t4', 'a', 2],
      ] as const) {
        await e.handle('/api/v1/entity/set', { entityName: 'task', key, value: { team, rank } });
      }
      const r1 = await e.handle('/api/v1/entity/query', { entityName: 'task', indexName: 'byRank', partition: ['a'], limit: 2 });
      expect((body(r1).data as Body[]).map((d) => d.key)).toEqual(['t2', 't4']);
      const r2 = await e.handle('/api/v1/entity/query', { entityName: 'task', indexName: 'byRank', partition: ['a'], limit: 2, cursor: body(r1).cursor });
      expect((body(r2).data as Body[]).map((d) => d.key)).toEqual(['t1']);
      expect(body(r2).cursor).toBeUndefined();
      const r3 = await e.handle('/api/v1/entity/query', {
        entityName: 'task',
        indexName: 'byRank',
        range: { condition: 'GREATER_THAN', values: [1] },
        sort: 'DESC',
      });
      expect((body(r3).data as Body[]).map((d) => d.key)).toEqual(['t1', 't4', 't3']); // equal ranks tie-break on key, reversed by DESC
      expectError(await e.handle('/api/v1/entity/query', { entityName: 'task', indexName: 'nope' }), 400, 'UNSUPPORTED');
    } finally {
      e.close();
    }
  });
});

describe('limits: every breach is refused and nothing is written', () => {
  it.each([
    ['empty key', '', 'KEY_TOO_SHORT'],
    ['501-char key', 'k'.repeat(501), 'KEY_TOO_LONG'],
    ['key with a slash', 'a/b', 'INVALID_KEY'],
    ['whitespace-only key', '   ', 'INVALID_KEY'],
    ['key with unicode letters', 'clé', 'INVALID_KEY'],
  ])('set refuses %s', async (_label, key, code) => {
    expectError(await set(key, 1), 400, code);
    expect(await allKeys()).toEqual([]);
  });

  it('get and delete refuse invalid keys too', async () => {
    expectError(await get('a/b'), 400, 'INVALID_KEY');
    expectError(await call('/api/v1/delete', { key: 'k'.repeat(501) }), 400, 'KEY_TOO_LONG');
  });

  it('value over 240 KiB → MAX_SIZE', async () => {
    expectError(await set('big', valueOfBytes(LIMITS.maxValueBytes + 1)), 400, 'MAX_SIZE');
    await expectAbsent('big');
    expect(emu.stats.bytesWritten).toBe(0);
  });

  it('multi-byte characters count as bytes, not characters', async () => {
    expectError(await set('utf8', 'é'.repeat(LIMITS.maxValueBytes / 2)), 400, 'MAX_SIZE');
    await expectAbsent('utf8');
  });

  it('object depth 32 → MAX_DEPTH (arrays count too)', async () => {
    expectError(await set('deep', nested(32)), 400, 'MAX_DEPTH');
    let arr: unknown = 1;
    for (let i = 0; i < 32; i++) arr = [arr];
    expectError(await set('deepArr', arr), 400, 'MAX_DEPTH');
    await expectAbsent('deep');
    await expectAbsent('deepArr');
  });

  it('missing value / bad ttl / bad keyPolicy → BAD_REQUEST', async () => {
    expectError(await call('/api/v1/set', { key: 'nv' }), 400, 'BAD_REQUEST');
    expectError(await set('ttl', 1, { ttl: { value: -1, unit: 'DAYS' } }), 400, 'BAD_REQUEST');
    expectError(await set('ttl', 1, { ttl: { value: 1, unit: 'WEEKS' } }), 400, 'BAD_REQUEST');
    expectError(await set('pol', 1, { keyPolicy: 'SOMETIMES' }), 400, 'BAD_REQUEST');
    expect(await allKeys()).toEqual([]);
  });

  it('FAIL_IF_EXISTS on an existing key → 409 KEY_ALREADY_EXISTS, value unchanged', async () => {
    await set('k', 'original');
    expectError(await set('k', 'new', { keyPolicy: 'FAIL_IF_EXISTS' }), 409, 'KEY_ALREADY_EXISTS');
    expect(body(await get('k')).value).toBe('original');
  });

  it('query limit over 100 → LIST_QUERY_LIMIT_EXCEEDED; 0 → BAD_REQUEST', async () => {
    await set('q', 1);
    expectError(await call('/api/v1/query', { limit: 101 }), 400, 'LIST_QUERY_LIMIT_EXCEEDED');
    expectError(await call('/api/v1/query', { limit: 0 }), 400, 'BAD_REQUEST');
    expect((await call('/api/v1/query', { limit: 100 })).status).toBe(200);
  });

  it('query where: only one BEGINS_WITH on key', async () => {
    const w = (property: string, condition: string, values: unknown[]) => ({ property, condition, values });
    expectError(await call('/api/v1/query', { where: [w('value', 'BEGINS_WITH', ['a'])] }), 400, 'QUERY_WHERE_FIELD_INVALID');
    expectError(await call('/api/v1/query', { where: [w('key', 'EQUAL_TO', ['a'])] }), 400, 'INVALID_FILTER_CONDITION');
    expectError(await call('/api/v1/query', { where: [w('key', 'BETWEEN', ['a', 'b'])] }), 400, 'INVALID_FILTER_CONDITION');
    expectError(await call('/api/v1/query', { where: [w('key', 'BEGINS_WITH', ['a', 'b'])] }), 400, 'INVALID_FILTER_VALUES');
    expectError(await call('/api/v1/query', { where: [w('key', 'BEGINS_WITH', ['a']), w('key', 'BEGINS_WITH', ['b'])] }), 400, 'QUERY_WHERE_INVALID');
  });

  it('query with a forged or foreign cursor → INVALID_CURSOR', async () => {
    for (let i = 0; i < 3; i++) await set(`p:${i}`, i);
    const r = await call('/api/v1/query', { limit: 1, where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['p:'] }] });
    expectError(await call('/api/v1/query', { after: '%%%not-base64' }), 400, 'INVALID_CURSOR');
    expectError(await call('/api/v1/query', { after: body(r).cursor }), 400, 'INVALID_CURSOR');
  });

  it('batch over 25 items → TOO_MANY_OPERATIONS, nothing written', async () => {
    const items = Array.from({ length: 26 }, (_, i) => ({ key: `b:${i}`, value: i }));
    expectError(await call('/api/v1/batch/set', items), 400, 'TOO_MANY_OPERATIONS');
    expectError(
      await call(
        '/api/v1/batch/get',
        items.map(({ key }) => ({ key })),
      ),
      400,
      'TOO_MANY_OPERATIONS',
    );
    expectError(
      await call(
        '/api/v1/batch/delete',
        items.map(({ key }) => ({ key })),
      ),
      400,
      'TOO_MANY_OPERATIONS',
    );
    expect(await allKeys()).toEqual([]);
  });

  it('batch with a duplicate key → DUPLICATE_KEYS; empty batch → BAD_REQUEST; nothing written', async () => {
    expectError(
      await call('/api/v1/batch/set', [
        { key: 'd', value: 1 },
        { key: 'd', value: 2 },
      ]),
      400,
      'DUPLICATE_KEYS',
    );
    expectError(await call('/api/v1/batch/set', []), 400, 'BAD_REQUEST');
    expect(await allKeys()).toEqual([]);
  });

  it('batch over 4 MB → PAYLOAD_TOO_LARGE, nothing written', async () => {
    const items = Array.from({ length: 18 }, (_, i) => ({ key: `big:${i}`, value: valueOfBytes(240_000) }));
    expectError(await call('/api/v1/batch/set', items), 400, 'PAYLOAD_TOO_LARGE');
    expect(await allKeys()).toEqual([]);
  });

  it('batch set reports per-item breaches in failedKeys and writes only the valid items', async () => {
    const r = await call('/api/v1/batch/set', [
      { key: 'ok', value: 1 },
      { key: 'bad/key', value: 1 },
      { key: 'huge', value: valueOfBytes(LIMITS.maxValueBytes + 1) },
      { key: 'deep', value: nested(32) },
    ]);
    expect(r.status).toBe(200);
    expect(body(r).successfulKeys).toEqual([{ key: 'ok' }]);
    expect((body(r).failedKeys as Array<{ key: string; error: { code: string } }>).map((f) => [f.key, f.error.code])).toEqual([
      ['bad/key', 'INVALID_KEY'],
      ['huge', 'MAX_SIZE'],
      ['deep', 'MAX_DEPTH'],
    ]);
    expect(await allKeys()).toEqual(['ok']);
  });

  it('transaction over 25 operations → TOO_MANY_OPERATIONS, nothing written', async () => {
    await set('keep', 1);
    const sets = Array.from({ length: 25 }, (_, i) => ({ key: `t:${i}`, value: i }));
    expectError(await call('/api/v1/transaction', { set: sets, delete: [{ key: 'keep' }] }), 400, 'TOO_MANY_OPERATIONS');
    expect(await allKeys()).toEqual(['keep']);
    expect((await call('/api/v1/transaction', { set: sets })).status).toBe(204);
    expect((await allKeys()).length).toBe(26);
  });

  it('transaction over 4 MB → PAYLOAD_TOO_LARGE, nothing written', async () => {
    const sets = Array.from({ length: 18 }, (_, i) => ({ key: `big:${i}`, value: valueOfBytes(240_000) }));
    expectError(await call('/api/v1/transaction', { set: sets }), 400, 'PAYLOAD_TOO_LARGE');
    expect(await allKeys()).toEqual([]);
  });

  it('transaction touching a key twice → DUPLICATE_KEYS, nothing written', async () => {
    await set('x', 'orig');
    expectError(
      await call('/api/v1/transaction', {
        set: [
          { key: 'x', value: 1 },
          { key: 'y', value: 1 },
        ],
        delete: [{ key: 'x' }],
      }),
      400,
      'DUPLICATE_KEYS',
    );
    expect(await allKeys()).toEqual(['x']);
    expect(body(await get('x')).value).toBe('orig');
  });

  it('transaction with one invalid operation is refused as a whole', async () => {
    expectError(
      await call('/api/v1/transaction', {
        set: [
          { key: 'fine', value: 1 },
          { key: 'big', value: valueOfBytes(LIMITS.maxValueBytes + 1) },
        ],
      }),
      400,
      'MAX_SIZE',
    );
    expectError(
      await call('/api/v1/transaction', {
        set: [
          { key: 'fine', value: 1 },
          { key: 'no/pe', value: 1 },
        ],
      }),
      400,
      'INVALID_KEY',
    );
    expectError(await call('/api/v1/transaction', {}), 400, 'BAD_REQUEST');
    expect(await allKeys()).toEqual([]);
  });

  it('failed entity condition → 409 CONDITION_FAILED, all-or-nothing', async () => {
    await call('/api/v1/entity/set', { entityName: 'card', key: 'c1', value: { version: 1 } });
    const r2 = await call('/api/v1/transaction', {
      set: [
        { key: 'plain', value: 'should not exist' },
        { key: 'c2', entityName: 'card', value: { version: 1 } },
      ],
      check: [{ key: 'c1', entityName: 'card', conditions: { and: [{ property: 'version', condition: 'EQUAL_TO', values: [2] }] } }],
    });
    expectError(r2, 409, 'CONDITION_FAILED');
    await expectAbsent('plain');
    expectError(await call('/api/v1/entity/get', { entityName: 'card', key: 'c2' }), 404, 'KEY_NOT_FOUND');
  });

  it('conditions on plain KVS operations are refused', async () => {
    expectError(
      await call('/api/v1/transaction', { set: [{ key: 'p', value: 1, conditions: { and: [{ property: 'a', condition: 'EXISTS', values: [true] }] } }] }),
      400,
      'BAD_REQUEST',
    );
    await expectAbsent('p');
  });

  it('unknown endpoint → 404 NOT_FOUND; malformed body → BAD_REQUEST', async () => {
    expectError(await call('/api/v1/nope', {}), 404, 'NOT_FOUND');
    expectError(await call('/api/v1/set', 'not an object'), 400, 'BAD_REQUEST');
  });
});

describe('fault injection and stats', () => {
  it('failNthCall fails exactly the n-th call, optionally per path', async () => {
    emu.faults.failNthCall(2, { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'down' });
    expect((await set('f1', 1)).status).toBe(204);
    expectError(await set('f2', 1), 503, 'SERVICE_UNAVAILABLE');
    expect((await set('f3', 1)).status).toBe(204);
    await expectAbsent('f2');

    emu.faults.failNthCall(1, { status: 500, code: 'INTERNAL_SERVER_ERROR' }, { path: '/api/v1/get' });
    expect((await set('f4', 1)).status).toBe(204);
    expectError(await get('f4'), 500, 'INTERNAL_SERVER_ERROR');
    expect((await get('f4')).status).toBe(200);
  });

  it('failWhen applies a predicate; clear removes it', async () => {
    emu.faults.failWhen((p, b) => p === '/api/v1/set' && (b as Body).key === 'poison', { status: 500, code: 'INTERNAL_SERVER_ERROR' });
    expectError(await set('poison', 1), 500, 'INTERNAL_SERVER_ERROR');
    expect((await set('fine', 1)).status).toBe(204);
    emu.faults.clear();
    expect((await set('poison', 1)).status).toBe(204);
  });

  it('rateLimitNext answers 429 RATE_LIMIT_EXCEEDED the given number of times', async () => {
    emu.faults.rateLimitNext(2);
    expectError(await set('r', 1), 429, 'RATE_LIMIT_EXCEEDED');
    expectError(await get('r'), 429, 'RATE_LIMIT_EXCEEDED');
    expect((await set('r', 1)).status).toBe(204);
    expect(emu.stats.errors.RATE_LIMIT_EXCEEDED).toBe(2);
  });

  it('latencyMs delays answers', async () => {
    emu.faults.latencyMs = 60;
    const t0 = Date.now();
    await set('slow', 1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(50);
  });

  it('stats count calls per path and bytes read/written; resetStats clears', async () => {
    await set('s', { a: 'xyz' });
    await get('s');
    await get('s');
    await call('/api/v1/query', {});
    const bytes = Buffer.byteLength(JSON.stringify({ a: 'xyz' }));
    expect(emu.stats.calls).toEqual({ '/api/v1/set': 1, '/api/v1/get': 2, '/api/v1/query': 1 });
    expect(emu.stats.totalCalls).toBe(4);
    expect(emu.stats.bytesWritten).toBe(bytes);
    expect(emu.stats.bytesRead).toBe(3 * bytes);
    expect(emu.largestValueBytes).toBe(bytes);
    emu.resetStats();
    expect(emu.stats.totalCalls).toBe(0);
    expect(emu.stats.calls).toEqual({});
    expect(emu.largestValueBytes).toBe(0);
  });
});
