/**
 * A hand-written description of every resolver payload (mirroring the zod schemas in src/domain/api.ts and
 * src/domain/model.ts), used to generate invalid payloads whose expected error field paths are known exactly.
 */
import type { Prng } from './prng';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type Spec = (
  | { t: 'int'; min: number; max?: number }
  | { t: 'num'; min?: number; max?: number; gt?: number }
  | { t: 'str'; min: number; max: number; trim: boolean }
  | { t: 'pat'; good: string; bad: readonly string[] }
  | { t: 'enum'; values: readonly (string | number)[] }
  | { t: 'bool' }
  | { t: 'arr'; of: Spec; max: number }
  | { t: 'obj'; fields: Record<string, Field>; strict: boolean; nonEmpty?: boolean }
) & { nullable?: boolean };

export interface Field {
  spec: Spec;
  required: boolean;
}

// ---- building blocks ------------------------------------------------------------------------------------------

const req = (spec: Spec): Field => ({ spec, required: true });
const opt = (spec: Spec): Field => ({ spec, required: false });
const nullable = (spec: Spec): Spec => ({ ...spec, nullable: true });
const int = (min: number, max?: number): Spec => ({ t: 'int', min, max });
const num = (bounds: { min?: number; max?: number; gt?: number } = {}): Spec => ({ t: 'num', ...bounds });
const str = (min: number, max: number, trim = true): Spec => ({ t: 'str', min, max, trim });
const pat = (good: string, bad: readonly string[]): Spec => ({ t: 'pat', good, bad });
const oneOf = (...values: (string | number)[]): Spec => ({ t: 'enum', values });
const arr = (of: Spec, max: number): Spec => ({ t: 'arr', of, max });
const obj = (fields: Record<string, Field>, strict: boolean, nonEmpty = false): Spec => ({ t: 'obj', fields, strict, nonEmpty });

const baseRevision = int(0);
const reason = str(1, 500);
export const BAD_QUARTERS = ['2026-Q5', 'Q3', '2026-Q0', '26-Q1', '2026Q1', '2026-q1', 'Q3 2026', '2026-Q3 ', ' 2026-Q3', '20266-Q1', '2026-Q', ''];
const quarter = pat('2027-Q1', BAD_QUARTERS);
const phaseId = pat('P-1', ['P-', 'P-x', 'p-1', 'P-1.5', 'P--1', 'P-1234567890', 'I-1', 'P 1', '', 'P-1 ']);
const initiativeId = pat('I-1', ['I-x', 'I-', 'i-1', 'I-1.5', 'I-1234567890', 'P-1', 'I-01a', 'I-1e3', ' I-1']);
const debtId = pat('D-1', ['D-1.5', 'D-', 'D-x', 'd-1', 'D-1e3', 'I-1', 'D-+1', 'D-1234567890']);
const goalId = pat('G-1', ['G-', 'G-x', 'g-1', 'G-1.0', 'G-1234567890', 'P-1']);
const issueId = pat('20001', ['', 'TR-1', '12a', '1'.repeat(19), '-1', '1.5', ' 20001', '0x10']);
const accountId = pat('557058:aaaa-admin', ['', 'a b', 'x'.repeat(129), 'user@example.com', 'ä', 'id/../x']);
const epicKey = pat('TR-1', ['tr-1', 'TR1', 'TR-', '1TR-1', 'ABCDEFGHIJK-1', 'TR-1234567890', 'TR-1 ', 'TR-x', '-1']);

const successMetric = obj({ description: req(str(1, 500)), target: opt(num()), current: opt(num()), unit: opt(str(0, 30)) }, false);
const rice = obj(
  {
    reach: req(num({ min: 0, max: 1e9 })),
    impact: req(oneOf(0.25, 0.5, 1, 2, 3)),
    confidence: req(num({ min: 0, max: 100 })),
    effort: req(num({ gt: 0, max: 1e6 })),
  },
  false,
);

/** newInitiativeSchema's fields; `required` names the ones without a default. */
function initiativeFields(required: readonly string[]): Record<string, Field> {
  const specs: Record<string, Spec> = {
    title: str(1, 200),
    phaseId,
    goal: str(0, 1000),
    successMetric,
    targetQuarter: quarter,
    horizonPin: nullable(oneOf('now', 'next', 'later')),
    status: oneOf('proposed', 'planned', 'in-progress', 'done', 'dropped'),
    ownerAccountId: nullable(accountId),
    track: oneOf('feature-enabling', 'tech-debt', 'reliability', 'security', 'compliance', 'developer-experience'),
    effort: nullable(num({ min: 0, max: 10000 })),
    rice: nullable(rice),
    riskReduction: int(0, 3),
    reversibility: oneOf('reversible', 'costly-to-reverse', 'irreversible'),
    businessGoalIds: arr(goalId, 10),
    dependsOn: arr(initiativeId, 20),
    epicIds: arr(issueId, 10),
  };
  return Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, { spec: s, required: required.includes(k) }]));
}

const phaseFields = (required: boolean) => ({
  name: { spec: str(1, 100), required },
  theme: opt(str(0, 200)),
  startQuarter: { spec: quarter, required },
  endQuarter: { spec: quarter, required },
  description: opt(str(0, 1000)),
});

const debtFields = (required: boolean) => ({
  title: { spec: str(1, 200), required },
  category: { spec: oneOf('outdated-dependency', 'scaling-bottleneck', 'security-risk', 'developer-friction', 'architectural-coupling'), required },
  description: opt(str(0, 2000)),
  impact: { spec: int(1, 5), required },
  urgency: { spec: int(1, 5), required },
  effort: opt(nullable(num({ min: 0, max: 10000 }))),
});

/** The payload spec of every resolver key (including ones not yet in RESOLVER_TABLE, whose schemas exist). */
export const PAYLOAD_SPECS: Record<string, Spec> = {
  getRoadmapView: obj({}, true),
  getRoadmapViewPart: obj({ revision: req(int(0)), initiatives: req(arr(int(0, 1_000_000), 2)), debtItems: req(arr(int(0, 1_000_000), 2)) }, true),
  getEpicContext: obj({}, true),
  getProgress: obj({}, true),
  getDigest: obj({}, true),
  markDigestSeen: obj(
    {
      asOf: req(nullable(pat('2026-11-23', ['', '2026-11-2', '26-11-23', '2026/11/23', '2026-11-23T00:00:00Z', ' 2026-11-23', '2026-11-23 ', 'today']))),
      dismiss: opt({ t: 'bool' }),
    },
    true,
  ),
  getPeople: obj({ accountIds: req(arr(accountId, 100)) }, true),
  findPeople: obj({ query: req(str(1, 100)) }, true),
  searchProjects: obj({ query: opt(str(0, 100)) }, true),
  getMacroPreview: obj({ projectId: req(pat('10000', ['', 'TR', '-1', '1e3', '10000 ', '../10001', '1234567890123456789'])) }, true),
  getChangelog: obj({ cursor: opt(str(0, 2000, false)), limit: opt(int(1, 50)) }, true),
  findProject: obj(
    {
      projectKeyOrId: req(
        pat('TR', [
          '',
          ' ',
          'PAY/../TR',
          'TR?expand=x',
          '../project/PAY',
          'TR#',
          '1TR',
          'T R',
          'x'.repeat(41),
          'TR ',
          ' TR',
          'TR/',
          '/TR',
          'TR%2F..',
          '%54R',
          'TR&x=1',
          'TR;',
          'T-R',
          'TR.',
          '_TR',
          'TR\u200B',
          'ТR',
          '１２',
          '12a',
          '-1',
          '1.5',
          '0x10',
          '1'.repeat(19),
          'TR\\',
          'TR*',
          'TR,PAY',
          '..',
          '.',
        ]),
      ),
    },
    true,
  ),
  startRoadmap: obj({ withExamples: opt({ t: 'bool' }) }, true),
  createInitiative: obj(
    {
      baseRevision: req(baseRevision),
      initiative: req(obj(initiativeFields(['title', 'phaseId', 'successMetric', 'targetQuarter']), false)),
      epicKeys: opt(arr(epicKey, 10)),
    },
    true,
  ),
  updateInitiative: obj(
    {
      baseRevision: req(baseRevision),
      initiativeId: req(initiativeId),
      patch: req(obj(initiativeFields([]), true)),
      epicKeys: opt(arr(epicKey, 10)),
      reason: opt(reason),
    },
    true,
  ),
  moveInitiative: obj(
    {
      baseRevision: req(baseRevision),
      initiativeId: req(initiativeId),
      to: req(obj({ phaseId: opt(phaseId), targetQuarter: opt(quarter), horizonPin: opt(nullable(oneOf('now', 'next', 'later'))) }, true, true)),
      reason: req(reason),
    },
    true,
  ),
  deleteInitiative: obj({ baseRevision: req(baseRevision), initiativeId: req(initiativeId), reason: opt(reason) }, true),
  createPhase: obj({ baseRevision: req(baseRevision), phase: req(obj(phaseFields(true), true)) }, true),
  updatePhase: obj({ baseRevision: req(baseRevision), phaseId: req(phaseId), patch: req(obj(phaseFields(false), true)), reason: opt(reason) }, true),
  movePhase: obj({ baseRevision: req(baseRevision), phaseId: req(phaseId), toIndex: req(int(0, 1000)), reason: opt(reason) }, true),
  deletePhase: obj({ baseRevision: req(baseRevision), phaseId: req(phaseId), moveInitiativesTo: opt(nullable(phaseId)), reason: opt(reason) }, true),
  saveSettings: obj(
    {
      baseRevision: req(baseRevision),
      settings: req(
        obj(
          {
            title: opt(str(1, 200)),
            ownerAccountId: opt(nullable(accountId)),
            reviewCadenceDays: opt(int(1, 365)),
            capacity: opt(
              obj(
                {
                  perQuarter: req(num({ min: 0, max: 1_000_000 })),
                  unit: req(oneOf('points', 'person-weeks', 'person-days')),
                  bufferPercent: req(num({ min: 0, max: 100 })),
                },
                true,
              ),
            ),
            horizonRules: opt(obj({ nowQuarters: req(int(1, 4)), nextQuarters: req(int(1, 8)) }, true)),
            businessGoals: opt(arr(obj({ id: opt(goalId), title: req(str(1, 200)), metric: opt(str(0, 300)) }, false), 5)),
          },
          true,
        ),
      ),
    },
    true,
  ),
  createDebtItem: obj({ baseRevision: req(baseRevision), item: req(obj(debtFields(true), true)) }, true),
  updateDebtItem: obj({ baseRevision: req(baseRevision), debtId: req(debtId), patch: req(obj(debtFields(false), true)) }, true),
  deleteDebtItem: obj({ baseRevision: req(baseRevision), debtId: req(debtId) }, true),
  promoteDebtItem: obj(
    { baseRevision: req(baseRevision), debtId: req(debtId), initiative: req(obj(initiativeFields(['phaseId', 'targetQuarter', 'successMetric']), true)) },
    true,
  ),
  markReviewed: obj({ baseRevision: req(baseRevision), note: opt(str(0, 500)) }, true),
  linkEpic: obj({ baseRevision: req(baseRevision), initiativeId: req(initiativeId) }, true),
  unlinkEpic: obj(
    { baseRevision: req(baseRevision), projectId: opt(pat('10001', ['', 'PAY', '1'.repeat(19), '-1', '1.5', ' 10001', '0x10'])), reason: opt(reason) },
    true,
  ),
  previewImport: obj({ text: req(str(1, 400_000, false)), format: opt(oneOf('markdown', 'csv', 'auto')), mode: opt(oneOf('merge', 'replace')) }, true),
  importRoadmap: obj(
    {
      baseRevision: req(baseRevision),
      text: req(str(1, 400_000, false)),
      format: opt(oneOf('markdown', 'csv', 'auto')),
      mode: opt(oneOf('merge', 'replace')),
      confirmRemovals: opt({ t: 'bool' }),
    },
    true,
  ),
  exportRoadmap: obj({ format: req(oneOf('csv', 'markdown')) }, true),
  getReviewBaselines: obj({}, true),
  getReviewComparison: obj({ from: opt(int(1, 999_999_999)), to: opt(int(1, 999_999_999)) }, true),
};

// ---- values ---------------------------------------------------------------------------------------------------

/** Arbitrary JSON junk, nested up to `depth` levels (objects, arrays, scalars). */
export function junk(rng: Prng, depth: number): Json {
  if (depth <= 0 || rng.chance(0.3)) {
    return rng.pick<Json>([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, '', 'x', '💥', '<script>', true, false, null, rng.string(rng.int(0, 12))]);
  }
  if (rng.chance(0.5)) return Array.from({ length: rng.int(0, 3) }, () => junk(rng, depth - 1));
  const out: Record<string, Json> = {};
  for (let i = rng.int(0, 3); i > 0; i--) out[rng.string(rng.int(1, 6))] = junk(rng, depth - 1);
  return out;
}

/** A value nested `depth` levels deep: `{"a":{"a":…}}` or `[[[…]]]`. */
export function deep(depth: number, kind: 'obj' | 'arr'): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = kind === 'obj' ? { a: value } : [value];
  return value;
}

/** A valid value for a spec (used to lengthen arrays and to add optional fields). */
export function validValue(spec: Spec): Json {
  switch (spec.t) {
    case 'int':
      return spec.min;
    case 'num':
      return spec.gt !== undefined ? spec.gt + 1 : (spec.min ?? 0);
    case 'str':
      return spec.min > 0 ? 'ok' : '';
    case 'pat':
      return spec.good;
    case 'enum':
      return spec.values[0];
    case 'bool':
      return true;
    case 'arr':
      return [];
    case 'obj': {
      const fields = Object.entries(spec.fields);
      const chosen = fields.filter(([, f]) => f.required);
      if (chosen.length === 0 && spec.nonEmpty) chosen.push(fields[0]);
      return Object.fromEntries(chosen.map(([k, f]) => [k, validValue(f.spec)]));
    }
  }
}

type JsonType = 'null' | 'number' | 'string' | 'boolean' | 'array' | 'object';
const jsonType = (value: Json): JsonType =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as 'number' | 'string' | 'boolean' | 'object');

function specType(spec: Spec): JsonType {
  switch (spec.t) {
    case 'int':
    case 'num':
      return 'number';
    case 'str':
    case 'pat':
      return 'string';
    case 'enum':
      return typeof spec.values[0] === 'number' ? 'number' : 'string';
    case 'bool':
      return 'boolean';
    case 'arr':
      return 'array';
    case 'obj':
      return 'object';
  }
}

/** Values of the wrong JSON type for a spec (null only where the spec is not nullable). */
function wrongTypes(spec: Spec, rng: Prng): Json[] {
  const candidates: Json[] = [
    0,
    42,
    -1e308,
    1e308,
    2 ** 53 + 2,
    '1',
    'true',
    '{"a":1}',
    '',
    'null',
    true,
    false,
    null,
    [],
    [1, 'two', null],
    deep(rng.int(5, 60), 'arr'),
    {},
    { value: 1 },
    deep(rng.int(5, 60), 'obj'),
    { nested: junk(rng, 6) },
  ];
  const kind = specType(spec);
  return candidates.filter((value) => {
    const type = jsonType(value);
    if (type === 'null') return !spec.nullable;
    return type !== kind;
  });
}

/** A string of exactly `length` characters that `.trim()` does not shorten. */
function longString(length: number, unit: string): string {
  const s = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  return s.length > 0 ? `${s.slice(0, -1).replace(/^\s/, 'y')}z` : s;
}
const longCache = new Map<string, string>();
function cachedLong(length: number, unit: string): string {
  const key = `${length}:${unit}`;
  let s = longCache.get(key);
  if (s === undefined) longCache.set(key, (s = longString(length, unit)));
  return s;
}

/** Values of the right type that the spec still refuses (ranges, lengths, patterns, members). */
function outOfRange(spec: Spec, rng: Prng): Json[] {
  switch (spec.t) {
    case 'int': {
      const out: Json[] = [spec.min - 1, spec.min - 0.001, spec.min + 0.5, -1e308, 2 ** 53 + 2, 1e300];
      if (spec.max !== undefined) out.push(spec.max + 1, spec.max + 0.5, Number.MAX_VALUE);
      return out;
    }
    case 'num': {
      const out: Json[] = [];
      if (spec.min !== undefined) out.push(spec.min - 1, spec.min - 0.001, -1e308, -Number.MAX_VALUE);
      if (spec.gt !== undefined) out.push(spec.gt, spec.gt - 1, -Number.MIN_VALUE, -1e308);
      if (spec.max !== undefined) out.push(spec.max + 1, spec.max * 1.0001 + 1, 1e308, Number.MAX_VALUE);
      return out;
    }
    case 'str': {
      const out: Json[] = [];
      if (spec.min > 0) {
        out.push('');
        if (spec.trim) out.push('   ', '\t\n', ' \u00a0 ');
      }
      const over = spec.max + 1 + (spec.max < 100_000 ? rng.int(0, 40) : 0);
      out.push(cachedLong(over, 'x'), cachedLong(over, 'ab c'), cachedLong(over, 'é'));
      return out;
    }
    case 'pat':
      // The random ones append characters no id, key or quarter pattern allows (path, query and fragment syntax).
      return [
        ...spec.bad,
        `${spec.good}!`,
        `!${spec.good}`,
        `${spec.good}\n`,
        `${rng.string(rng.int(0, 20), 'abc?/ -_.')}!`,
        `${spec.good}${rng.string(rng.int(1, 12), '/?#&%')}`,
      ];
    case 'enum':
      if (typeof spec.values[0] === 'number') return [0, 4, 0.3, -1, 1e9, 0.250001];
      return [
        '',
        'bogus',
        `${String(spec.values[0]).toUpperCase()}_`,
        ` ${String(spec.values[0])}`,
        `${String(spec.values[0])} `,
        `${rng.string(rng.int(1, 10))}!`,
      ];
    case 'bool':
      return [];
    case 'arr':
      return [Array.from({ length: spec.max + 1 + rng.int(0, 5) }, () => validValue(spec.of))];
    case 'obj':
      return [];
  }
}

/** Every invalid replacement value for a node of this spec (wrong types, then right-typed out-of-range values). */
export function invalidValues(spec: Spec, rng: Prng): Json[] {
  return [...wrongTypes(spec, rng), ...outOfRange(spec, rng)];
}

// ---- generation -----------------------------------------------------------------------------------------------

export const ROOT = '(payload)';
const pathText = (path: readonly (string | number)[]) => (path.length === 0 ? ROOT : path.join('.'));

interface Node {
  path: (string | number)[];
  spec: Spec;
}

/** Every node present in `value` (walked alongside its spec), root first. */
export function nodesOf(value: Json, spec: Spec, path: (string | number)[] = []): Node[] {
  const nodes: Node[] = [{ path, spec }];
  if (value === null) return nodes;
  if (spec.t === 'obj' && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, field] of Object.entries(spec.fields)) {
      if (key in value) nodes.push(...nodesOf(value[key], field.spec, [...path, key]));
    }
  }
  if (spec.t === 'arr' && Array.isArray(value)) value.forEach((item, i) => nodes.push(...nodesOf(item, spec.of, [...path, i])));
  return nodes;
}

const UNKNOWN_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'baserevision',
  'baseRevison',
  'initiativeID',
  'titel',
  'projectId',
  'accountId',
  'id',
  'revision',
  'value',
  '',
  ' ',
  'a.b',
  '0',
  'ok',
];

function getAt(root: Json, path: (string | number)[]): Json {
  let cur: Json = root;
  for (const part of path) cur = (cur as Record<string, Json>)[part as string];
  return cur;
}

/** Sets an own, enumerable property (so `__proto__` becomes a real key, as JSON.parse would make it). */
function setOwn(target: Record<string, Json> | Json[], key: string | number, value: Json) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function setAt(root: Json, path: (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1)) as Record<string, Json>;
  setOwn(parent, path[path.length - 1], value);
  return root;
}

export interface Generated {
  payload: Json;
  /** Field paths the answer's `fields` must name, exactly. */
  expected: string[];
  /** What was done, for failure messages. */
  how: string[];
}

const clone = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;

/** Randomly drops optional fields and nulls nullable ones: still a valid payload, but a different one. */
function vary(value: Json, spec: Spec, rng: Prng): Json {
  if (spec.t === 'obj' && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, field] of Object.entries(spec.fields)) {
      if (!(key in value)) continue;
      const remaining = Object.keys(value).length;
      if (!field.required && rng.chance(0.15) && !(spec.nonEmpty && remaining <= 1)) delete value[key];
      else if (field.spec.nullable && rng.chance(0.1)) value[key] = null;
      else value[key] = vary(value[key], field.spec, rng);
    }
  }
  if (spec.t === 'arr' && Array.isArray(value)) return value.map((item) => vary(item, spec.of, rng));
  return value;
}

/** One mutation of `payload` at `node`; returns the error path it must produce, or null when it does not apply. */
function corrupt(payload: { value: Json }, node: Node, rng: Prng, how: string[]): string | null {
  const current = getAt(payload.value, node.path);
  const ops: string[] = ['replace', 'replace'];
  if (node.spec.t === 'obj' && current !== null) {
    ops.push('unknownKey');
    if (Object.entries(node.spec.fields).some(([k, f]) => f.required && k in (current as object))) ops.push('dropRequired');
    if (Object.entries(node.spec.fields).some(([k]) => !(k in (current as object)))) ops.push('addInvalid');
    if (node.spec.nonEmpty) ops.push('empty');
  }
  if (node.spec.t === 'arr' && current !== null) ops.push('badElement');
  const op = rng.pick(ops);
  const at = pathText(node.path);
  switch (op) {
    case 'replace': {
      // A falsy root (null, '', 0, false) is "no payload": @forge/resolver hands the function `payload || {}`. Tested separately.
      const value = rng.pick(invalidValues(node.spec, rng).filter((v) => node.path.length > 0 || Boolean(v)));
      payload.value = setAt(payload.value, node.path, value);
      how.push(`${at} := ${JSON.stringify(value)?.slice(0, 80)}`);
      return at;
    }
    case 'unknownKey': {
      if (node.spec.t !== 'obj') return null;
      const spec = node.spec;
      const key = rng.chance(0.5) ? rng.pick(UNKNOWN_KEYS.filter((k) => !(k in spec.fields))) : `x_${rng.string(rng.int(1, 10))}`;
      if (!node.spec.strict) return null; // non-strict objects strip unknown keys: covered by the dedicated strictness test
      setOwn(current as Record<string, Json>, key, junk(rng, rng.int(0, 8)));
      how.push(`${at} += unknown key ${JSON.stringify(key)}`);
      return at;
    }
    case 'dropRequired': {
      const spec = node.spec as Extract<Spec, { t: 'obj' }>;
      const key = rng.pick(
        Object.entries(spec.fields)
          .filter(([k, f]) => f.required && k in (current as object))
          .map(([k]) => k),
      );
      delete (current as Record<string, Json>)[key];
      how.push(`${at} -= required ${key}`);
      return pathText([...node.path, key]);
    }
    case 'addInvalid': {
      const spec = node.spec as Extract<Spec, { t: 'obj' }>;
      const [key, field] = rng.pick(Object.entries(spec.fields).filter(([k]) => !(k in (current as object))));
      const value = rng.pick(invalidValues(field.spec, rng));
      setOwn(current as Record<string, Json>, key, value);
      how.push(`${at}.${key} := ${JSON.stringify(value)?.slice(0, 80)} (was absent)`);
      return pathText([...node.path, key]);
    }
    case 'empty': {
      payload.value = setAt(payload.value, node.path, {});
      how.push(`${at} := {}`);
      return at;
    }
    case 'badElement': {
      const spec = node.spec as Extract<Spec, { t: 'arr' }>;
      const list = current as Json[];
      if (list.length >= spec.max) return null;
      const value = rng.pick(invalidValues(spec.of, rng));
      const index = rng.int(0, list.length);
      list.splice(index, 0, value);
      how.push(`${at}[${index}] := ${JSON.stringify(value)?.slice(0, 80)}`);
      return pathText([...node.path, index]);
    }
  }
  return null;
}

const isPrefix = (a: string, b: string) => a === ROOT || b === ROOT || a === b || b.startsWith(`${a}.`) || a.startsWith(`${b}.`);

/** A payload the resolver must refuse, with the exact field paths of the refusal. */
export function generateInvalid(spec: Spec, base: Json, rng: Prng): Generated {
  const roll = rng.next();
  if (roll < 0.08) {
    // A root that is no object at all (falsy roots are "no payload" and are tested on their own).
    const value = rng.pick<Json>([
      ' ',
      'payload',
      '{}',
      -1,
      1e308,
      2 ** 53 + 2,
      true,
      [],
      [base],
      [1, 2],
      deep(rng.int(2, 80), 'arr'),
      `_${rng.string(rng.int(0, 30))}`,
    ]);
    return { payload: value, expected: [ROOT], how: [`root := ${JSON.stringify(value).slice(0, 80)}`] };
  }
  const payload = { value: vary(clone(base), spec, rng) };
  const how: string[] = [];
  const expected: string[] = [];
  const wanted = rng.chance(0.6) ? 1 : rng.int(2, 4);
  for (let attempt = 0; attempt < 40 && expected.length < wanted; attempt++) {
    const nodes = nodesOf(payload.value, spec).filter((n) => !expected.some((e) => isPrefix(e, pathText(n.path))));
    if (nodes.length === 0) break;
    const node = rng.pick(nodes);
    // Mutations that touch a child path must not overlap an earlier one either.
    const probe = { value: clone(payload.value) };
    const probeHow: string[] = [];
    const path = corrupt(probe, node, rng, probeHow);
    if (path === null || expected.some((e) => isPrefix(e, path))) continue;
    payload.value = probe.value;
    how.push(...probeHow);
    expected.push(path);
  }
  if (expected.length === 0) throw new Error('could not corrupt the payload');
  return { payload: payload.value, expected: [...new Set(expected)].sort(), how };
}

/** Throws unless `value` survives a JSON round trip unchanged (no undefined, NaN, Infinity, functions). */
export function assertJsonSafe(value: unknown, path = ROOT): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path}: ${value} does not survive JSON`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertJsonSafe(v, `${path}.${i}`));
    return;
  }
  if (typeof value === 'object') {
    for (const key of Object.keys(value)) assertJsonSafe((value as Record<string, unknown>)[key], `${path}.${key}`);
    return;
  }
  throw new Error(`${path}: a ${typeof value} does not survive JSON`);
}

export function objectPaths(value: Json, spec: Spec): Array<{ path: (string | number)[]; text: string; strict: boolean }> {
  return nodesOf(value, spec)
    .filter((n) => n.spec.t === 'obj' && getAt(value, n.path) !== null)
    .map((n) => ({ path: n.path, text: pathText(n.path), strict: (n.spec as Extract<Spec, { t: 'obj' }>).strict }));
}

export { clone, getAt, setOwn };
export type { Json };
