import { buildResolver, productionDeps } from './resolvers/forge-resolver';
import { runDailyDigest, SCHEDULED_OK } from './triggers/daily-digest';
import { handleIssueEvent } from './triggers/issue-events';

/** The handlers named in manifest.yml, and nothing else. */
export const resolver = buildResolver();
export const issueEvents = (event: unknown) => handleIssueEvent(productionDeps(), event);
/** Scheduled: the daily digest starts (or finishes) today's run; the hourly resume only finishes a started one. */
export const dailyDigest = async () => {
  await runDailyDigest(productionDeps(), { mode: 'start' });
  return SCHEDULED_OK;
};
export const digestResume = async () => {
  await runDailyDigest(productionDeps(), { mode: 'resume' });
  return SCHEDULED_OK;
};
