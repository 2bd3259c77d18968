import { buildResolver } from './resolvers/forge-resolver';
import { createKvsRoadmapStore } from './storage/kvs-roadmap-store';
import { handleIssueEvent } from './triggers/issue-events';

/** The handlers named in manifest.yml, and nothing else. */
export const resolver = buildResolver();
export const issueEvents = (event: unknown) => handleIssueEvent({ store: createKvsRoadmapStore(), now: () => new Date() }, event);
