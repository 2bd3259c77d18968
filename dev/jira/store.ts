/** The fake's mutable state: lookups by id or key, and the mutators tests and the harness use. */
import type { IssueTypeName, JiraData, JiraIssueRecord, JiraProjectRecord, JiraUserRecord, StatusCategoryKey } from './model';
import { isStatusCategoryKey, ISSUE_TYPES } from './model';

export interface NewIssue {
  /** Project key or id. */
  project: string;
  issueType: IssueTypeName;
  summary: string;
  description?: string;
  statusCategory?: StatusCategoryKey;
  /** Parent issue id or key. */
  parent?: string;
  assigneeAccountId?: string | null;
  reporterAccountId?: string;
  storyPoints?: number | null;
  labels?: string[];
  /** Fixed id / key; generated when omitted. */
  id?: string;
  key?: string;
}

export class JiraStore {
  constructor(
    readonly data: JiraData,
    private readonly now: () => Date,
  ) {}

  project(idOrKey: string): JiraProjectRecord | undefined {
    return this.data.projects.find((p) => p.id === idOrKey || p.key === idOrKey);
  }

  /** Issue keys are case-insensitive in Jira. */
  issue(idOrKey: string): JiraIssueRecord | undefined {
    const up = idOrKey.toUpperCase();
    // The index is only a fast path: a hit is re-checked (a test may rename a key in place), a miss scans.
    const hit = this.index().get(idOrKey) ?? this.index().get(up);
    if (hit && (hit.id === idOrKey || hit.key === up)) return hit;
    return this.data.issues.find((i) => i.id === idOrKey || i.key === up);
  }

  private indexed: { issues: JiraIssueRecord[]; length: number; byIdOrKey: Map<string, JiraIssueRecord> } | null = null;

  /** Issues by id and key, rebuilt when the issues array is replaced or changes length. */
  private index(): Map<string, JiraIssueRecord> {
    const { issues } = this.data;
    if (this.indexed?.issues !== issues || this.indexed.length !== issues.length) {
      const byIdOrKey = new Map<string, JiraIssueRecord>();
      for (const i of issues) byIdOrKey.set(i.id, i).set(i.key, i);
      this.indexed = { issues, length: issues.length, byIdOrKey };
    }
    return this.indexed.byIdOrKey;
  }

  user(accountId: string): JiraUserRecord | undefined {
    return this.data.users.find((u) => u.accountId === accountId) ?? (this.data.appUser.accountId === accountId ? this.data.appUser : undefined);
  }

  /** Removes the issue; children of a deleted epic lose their parent (as in Jira), subtasks go with it. */
  deleteIssue(idOrKey: string): boolean {
    const issue = this.issue(idOrKey);
    if (!issue) return false;
    const subtaskIds = new Set(this.data.issues.filter((i) => i.parentId === issue.id && i.issueType === 'Subtask').map((i) => i.id));
    this.data.issues = this.data.issues.filter((i) => i.id !== issue.id && !subtaskIds.has(i.id));
    for (const child of this.data.issues) if (child.parentId === issue.id) child.parentId = undefined;
    return true;
  }

  setIssueStatus(idOrKey: string, category: StatusCategoryKey): JiraIssueRecord {
    if (!isStatusCategoryKey(category)) throw new Error(`unknown status category '${String(category)}'`);
    const issue = this.mustIssue(idOrKey);
    issue.statusCategory = category;
    issue.updated = this.now().toISOString();
    return issue;
  }

  updateIssue(idOrKey: string, patch: Partial<Omit<JiraIssueRecord, 'id' | 'key' | 'projectId'>>): JiraIssueRecord {
    const issue = this.mustIssue(idOrKey);
    Object.assign(issue, patch, { updated: this.now().toISOString() });
    return issue;
  }

  addIssue(input: NewIssue): JiraIssueRecord {
    const project = this.project(input.project);
    if (!project) throw new Error(`unknown project '${input.project}'`);
    if (!ISSUE_TYPES[input.issueType]) throw new Error(`unknown issue type '${input.issueType}'`);
    const parent = input.parent === undefined ? undefined : this.mustIssue(input.parent);
    const id = input.id ?? String(Math.max(20000, ...this.data.issues.map((i) => Number(i.id) || 0)) + 1);
    if (this.data.issues.some((i) => i.id === id)) throw new Error(`issue id ${id} already exists`);
    const key = input.key ?? `${project.key}-${this.nextNumber(project)}`;
    if (this.issue(key)) throw new Error(`issue key ${key} already exists`);
    const now = this.now().toISOString();
    const maxRank = this.data.issues.reduce((m, i) => (i.rank > m ? i.rank : m), '0|i00000:');
    const record: JiraIssueRecord = {
      id,
      key,
      projectId: project.id,
      issueType: input.issueType,
      summary: input.summary,
      description: input.description,
      statusCategory: input.statusCategory ?? 'new',
      parentId: parent?.id,
      assigneeAccountId: input.assigneeAccountId ?? null,
      reporterAccountId: input.reporterAccountId ?? project.leadAccountId,
      created: now,
      updated: now,
      storyPoints: input.storyPoints ?? null,
      rank: `${maxRank.slice(0, -1)}z:`,
      labels: input.labels,
    };
    this.data.issues.push(record);
    return record;
  }

  private nextNumber(project: JiraProjectRecord): number {
    const prefix = `${project.key}-`;
    const nums = this.data.issues.filter((i) => i.key.startsWith(prefix)).map((i) => Number(i.key.slice(prefix.length)) || 0);
    return Math.max(0, ...nums) + 1;
  }

  private mustIssue(idOrKey: string): JiraIssueRecord {
    const issue = this.issue(idOrKey);
    if (!issue) throw new Error(`unknown issue '${idOrKey}'`);
    return issue;
  }
}
