/**
 * Runs model-based steps against one local backend and checks, after each step:
 *   - the storage invariants (../invariants.ts) hold;
 *   - every answer is a Result value with a known error code (nothing thrown), and without an armed fault none is
 *     UPSTREAM or LIMIT (those mean a valid request broke something, e.g. an over-limit roadmap);
 *   - a read, or a write that failed, left storage byte-identical (values and timestamps of every key);
 *   - a write that succeeded advanced exactly its own roadmap's revision, by one;
 *   - an epic deleted in Jira (its trigger delivered) is never linked again, anywhere;
 *   - an issue-deleted event for an issue that still exists, or a malformed one, changes no roadmap;
 *   - a caller learns nothing about a project they cannot browse (the leak oracle): each call by trEditor or
 *     outsider (who cannot browse PAY) or payEditor (who cannot browse TR) is replayed, with the same request, on a
 *     twin of the storage from just before the step minus every key of the hidden project's roadmap (its meta,
 *     chunks, change records and epic-index entries): the answer must be identical, and so must every stored key of
 *     the projects the caller can see. The twin lives in the same emulator (the rows are swapped in and out): two
 *     LocalForge instances cannot coexist, as each installs the global Forge runtime.
 */
import { DEMO_USERS } from '../../../../dev/jira';
import { LocalForge } from '../../../../dev/local-forge';
import { ERROR_CODES, importRoadmapPayload } from '../../../../src/domain/api';
import { TEMPLATE_ROWS } from '../../../../src/domain/template';
import { exemptFromInvariants } from '../invariant-tracking';
import { canonical, checkRawInvariants, type RawRow, readRawStorage } from '../invariants';
import { type Call, describeCall, describeStep, type Fault, type Step, TITLES, WRITE_OPS } from './steps';
import { BROWSE, EDIT, hiddenProject, ISSUES, type ProjectName, PROJECTS, USER_NAMES, type UserName } from './world';

export const NOW = new Date('2026-11-23T12:00:00Z');
// On by default since the app hides epics of projects a caller cannot browse (MBT_STRICT_IDS=0 turns it off).
const STRICT_IDS = process.env.MBT_STRICT_IDS !== '0';

type Answer = unknown;
interface Request {
  call: Call;
  key: string;
  payload: unknown;
  extension: Record<string, unknown>;
}

// ---- raw storage ----

interface RawDb {
  prepare(sql: string): { run(...params: unknown[]): unknown };
  transaction<T>(fn: () => T): () => T;
}
const dbOf = (forge: LocalForge) => (forge.kvs as unknown as { store: { db: RawDb } }).store.db;

/** Replaces everything the emulator stores with `rows` (timestamps included). */
export function writeRawStorage(forge: LocalForge, rows: readonly RawRow[]): void {
  const db = dbOf(forge);
  const wipe = db.prepare('DELETE FROM kv');
  const put = db.prepare('INSERT INTO kv (ns, key, value, created_at, updated_at, expire_at) VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    wipe.run();
    for (const r of rows) put.run(r.ns, r.key, r.json, r.createdAt, r.updatedAt, r.expireAt);
  })();
}

/** Whether a row belongs to a project's roadmap: its meta, chunks, change records, or its epic-index entries. */
export function isProjectRow(row: RawRow, projectId: string): boolean {
  return row.key.startsWith(`rm:${projectId}:`) || (row.ns === 'kvs' && new RegExp(`^epic:\\d+:${projectId}$`).test(row.key));
}
const withoutProject = (rows: readonly RawRow[], project: ProjectName) => rows.filter((r) => !isProjectRow(r, PROJECTS[project].id));
/** Keys and values (no timestamps): what a caller could ever observe. */
const contentOf = (rows: readonly RawRow[]) => rows.map((r) => `${r.ns} ${r.key} ${r.json}`);
const roadmapRows = (rows: readonly RawRow[]) => rows.filter((r) => r.key.startsWith('rm:') || r.key.startsWith('epic:'));

/** The epic ids a project's roadmap holds (across its initiatives). */
function epicsHeld(rows: readonly RawRow[], project: ProjectName): Set<string> {
  const held = new Set<string>();
  for (const r of rows) {
    if (r.ns !== 'kvs' || !r.key.startsWith(`rm:${PROJECTS[project].id}:ini:`)) continue;
    for (const item of (JSON.parse(r.json) as { items?: Array<{ epicIds?: string[] }> }).items ?? []) for (const id of item.epicIds ?? []) held.add(id);
  }
  return held;
}

function revisionIn(rows: readonly RawRow[], project: ProjectName): number {
  const meta = rows.find((r) => r.ns === 'entity:roadmap-meta' && r.key === `rm:${PROJECTS[project].id}:meta`);
  return meta ? (JSON.parse(meta.json) as { revision: number }).revision : 0;
}

// ---- requests ----

const projectPage = (p: ProjectName) => ({ type: 'jira:projectPage', project: { id: PROJECTS[p].id, key: PROJECTS[p].key, type: 'software' } });
const macro = (p: ProjectName) => ({ type: 'macro', config: { projectId: PROJECTS[p].id, view: 'executive' } });
const issuePanel = (index: number) => {
  const issue = ISSUES[index];
  return {
    type: 'jira:issueContext',
    project: { id: PROJECTS[issue.project].id, key: issue.project },
    issue: { id: issue.id, key: issue.key, type: issue.kind === 'epic' ? 'Epic' : 'Story' },
  };
};
const ids = (list: number[]) => list.map((i) => ISSUES[i].id);
const keys = (list: number[]) => list.map((i) => ISSUES[i].key);
const IMPORT_TAKES_REASON = 'reason' in (importRoadmapPayload as unknown as { shape: Record<string, unknown> }).shape;
const TEMPLATE_PHASES = ['Foundation', 'Scale', 'Velocity'];

/** The roadmap a call would write, if any (panel calls: the issue's project). */
export function writeTarget(call: Call): ProjectName | null {
  if (!WRITE_OPS.has(call.op)) return null;
  if ('project' in call) return call.project;
  if (call.op === 'unlinkEpic' && call.from) return call.from;
  if ('issue' in call) return ISSUES[call.issue].kind === 'ghost' ? null : ISSUES[call.issue].project;
  return null;
}
/** The roadmap a call can actually change: a write by someone who may edit that project. */
const effectiveTarget = (call: Call): ProjectName | null => {
  const target = writeTarget(call);
  return target && EDIT[call.user].includes(target) ? target : null;
};

function importTable(call: Extract<Call, { op: 'importRoadmap' }>): string {
  const phaseName = (p: number) => (p < 3 ? TEMPLATE_PHASES[p] : call.newPhases > 0 ? `New phase ${((p - 3) % call.newPhases) + 1}` : TEMPLATE_PHASES[p % 3]);
  const lines = ['| Phase | Initiative | Goal | Success metric | Target quarter | Epics |', '|---|---|---|---|---|---|'];
  call.rows.forEach((row, index) => {
    const title = row.title === 'new' ? `Imported initiative ${index + 1}` : TEMPLATE_ROWS[row.title].initiative;
    const epics = row.epics.map((e) => (e.by === 'key' ? ISSUES[e.issue].key : ISSUES[e.issue].id)).join('; ');
    lines.push(`| ${phaseName(row.phase)} | ${title} | Imported goal | Imported metric | 2027-Q2 | ${epics} |`);
  });
  for (let k = 1; k <= call.newPhases; k++) lines.push(`| New phase ${k} | Phase filler ${k} | g | m | 2027-Q3 |  |`);
  return lines.join('\n');
}

/** The requests a call makes, given the storage now (createPhase with a count makes several, one after another). */
function buildRequest(call: Call, rows: readonly RawRow[], index = 0): Request {
  const revOf = (p: ProjectName) => {
    const current = revisionIn(rows, p);
    return 'rev' in call && call.rev === 'stale' && index === 0 ? Math.max(0, current - 1) : current;
  };
  const page = (p: ProjectName) => projectPage(p);
  switch (call.op) {
    case 'createInitiative':
      return {
        call,
        key: call.op,
        extension: page(call.project),
        payload: {
          baseRevision: revOf(call.project),
          initiative: {
            title: TITLES[call.title],
            phaseId: `P-${call.phase}`,
            successMetric: { description: 'Measured outcome' },
            targetQuarter: '2027-Q2',
            epicIds: ids(call.epicIds),
            dependsOn: call.dependsOn.map((n) => `I-${n}`),
            businessGoalIds: call.goals.map((n) => `G-${n}`),
          },
          epicKeys: keys(call.epicKeys),
        },
      };
    case 'updateInitiative': {
      const patch =
        call.patch === 'epics'
          ? { epicIds: ids(call.epicIds) }
          : call.patch === 'title'
            ? { title: TITLES[call.title] }
            : call.patch === 'phase'
              ? { phaseId: `P-${call.phase}` }
              : { dependsOn: [`I-${(call.ini % 9) + 1}`] };
      return {
        call,
        key: call.op,
        extension: page(call.project),
        payload: {
          baseRevision: revOf(call.project),
          initiativeId: `I-${call.ini}`,
          patch,
          epicKeys: call.patch === 'epics' ? keys(call.epicKeys) : [],
          ...(call.reason ? { reason: 'Re-planned' } : {}),
        },
      };
    }
    case 'deleteInitiative':
      return {
        call,
        key: call.op,
        extension: page(call.project),
        payload: { baseRevision: revOf(call.project), initiativeId: `I-${call.ini}`, reason: 'No longer needed' },
      };
    case 'createPhase':
      return {
        call,
        key: call.op,
        extension: page(call.project),
        payload: { baseRevision: revOf(call.project), phase: { name: `Phase ${index + 1}`, startQuarter: '2027-Q1', endQuarter: '2027-Q2' } },
      };
    case 'deletePhase':
      return {
        call,
        key: call.op,
        extension: page(call.project),
        payload: {
          baseRevision: revOf(call.project),
          phaseId: `P-${call.phase}`,
          moveInitiativesTo: call.moveTo === null ? null : `P-${call.moveTo}`,
          reason: 'Merged',
        },
      };
    case 'saveSettings':
      return {
        call,
        key: call.op,
        extension: page(call.project),
        payload: {
          baseRevision: revOf(call.project),
          settings: {
            title: TITLES[call.title],
            businessGoals: Array.from({ length: call.goals }, (_, i) => ({ title: `Goal ${i + 1}`, metric: 'measured' })),
          },
        },
      };
    case 'createDebtItem':
      return {
        call,
        key: call.op,
        extension: page(call.project),
        payload: { baseRevision: revOf(call.project), item: { title: TITLES[call.title], category: 'security-risk', impact: 3, urgency: 2 } },
      };
    case 'promoteDebtItem':
      return {
        call,
        key: call.op,
        extension: page(call.project),
        payload: {
          baseRevision: revOf(call.project),
          debtId: `D-${call.debt}`,
          initiative: { phaseId: `P-${call.phase}`, targetQuarter: '2027-Q3', successMetric: { description: 'Debt gone' } },
        },
      };
    case 'deleteDebtItem':
      return { call, key: call.op, extension: page(call.project), payload: { baseRevision: revOf(call.project), debtId: `D-${call.debt}` } };
    case 'importRoadmap':
      return {
        call,
        key: call.op,
        extension: page(call.project),
        payload: {
          baseRevision: revOf(call.project),
          text: importTable(call),
          format: 'markdown',
          mode: call.mode,
          confirmRemovals: call.confirm,
          ...(IMPORT_TAKES_REASON ? { reason: 'Quarterly re-plan' } : {}),
        },
      };
    case 'linkEpic':
      return {
        call,
        key: call.op,
        extension: issuePanel(call.issue),
        payload: { baseRevision: revOf(ISSUES[call.issue].project), initiativeId: `I-${call.ini}` },
      };
    case 'unlinkEpic': {
      const from = call.from ?? ISSUES[call.issue].project;
      return {
        call,
        key: call.op,
        extension: issuePanel(call.issue),
        payload: { baseRevision: revOf(from), reason: 'Split into two epics', ...(call.from ? { projectId: PROJECTS[call.from].id } : {}) },
      };
    }
    case 'getEpicContext':
      return { call, key: call.op, extension: issuePanel(call.issue), payload: {} };
    case 'getRoadmapView':
    case 'getProgress':
      return { call, key: call.op, extension: call.surface === 'page' ? page(call.project) : macro(call.project), payload: {} };
    case 'exportRoadmap':
      return { call, key: call.op, extension: page(call.project), payload: { format: call.format } };
    case 'getChangelog':
      return { call, key: call.op, extension: page(call.project), payload: { limit: 5 } };
    case 'findProject':
      return { call, key: call.op, extension: { type: 'macro' }, payload: { projectKeyOrId: call.query } };
  }
}

const requestCount = (call: Call) => (call.op === 'createPhase' ? call.count : 1);

async function invoke(forge: LocalForge, request: Request): Promise<Answer> {
  try {
    return await forge.invoke(request.key, request.payload, { accountId: DEMO_USERS[request.call.user].accountId, extension: request.extension });
  } catch (thrown) {
    return { thrown: thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown) };
  }
}

const short = (value: unknown, max = 600) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
};

/** A well-formed Result: `{ ok: true, value }` or `{ ok: false, error: { code, message } }` with a known code. */
function resultProblem(answer: Answer): string | null {
  if (!answer || typeof answer !== 'object') return `not a Result: ${short(answer)}`;
  const a = answer as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown }; thrown?: unknown };
  if ('thrown' in a) return `the resolver threw: ${short(a.thrown)}`;
  if (a.ok === true) return 'value' in a ? null : 'ok without a value';
  if (a.ok === false && a.error && (ERROR_CODES as readonly unknown[]).includes(a.error.code) && typeof a.error.message === 'string') return null;
  return `not a Result with a known error code: ${short(answer)}`;
}
const errorCode = (answer: Answer): string | null =>
  (answer as { ok?: boolean }).ok === false ? String((answer as { error: { code: string } }).error.code) : null;

/** How often each resolver answered what, across runs (printed with MBT_STATS=1, to see what the runs exercise). */
export const ANSWER_STATS: Record<string, number> = {};

// ---- the world of one run ----

export class World {
  readonly forge: LocalForge;
  /** Epics deleted in Jira whose deletion event has been delivered. */
  readonly deleted = new Set<string>();
  readonly log: string[] = [];

  constructor(initialRows: readonly RawRow[]) {
    this.forge = new LocalForge({ now: () => NOW });
    exemptFromInvariants(this.forge, 'the model-based test checks the invariants itself after every step');
    writeRawStorage(this.forge, initialRows);
  }

  close(): void {
    this.forge.close();
  }

  /**
   * The stored rows the oracles compare: everything but the progress cache (`pg:`, `site:` keys, issue 10), which a
   * read may write (a per-user view of Jira, never roadmap data) and which holds random build ids.
   */
  rows(): RawRow[] {
    return readRawStorage(this.forge).filter((r) => !(r.ns === 'kvs' && /^(pg|site):/.test(r.key)));
  }

  /** Every answer of the current step, for the step-wide oracles. */
  private answers: Array<{ call: Call; answer: Answer }> = [];

  /** Runs one step and returns what it broke (empty: nothing). */
  async step(step: Step): Promise<string[]> {
    const v: string[] = [];
    const start = this.rows();
    const deletedBefore = new Set(this.deleted);
    this.answers = [];
    switch (step.kind) {
      case 'call':
        await this.single(step.call, null, v);
        break;
      case 'fault':
        await this.single(step.call, step.fault, v);
        break;
      case 'pair':
        await this.pair(step.a, step.b, v);
        break;
      case 'deleteEpic':
        await this.deleteEpic(step, v);
        break;
      case 'spuriousTrigger':
        await this.spuriousTrigger(step.id, v);
        break;
    }
    const rows = this.rows();
    v.push(...checkRawInvariants(rows).map((x) => `invariant: ${x}`));
    for (const p of ['TR', 'PAY'] as const) {
      const writers = this.answers.filter(({ call, answer }) => writeTarget(call) === p && (answer as { ok?: boolean }).ok === true);
      // Each successful write advances its roadmap by one; nothing else does (the trigger aside).
      const advanced = revisionIn(rows, p) - revisionIn(start, p);
      if (step.kind !== 'deleteEpic' && advanced !== writers.length)
        v.push(`${p}'s revision advanced by ${advanced} in a step with ${writers.length} successful write(s) to it`);
      // Every epic a write adds must exist, be an epic and be visible to (one of) the writer(s): Jira, as the caller.
      const before = epicsHeld(start, p);
      for (const id of epicsHeld(rows, p)) {
        if (before.has(id)) continue;
        const issue = ISSUES.find((i) => i.id === id);
        const linkable = (user: UserName) => !!issue && issue.kind === 'epic' && BROWSE[user].includes(issue.project) && !deletedBefore.has(id);
        if (!writers.some(({ call }) => linkable(call.user))) {
          v.push(
            `${p}'s roadmap now holds ${issue ? `${issue.key} (${issue.kind}${deletedBefore.has(id) ? ', deleted in Jira' : ''})` : `unknown issue ${id}`}, added by ${writers.map(({ call }) => call.user).join(' + ') || 'no successful write'} — ${writers.length ? 'who cannot link it' : 'nothing should have added it'}`,
          );
        }
      }
    }
    for (const id of this.deleted) {
      const linked = rows.filter(
        (r) => (r.ns === 'kvs' && r.key.startsWith(`epic:${id}:`)) || (/^rm:\d+:ini:/.test(r.key) && new RegExp(`"epicIds":\\[[^\\]]*"${id}"`).test(r.json)),
      );
      if (linked.length) v.push(`deleted epic ${id} (deleted in Jira, its event delivered) is linked again: ${linked.map((r) => r.key).join(', ')}`);
    }
    return v;
  }

  /** One call (several requests for createPhase × n), each checked on its own; the leak oracle replays it. */
  private async single(call: Call, fault: Fault | null, v: string[]): Promise<void> {
    const count = fault ? 1 : requestCount(call);
    for (let index = 0; index < count; index++) {
      const before = this.rows();
      const request = buildRequest(call, before, index);
      if (fault) this.arm(fault);
      const answer = await invoke(this.forge, request);
      this.forge.kvs.faults.clear();
      this.forge.jira.faults.clear();
      const after = this.rows();
      this.checkAnswer(request, answer, !!fault, v);
      const ok = (answer as { ok?: boolean }).ok === true;
      const write = WRITE_OPS.has(call.op);
      if (!ok || !write) {
        if (JSON.stringify(after) !== JSON.stringify(before))
          v.push(`${describeCall(call)} ${ok ? 'is a read but' : `failed (${short(answer, 200)}) but`} changed storage: ${diffKeys(before, after)}`);
      } else {
        const target = writeTarget(call);
        for (const p of ['TR', 'PAY'] as const) {
          const expected = revisionIn(before, p) + (p === target ? 1 : 0);
          if (revisionIn(after, p) !== expected)
            v.push(`${describeCall(call)} succeeded but ${p}'s revision went ${revisionIn(before, p)} → ${revisionIn(after, p)} (expected ${expected})`);
        }
      }
      if (!fault) await this.leakOracle([{ request, answer }], before, after, v);
      if (!ok) break;
    }
  }

  private async pair(a: Call, b: Call, v: string[]): Promise<void> {
    const before = this.rows();
    const ra = buildRequest(a, before);
    const rb = buildRequest(b, before);
    const [aa, ab] = await Promise.all([invoke(this.forge, ra), invoke(this.forge, rb)]);
    const after = this.rows();
    this.checkAnswer(ra, aa, false, v);
    this.checkAnswer(rb, ab, false, v);
    const okWrites = [
      [a, aa],
      [b, ab],
    ].filter(([c, x]) => WRITE_OPS.has((c as Call).op) && (x as { ok?: boolean }).ok === true).length;
    if (okWrites === 0 && JSON.stringify(after) !== JSON.stringify(before))
      v.push(`neither call of the pair wrote, yet storage changed: ${diffKeys(before, after)}`);
    // Compare a restricted caller's answer only when the other call cannot have changed what that caller sees.
    const comparable: Array<{ request: Request; answer: Answer }> = [];
    for (const [mine, other, answer] of [
      [ra, rb, aa],
      [rb, ra, ab],
    ] as const) {
      const hidden = hiddenProject(mine.call.user);
      const otherTarget = effectiveTarget(other.call);
      if (hidden && (otherTarget === null || otherTarget === hidden)) comparable.push({ request: mine, answer });
    }
    await this.leakOracle(comparable, before, after, v);
  }

  private async deleteEpic(step: Extract<Step, { kind: 'deleteEpic' }>, v: string[]): Promise<void> {
    const issue = ISSUES[step.issue];
    const deleteAndDeliver = async () => {
      this.forge.jira.deleteIssue(issue.id);
      await this.deliver({ eventType: 'avi:jira:deleted:issue', issue: { id: issue.id, key: issue.key } }, v);
    };
    if (!step.race) await deleteAndDeliver();
    else {
      const request = buildRequest(step.race.call, this.rows());
      const yields = step.race.yields;
      const [answer] = await Promise.all([
        invoke(this.forge, request),
        (async () => {
          for (let i = 0; i < yields; i++) await new Promise((resolve) => setImmediate(resolve));
          await deleteAndDeliver();
        })(),
      ]);
      this.checkAnswer(request, answer, false, v);
    }
    this.deleted.add(issue.id);
  }

  /** Delivers an event; a trigger that throws is redelivered (as Forge retries), at most three times. */
  private async deliver(event: unknown, v: string[]): Promise<void> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await this.forge.trigger(event);
        return;
      } catch (error) {
        if (attempt === 3) v.push(`the issue-deleted trigger failed 3 times for ${short(event)}: ${String(error)}`);
      }
    }
  }

  private async spuriousTrigger(id: string, v: string[]): Promise<void> {
    const before = roadmapRows(this.rows());
    try {
      await this.forge.trigger({ eventType: 'avi:jira:deleted:issue', issue: { id, key: 'X-1' } });
    } catch (error) {
      v.push(`the trigger threw on an event for ${short(id, 40)}: ${String(error)}`);
    }
    const after = roadmapRows(this.rows());
    if (JSON.stringify(after) !== JSON.stringify(before))
      v.push(`an issue-deleted event for ${short(id, 40)} (never deleted in Jira, or malformed) changed roadmaps: ${diffKeys(before, after)}`);
  }

  private arm(fault: Fault): void {
    const spec = (status: 500 | 429) =>
      status === 500
        ? { status, code: 'INTERNAL_SERVER_ERROR', message: 'Injected outage' }
        : { status, code: 'RATE_LIMIT_EXCEEDED', message: 'Injected rate limit' };
    if (fault.on === 'kvs') this.forge.kvs.faults.failNthCall(fault.nth, spec(fault.status));
    else if (fault.on === 'kvs-transaction') this.forge.kvs.faults.failWhen((path) => path === '/api/v1/transaction', spec(fault.status), 1);
    else if (fault.kind === 'serverError') this.forge.jira.faults.serverError(/.*/, { times: fault.times, status: 503 });
    else this.forge.jira.faults.rateLimit(/.*/, { times: fault.times, retryAfterSeconds: 0 });
  }

  private checkAnswer(request: Request, answer: Answer, faulted: boolean, v: string[]): void {
    this.answers.push({ call: request.call, answer });
    // Opt-in (MBT_STRICT_IDS=1): no answer to a restricted caller names an issue of the project they cannot browse,
    // not even its id (e.g. a PAY epic an admin linked into TR shows as "20037" in TR's view, progress and export).
    const hidden = hiddenProject(request.call.user);
    if (STRICT_IDS && hidden) {
      const text = JSON.stringify(answer);
      // Echoing what the caller sent is no leak ("Issue 20044 does not exist or you cannot see it").
      const sent = JSON.stringify(request.payload ?? null);
      const mentions = (t: string, i: { id: string; key: string }) => new RegExp(`\\b(${i.id}|${i.key})\\b`).test(t);
      const named = ISSUES.filter((i) => i.project === hidden && i.kind !== 'ghost' && mentions(text, i) && !mentions(sent, i));
      if (named.length)
        v.push(
          `${describeCall(request.call)}: the answer names ${hidden} issue(s) ${named.map((i) => `${i.key}/${i.id}`).join(', ')} to ${request.call.user}, who cannot browse ${hidden}`,
        );
    }
    const outcome = `${request.call.op} ${(answer as { ok?: boolean }).ok === true ? 'ok' : (errorCode(answer) ?? 'thrown')}${faulted ? ' (fault)' : ''}`;
    ANSWER_STATS[outcome] = (ANSWER_STATS[outcome] ?? 0) + 1;
    const problem = resultProblem(answer);
    if (problem) v.push(`${describeCall(request.call)}: ${problem}`);
    const code = errorCode(answer);
    if (!faulted && (code === 'UPSTREAM' || code === 'LIMIT'))
      v.push(`${describeCall(request.call)} answered ${code} with no fault armed: ${short(answer, 300)}`);
  }

  /**
   * The leak oracle: replays each restricted caller's request on a twin of `before` without the roadmap of the
   * project they cannot browse; the answer and every stored key they can see must come out the same.
   */
  private async leakOracle(items: Array<{ request: Request; answer: Answer }>, before: RawRow[], after: RawRow[], v: string[]): Promise<void> {
    const restricted = items.filter((i) => hiddenProject(i.request.call.user) !== null);
    if (restricted.length === 0) return;
    const current = this.rows();
    for (const { request, answer } of restricted) {
      const hidden = hiddenProject(request.call.user)!;
      writeRawStorage(this.forge, withoutProject(before, hidden));
      const twinAnswer = await invoke(this.forge, request);
      const twinAfter = this.rows();
      if (canonical(answer) !== canonical(twinAnswer)) {
        v.push(
          `LEAK: ${request.call.user} (cannot browse ${hidden}) got a different answer when ${hidden}'s roadmap exists — ${describeCall(request.call)}\n${firstDifference(canonical(answer), canonical(twinAnswer), hidden)}`,
        );
      }
      const seen = contentOf(withoutProject(after, hidden));
      const twinSeen = contentOf(withoutProject(twinAfter, hidden));
      if (JSON.stringify(seen) !== JSON.stringify(twinSeen)) {
        v.push(`NON-INTERFERENCE: ${describeCall(request.call)} stored something different when ${hidden}'s roadmap exists: ${diffContent(seen, twinSeen)}`);
      }
      if (twinAfter.some((r) => isProjectRow(r, PROJECTS[hidden].id)))
        v.push(`${describeCall(request.call)}: ${request.call.user} created keys of ${hidden}'s roadmap`);
    }
    writeRawStorage(this.forge, current);
  }
}

/** Where two answers part: the text around the first differing character of each. */
function firstDifference(a: string, b: string, hidden: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 200);
  const cut = (s: string) => `${from > 0 ? '…' : ''}${s.slice(from, i + 300)}${s.length > i + 300 ? '…' : ''}`;
  return `      with ${hidden}'s roadmap:    ${cut(a)}\n      without it (the twin): ${cut(b)}`;
}

function diffKeys(before: readonly RawRow[], after: readonly RawRow[]): string {
  const b = new Map(before.map((r) => [`${r.ns}|${r.key}`, JSON.stringify(r)]));
  const a = new Map(after.map((r) => [`${r.ns}|${r.key}`, JSON.stringify(r)]));
  const changed = [...new Set([...b.keys(), ...a.keys()])].filter((k) => b.get(k) !== a.get(k));
  return changed.slice(0, 8).join(', ') + (changed.length > 8 ? ` … (${changed.length})` : '');
}

function diffContent(a: string[], b: string[]): string {
  const sa = new Set(a);
  const sb = new Set(b);
  const onlyA = a.filter((x) => !sb.has(x)).map((x) => `with: ${x.slice(0, 160)}`);
  const onlyB = b.filter((x) => !sa.has(x)).map((x) => `without: ${x.slice(0, 160)}`);
  return [...onlyA, ...onlyB].slice(0, 6).join(' | ');
}

// ---- the starting state ----

/**
 * TR's demo roadmap (I-1..I-6, each serving a TR epic), PAY's roadmap from the template (admin), PAY's first epic
 * serving PAY I-1, and TR's first epic (TR-1, serving TR I-1) also serving PAY I-2 — an epic two roadmaps track;
 * debt item D-1 on each (TR at revision 2, PAY at revision 4).
 * Built once through the resolvers; each run starts from a copy of the rows.
 */
export async function initialRows(seed: (forge: LocalForge) => Promise<unknown>): Promise<RawRow[]> {
  const forge = new LocalForge({ now: () => NOW });
  try {
    await seed(forge);
    const as = (user: UserName, key: string, payload: unknown, extension: Record<string, unknown>) =>
      forge.invoke(key, payload, { accountId: DEMO_USERS[user].accountId, extension }) as Promise<{ ok: boolean; error?: unknown }>;
    const must = async (p: Promise<{ ok: boolean; error?: unknown }>, what: string) => {
      const r = await p;
      if (!r.ok) throw new Error(`model-based set-up: ${what} failed: ${JSON.stringify(r)}`);
    };
    await must(as('admin', 'startRoadmap', { withExamples: true }, projectPage('PAY')), 'startRoadmap PAY');
    const payEpic = ISSUES.find((i) => i.project === 'PAY' && i.kind === 'epic')!;
    const trEpic = ISSUES.find((i) => i.project === 'TR' && i.kind === 'epic')!;
    await must(
      as('admin', 'updateInitiative', { baseRevision: 1, initiativeId: 'I-1', patch: {}, epicKeys: [payEpic.key] }, projectPage('PAY')),
      `link ${payEpic.key} to PAY I-1`,
    );
    await must(
      as('admin', 'updateInitiative', { baseRevision: 2, initiativeId: 'I-2', patch: {}, epicKeys: [trEpic.key] }, projectPage('PAY')),
      `link ${trEpic.key} to PAY I-2`,
    );
    const debt = { title: 'Express 4 is end of life', category: 'outdated-dependency', impact: 3, urgency: 3 };
    await must(as('admin', 'createDebtItem', { baseRevision: 3, item: debt }, projectPage('PAY')), 'record debt on PAY');
    await must(as('admin', 'createDebtItem', { baseRevision: 1, item: debt }, projectPage('TR')), 'record debt on TR');
    const rows = readRawStorage(forge);
    const violations = checkRawInvariants(rows);
    if (violations.length) throw new Error(`model-based set-up breaks the invariants:\n${violations.join('\n')}`);
    return rows;
  } finally {
    exemptFromInvariants(forge, 'set-up backend of the model-based test (checked above)');
    forge.close();
  }
}

export { describeStep, USER_NAMES };
