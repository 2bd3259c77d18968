/** The seeded demo site: two projects, three people with different permissions, and a tech roadmap's epics. */
import type { IssueTypeName, JiraData, JiraIssueRecord, JiraUserRecord, StatusCategoryKey } from './model';
import { ALL_PROJECT_PERMISSIONS } from './permissions';

export type { IssueTypeName, JiraData, JiraIssueRecord, JiraProjectRecord, JiraUserRecord, StatusCategoryKey } from './model';

export const DEMO_BASE_URL = 'https://tech-roadmap-demo.atlassian.net';
export const STORY_POINTS_FIELD_ID = 'customfield_10016';

export const DEMO_USERS = {
  admin: { accountId: '557058:aaaa-admin', displayName: 'Ada Admin', emailAddress: 'ada.admin@example.com' },
  member: { accountId: '557058:bbbb-member', displayName: 'Max Member', emailAddress: 'max.member@example.com' },
  outsider: { accountId: '557058:cccc-outsider', displayName: 'Olive Outsider', emailAddress: 'olive.outsider@example.com' },
  /** Edits TR's issues and cannot see PAY at all. */
  trEditor: { accountId: '557058:eeee-tr-editor', displayName: 'Theo TR-Editor', emailAddress: 'theo.tr@example.com' },
  /** Edits PAY's issues and cannot see TR at all. */
  payEditor: { accountId: '557058:ffff-pay-editor', displayName: 'Pia PAY-Editor', emailAddress: 'pia.pay@example.com' },
} as const;

export const DEMO_APP_USER = { accountId: '712020:dddd-tech-roadmap-app', displayName: 'Tech Roadmap' } as const;

export const DEMO_PROJECTS = {
  TR: { id: '10000', key: 'TR', name: 'Tech Roadmap Demo' },
  PAY: { id: '10001', key: 'PAY', name: 'Payments Platform' },
} as const;

type ChildSpec = [type: IssueTypeName, summary: string, status: StatusCategoryKey, points?: number];
interface EpicSpec {
  summary: string;
  status: StatusCategoryKey;
  description: string;
  children: ChildSpec[];
}

const TR_EPICS: EpicSpec[] = [
  {
    summary: 'Upgrade Node.js to v22 LTS',
    status: 'indeterminate',
    description: 'Node 20 leaves maintenance; move every service and the build image to Node 22 LTS.',
    children: [
      ['Task', 'Bump base Docker images to node:22-alpine', 'done', 2],
      ['Story', 'Run the test suites on Node 22 in CI', 'done', 3],
      ['Bug', 'Fix crypto deprecation warnings under Node 22', 'indeterminate', 2],
      ['Task', 'Upgrade native modules (bcrypt, sharp)', 'new', 5],
    ],
  },
  {
    summary: 'Centralize logging',
    status: 'indeterminate',
    description: 'Ship all service logs to one searchable store with structured JSON.',
    children: [
      ['Story', 'Adopt a structured JSON logger in every service', 'done', 5],
      ['Task', 'Deploy the log shipper as a DaemonSet', 'indeterminate', 3],
      ['Task', 'Define log retention and PII redaction rules', 'new'],
    ],
  },
  {
    summary: 'Migrate primary DB to read replicas',
    status: 'new',
    description: 'Route read-heavy queries to replicas to relieve the primary.',
    children: [
      ['Story', 'Provision two read replicas', 'new', 3],
      ['Story', 'Split the data-access layer into read and write pools', 'new', 8],
      ['Task', 'Alert on replica lag above 5 seconds', 'new', 2],
      ['Bug', 'Reports page times out on the primary at month end', 'indeterminate'],
    ],
  },
  {
    summary: 'Implement CDN for static assets',
    status: 'done',
    description: 'Serve images, scripts and styles from a CDN with cache-busting file names.',
    children: [
      ['Task', 'Configure the CDN distribution and TLS certificate', 'done', 3],
      ['Story', 'Fingerprint asset file names at build time', 'done', 2],
    ],
  },
  {
    summary: 'Adopt feature flags',
    status: 'indeterminate',
    description: 'Decouple deploy from release with a feature-flag service.',
    children: [
      ['Story', 'Evaluate feature-flag vendors', 'done', 2],
      ['Story', 'Add the flag SDK to the web app', 'indeterminate', 5],
      ['Story', 'Add the flag SDK to the API', 'new', 5],
      ['Task', 'Write the flag lifecycle and clean-up policy', 'new', 1],
      ['Bug', 'Flag defaults differ between staging and production', 'done'],
    ],
  },
  {
    summary: 'Parallelize CI pipeline',
    status: 'new',
    description: 'Cut CI time from 40 to under 15 minutes by sharding tests.',
    children: [
      ['Task', 'Shard the integration tests across four runners', 'new', 5],
      ['Task', 'Cache dependencies between CI runs', 'indeterminate', 2],
      ['Bug', 'Flaky checkout test blocks merges', 'new', 3],
    ],
  },
  {
    summary: 'Retire the legacy auth service',
    status: 'new',
    description: 'Move the last callers to the identity provider and switch the old service off.',
    children: [
      ['Story', 'Migrate the admin console to OIDC login', 'new', 8],
      ['Task', 'Inventory remaining callers of the legacy token endpoint', 'done', 1],
      ['Task', 'Switch off the legacy auth service', 'new'],
    ],
  },
  {
    summary: 'Introduce distributed tracing with OpenTelemetry',
    status: 'indeterminate',
    description: 'Trace requests end to end across services.',
    children: [
      ['Story', 'Instrument the API gateway', 'done', 3],
      ['Story', 'Propagate trace context through the message queue', 'indeterminate', 5],
      ['Task', 'Sample 10% of traces in production', 'new', 1],
      ['Task', 'Build a latency dashboard from traces', 'new', 2],
    ],
  },
];

const PAY_EPICS: EpicSpec[] = [
  {
    summary: 'PCI DSS 4.0 compliance',
    status: 'indeterminate',
    description: 'Close the gaps found in the PCI DSS 4.0 readiness assessment.',
    children: [
      ['Task', 'Enforce MFA for all cardholder-data access', 'done', 3],
      ['Task', 'Add tamper detection to payment pages', 'indeterminate', 5],
      ['Story', 'Quarterly authenticated vulnerability scans', 'new', 2],
    ],
  },
  {
    summary: 'Idempotent payment API',
    status: 'done',
    description: 'Idempotency keys on every mutating payment endpoint.',
    children: [
      ['Story', 'Accept Idempotency-Key on POST /payments', 'done', 5],
      ['Bug', 'Duplicate charge when the client retries after a timeout', 'done', 3],
    ],
  },
  {
    summary: 'Migrate card vault to network tokenization',
    status: 'new',
    description: 'Replace stored PANs with network tokens.',
    children: [
      ['Story', 'Request network tokens for new cards', 'new', 8],
      ['Story', 'Backfill tokens for stored cards', 'new', 8],
      ['Task', 'Handle token lifecycle notifications', 'new', 3],
    ],
  },
  {
    summary: 'Multi-currency settlement',
    status: 'indeterminate',
    description: 'Settle in EUR, GBP and USD without manual conversion.',
    children: [
      ['Story', 'Store amounts with ISO 4217 currency codes', 'done', 3],
      ['Story', 'Reconcile settlement files per currency', 'indeterminate', 5],
      ['Bug', 'Rounding error on JPY refunds', 'new', 2],
      ['Task', 'Add FX rate provider fallback', 'new'],
    ],
  },
  {
    summary: 'Fraud scoring v2',
    status: 'new',
    description: 'Real-time fraud scores on every authorization.',
    children: [
      ['Story', 'Stream authorizations to the scoring service', 'new', 5],
      ['Story', 'Block transactions above the risk threshold', 'new', 3],
      ['Task', 'Backtest the model on last quarter', 'indeterminate', 2],
    ],
  },
];

/**
 * TR epics created after the others (seeded last, so every earlier issue keeps its id and key): work that shows the
 * roadmap drifting from Jira in the rich demo — an epic done while its initiative is still open.
 */
const TR_LATER_EPICS: EpicSpec[] = [
  {
    summary: 'Records of processing for GDPR',
    status: 'done',
    description: 'Record every processing activity with its purpose, legal basis and retention, signed off by the data protection officer.',
    children: [
      ['Story', 'Inventory personal data per service', 'done', 3],
      ['Task', 'Write the records of processing with the DPO', 'done', 2],
      ['Task', 'Publish retention periods per data category', 'done', 1],
    ],
  },
];

function user(u: { accountId: string; displayName: string; emailAddress: string }): JiraUserRecord {
  return { ...u, accountType: 'atlassian', active: true, timeZone: 'Europe/Berlin', locale: 'en_US' };
}

/** Deterministic timestamps: one hour apart from a fixed start. */
function at(step: number): string {
  return new Date(Date.UTC(2026, 0, 5, 9, 0, 0) + step * 3_600_000).toISOString();
}

function rank(n: number): string {
  return `0|i${n.toString(36).padStart(5, '0')}:`;
}

function seedIssues(): JiraIssueRecord[] {
  const issues: JiraIssueRecord[] = [];
  let nextId = 20001;
  const assignees = [DEMO_USERS.admin.accountId, DEMO_USERS.member.accountId, null];
  const nextNumber = new Map<string, number>();
  for (const [project, epics] of [
    [DEMO_PROJECTS.TR, TR_EPICS],
    [DEMO_PROJECTS.PAY, PAY_EPICS],
    [DEMO_PROJECTS.TR, TR_LATER_EPICS],
  ] as const) {
    let n = nextNumber.get(project.key) ?? 1;
    for (const epic of epics) {
      const epicId = String(nextId++);
      const step = issues.length;
      issues.push({
        id: epicId,
        key: `${project.key}-${n++}`,
        projectId: project.id,
        issueType: 'Epic',
        summary: epic.summary,
        description: epic.description,
        statusCategory: epic.status,
        assigneeAccountId: DEMO_USERS.admin.accountId,
        reporterAccountId: DEMO_USERS.admin.accountId,
        created: at(step),
        updated: at(step + 100),
        rank: rank(step * 10),
        labels: ['roadmap'],
      });
      epic.children.forEach(([type, summary, status, points], i) => {
        const s = issues.length;
        issues.push({
          id: String(nextId++),
          key: `${project.key}-${n++}`,
          projectId: project.id,
          issueType: type,
          summary,
          statusCategory: status,
          parentId: epicId,
          assigneeAccountId: assignees[s % assignees.length],
          reporterAccountId: DEMO_USERS.member.accountId,
          created: at(s),
          updated: at(s + 100 + i),
          storyPoints: points ?? null,
          rank: rank(s * 10),
        });
      });
    }
    nextNumber.set(project.key, n);
  }
  return issues;
}

/** A fresh copy of the demo site every call (tests may mutate it freely). */
export function demoJiraData(): JiraData {
  const { TR, PAY } = DEMO_PROJECTS;
  const memberPerms = [
    'BROWSE_PROJECTS',
    'CREATE_ISSUES',
    'EDIT_ISSUES',
    'ASSIGN_ISSUES',
    'ASSIGNABLE_USER',
    'TRANSITION_ISSUES',
    'RESOLVE_ISSUES',
    'ADD_COMMENTS',
    'LINK_ISSUES',
    'WORK_ON_ISSUES',
  ];
  return {
    baseUrl: DEMO_BASE_URL,
    users: [user(DEMO_USERS.admin), user(DEMO_USERS.member), user(DEMO_USERS.outsider), user(DEMO_USERS.trEditor), user(DEMO_USERS.payEditor)],
    appUser: {
      accountId: DEMO_APP_USER.accountId,
      displayName: DEMO_APP_USER.displayName,
      emailAddress: '',
      accountType: 'app',
      active: true,
      timeZone: 'UTC',
      locale: 'en_US',
    },
    projects: [
      {
        id: TR.id,
        key: TR.key,
        name: TR.name,
        description: 'Platform and infrastructure work for the next four quarters.',
        projectTypeKey: 'software',
        simplified: true,
        leadAccountId: DEMO_USERS.admin.accountId,
      },
      {
        id: PAY.id,
        key: PAY.key,
        name: PAY.name,
        description: 'Card payments, settlement and fraud.',
        projectTypeKey: 'software',
        simplified: false,
        leadAccountId: DEMO_USERS.admin.accountId,
      },
    ],
    issues: seedIssues(),
    grants: {
      [DEMO_USERS.admin.accountId]: { [TR.id]: [...ALL_PROJECT_PERMISSIONS], [PAY.id]: [...ALL_PROJECT_PERMISSIONS] },
      [DEMO_USERS.member.accountId]: { [TR.id]: [...memberPerms], [PAY.id]: [...memberPerms] },
      [DEMO_USERS.outsider.accountId]: { [TR.id]: ['BROWSE_PROJECTS', 'ADD_COMMENTS'] },
      [DEMO_USERS.trEditor.accountId]: { [TR.id]: [...memberPerms] },
      [DEMO_USERS.payEditor.accountId]: { [PAY.id]: [...memberPerms] },
    },
    globalGrants: {
      [DEMO_USERS.admin.accountId]: ['ADMINISTER', 'USER_PICKER', 'CREATE_SHARED_OBJECTS'],
      [DEMO_USERS.member.accountId]: ['USER_PICKER', 'CREATE_SHARED_OBJECTS'],
      [DEMO_USERS.outsider.accountId]: [],
      [DEMO_USERS.trEditor.accountId]: ['USER_PICKER'],
      [DEMO_USERS.payEditor.accountId]: ['USER_PICKER'],
    },
    storyPointsFieldId: STORY_POINTS_FIELD_ID,
  };
}

export interface DemoEpic {
  id: string;
  key: string;
  summary: string;
  projectKey: 'TR' | 'PAY';
  childIds: string[];
}

/** The seeded epics in order (TR first), with their children's ids. */
export const DEMO_EPICS: readonly DemoEpic[] = (() => {
  const data = demoJiraData();
  const keyOf = (pid: string) => (pid === DEMO_PROJECTS.TR.id ? 'TR' : 'PAY');
  return data.issues
    .filter((i) => i.issueType === 'Epic')
    .map((e) => ({
      id: e.id,
      key: e.key,
      summary: e.summary,
      projectKey: keyOf(e.projectId),
      childIds: data.issues.filter((c) => c.parentId === e.id).map((c) => c.id),
    }));
})();
