import type { ChangeRecord } from '../domain/changes';
import type { EpicLink } from '../domain/epic-links';
import type { Roadmap } from '../domain/model';

export type { EpicLink };

/** One atomic write: the new state plus the change record that explains it. */
export interface RoadmapWrite {
  /** The revision the caller read; the write is refused with CONFLICT when storage has moved on. */
  baseRevision: number;
  /** The complete new state (its meta.revision is baseRevision + 1); only the chunks holding `touched` items (initiatives, debt items) are rewritten. */
  roadmap: Roadmap;
  touched: string[];
  change: ChangeRecord;
  epicLinks?: { set?: Array<{ issueId: string; link: EpicLink }>; remove?: string[] };
}

export interface ChangePage {
  changes: ChangeRecord[];
  nextCursor?: string;
}

/** The port the resolvers use; the @forge/kvs adapter implements it. */
export interface RoadmapStore {
  load(projectId: string): Promise<Roadmap | null>;
  commit(projectId: string, write: RoadmapWrite): Promise<void>;
  getEpicLink(issueId: string): Promise<EpicLink | null>;
  listChanges(projectId: string, page: { cursor?: string; limit: number }): Promise<ChangePage>;
}
