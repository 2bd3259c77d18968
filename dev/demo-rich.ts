import { addDebtItem, type NewDebtItem, promoteDebtItem, updateDebtItem } from '../src/domain/edits/debt';
import { addInitiative, updateInitiative } from '../src/domain/edits/initiatives';
import { updatePhase } from '../src/domain/edits/phases';
import { markReviewed, type SettingsPatch, updateSettings } from '../src/domain/edits/settings';
import { type InitiativePatch, type NewInitiativeInput, newInitiativeSchema, type Roadmap } from '../src/domain/model';
import { addQuarters, parseQuarter, type Quarter, quarterLabel, quarterOf } from '../src/domain/quarter';
import type { Actor, Edit } from '../src/domain/roadmap-ops';
import { templateRoadmap } from '../src/domain/template';
import { commitEdit } from '../src/storage/commit-edit';
import { HostState } from './host/host-state';
import { DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS } from './jira';
import type { LocalForge } from './local-forge';

/**
 * The rich demo `npm start` seeds: a roadmap for each demo project (TR and PAY), built from the technical-roadmap
 * template and the seeds' examples, with a few weeks of history so that every panel has something true to say —
 * capacity with one quarter inside the 20–30 % buffer and one eating it, 3–5 business goals traced by all but one
 * backlog candidate, RICE and effort everywhere, a dependency chain with one link on later work, a compliance track,
 * debt in all five categories (one promoted), a changelog of several weeks with reasons, a review that is overdue,
 * an overdue initiative, and linked epics in every Jira status.
 *
 * Everything goes through the app's write path: pure domain edits (src/domain/edits) stored with `commitEdit`, epics
 * confirmed through Jira as the app. Times are laid out on a clock relative to `forge.deps.now()`, so "review due" and
 * "overdue" stay true whenever it runs. A project that already has a roadmap is left exactly as it is.
 *
 * `seedDemoRoadmap` (dev/demo-seed.ts) stays the tests' small fixture; this one is for `npm start` only.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type DemoProjectKey = keyof typeof DEMO_PROJECTS;

/** Where the demo's history sits relative to "now". */
export interface DemoClock {
  now: Date;
  /** The current quarter (Now). */
  current: Quarter;
  /** When the roadmap was started: always in the previous quarter, at least seven weeks ago. */
  start: Date;
}

function quarterStart(quarter: Quarter): Date {
  const { year, q } = parseQuarter(quarter);
  return new Date(Date.UTC(year, (q - 1) * 3, 1));
}

export function demoClock(now: Date): DemoClock {
  const current = quarterOf(now);
  // Three weeks before this quarter began, or seven weeks ago if that is earlier: the roadmap was started last
  // quarter, so its first quarter is overdue work now, and there is room for a month of history before the review.
  const start = Math.min(quarterStart(current).getTime() - 21 * DAY, now.getTime() - 49 * DAY);
  const day = new Date(start);
  return { now, current, start: new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 9)) };
}

/** One step of the story: who did what, when. */
interface Step {
  at: Date;
  by: string;
  edit: (before: Roadmap | null, actor: Actor) => Edit;
}

const epicId = (summary: string): string => {
  const epic = DEMO_EPICS.find((e) => e.summary === summary);
  if (!epic) throw new Error(`No demo epic "${summary}"`);
  return epic.id;
};

const must = (roadmap: Roadmap | null): Roadmap => {
  if (!roadmap) throw new Error('The demo step needs a roadmap');
  return roadmap;
};

const initiative = (input: NewInitiativeInput) => newInitiativeSchema.parse(input);

/** A step builder on a project's clock: `early(d)` is d days after the start, `ago(d)` d days before now. */
function timeline(clock: DemoClock) {
  let minute = 0;
  // A few minutes apart within a day, so steps on the same day keep their order.
  const jitter = () => (minute = (minute + 7) % 50) * 60_000;
  return {
    early: (days: number) => new Date(clock.start.getTime() + days * DAY + jitter()),
    ago: (days: number) => new Date(clock.now.getTime() - days * DAY - 2 * HOUR + jitter()),
  };
}

const A = DEMO_USERS.admin.accountId;
const M = DEMO_USERS.member.accountId;
const T = DEMO_USERS.trEditor.accountId;
const P = DEMO_USERS.payEditor.accountId;

function settingsStep(at: Date, by: string, patch: SettingsPatch): Step {
  return { at, by, edit: (before, actor) => updateSettings(must(before), patch, actor) };
}
function addStep(at: Date, by: string, input: NewInitiativeInput): Step {
  return { at, by, edit: (before, actor) => addInitiative(must(before), initiative(input), actor) };
}
function updateStep(at: Date, by: string, id: string, patch: InitiativePatch, reason: string): Step {
  return { at, by, edit: (before, actor) => updateInitiative(must(before), id, patch, actor, reason) };
}
function debtStep(at: Date, by: string, item: NewDebtItem): Step {
  return { at, by, edit: (before, actor) => addDebtItem(must(before), item, actor) };
}
function phaseStep(at: Date, by: string, phaseId: string, startQuarter: Quarter, endQuarter: Quarter, reason: string): Step {
  return { at, by, edit: (before, actor) => updatePhase(must(before), phaseId, { startQuarter, endQuarter }, actor, reason) };
}
function reviewStep(at: Date, by: string, note: string): Step {
  return { at, by, edit: (before, actor) => markReviewed(must(before), actor, note) };
}

/**
 * Tech Roadmap Demo (TR): the seed's template (Foundation / Scale / Velocity, six examples linked to their epics),
 * then the audit, a compliance track, a promoted debt item, a review, and a month of planning since.
 */
function trSteps(clock: DemoClock): Step[] {
  const { early, ago } = timeline(clock);
  const prev = addQuarters(clock.current, -1);
  const now = clock.current;
  const next = addQuarters(now, 1);
  const later = addQuarters(now, 2);
  const project = DEMO_PROJECTS.TR;
  const epicIdsByTitle: Record<string, string[]> = {};
  for (const epic of DEMO_EPICS.filter((e) => e.projectKey === 'TR')) epicIdsByTitle[epic.summary] = [epic.id];
  return [
    { at: early(0), by: A, edit: (_before, actor) => templateRoadmap(project.id, `${project.name} technical roadmap`, actor, { epicIdsByTitle }) },
    settingsStep(early(0.1), A, {
      ownerAccountId: A,
      reviewCadenceDays: 30,
      capacity: { perQuarter: 36, unit: 'person-weeks', bufferPercent: 25 },
      businessGoals: [
        { title: 'Cut production incidents in half', metric: 'P1/P2 incidents per quarter: 12 → 6' },
        { title: 'Ship customer features faster', metric: 'Lead time for changes under 2 days' },
        { title: 'Handle 3x traffic for the enterprise launch', metric: 'p95 API latency under 200 ms at 3x load' },
        { title: 'Pass the EU compliance audit', metric: 'No open GDPR or EU AI Act findings at the audit' },
      ],
    }),
    // The system audit (seed step 2): one debt item per category.
    debtStep(early(1), T, {
      title: 'AngularJS admin console is end of life',
      category: 'outdated-dependency',
      description: 'No security patches since 2022; hiring for it is hard. Migrate page by page behind a React shell.',
      impact: 3,
      urgency: 3,
      effort: 10,
    }),
    debtStep(early(1.2), T, {
      title: 'Month-end reports run on the primary database',
      category: 'scaling-bottleneck',
      description: 'Report queries lock the primary for minutes at month end; fails at 2x load.',
      impact: 4,
      urgency: 4,
      effort: 5,
    }),
    debtStep(early(2), A, {
      title: 'Legacy auth service signs tokens with SHA-1',
      category: 'security-risk',
      description: 'The old token endpoint uses SHA-1 signatures and shared secrets; pen test finding PT-7.',
      impact: 5,
      urgency: 4,
      effort: 6,
    }),
    debtStep(early(2.3), M, {
      title: 'Flaky checkout test blocks merges',
      category: 'developer-friction',
      description: 'The checkout end-to-end test fails about one run in ten; people re-run CI instead of fixing it.',
      impact: 3,
      urgency: 4,
      effort: 2,
    }),
    debtStep(early(3), T, {
      title: 'Billing and notifications share one database',
      category: 'architectural-coupling',
      description: 'Schema changes in billing need a notification deploy; a billing migration took notifications down twice.',
      impact: 4,
      urgency: 2,
      effort: 13,
    }),
    // The compliance track the seeds advise for EU teams.
    addStep(early(4), A, {
      title: 'GDPR and EU AI Act readiness',
      phaseId: 'P-1',
      goal: 'Give compliance work a home on the roadmap: records of processing, data retention, and the AI Act duties of the support-ticket classifier',
      successMetric: { description: 'Audit findings closed', target: 12, current: 3, unit: 'findings' },
      targetQuarter: now,
      status: 'planned',
      ownerAccountId: A,
      track: 'compliance',
      effort: 14,
      rice: { reach: 1, impact: 3, confidence: 80, effort: 14 },
      riskReduction: 3,
      reversibility: 'reversible',
      businessGoalIds: ['G-4'],
    }),
    addStep(early(5), T, {
      title: 'Introduce distributed tracing with OpenTelemetry',
      phaseId: 'P-2',
      goal: 'Trace requests end to end across services',
      successMetric: { description: 'Requests with a complete trace', target: 95, current: 20, unit: '%' },
      targetQuarter: later,
      status: 'proposed',
      ownerAccountId: T,
      track: 'reliability',
      effort: 8,
      rice: { reach: 30, impact: 2, confidence: 50, effort: 8 },
      riskReduction: 2,
      reversibility: 'reversible',
      businessGoalIds: ['G-1'],
      epicIds: [epicId('Introduce distributed tracing with OpenTelemetry')],
    }),
    {
      at: early(6),
      by: A,
      edit: (before, actor) =>
        promoteDebtItem(
          must(before),
          'D-3',
          {
            title: 'Retire the legacy auth service',
            phaseId: 'P-1',
            targetQuarter: next,
            successMetric: { description: 'Callers of the legacy token endpoint', target: 0, current: 14, unit: 'services' },
            status: 'planned',
            ownerAccountId: M,
            effort: 6,
            rice: { reach: 14, impact: 2, confidence: 80, effort: 6 },
            businessGoalIds: ['G-1', 'G-4'],
            dependsOn: ['I-1'],
            epicIds: [epicId('Retire the legacy auth service')],
          },
          actor,
        ),
    },
    updateStep(
      early(7),
      M,
      'I-1',
      {
        ownerAccountId: M,
        effort: 6,
        rice: { reach: 40, impact: 1, confidence: 90, effort: 6 },
        riskReduction: 2,
        businessGoalIds: ['G-1', 'G-4'],
        successMetric: { description: 'Services running Node 22', target: 40, current: 31, unit: 'services' },
      },
      'Sized after the audit: 40 services, native modules are the risky part',
    ),
    reviewStep(ago(38), A, 'Monthly review with product and platform leads: goals agreed, capacity set, Scale work re-planned next'),
    // A month of planning since the review.
    phaseStep(ago(37), A, 'P-1', prev, now, `Foundation work continues into ${quarterLabel(now)}`),
    phaseStep(ago(36.5), A, 'P-2', now, later, 'Scale spreads over three quarters now that the replica budget is known'),
    phaseStep(ago(36), A, 'P-3', next, later, 'Velocity starts once the Scale work is under way'),
    updateStep(
      ago(34),
      T,
      'I-2',
      {
        targetQuarter: now,
        status: 'in-progress',
        ownerAccountId: T,
        effort: 10,
        rice: { reach: 40, impact: 2, confidence: 80, effort: 10 },
        riskReduction: 2,
        businessGoalIds: ['G-1'],
        successMetric: { description: 'Services shipping structured logs to Datadog', target: 40, current: 17, unit: 'services' },
      },
      'The log shipper rollout waits for the platform team’s cluster upgrade: slipped one quarter',
    ),
    updateStep(
      ago(31),
      M,
      'I-4',
      {
        status: 'done',
        ownerAccountId: M,
        effort: 6,
        rice: { reach: 100, impact: 1, confidence: 100, effort: 6 },
        businessGoalIds: ['G-3'],
        successMetric: { description: 'p50 asset load time, globally', target: 80, current: 64, unit: 'ms' },
      },
      'Shipped: p50 asset load time is 64 ms globally',
    ),
    updateStep(
      ago(29),
      A,
      'I-3',
      {
        targetQuarter: next,
        status: 'planned',
        ownerAccountId: T,
        effort: 12,
        rice: { reach: 25, impact: 3, confidence: 60, effort: 12 },
        riskReduction: 2,
        reversibility: 'costly-to-reverse',
        businessGoalIds: ['G-3'],
        dependsOn: ['I-2'],
        successMetric: { description: 'Primary database load reduced', target: 60, current: 0, unit: '%' },
      },
      `Replica budget approved for ${quarterLabel(next)}; replica lag needs central logs to watch it`,
    ),
    updateStep(
      ago(27),
      M,
      'I-5',
      {
        ownerAccountId: M,
        effort: 10,
        rice: { reach: 12, impact: 2, confidence: 70, effort: 10 },
        businessGoalIds: ['G-2'],
        successMetric: { description: 'Releases toggled by product without an engineer', target: 90, current: 0, unit: '%' },
      },
      'Sized at the planning session with the product team',
    ),
    updateStep(
      ago(25),
      M,
      'I-6',
      {
        ownerAccountId: M,
        effort: 8,
        rice: { reach: 60, impact: 1, confidence: 80, effort: 8 },
        businessGoalIds: ['G-2'],
        dependsOn: ['I-5'],
        successMetric: { description: 'CI run time', target: 4, current: 40, unit: 'minutes' },
      },
      'Flag the sharded test runner on gradually: needs feature flags first',
    ),
    updateStep(ago(22), A, 'I-7', { status: 'in-progress' }, 'Records of processing started with the data protection officer'),
    updateStep(
      ago(20),
      T,
      'I-8',
      { status: 'planned', successMetric: { description: 'Requests with a complete trace', target: 95, current: 25, unit: '%' } },
      'Gateway instrumented in a spike; the rest is planned',
    ),
    updateStep(ago(17), T, 'I-2', { dependsOn: ['I-8'] }, 'Log lines must carry trace ids to be useful: this needs the tracing rollout'),
    addStep(ago(14), T, {
      title: 'Evaluate a service mesh',
      phaseId: 'P-3',
      goal: 'See whether mTLS and retries belong in the platform instead of every service',
      successMetric: { description: 'Decision record written' },
      targetQuarter: later,
      status: 'proposed',
      ownerAccountId: T,
      track: 'reliability',
      effort: 6,
      rice: { reach: 40, impact: 0.5, confidence: 30, effort: 6 },
      reversibility: 'costly-to-reverse',
    }),
    {
      at: ago(10),
      by: M,
      edit: (before, actor) =>
        updateDebtItem(
          must(before),
          'D-4',
          { urgency: 5, description: 'The checkout end-to-end test now fails one run in five; people re-run CI instead of fixing it.' },
          actor,
        ),
    },
    settingsStep(ago(7), A, { capacity: { perQuarter: 40, unit: 'person-weeks', bufferPercent: 25 } }),
    updateStep(
      ago(3),
      A,
      'I-7',
      { successMetric: { description: 'Audit findings closed', target: 12, current: 7, unit: 'findings' } },
      'DPIA for the support-ticket classifier completed',
    ),
    // Drift for the Drift view: the records-of-processing epic is done in Jira, the initiative (AI Act duties too) is not.
    updateStep(ago(2), A, 'I-7', { epicIds: [epicId('Records of processing for GDPR')] }, 'The records of processing are tracked in Jira'),
  ];
}

/**
 * Payments Platform (PAY): the template's phases only, with initiatives for PAY's epics; PCI DSS and GDPR as the
 * compliance track, fraud scoring waiting on later GDPR work.
 */
function paySteps(clock: DemoClock): Step[] {
  const { early, ago } = timeline(clock);
  const prev = addQuarters(clock.current, -1);
  const now = clock.current;
  const next = addQuarters(now, 1);
  const later = addQuarters(now, 2);
  const project = DEMO_PROJECTS.PAY;
  return [
    { at: early(0), by: A, edit: (_before, actor) => templateRoadmap(project.id, `${project.name} technical roadmap`, actor, { withExamples: false }) },
    settingsStep(early(0.1), A, {
      ownerAccountId: P,
      reviewCadenceDays: 30,
      capacity: { perQuarter: 40, unit: 'person-weeks', bufferPercent: 20 },
      businessGoals: [
        { title: 'Pass the PCI DSS 4.0 and GDPR audits', metric: 'Zero open findings at the next assessment' },
        { title: 'Settle in GBP and USD', metric: 'UK and US merchants settled without manual steps' },
        { title: 'Cut fraud losses by 30 %', metric: 'Fraud losses: 0.12 % → 0.08 % of volume' },
      ],
    }),
    addStep(early(0.5), P, {
      title: 'Idempotent payment API',
      phaseId: 'P-1',
      goal: 'No duplicate charge when a client retries',
      successMetric: { description: 'Duplicate charges per month', target: 0, current: 0, unit: 'charges' },
      targetQuarter: prev,
      status: 'in-progress',
      ownerAccountId: P,
      track: 'reliability',
      effort: 8,
      rice: { reach: 100, impact: 2, confidence: 90, effort: 8 },
      riskReduction: 2,
      businessGoalIds: ['G-2'],
      epicIds: [epicId('Idempotent payment API')],
    }),
    addStep(early(1), P, {
      title: 'Multi-currency settlement',
      phaseId: 'P-2',
      goal: 'Settle in EUR, GBP and USD without manual conversion',
      successMetric: { description: 'Currencies settled automatically', target: 3, current: 1, unit: 'currencies' },
      targetQuarter: prev,
      status: 'in-progress',
      ownerAccountId: P,
      track: 'feature-enabling',
      effort: 9,
      rice: { reach: 40, impact: 2, confidence: 70, effort: 9 },
      businessGoalIds: ['G-2'],
      dependsOn: ['I-1'],
      epicIds: [epicId('Multi-currency settlement')],
    }),
    addStep(early(1.5), A, {
      title: 'PCI DSS 4.0 compliance',
      phaseId: 'P-1',
      goal: 'Close the gaps found in the PCI DSS 4.0 readiness assessment',
      successMetric: { description: 'Readiness gaps closed', target: 9, current: 4, unit: 'gaps' },
      targetQuarter: now,
      status: 'in-progress',
      ownerAccountId: A,
      track: 'compliance',
      effort: 14,
      rice: { reach: 1, impact: 3, confidence: 90, effort: 14 },
      riskReduction: 3,
      businessGoalIds: ['G-1'],
      epicIds: [epicId('PCI DSS 4.0 compliance')],
    }),
    addStep(early(2), A, {
      title: 'GDPR erasure and retention for payment data',
      phaseId: 'P-1',
      goal: 'Erase customer payment data on request and after the retention period, across the ledger and the data warehouse',
      successMetric: { description: 'Erasure requests completed within 30 days', target: 100, current: 60, unit: '%' },
      targetQuarter: next,
      status: 'planned',
      ownerAccountId: A,
      track: 'compliance',
      effort: 8,
      rice: { reach: 1, impact: 2, confidence: 80, effort: 8 },
      riskReduction: 2,
      businessGoalIds: ['G-1'],
    }),
    addStep(early(2.5), P, {
      title: 'Fraud scoring v2',
      phaseId: 'P-3',
      goal: 'Real-time fraud scores on every authorization',
      successMetric: { description: 'Fraud losses as % of volume', target: 0.08, current: 0.12, unit: '%' },
      targetQuarter: next,
      status: 'planned',
      ownerAccountId: P,
      track: 'feature-enabling',
      effort: 16,
      rice: { reach: 80, impact: 3, confidence: 60, effort: 16 },
      reversibility: 'costly-to-reverse',
      businessGoalIds: ['G-3'],
      epicIds: [epicId('Fraud scoring v2')],
    }),
    addStep(early(3), A, {
      title: 'Migrate card vault to network tokenization',
      phaseId: 'P-2',
      goal: 'Replace stored card numbers with network tokens',
      successMetric: { description: 'Stored cards with a network token', target: 100, current: 0, unit: '%' },
      targetQuarter: now,
      status: 'planned',
      ownerAccountId: A,
      track: 'security',
      effort: 14,
      rice: { reach: 60, impact: 2, confidence: 50, effort: 14 },
      riskReduction: 3,
      reversibility: 'irreversible',
      businessGoalIds: ['G-1'],
      dependsOn: ['I-3'],
      epicIds: [epicId('Migrate card vault to network tokenization')],
    }),
    debtStep(early(4), P, {
      title: 'Settlement service still on Java 11',
      category: 'outdated-dependency',
      description: 'Java 11 support ends with our vendor contract; the framework upgrade is two majors behind.',
      impact: 3,
      urgency: 2,
      effort: 8,
    }),
    debtStep(early(4.2), P, {
      title: 'Settlement batch runs single-threaded',
      category: 'scaling-bottleneck',
      description: 'The nightly batch takes 5 hours today and will not finish overnight at 2x volume.',
      impact: 4,
      urgency: 4,
      effort: 9,
    }),
    debtStep(early(4.4), A, {
      title: 'Payment API shares one database credential',
      category: 'security-risk',
      description: 'Every API instance uses the same long-lived database password.',
      impact: 5,
      urgency: 3,
      effort: 3,
    }),
    debtStep(early(5), M, {
      title: 'No local sandbox for the card network',
      category: 'developer-friction',
      description: 'Engineers test against the shared staging acquirer; a test run takes 20 minutes.',
      impact: 2,
      urgency: 2,
      effort: 4,
    }),
    debtStep(early(5.2), P, {
      title: 'Fraud rules deploy with the payment API',
      category: 'architectural-coupling',
      description: 'A rule change needs a full payment API release.',
      impact: 3,
      urgency: 3,
      effort: 6,
    }),
    {
      at: early(6),
      by: P,
      edit: (before, actor) =>
        promoteDebtItem(
          must(before),
          'D-2',
          {
            title: 'Parallelize the settlement batch',
            phaseId: 'P-2',
            targetQuarter: next,
            successMetric: { description: 'Nightly settlement run time', target: 1, current: 5, unit: 'hours' },
            status: 'planned',
            ownerAccountId: P,
            effort: 12,
            rice: { reach: 100, impact: 1, confidence: 80, effort: 12 },
            businessGoalIds: ['G-2'],
            dependsOn: ['I-2'],
          },
          actor,
        ),
    },
    reviewStep(ago(33), A, 'Monthly review with finance and risk: GDPR work added to the compliance track'),
    phaseStep(ago(32), A, 'P-1', prev, next, 'Compliance work runs until the assessment'),
    phaseStep(ago(31.5), A, 'P-2', now, next, 'Scale work starts with the vault migration'),
    phaseStep(ago(31), A, 'P-3', now, later, 'Fraud work starts early'),
    updateStep(
      ago(30),
      P,
      'I-1',
      { status: 'done', successMetric: { description: 'Duplicate charges per month', target: 0, current: 0, unit: 'charges' } },
      'Shipped: no duplicate charge since the release',
    ),
    updateStep(ago(26), A, 'I-6', { targetQuarter: next }, 'The card networks’ token sandbox only opens next quarter'),
    updateStep(ago(24), P, 'I-5', { targetQuarter: now, status: 'in-progress' }, 'Fraud losses doubled last month: scoring pulled forward'),
    updateStep(ago(21), P, 'I-5', { dependsOn: ['I-4'] }, 'Scores use customer history: erasure and retention must be in place first'),
    updateStep(
      ago(18),
      M,
      'I-2',
      { successMetric: { description: 'Currencies settled automatically', target: 3, current: 2, unit: 'currencies' } },
      'GBP settles automatically; USD waits for the FX provider fallback',
    ),
    addStep(ago(12), P, {
      title: 'Evaluate event sourcing for the ledger',
      phaseId: 'P-3',
      goal: 'Find out whether an event log would simplify reconciliation',
      successMetric: { description: 'Spike report with a recommendation' },
      targetQuarter: later,
      status: 'proposed',
      ownerAccountId: P,
      track: 'tech-debt',
      effort: 5,
      rice: { reach: 10, impact: 1, confidence: 30, effort: 5 },
      reversibility: 'irreversible',
    }),
    updateStep(
      ago(9),
      A,
      'I-3',
      { successMetric: { description: 'Readiness gaps closed', target: 9, current: 6, unit: 'gaps' } },
      'MFA and script inventory gaps closed',
    ),
    { at: ago(6), by: P, edit: (before, actor) => updateDebtItem(must(before), 'D-3', { urgency: 4 }, actor) },
    updateStep(ago(4), P, 'I-4', { status: 'in-progress' }, 'Started with the data warehouse retention jobs'),
  ];
}

const STEPS: Record<DemoProjectKey, (clock: DemoClock) => Step[]> = { TR: trSteps, PAY: paySteps };

/** How many changes each project's story writes (its final revision when seeded from nothing). */
export function richDemoStepCount(project: DemoProjectKey, now: Date): number {
  return STEPS[project](demoClock(now)).length;
}

export interface RichDemoResult {
  /** Projects whose roadmap was written now. */
  seeded: DemoProjectKey[];
  /** Projects that already had a roadmap, left untouched. */
  kept: DemoProjectKey[];
}

/**
 * Seeds the rich demo roadmap of every demo project that has none yet; a project with any stored roadmap (seeded
 * earlier, started by hand, or the small demo) is never written to.
 */
export async function seedRichDemo(forge: LocalForge): Promise<RichDemoResult> {
  const clock = demoClock(forge.deps.now());
  const result: RichDemoResult = { seeded: [], kept: [] };
  for (const key of Object.keys(STEPS) as DemoProjectKey[]) {
    const project = DEMO_PROJECTS[key];
    if (await forge.deps.store.load(project.id)) {
      result.kept.push(key);
      continue;
    }
    for (const step of STEPS[key](clock)) {
      if (step.at.getTime() >= clock.now.getTime()) throw new Error('A demo step lies in the future');
      const before = await forge.deps.store.load(project.id);
      const edit = step.edit(before, { accountId: step.by, now: step.at });
      // The demo epics exist by construction; the app confirms them like any write that links epics.
      await commitEdit(forge.deps.store, project.id, before, edit, {
        confirmAddedEpics: async (ids) => {
          const found = await forge.deps.appJira.getIssues(ids);
          if (found.length !== ids.length) throw new Error('A demo epic is missing from the Jira fake');
          return found.map((issue) => ({ id: issue.id, projectId: issue.projectId }));
        },
      });
    }
    result.seeded.push(key);
  }
  return result;
}

/** The Confluence demo pages: one per view a macro can embed, all of TR's roadmap. */
export const DEMO_MACRO_PAGES = [
  { pageId: '1', localId: 'macro-page-1', config: { projectId: DEMO_PROJECTS.TR.id, view: 'executive' } },
  { pageId: '2', localId: 'macro-page-2', config: { projectId: DEMO_PROJECTS.TR.id, view: 'board' } },
  { pageId: '3', localId: 'macro-page-3', config: { projectId: DEMO_PROJECTS.TR.id, view: 'timeline' } },
  { pageId: '4', localId: 'macro-page-4', config: { projectId: DEMO_PROJECTS.TR.id, view: 'capacity' } },
  { pageId: '5', localId: 'macro-page-5', config: { projectId: DEMO_PROJECTS.TR.id, view: 'changelog' } },
] as const;

/**
 * Configures the demo pages' macros in the host's state file (what Confluence would keep) unless a page's macro is
 * configured already. Call before the host server reads the file. Answers the pages it configured.
 */
export function seedDemoMacros(stateFile: string): string[] {
  const state = new HostState(stateFile);
  const configured: string[] = [];
  for (const page of DEMO_MACRO_PAGES) {
    if (state.macroConfig(page.localId) !== undefined) continue;
    state.saveMacroConfig(page.localId, { ...page.config });
    configured.push(page.pageId);
  }
  return configured;
}
