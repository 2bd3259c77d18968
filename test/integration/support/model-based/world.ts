/**
 * The model-based test's world: five users, two projects, the demo site's issues, and who may do what. Steps refer to
 * issues by index into ISSUES so fast-check can shrink them.
 */
import { DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS, demoJiraData } from '../../../../dev/jira';

export type UserName = keyof typeof DEMO_USERS;
export type ProjectName = 'TR' | 'PAY';

export const USER_NAMES = Object.keys(DEMO_USERS) as UserName[];
export const PROJECTS = { TR: DEMO_PROJECTS.TR, PAY: DEMO_PROJECTS.PAY } as const;
export const projectOfId = (id: string): ProjectName | null => (id === PROJECTS.TR.id ? 'TR' : id === PROJECTS.PAY.id ? 'PAY' : null);

export interface PoolIssue {
  id: string;
  key: string;
  /** Project the issue lives in (a ghost claims TR). */
  project: ProjectName;
  kind: 'epic' | 'story' | 'ghost';
}

const data = demoJiraData();
const firstStory = (project: ProjectName) => {
  const issue = data.issues.find((i) => i.projectId === PROJECTS[project].id && i.issueType === 'Story')!;
  return { id: issue.id, key: issue.key, project, kind: 'story' as const };
};

/** Every demo epic (TR's 8 then PAY's 5), one story per project, and an issue that never existed. */
export const ISSUES: readonly PoolIssue[] = [
  ...DEMO_EPICS.map((e) => ({ id: e.id, key: e.key, project: e.projectKey, kind: 'epic' as const })),
  firstStory('TR'),
  firstStory('PAY'),
  { id: '29999', key: 'TR-999', project: 'TR', kind: 'ghost' },
];
export const EPIC_INDEXES = ISSUES.map((issue, index) => (issue.kind === 'epic' ? index : -1)).filter((i) => i >= 0);

/** Which projects each user may browse / edit (issues) / administer, as the demo site grants them. */
export const BROWSE: Record<UserName, readonly ProjectName[]> = {
  admin: ['TR', 'PAY'],
  member: ['TR', 'PAY'],
  outsider: ['TR'],
  trEditor: ['TR'],
  payEditor: ['PAY'],
};
export const EDIT: Record<UserName, readonly ProjectName[]> = {
  admin: ['TR', 'PAY'],
  member: ['TR', 'PAY'],
  outsider: [],
  trEditor: ['TR'],
  payEditor: ['PAY'],
};

/** The project a user cannot browse, for the users the leak oracle watches (admin and member see both). */
export function hiddenProject(user: UserName): ProjectName | null {
  const hidden = (['TR', 'PAY'] as const).filter((p) => !BROWSE[user].includes(p));
  return hidden.length === 1 ? hidden[0] : null;
}
