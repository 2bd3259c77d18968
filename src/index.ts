import { buildResolver, productionDeps } from './resolvers/forge-resolver';
import { handleIssueEvent } from './triggers/issue-events';

/** The handlers named in manifest.yml, and nothing else. */
export const resolver = buildResolver();
export const issueEvents = (event: unknown) => handleIssueEvent(productionDeps(), event);
