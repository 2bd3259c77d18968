/**
 * The steps of the model-based test and their fast-check generators. A step is plain data (so a counterexample
 * prints readably and shrinks): one resolver call, two calls started together, a call with a storage or Jira fault
 * armed, an epic deleted in Jira (optionally racing a link of it), or a spurious / malformed issue-deleted event.
 */
import fc from 'fast-check';
import { EPIC_INDEXES, ISSUES, type ProjectName, USER_NAMES, type UserName } from './world';

/** Which base revision a write sends: the stored one, one behind (a stale editor), or 0. */
export type Rev = 'current' | 'stale';

/** Text a user may type: plain, emoji, right-to-left, and the kinds the model must refuse. */
export const TITLES = [
  'Harden the edge',
  'Rollout 🚀 with émojis',
  'שדרוג מערכת התשלומים',
  '  padded title  ',
  '\u200B\u200B',
  'lone \uD800 surrogate',
  'x'.repeat(201),
  'Semi; colon | pipe, "quote" <br> line',
] as const;

export type Call =
  | {
      op: 'createInitiative';
      user: UserName;
      project: ProjectName;
      rev: Rev;
      title: number;
      phase: number;
      epicIds: number[];
      epicKeys: number[];
      dependsOn: number[];
      goals: number[];
    }
  | {
      op: 'updateInitiative';
      user: UserName;
      project: ProjectName;
      rev: Rev;
      ini: number;
      patch: 'epics' | 'title' | 'phase' | 'deps';
      epicIds: number[];
      epicKeys: number[];
      title: number;
      phase: number;
      reason: boolean;
    }
  | { op: 'deleteInitiative'; user: UserName; project: ProjectName; rev: Rev; ini: number }
  | { op: 'createPhase'; user: UserName; project: ProjectName; rev: Rev; count: number }
  | { op: 'deletePhase'; user: UserName; project: ProjectName; rev: Rev; phase: number; moveTo: number | null }
  | { op: 'saveSettings'; user: UserName; project: ProjectName; rev: Rev; goals: number; title: number }
  | { op: 'createDebtItem'; user: UserName; project: ProjectName; rev: Rev; title: number }
  | { op: 'promoteDebtItem'; user: UserName; project: ProjectName; rev: Rev; debt: number; phase: number }
  | { op: 'deleteDebtItem'; user: UserName; project: ProjectName; rev: Rev; debt: number }
  | { op: 'importRoadmap'; user: UserName; project: ProjectName; rev: Rev; newPhases: number; rows: ImportRow[]; mode: 'merge' | 'replace'; confirm: boolean }
  | { op: 'linkEpic'; user: UserName; issue: number; rev: Rev; ini: number }
  /** from: the roadmap to unlink from (payload projectId); null = the issue's own project's. */
  | { op: 'unlinkEpic'; user: UserName; issue: number; rev: Rev; from: ProjectName | null }
  | { op: 'getEpicContext'; user: UserName; issue: number }
  | { op: 'getRoadmapView'; user: UserName; project: ProjectName; surface: 'page' | 'macro' }
  | { op: 'getProgress'; user: UserName; project: ProjectName; surface: 'page' | 'macro' }
  | { op: 'exportRoadmap'; user: UserName; project: ProjectName; format: 'csv' | 'markdown' }
  | { op: 'getChangelog'; user: UserName; project: ProjectName }
  | { op: 'findProject'; user: UserName; query: string };

export interface ImportRow {
  /** Index into the phases the table names: 0..2 the template's, 3+ the new ones. */
  phase: number;
  /** An existing initiative's title (by template index 0..5) or a new one. */
  title: number | 'new';
  /** Epics cell: issues by key or by id. */
  epics: Array<{ issue: number; by: 'key' | 'id' }>;
}

export type Fault =
  | { on: 'kvs'; nth: number; status: 500 | 429 }
  | { on: 'kvs-transaction'; status: 500 | 429 }
  | { on: 'jira'; times: number; kind: 'serverError' | 'rateLimit' };

export type Step =
  | { kind: 'call'; call: Call }
  | { kind: 'pair'; a: Call; b: Call }
  | { kind: 'fault'; call: Call; fault: Fault }
  | { kind: 'deleteEpic'; issue: number; race: null | { call: Call; yields: number } }
  | { kind: 'spuriousTrigger'; id: string };

export const WRITE_OPS = new Set<Call['op']>([
  'createInitiative',
  'updateInitiative',
  'deleteInitiative',
  'createPhase',
  'deletePhase',
  'saveSettings',
  'createDebtItem',
  'promoteDebtItem',
  'deleteDebtItem',
  'importRoadmap',
  'linkEpic',
  'unlinkEpic',
]);

// ---- generators ----

const user = fc.constantFrom<UserName>(...USER_NAMES);
const project = fc.constantFrom<ProjectName>('TR', 'PAY');
const rev = fc.oneof({ arbitrary: fc.constant<Rev>('current'), weight: 6 }, { arbitrary: fc.constant<Rev>('stale'), weight: 1 });
const issue = fc.nat({ max: ISSUES.length - 1 });
const epic = fc.constantFrom(...EPIC_INDEXES);
const issueOrEpic = fc.oneof({ arbitrary: epic, weight: 4 }, { arbitrary: issue, weight: 1 });
const issues = (max: number) =>
  fc.oneof({ arbitrary: fc.array(issueOrEpic, { maxLength: max }), weight: 8 }, { arbitrary: fc.array(epic, { minLength: 9, maxLength: 13 }), weight: 1 });
const title = fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, { arbitrary: fc.nat({ max: TITLES.length - 1 }), weight: 2 });
const ini = fc.integer({ min: 1, max: 9 });
const phase = fc.integer({ min: 1, max: 5 });

const projectCall = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('createInitiative' as const),
      user,
      project,
      rev,
      title,
      phase,
      epicIds: issues(3),
      epicKeys: issues(2),
      dependsOn: fc.array(ini, { maxLength: 2 }),
      goals: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('updateInitiative' as const),
      user,
      project,
      rev,
      ini,
      patch: fc.constantFrom('epics' as const, 'epics' as const, 'title' as const, 'phase' as const, 'deps' as const),
      epicIds: issues(3),
      epicKeys: issues(2),
      title,
      phase,
      reason: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('deleteInitiative' as const), user, project, rev, ini }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('createPhase' as const),
      user,
      project,
      rev,
      count: fc.oneof({ arbitrary: fc.constant(1), weight: 3 }, { arbitrary: fc.integer({ min: 2, max: 19 }), weight: 1 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deletePhase' as const), user, project, rev, phase, moveTo: fc.option(phase, { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('saveSettings' as const), user, project, rev, goals: fc.integer({ min: 0, max: 6 }), title }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('createDebtItem' as const), user, project, rev, title }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('promoteDebtItem' as const), user, project, rev, debt: fc.integer({ min: 1, max: 2 }), phase }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteDebtItem' as const), user, project, rev, debt: fc.integer({ min: 1, max: 2 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('importRoadmap' as const),
      user,
      project,
      rev,
      newPhases: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 19 }), weight: 1 }),
      rows: fc.array(
        fc.record({
          phase: fc.nat({ max: 4 }),
          title: fc.oneof(fc.nat({ max: 5 }), fc.constant('new' as const)),
          epics: fc.array(fc.record({ issue: issueOrEpic, by: fc.constantFrom('key' as const, 'id' as const) }), { maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      mode: fc.oneof({ arbitrary: fc.constant('merge' as const), weight: 4 }, { arbitrary: fc.constant('replace' as const), weight: 1 }),
      confirm: fc.boolean(),
    }),
  },
);

const panelCall = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('linkEpic' as const), user, issue: issueOrEpic, rev, ini }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('unlinkEpic' as const), user, issue: issueOrEpic, rev, from: fc.option(project, { nil: null }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('getEpicContext' as const), user, issue: issueOrEpic }) },
);

const surface = fc.constantFrom('page' as const, 'macro' as const);
const readCall = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('getRoadmapView' as const), user, project, surface }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('getProgress' as const), user, project, surface }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('exportRoadmap' as const), user, project, format: fc.constantFrom('csv' as const, 'markdown' as const) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('getChangelog' as const), user, project }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('findProject' as const), user, query: fc.constantFrom('TR', 'PAY', 'pay', '10000', '10001', 'NOPE') }) },
);

export const callArb: fc.Arbitrary<Call> = fc.oneof(
  { arbitrary: projectCall, weight: 6 },
  { arbitrary: panelCall, weight: 4 },
  { arbitrary: readCall, weight: 3 },
);

/** Calls that add one given epic to some roadmap: the moves two writers race on. */
const linkingCall = (epicIndex: number, who: fc.Arbitrary<UserName> = user): fc.Arbitrary<Call> =>
  fc.oneof(
    fc.record({
      op: fc.constant('createInitiative' as const),
      user: who,
      project,
      rev: fc.constant<Rev>('current'),
      title: fc.constant(0),
      phase: fc.constant(1),
      epicIds: fc.constant<number[]>([epicIndex]),
      epicKeys: fc.constant<number[]>([]),
      dependsOn: fc.constant<number[]>([]),
      goals: fc.constant<number[]>([]),
    }),
    fc.record({
      op: fc.constant('updateInitiative' as const),
      user: who,
      project,
      rev: fc.constant<Rev>('current'),
      ini,
      patch: fc.constant('epics' as const),
      epicIds: fc.constant<number[]>([]),
      epicKeys: fc.constant<number[]>([epicIndex]),
      title: fc.constant(0),
      phase: fc.constant(1),
      reason: fc.constant(false),
    }),
    fc.record({ op: fc.constant('linkEpic' as const), user: who, issue: fc.constant(epicIndex), rev: fc.constant<Rev>('current'), ini }),
  );

const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({ on: fc.constant('kvs' as const), nth: fc.integer({ min: 1, max: 8 }), status: fc.constantFrom(500 as const, 429 as const) }),
  fc.record({ on: fc.constant('kvs-transaction' as const), status: fc.constantFrom(500 as const, 429 as const) }),
  fc.record({ on: fc.constant('jira' as const), times: fc.integer({ min: 1, max: 9 }), kind: fc.constantFrom('serverError' as const, 'rateLimit' as const) }),
);

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: callArb.map((call): Step => ({ kind: 'call', call })) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pair' as const), a: callArb, b: callArb }) },
  // The same epic added on two roadmaps (or twice on one) at once.
  { weight: 2, arbitrary: epic.chain((e) => fc.record({ kind: fc.constant('pair' as const), a: linkingCall(e), b: linkingCall(e) })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fault' as const), call: callArb, fault }) },
  {
    weight: 1,
    arbitrary: epic.chain((e) =>
      fc.record({
        kind: fc.constant('deleteEpic' as const),
        issue: fc.constant(e),
        race: fc.option(
          fc.record({
            call: fc.oneof({ arbitrary: linkingCall(e, fc.constantFrom<UserName>('admin', 'member')), weight: 3 }, { arbitrary: callArb, weight: 1 }),
            yields: fc.nat({ max: 12 }),
          }),
          { nil: null },
        ),
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('spuriousTrigger' as const),
      id: fc.oneof(
        epic.map((e) => ISSUES[e].id),
        fc.constantFrom('../x', '1e308', '9'.repeat(600), ''),
      ),
    }),
  },
);

/** A one-line description of a call, with issue indexes turned into keys (for failure reports). */
export function describeCall(call: Call): string {
  const keys = (list: number[]) => `[${list.map((i) => ISSUES[i].key).join(',')}]`;
  const parts: string[] = [`${call.user}`, call.op];
  if ('project' in call) parts.push(call.project);
  if ('issue' in call) parts.push(`on ${ISSUES[call.issue].key}`);
  const rest: Record<string, unknown> = { ...call };
  for (const k of ['user', 'op', 'project', 'issue']) delete rest[k];
  if ('epicIds' in call) rest.epicIds = keys(call.epicIds);
  if ('epicKeys' in call) rest.epicKeys = keys(call.epicKeys);
  if (call.op === 'importRoadmap') rest.rows = call.rows.map((r) => ({ ...r, epics: r.epics.map((e) => `${ISSUES[e.issue].key}(${e.by})`) }));
  if ('title' in call && typeof call.title === 'number') rest.title = JSON.stringify(TITLES[call.title]).slice(0, 30);
  return `${parts.join(' ')} ${JSON.stringify(rest)}`;
}

export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'call':
      return describeCall(step.call);
    case 'pair':
      return `TOGETHER { ${describeCall(step.a)} } + { ${describeCall(step.b)} }`;
    case 'fault':
      return `WITH FAULT ${JSON.stringify(step.fault)}: ${describeCall(step.call)}`;
    case 'deleteEpic':
      return `DELETE ${ISSUES[step.issue].key} in Jira + trigger${step.race ? ` racing { ${describeCall(step.race.call)} } after ${step.race.yields} yields` : ''}`;
    case 'spuriousTrigger':
      return `TRIGGER deleted:issue for ${JSON.stringify(step.id.length > 20 ? `${step.id.slice(0, 12)}…(${step.id.length})` : step.id)} (not deleted in Jira)`;
  }
}
