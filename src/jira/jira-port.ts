import type { ProjectRef } from '../domain/api';
import type { ChildIssue, StatusCategory } from '../domain/progress';

export const PROJECT_PERMISSIONS = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS'] as const;
export type ProjectPermission = (typeof PROJECT_PERMISSIONS)[number];

export interface IssueSummary {
  id: string;
  key: string;
  summary: string;
  issueType: string;
  projectId: string;
  /** The parent issue's id (an epic for stories, tasks and bugs; a standard issue for sub-tasks): asked for by getIssue only. */
  parentId?: string | null;
}

/** A person as the app shows them: name and avatar, never their e-mail. */
export interface JiraPerson {
  accountId: string;
  displayName: string;
  avatarUrl: string | null;
}

/** What the app needs from Jira, always asked as the calling user so Jira enforces what they may see. */
export interface JiraPort {
  /** The caller's permissions on a project; all false when the project is unknown or hidden from them. */
  myProjectPermissions(projectId: string): Promise<Record<ProjectPermission, boolean>>;
  /** null when the project does not exist or the caller cannot browse it. */
  getProject(projectIdOrKey: string): Promise<ProjectRef | null>;
  /** Projects the caller may browse whose key or name contains `query` (case insensitive), at most `max`, by key. */
  searchProjects(query: string, max: number): Promise<ProjectRef[]>;
  /** null when the issue does not exist or the caller cannot see it. */
  getIssue(issueIdOrKey: string): Promise<IssueSummary | null>;
  /** The issues among `ids` that exist and the caller can see (missing or hidden ones are left out). */
  getIssues(ids: readonly string[]): Promise<Array<IssueSummary & { statusCategory: StatusCategory }>>;
  /** The id of the story-point field on this site (discovered from Jira's field list), or null. */
  storyPointsFieldId(): Promise<string | null>;
  /** The people among `accountIds` that Jira knows (unknown ids are left out), as the caller may see them. */
  getUsers(accountIds: readonly string[]): Promise<JiraPerson[]>;
  /** People whose name or e-mail starts with `query` (Jira's user search, as the caller; empty without permission). */
  searchUsers(query: string, max: number): Promise<JiraPerson[]>;
  /** Every child issue of the given parents the caller can see, with its status category and story points. */
  childrenOf(parentIds: readonly string[], pointsFieldId: string | null): Promise<ChildIssue[]>;
}
