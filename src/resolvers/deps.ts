import type { JiraPort } from '../jira/jira-port';
import type { DigestStore } from '../storage/digest-store';
import type { ProgressCacheStore } from '../storage/progress-cache-store';
import type { RoadmapStore } from '../storage/roadmap-store';

/** What every resolver needs, injected so tests can run the same handlers against the emulator. */
export interface Deps {
  store: RoadmapStore;
  /** Jira as the calling user: every resolver question about what someone may see goes here. */
  jira: JiraPort;
  /** Jira as the app: only for facts independent of the viewer (has this issue been deleted?). */
  appJira: JiraPort;
  /** Progress as Jira showed it to each user, per (project, account) — see resolvers/progress-cache.ts. */
  progressCache: ProgressCacheStore;
  now: () => Date;
  /** The daily digests and each viewer's last visit (src/storage/digest-store.ts). */
  digests: DigestStore;
}

/** The parts of the Forge invocation context the resolvers read. */
export interface CallContext {
  accountId?: string;
  extension?: {
    type?: string;
    project?: { id?: string | number; key?: string };
    issue?: { id?: string | number; key?: string };
    config?: unknown;
  };
}

export interface Call {
  payload: unknown;
  context: CallContext;
}
