import type { ChangeRecord } from '../domain/changes';
import type { EpicLink, EpicLinkChanges } from '../domain/epic-links';
import type { Roadmap } from '../domain/model';
import type { BaselineHeader, EncodedBaseline } from '../domain/review/stored';

export type { EpicLink };

/** One atomic write: the new state plus the change record that explains it. */
export interface RoadmapWrite {
  /** The revision the caller read; the write is refused with CONFLICT when storage has moved on. */
  baseRevision: number;
  /** The complete new state (its meta.revision is baseRevision + 1); only the chunks holding `touched` items (initiatives, debt items) are rewritten. */
  roadmap: Roadmap;
  touched: string[];
  change: ChangeRecord;
  epicLinks?: EpicLinkChanges;
  /**
   * The epic-deletion epoch read before the added epics were confirmed in Jira (null: never bumped); required when
   * the write adds epics. The commit fails with CONFLICT if an epic was deleted since.
   */
  epicDeletionEpoch?: number | null;
  /**
   * A review's baseline: numbered after the stored ones and written in this same transaction, which also deletes the
   * oldest baselines beyond LIMITS.reviewBaselines (domain/review/retention.ts).
   */
  review?: EncodedBaseline;
}

export interface ChangePage {
  changes: ChangeRecord[];
  nextCursor?: string;
}

/** The port the resolvers use; the @forge/kvs adapter implements it. */
export interface RoadmapStore {
  load(projectId: string): Promise<Roadmap | null>;
  commit(projectId: string, write: RoadmapWrite): Promise<void>;
  /** Every (roadmap, initiative) the epic serves, whoever may see them: callers filter by permission. */
  getEpicLinks(issueId: string): Promise<EpicLink[]>;
  /** The epic-deletion epoch (null until the first deletion). */
  epicDeletionEpoch(): Promise<number | null>;
  /** Called by the issue-deleted trigger before it looks for links to clean: any in-flight link write then fails. */
  bumpEpicDeletionEpoch(): Promise<void>;
  listChanges(projectId: string, page: { cursor?: string; limit: number }): Promise<ChangePage>;
  /**
   * The change records of revisions after `after` up to `upTo`, newest first — at most `limit` of them (the newest);
   * `truncated` when there were more.
   */
  changesBetween(projectId: string, range: { after: number; upTo: number; limit: number }): Promise<{ changes: ChangeRecord[]; truncated: boolean }>;
  /** The review baselines' headers, newest first (unreadable ones left out). */
  listReviews(projectId: string): Promise<BaselineHeader[]>;
  /** The stored parts of one baseline, in part order (decode with domain/review/codec.ts). */
  loadReviewParts(projectId: string, header: BaselineHeader): Promise<unknown[]>;
  /** Whether a roadmap is stored for the project (one read of its meta record). */
  hasRoadmap(projectId: string): Promise<boolean>;
  /**
   * Project ids of stored roadmaps after `after`, in a stable order (the meta entity's projectId index, as strings),
   * at most `limit`: the scheduled digest walks every roadmap with it and resumes where it stopped.
   */
  listRoadmapIds(page: { after: string | null; limit: number }): Promise<string[]>;
}
