/**
 * Storage-level invariants (issue 6), checked by reading the KVS emulator's rows directly — never through
 * src/storage — so a bug in the store cannot hide itself. Only key helpers and the zod model are shared with the app.
 *
 * What must hold after every write, whoever writes and however writes interleave:
 *   layout     every plain key is `rm:<pid>:ini|dbt:<6 digits>`, `rm:<pid>:chg:<10 digits>`, a review's
 *              `rm:<pid>:rvw:<10 digits>` / `rm:<pid>:rvb:<10 digits>:<2 digits>` or `epic:<issueId>:<pid>`
 *              (the old single-key `epic:<issueId>` is gone); entities are `roadmap-meta` (`rm:<pid>:meta`) and
 *              `epic-deletions` (`epic-deletions` = `{ epoch }`); no `rm:` key of a project without a meta record;
 *              the progress cache (issue 10) adds `pg:<pid>:epoch`, `pg:<pid>:u:<accountId>:<3 digits>` and
 *              `site:points-field` (cached views, never roadmap data)
 *   model      meta, initiatives and debt items parse with the model's zod schemas and are their own fixed point
 *              (what is stored is exactly what the schema would produce: trimmed, defaulted, no stray fields)
 *   limits     phases ≤ 20, business goals ≤ 5, initiatives ≤ 5000, debt items ≤ 1000, per initiative epics ≤ 10,
 *              dependencies ≤ 20, business goals ≤ 10 (the contract's numbers, stated here on purpose)
 *   text       no lone UTF-16 surrogate anywhere; every stored value ≤ 240 KiB counted in UTF-8 bytes
 *   ids        unique per roadmap, below their sequence counters; items sit in chunk floor((n-1)/25) of their collection
 *   references phaseId, dependsOn (not itself), businessGoalIds, fromDebtId and promotedTo resolve on the same roadmap
 *   revisions  exactly one change record for each revision 1..R (R = the meta's revision), its `revision` matching its key
 *   epic index `epic:<issueId>:<pid>` = `{ issueId, projectId, initiativeId }` exists iff roadmap pid's initiative
 *              initiativeId lists the epic; an epic serves at most one initiative per roadmap, once
 *   reviews    `rm:<pid>:rvw:<10 digits>` (a review's baseline header, keyed by its revision) holds that revision
 *              (≤ R) and a unique seq; its parts `rm:<pid>:rvb:<same>:00…` exist exactly as many as it says, and no
 *              part lacks its header; at most 12 baselines per roadmap
 *   digest     `digest:<pid>` parses as a stored digest of that project and belongs to a stored roadmap;
 *              `digest-seen:<pid>:<accountId>` as a visit, `digest-run` as the daily run's cursor (issue 10)
 */
import type { LocalForge } from '../../../dev/local-forge';
import { digestRunSchema, digestVisitSchema, storedDigestSchema } from '../../../src/domain/digest';
import { debtItemSchema, initiativeSchema, roadmapMetaSchema, SCHEMA_VERSION } from '../../../src/domain/model';
import { chunkOf, ITEMS_PER_CHUNK } from '../../../src/storage/keys';

/** The contract's limits (CONTRACT.md), deliberately not imported from src/domain/limits.ts. */
export const INVARIANT_LIMITS = {
  phases: 20,
  businessGoals: 5,
  initiatives: 5000,
  debtItems: 1000,
  epicsPerInitiative: 10,
  dependsOnPerInitiative: 20,
  goalsPerInitiative: 10,
  reviewBaselines: 12,
} as const;
export const MAX_VALUE_BYTES = 240 * 1024;

const NS_KVS = 'kvs';
const NS_META = 'entity:roadmap-meta';
const NS_EPIC_DELETIONS = 'entity:epic-deletions';
const REVISION_SPACE = 9_999_999_999;

export interface RawRow {
  ns: string;
  key: string;
  /** The stored JSON text, as the emulator keeps it. */
  json: string;
  createdAt: number;
  updatedAt: number;
  expireAt: number | null;
}

interface RawDb {
  open: boolean;
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
}

/** Every live row the emulator holds (all namespaces), read synchronously from its SQLite table, bypassing faults and stats. */
export function readRawStorage(forge: LocalForge): RawRow[] {
  const store = (forge.kvs as unknown as { store: { db: RawDb } }).store;
  const db = store.db;
  if (!db.open) throw new Error('readRawStorage: the emulator is closed');
  const rows = db
    .prepare('SELECT ns, key, value, created_at, updated_at, expire_at FROM kv WHERE expire_at IS NULL OR expire_at > ? ORDER BY ns, key')
    .all(Date.now()) as Array<{ ns: string; key: string; value: string; created_at: number; updated_at: number; expire_at: number | null }>;
  return rows.map((r) => ({ ns: r.ns, key: r.key, json: r.value, createdAt: r.created_at, updatedAt: r.updated_at, expireAt: r.expire_at }));
}

/** Everything stored (values and timestamps of every namespace) as one text: equal texts = byte-identical storage. */
export function rawSnapshot(forge: LocalForge): string {
  return JSON.stringify(readRawStorage(forge));
}

/** Whether the forge's emulator is still open (checks need it open). */
export function isOpen(forge: LocalForge): boolean {
  return (forge.kvs as unknown as { store: { db: RawDb } }).store.db.open;
}

/** Stable JSON (object keys sorted, undefined dropped): compares values regardless of key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]),
      );
    }
    return v;
  });
}

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function loneSurrogatePaths(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) out.push(path);
  } else if (Array.isArray(value)) value.forEach((v, i) => loneSurrogatePaths(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (LONE_SURROGATE.test(k)) out.push(`${path}{key}`);
      loneSurrogatePaths(v, `${path}.${k}`, out);
    }
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const seqOf = (id: string) => Number(id.slice(2));

interface RoadmapRows {
  pid: string;
  meta: RawRow | null;
  chunks: Array<{ row: RawRow; collection: 'ini' | 'dbt'; chunk: number }>;
  changes: Array<{ row: RawRow; revision: number }>;
  reviews: Array<{ row: RawRow; revision: number }>;
  baselineParts: Array<{ row: RawRow; revision: number; part: number }>;
}

const KEY_CHUNK = /^rm:(\d{1,18}):(ini|dbt):(\d{6})$/;
const KEY_CHANGE = /^rm:(\d{1,18}):chg:(\d{10})$/;
const KEY_META = /^rm:(\d{1,18}):meta$/;
const KEY_EPIC = /^epic:(\d{1,18}):(\d{1,18})$/;
const KEY_PROGRESS_CACHE = /^(?:pg:\d{1,18}:epoch|pg:\d{1,18}:u:[A-Za-z0-9:_-]{1,128}:\d{3}|site:points-field)$/;
const KEY_REVIEW = /^rm:(\d{1,18}):rvw:(\d{10})$/;
const KEY_BASELINE_PART = /^rm:(\d{1,18}):rvb:(\d{10}):(\d{2})$/;
const KEY_DIGEST = /^digest:(\d{1,18})$/;
const KEY_DIGEST_VISIT = /^digest-seen:(\d{1,18}):[A-Za-z0-9:_-]{1,128}$/;

/** The violations of the raw rows given (empty: all invariants hold). Each names the invariant and the key. */
export function checkRawInvariants(rows: readonly RawRow[]): string[] {
  const v: string[] = [];
  const roadmaps = new Map<string, RoadmapRows>();
  const roadmapOf = (pid: string) => {
    let r = roadmaps.get(pid);
    if (!r) roadmaps.set(pid, (r = { pid, meta: null, chunks: [], changes: [], reviews: [], baselineParts: [] }));
    return r;
  };
  const epicRows: Array<{ row: RawRow; issueId: string; pid: string }> = [];
  const parsed = new Map<RawRow, unknown>();
  const digestOf: string[] = [];

  for (const row of rows) {
    const where = `${row.ns === NS_KVS ? '' : `${row.ns} `}${row.key}`;
    const bytes = Buffer.byteLength(row.json, 'utf8');
    if (bytes > MAX_VALUE_BYTES) v.push(`size: ${where} stores ${bytes} bytes (UTF-8), over ${MAX_VALUE_BYTES}`);
    let value: unknown;
    try {
      value = JSON.parse(row.json);
    } catch {
      v.push(`layout: ${where} holds text that is not JSON`);
      continue;
    }
    parsed.set(row, value);
    const surrogates: string[] = [];
    loneSurrogatePaths(value, '$', surrogates);
    if (surrogates.length) v.push(`text: ${where} holds lone UTF-16 surrogates at ${surrogates.slice(0, 3).join(', ')}`);

    if (row.ns === NS_KVS) {
      let m: RegExpExecArray | null;
      if ((m = KEY_CHUNK.exec(row.key))) roadmapOf(m[1]).chunks.push({ row, collection: m[2] as 'ini' | 'dbt', chunk: Number(m[3]) });
      else if ((m = KEY_CHANGE.exec(row.key))) roadmapOf(m[1]).changes.push({ row, revision: REVISION_SPACE - Number(m[2]) });
      else if ((m = KEY_EPIC.exec(row.key))) epicRows.push({ row, issueId: m[1], pid: m[2] });
      else if (KEY_PROGRESS_CACHE.test(row.key)) continue;
      else if ((m = KEY_REVIEW.exec(row.key))) roadmapOf(m[1]).reviews.push({ row, revision: REVISION_SPACE - Number(m[2]) });
      else if ((m = KEY_BASELINE_PART.exec(row.key))) roadmapOf(m[1]).baselineParts.push({ row, revision: REVISION_SPACE - Number(m[2]), part: Number(m[3]) });
      else if ((m = KEY_DIGEST.exec(row.key))) {
        const digest = storedDigestSchema.safeParse(value);
        if (!digest.success || digest.data.projectId !== m[1]) v.push(`digest: ${row.key} is not a stored digest of project ${m[1]}`);
        digestOf.push(m[1]);
      } else if (KEY_DIGEST_VISIT.test(row.key)) {
        if (!digestVisitSchema.safeParse(value).success) v.push(`digest: ${row.key} is not a visit`);
      } else if (row.key === 'digest-run') {
        if (!digestRunSchema.safeParse(value).success) v.push(`digest: ${row.key} is not the daily run's cursor`);
      } else if (/^epic:\d+$/.test(row.key)) v.push(`layout: ${row.key} is the old single-key epic index form`);
      else v.push(`layout: unknown plain key ${row.key}`);
    } else if (row.ns === NS_META) {
      const m = KEY_META.exec(row.key);
      if (!m) v.push(`layout: unknown roadmap-meta key ${row.key}`);
      else roadmapOf(m[1]).meta = row;
    } else if (row.ns === NS_EPIC_DELETIONS) {
      if (row.key !== 'epic-deletions') v.push(`layout: unknown epic-deletions key ${row.key}`);
      const keys = isObj(value) ? Object.keys(value) : [];
      if (!isObj(value) || keys.length !== 1 || !Number.isInteger(value.epoch) || (value.epoch as number) < 0) {
        v.push(`layout: ${where} is ${row.json}, not { epoch: <non-negative integer> }`);
      }
    } else {
      v.push(`layout: unexpected namespace ${row.ns} (key ${row.key})`);
    }
  }

  for (const pid of digestOf) if (!roadmaps.get(pid)?.meta) v.push(`digest: digest:${pid} belongs to no stored roadmap`);

  /** Per roadmap: which initiative holds each epic (first holder in id order). */
  const holders = new Map<string, Map<string, string>>();
  const initiativeEpics = new Map<string, Map<string, string[]>>();

  for (const r of [...roadmaps.values()].sort((a, b) => a.pid.localeCompare(b.pid))) {
    const at = `roadmap ${r.pid}`;
    if (!r.meta) {
      v.push(
        `layout: ${at} has ${r.chunks.length} chunk(s), ${r.changes.length} change record(s) and ${r.reviews.length + r.baselineParts.length} review record(s) but no meta record`,
      );
      continue;
    }
    const entity = parsed.get(r.meta);
    if (!isObj(entity)) {
      v.push(`model: ${at} meta entity is not an object`);
      continue;
    }
    if (entity.projectId !== r.pid) v.push(`model: ${at} meta entity says projectId ${String(entity.projectId)}`);
    if (entity.schemaVersion !== SCHEMA_VERSION) v.push(`model: ${at} meta entity has schemaVersion ${String(entity.schemaVersion)}, not ${SCHEMA_VERSION}`);
    const revision = entity.revision;
    if (!Number.isInteger(revision) || (revision as number) < 1) {
      v.push(`revisions: ${at} meta entity revision is ${String(revision)}`);
      continue;
    }
    const R = revision as number;
    const metaParse = roadmapMetaSchema.safeParse(entity.data);
    if (!metaParse.success) {
      v.push(...metaParse.error.issues.map((i) => `model: ${at} meta.${i.path.join('.')}: ${i.message}`));
    } else if (canonical(metaParse.data) !== canonical(entity.data)) {
      v.push(`model: ${at} meta is not in the schema's canonical form (untrimmed text, missing defaults or stray fields)`);
    }
    const meta = isObj(entity.data) ? entity.data : {};
    if (meta.revision !== R) v.push(`revisions: ${at} meta.data.revision ${String(meta.revision)} ≠ entity revision ${R}`);
    if (meta.projectId !== r.pid) v.push(`model: ${at} meta.data.projectId is ${String(meta.projectId)}`);
    const phases = (Array.isArray(meta.phases) ? meta.phases : []) as Obj[];
    const goals = (Array.isArray(meta.businessGoals) ? meta.businessGoals : []) as Obj[];
    if (phases.length > INVARIANT_LIMITS.phases) v.push(`limits: ${at} has ${phases.length} phases (max ${INVARIANT_LIMITS.phases})`);
    if (goals.length > INVARIANT_LIMITS.businessGoals) v.push(`limits: ${at} has ${goals.length} business goals (max ${INVARIANT_LIMITS.businessGoals})`);
    const phaseIds = uniqueIds(
      phases.map((p) => String(p.id)),
      `${at} phases`,
      v,
    );
    const goalIds = uniqueIds(
      goals.map((g) => String(g.id)),
      `${at} business goals`,
      v,
    );
    belowSequence(phaseIds, meta.nextPhaseSeq, `${at} phase`, v);
    belowSequence(goalIds, meta.nextGoalSeq, `${at} business goal`, v);

    // Chunks: shape, placement, items.
    const initiatives: Obj[] = [];
    const debtItems: Obj[] = [];
    for (const { row, collection, chunk } of r.chunks.sort((a, b) => a.row.key.localeCompare(b.row.key))) {
      const value = parsed.get(row);
      if (!isObj(value) || value.schemaVersion !== SCHEMA_VERSION || !Array.isArray(value.items) || Object.keys(value).length !== 2) {
        v.push(`layout: ${row.key} is not { schemaVersion: ${SCHEMA_VERSION}, items: [...] }`);
        continue;
      }
      if (value.items.length === 0) v.push(`layout: ${row.key} is an empty chunk (should have been deleted)`);
      if (value.items.length > ITEMS_PER_CHUNK) v.push(`layout: ${row.key} holds ${value.items.length} items (max ${ITEMS_PER_CHUNK})`);
      for (const item of value.items as unknown[]) {
        const id = isObj(item) ? String(item.id) : '?';
        const schema = collection === 'ini' ? initiativeSchema : debtItemSchema;
        const wantPrefix = collection === 'ini' ? 'I-' : 'D-';
        if (!id.startsWith(wantPrefix) || !/^[ID]-\d+$/.test(id)) {
          v.push(`layout: ${row.key} holds item ${id}, not a ${wantPrefix}<n> id`);
          continue;
        }
        if (chunkOf(id) !== chunk) v.push(`layout: ${id} is stored in ${row.key}, belongs in chunk ${chunkOf(id)}`);
        const itemParse = schema.safeParse(item);
        if (!itemParse.success) v.push(...itemParse.error.issues.map((i) => `model: ${at} ${id}.${i.path.join('.')}: ${i.message}`));
        else if (canonical(itemParse.data) !== canonical(item)) v.push(`model: ${at} ${id} is not in the schema's canonical form`);
        (collection === 'ini' ? initiatives : debtItems).push(item as Obj);
      }
    }
    if (initiatives.length > INVARIANT_LIMITS.initiatives) v.push(`limits: ${at} has ${initiatives.length} initiatives (max ${INVARIANT_LIMITS.initiatives})`);
    if (debtItems.length > INVARIANT_LIMITS.debtItems) v.push(`limits: ${at} has ${debtItems.length} debt items (max ${INVARIANT_LIMITS.debtItems})`);
    const initiativeIds = uniqueIds(
      initiatives.map((i) => String(i.id)),
      `${at} initiatives`,
      v,
    );
    const debtIds = uniqueIds(
      debtItems.map((d) => String(d.id)),
      `${at} debt items`,
      v,
    );
    belowSequence(initiativeIds, meta.nextInitiativeSeq, `${at} initiative`, v);
    belowSequence(debtIds, meta.nextDebtSeq, `${at} debt item`, v);

    // References and per-initiative limits.
    const byEpic = new Map<string, string>();
    const epicsOf = new Map<string, string[]>();
    for (const ini of initiatives.sort((a, b) => seqOf(String(a.id)) - seqOf(String(b.id)))) {
      const id = String(ini.id);
      const epicIds = arr(ini.epicIds);
      const dependsOn = arr(ini.dependsOn);
      const goalRefs = arr(ini.businessGoalIds);
      if (epicIds.length > INVARIANT_LIMITS.epicsPerInitiative)
        v.push(`limits: ${at} ${id} links ${epicIds.length} epics (max ${INVARIANT_LIMITS.epicsPerInitiative})`);
      if (dependsOn.length > INVARIANT_LIMITS.dependsOnPerInitiative)
        v.push(`limits: ${at} ${id} has ${dependsOn.length} dependencies (max ${INVARIANT_LIMITS.dependsOnPerInitiative})`);
      if (goalRefs.length > INVARIANT_LIMITS.goalsPerInitiative)
        v.push(`limits: ${at} ${id} names ${goalRefs.length} business goals (max ${INVARIANT_LIMITS.goalsPerInitiative})`);
      if (!phaseIds.has(String(ini.phaseId))) v.push(`references: ${at} ${id}.phaseId ${String(ini.phaseId)} is not a phase`);
      for (const d of dependsOn) {
        if (d === id) v.push(`references: ${at} ${id} depends on itself`);
        else if (!initiativeIds.has(d)) v.push(`references: ${at} ${id} depends on missing initiative ${d}`);
      }
      for (const g of goalRefs) if (!goalIds.has(g)) v.push(`references: ${at} ${id} names missing business goal ${g}`);
      if (ini.fromDebtId !== null && ini.fromDebtId !== undefined && !(typeof ini.fromDebtId === 'string' && debtIds.has(ini.fromDebtId))) {
        v.push(`references: ${at} ${id}.fromDebtId ${JSON.stringify(ini.fromDebtId)} is not a debt item`);
      }
      const twice = [...new Set(epicIds.filter((e, i) => epicIds.indexOf(e) !== i))];
      if (twice.length) v.push(`epic index: ${at} ${id} lists epic(s) ${twice.slice(0, 5).join(', ')} more than once`);
      epicsOf.set(id, epicIds);
      for (const epic of new Set(epicIds)) {
        const holder = byEpic.get(epic);
        if (holder === undefined) byEpic.set(epic, id);
        else v.push(`epic index: ${at} epic ${epic} serves two initiatives, ${holder} and ${id}`);
      }
    }
    for (const d of debtItems) {
      if (d.promotedTo !== null && d.promotedTo !== undefined && !(typeof d.promotedTo === 'string' && initiativeIds.has(d.promotedTo))) {
        v.push(`references: ${at} ${String(d.id)}.promotedTo ${JSON.stringify(d.promotedTo)} is not an initiative`);
      }
    }
    holders.set(r.pid, byEpic);
    initiativeEpics.set(r.pid, epicsOf);

    // Change records: exactly revisions 1..R, each saying its own revision.
    const seen = new Map<number, number>();
    for (const { row, revision: rev } of r.changes) {
      seen.set(rev, (seen.get(rev) ?? 0) + 1);
      const change = parsed.get(row);
      if (!isObj(change) || change.revision !== rev)
        v.push(`revisions: ${row.key} (revision ${rev}) holds revision ${isObj(change) ? String(change.revision) : '?'}`);
      if (rev < 1 || rev > R) v.push(`revisions: ${at} has a change record for revision ${rev}, outside 1..${R}`);
    }
    const missing: number[] = [];
    for (let rev = 1; rev <= R; rev++) if (!seen.has(rev)) missing.push(rev);
    if (missing.length) v.push(`revisions: ${at} at revision ${R} lacks change records for ${compactRange(missing)}`);

    // Review baselines: bounded, each header with exactly its parts.
    if (r.reviews.length > INVARIANT_LIMITS.reviewBaselines)
      v.push(`limits: ${at} keeps ${r.reviews.length} review baselines (max ${INVARIANT_LIMITS.reviewBaselines})`);
    const seqs = new Set<number>();
    const headerParts = new Map<number, number>();
    for (const { row, revision: rev } of r.reviews) {
      const header = parsed.get(row);
      if (!isObj(header) || header.revision !== rev || !Number.isInteger(header.seq) || !Number.isInteger(header.parts)) {
        v.push(`reviews: ${row.key} is not a baseline header of revision ${rev}`);
        continue;
      }
      if (rev < 1 || rev > R) v.push(`reviews: ${row.key} is a review at revision ${rev}, outside 1..${R}`);
      if (seqs.has(header.seq as number)) v.push(`reviews: ${at} has two reviews numbered ${String(header.seq)}`);
      seqs.add(header.seq as number);
      headerParts.set(rev, header.parts as number);
    }
    const partsOf = new Map<number, number[]>();
    for (const { row, revision: rev, part } of r.baselineParts) {
      if (!headerParts.has(rev)) v.push(`reviews: ${row.key} is a baseline part without its header`);
      partsOf.set(rev, [...(partsOf.get(rev) ?? []), part]);
    }
    for (const [rev, parts] of headerParts) {
      const stored = (partsOf.get(rev) ?? []).sort((a, b) => a - b);
      if (canonical(stored) !== canonical(Array.from({ length: parts }, (_, i) => i)))
        v.push(`reviews: ${at} review at revision ${rev} says ${parts} part(s) but stores ${stored.length} (${stored.join(', ')})`);
    }
  }

  // The epic index, both ways.
  const indexed = new Set<string>();
  for (const { row, issueId, pid } of epicRows) {
    const value = parsed.get(row);
    const expectKeys = ['initiativeId', 'issueId', 'projectId'];
    if (!isObj(value) || canonical(Object.keys(value).sort()) !== canonical(expectKeys) || value.issueId !== issueId || value.projectId !== pid) {
      v.push(`epic index: ${row.key} holds ${row.json}, not { issueId: "${issueId}", projectId: "${pid}", initiativeId }`);
      continue;
    }
    indexed.add(`${issueId}:${pid}`);
    const holder = holders.get(pid)?.get(issueId);
    if (!roadmaps.get(pid)?.meta) v.push(`epic index: ${row.key} points at roadmap ${pid}, which does not exist`);
    else if (holder === undefined) {
      const claimed = initiativeEpics.get(pid)?.has(String(value.initiativeId));
      v.push(
        `epic index: ${row.key} says ${String(value.initiativeId)} but no initiative of roadmap ${pid} lists epic ${issueId}${claimed ? '' : ` (and ${String(value.initiativeId)} does not exist)`}`,
      );
    } else if (holder !== value.initiativeId) v.push(`epic index: ${row.key} says ${String(value.initiativeId)} but ${holder} lists epic ${issueId}`);
  }
  for (const [pid, byEpic] of holders) {
    for (const [issueId, initiativeId] of byEpic) {
      if (!indexed.has(`${issueId}:${pid}`)) v.push(`epic index: roadmap ${pid} ${initiativeId} lists epic ${issueId} but epic:${issueId}:${pid} is missing`);
    }
  }
  return v;
}

function arr(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function uniqueIds(ids: string[], what: string, v: string[]): Set<string> {
  const set = new Set<string>();
  for (const id of ids) {
    if (set.has(id)) v.push(`ids: ${what}: ${id} appears twice`);
    set.add(id);
  }
  return set;
}

function belowSequence(ids: Set<string>, next: unknown, what: string, v: string[]): void {
  if (typeof next !== 'number') return;
  for (const id of ids) if (seqOf(id) >= next) v.push(`ids: ${what} ${id} is not below its sequence counter ${next}`);
}

function compactRange(numbers: number[]): string {
  const parts: string[] = [];
  let start = numbers[0];
  let prev = numbers[0];
  for (const n of [...numbers.slice(1), NaN]) {
    if (n === prev + 1) {
      prev = n;
      continue;
    }
    parts.push(start === prev ? `${start}` : `${start}..${prev}`);
    start = prev = n;
  }
  return parts.join(', ');
}

/** The invariant violations in `forge`'s storage right now (empty: all hold). Call while no write is in flight. */
export function checkStorageInvariants(forge: LocalForge): Promise<string[]> {
  return Promise.resolve(checkRawInvariants(readRawStorage(forge)));
}
