/**
 * The Jira fake's own data model: plain records that the shape builders turn into Jira's JSON.
 * Nothing here knows about HTTP.
 */

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';
export type IssueTypeName = 'Epic' | 'Story' | 'Task' | 'Bug' | 'Subtask';

export interface JiraUserRecord {
  accountId: string;
  displayName: string;
  emailAddress: string;
  accountType: 'atlassian' | 'app';
  active: boolean;
  timeZone: string;
  locale: string;
}

export interface JiraProjectRecord {
  id: string;
  key: string;
  name: string;
  description: string;
  projectTypeKey: 'software' | 'business' | 'service_desk';
  /** true = team-managed ("next-gen"), false = company-managed ("classic"). */
  simplified: boolean;
  leadAccountId: string;
}

export interface JiraIssueRecord {
  /** Numeric string, unique across the site. */
  id: string;
  /** `<PROJECTKEY>-<n>`. */
  key: string;
  projectId: string;
  issueType: IssueTypeName;
  summary: string;
  description?: string;
  statusCategory: StatusCategoryKey;
  /** Issue id of the parent (an epic for standard issues, a standard issue for subtasks). */
  parentId?: string;
  assigneeAccountId?: string | null;
  reporterAccountId: string;
  /** ISO-8601 instants. */
  created: string;
  updated: string;
  storyPoints?: number | null;
  /** LexoRank-like string; lexicographic order = board order. */
  rank: string;
  labels?: string[];
  /**
   * Issue-level security: when set, only these accounts (and the app) may see the issue, on top of the project's
   * Browse permission — as a security level whose members are exactly these people.
   */
  viewers?: string[];
}

/** Everything the fake serves. Grants map accountId → projectId → project permission keys. */
export interface JiraData {
  baseUrl: string;
  users: JiraUserRecord[];
  /** The user the app acts as (accountId null in a ProductRequest). */
  appUser: JiraUserRecord;
  projects: JiraProjectRecord[];
  issues: JiraIssueRecord[];
  grants: Record<string, Record<string, string[]>>;
  /** Global permission keys per accountId (e.g. ADMINISTER for Jira admins). */
  globalGrants: Record<string, string[]>;
  /** The custom field id of "Story point estimate" (e.g. customfield_10016). */
  storyPointsFieldId: string;
}

export const STATUS_CATEGORIES: Record<StatusCategoryKey, { id: number; key: StatusCategoryKey; name: string; colorName: string }> = {
  new: { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, key: 'done', name: 'Done', colorName: 'green' },
};

/** One workflow status per category, as a fresh team-managed project has. */
export const STATUSES: Record<StatusCategoryKey, { id: string; name: string; description: string }> = {
  new: { id: '10000', name: 'To Do', description: '' },
  indeterminate: { id: '3', name: 'In Progress', description: 'This issue is being actively worked on at the moment by the assignee.' },
  done: { id: '10001', name: 'Done', description: '' },
};

export const ISSUE_TYPES: Record<
  IssueTypeName,
  { id: string; name: IssueTypeName; description: string; hierarchyLevel: number; subtask: boolean; avatarId: number }
> = {
  Epic: {
    id: '10000',
    name: 'Epic',
    description: 'Epics track collections of related bugs, stories, and tasks.',
    hierarchyLevel: 1,
    subtask: false,
    avatarId: 10307,
  },
  Story: {
    id: '10001',
    name: 'Story',
    description: 'Stories track functionality or features expressed as user goals.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10315,
  },
  Task: { id: '10002', name: 'Task', description: 'Tasks track small, distinct pieces of work.', hierarchyLevel: 0, subtask: false, avatarId: 10318 },
  Bug: { id: '10003', name: 'Bug', description: 'Bugs track problems or errors.', hierarchyLevel: 0, subtask: false, avatarId: 10303 },
  Subtask: {
    id: '10004',
    name: 'Subtask',
    description: 'Subtasks track small pieces of work that are part of a larger task.',
    hierarchyLevel: -1,
    subtask: true,
    avatarId: 10316,
  },
};

export function isStatusCategoryKey(v: unknown): v is StatusCategoryKey {
  return v === 'new' || v === 'indeterminate' || v === 'done';
}
