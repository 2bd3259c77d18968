/**
 * Payload fuzzing: for every resolver key, 1,000+ distinct, deterministic, JSON-safe invalid payloads (from a
 * seeded PRNG) sent through the real resolver as the admin on TR. Each must be refused as INVALID_INPUT naming
 * exactly the corrupted field paths, with nothing written.
 */
import type { LocalForge } from '../../dev/local-forge';
import { CONTRACT } from '../../src/domain/contract';
import { MAX_REQUEST_BYTES, RESOLVER_TABLE } from '../../src/resolvers/define';
import { basePayloads, fuzzExtension, fuzzState, sanityExtension } from './support/fuzz-bases';
import { call, storageSnapshot, storedRevision, TR, transactionCalls } from './support/harness';
import { assertJsonSafe, clone, generateInvalid, getAt, type Json, objectPaths, PAYLOAD_SPECS, ROOT, setOwn, type Spec } from './support/payload-spec';
import { Prng } from './support/prng';

const PAYLOADS_PER_RESOLVER = 1000;
const KEYS = Object.keys(RESOLVER_TABLE);
const FIELD_PATH = /^(\(payload\)|[A-Za-z_][A-Za-z0-9_]*(\.([A-Za-z_][A-Za-z0-9_]*|\d+))*)$/;
// The contract's schema (resolvers whose API lives in a file of its own, like digest-api.ts, are found there too).
const schemaOf = (key: string) =>
  (CONTRACT as unknown as Record<string, { payload: { safeParse(v: unknown): { success: boolean; error?: unknown } } } | undefined>)[key]?.payload;
const seedOf = (key: string) => [...key].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 0x5eed);
const BASES = basePayloads(3);

describe('the fuzz covers the resolver table', () => {
  it('has a payload spec, a payload schema and a valid base payload for every key in RESOLVER_TABLE', () => {
    expect(KEYS.length).toBeGreaterThanOrEqual(19);
    for (const key of KEYS) {
      expect({ key, spec: key in PAYLOAD_SPECS, base: key in BASES, schema: schemaOf(key) !== undefined }).toEqual({
        key,
        spec: true,
        base: true,
        schema: true,
      });
      const parsed = schemaOf(key)!.safeParse(BASES[key]);
      expect({ key, success: parsed.success }).toEqual({ key, success: true });
    }
  });
});

describe('valid base payloads are accepted (the fuzz corrupts something that works)', () => {
  // Each on a fresh backend, so every write starts from the same revision.
  it.each(KEYS)('%s: the base payload succeeds', async (key) => {
    const { forge } = await fuzzState();
    try {
      const result = await call(forge, key, BASES[key], 'admin', sanityExtension(key));
      expect(result).toMatchObject({ ok: true });
    } finally {
      forge.close();
    }
  });
});

describe('fuzz: every resolver refuses invalid payloads with INVALID_INPUT and field paths, writing nothing', () => {
  let forge: LocalForge;
  beforeAll(async () => {
    forge = (await fuzzState()).forge;
  });
  afterAll(() => forge.close());

  it.each(KEYS)(`%s: ${PAYLOADS_PER_RESOLVER} distinct invalid payloads`, async (key) => {
    const spec: Spec = PAYLOAD_SPECS[key];
    const rng = new Prng(seedOf(key));
    const transactionsBefore = transactionCalls(forge);
    const revisionBefore = await storedRevision(forge, TR.id);
    const snapshotBefore = await storageSnapshot(forge);

    const seen = new Set<string>();
    const failures: unknown[] = [];
    const kinds = { root: 0, multi: 0, deepJunk: 0, overLong: 0 };
    let attempts = 0;
    while (seen.size < PAYLOADS_PER_RESOLVER) {
      if (++attempts > PAYLOADS_PER_RESOLVER * 6) throw new Error(`only ${seen.size} distinct payloads for ${key}`);
      const generated = generateInvalid(spec, BASES[key], rng);
      assertJsonSafe(generated.payload);
      const text = JSON.stringify(generated.payload);
      if (seen.has(text)) continue;
      seen.add(text);
      if (generated.expected[0] === ROOT) kinds.root++;
      if (generated.expected.length > 1) kinds.multi++;
      if (/"a":\{"a":\{"a":\{"a"|\[\[\[\[\[/.test(text)) kinds.deepJunk++;
      if (text.length > 1000) kinds.overLong++;

      // What crosses the bridge is JSON: send exactly what JSON.parse gives back.
      const result = await call(forge, key, JSON.parse(text), 'admin', fuzzExtension(key));
      const error = 'ok' in result && !result.ok ? result.error : undefined;
      const fields = error?.fields ?? {};
      const keys = Object.keys(fields).sort();
      // Over Forge's 500 KB invoke limit (counted in UTF-8 bytes) the platform refuses the request before any field is
      // read: the resolvers answer LIMIT for the payload as a whole, never run the handler.
      const oversize = Buffer.byteLength(text, 'utf8') > MAX_REQUEST_BYTES;
      const good = oversize
        ? error?.code === 'LIMIT' && JSON.stringify(keys) === JSON.stringify(['(payload)'])
        : error !== undefined &&
          error.code === 'INVALID_INPUT' &&
          typeof error.message === 'string' &&
          error.message.length > 0 &&
          keys.length > 0 &&
          keys.every((k) => FIELD_PATH.test(k) && typeof fields[k] === 'string' && fields[k].length > 0) &&
          JSON.stringify(keys) === JSON.stringify(generated.expected);
      if (!good && failures.length < 5) {
        failures.push({
          how: generated.how,
          expected: generated.expected,
          payload: text.slice(0, 400),
          answer: 'thrown' in result ? String(result.thrown) : JSON.stringify(result).slice(0, 300),
        });
      } else if (!good) failures.push(null);
    }

    expect({ failed: failures.length, first: failures.slice(0, 5) }).toEqual({ failed: 0, first: [] });
    expect(seen.size).toBeGreaterThanOrEqual(PAYLOADS_PER_RESOLVER);
    // The generator really exercised the promised kinds of junk.
    expect(kinds.root).toBeGreaterThan(20);
    expect(kinds.deepJunk).toBeGreaterThan(10);
    if (Object.keys((spec as Extract<Spec, { t: 'obj' }>).fields).length > 1) expect(kinds.multi).toBeGreaterThan(20);
    expect(transactionCalls(forge)).toBe(transactionsBefore);
    expect(await storedRevision(forge, TR.id)).toBe(revisionBefore);
    expect(await storageSnapshot(forge)).toBe(snapshotBefore);
  });
});

/** @forge/resolver passes `payload || {}` to the function, so a falsy root is the same as no payload at all. */
describe('a falsy payload (null, "", 0, false) is read as "no payload"', () => {
  let forge: LocalForge;
  beforeAll(async () => {
    forge = (await fuzzState()).forge;
  });
  afterAll(() => forge.close());

  it.each(KEYS)('%s: falsy payloads answer like {} and write nothing', async (key) => {
    const before = await storageSnapshot(forge);
    const asEmpty = await call(forge, key, {}, 'admin', fuzzExtension(key));
    const asNull = await call(forge, key, null, 'admin', fuzzExtension(key));
    expect(asNull).toEqual(asEmpty);
    for (const falsy of ['', 0, false]) expect(await call(forge, key, falsy, 'admin', fuzzExtension(key))).toEqual(asEmpty);
    const spec = PAYLOAD_SPECS[key] as Extract<Spec, { t: 'obj' }>;
    const required = Object.entries(spec.fields)
      .filter(([, f]) => f.required)
      .map(([k]) => k)
      .sort();
    if (required.length > 0) {
      expect(asNull).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(Object.keys((asNull as { error: { fields: object } }).error.fields).sort()).toEqual(required);
    } else {
      expect(asNull).not.toHaveProperty('thrown');
    }
    expect(await storageSnapshot(forge)).toBe(before);
  });
});

/**
 * Unknown keys inside nested objects. The top-level payloads and the patches are `.strict()`, but several nested
 * objects are plain `z.object` and silently drop unknown keys (so a typo such as `initiative.trak` is accepted and
 * lost on create, while the same typo in `patch.trak` is refused on update). These cells assert the strict contract.
 */
const NESTED = KEYS.flatMap((key) =>
  objectPaths(BASES[key], PAYLOAD_SPECS[key])
    .filter((o) => o.path.length > 0)
    .map((o) => ({ key, path: o.path, text: o.text, strict: o.strict })),
);

describe('unknown keys in nested objects are refused, not silently dropped', () => {
  it.each(NESTED.map((n) => [n.key, n.text, n]))('%s: unknown key inside %s', async (key, _text, n) => {
    const { forge } = await fuzzState();
    try {
      const payload = clone(BASES[key]);
      setOwn(getAt(payload, n.path) as Record<string, Json>, 'unexpectedKey', 'typo');
      const transactions = transactionCalls(forge);
      const before = await storageSnapshot(forge);
      const result = await call(forge, key, payload, 'admin', fuzzExtension(key));
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { [n.text]: expect.any(String) } } });
      expect(transactionCalls(forge)).toBe(transactions);
      expect(await storageSnapshot(forge)).toBe(before);
    } finally {
      forge.close();
    }
  });
});
