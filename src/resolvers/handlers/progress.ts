import type { ProgressReport } from '../../domain/api';
import type { PayloadOf } from '../../domain/contract';
import { accessTo, projectIdFromContext } from '../access';
import type { Call, Deps } from '../deps';
import { hiddenEpics, roadmapWithoutHiddenEpics } from '../hidden-epics';
import { cachedProgress } from '../progress-cache';

/**
 * Progress of every linked epic and initiative, from Jira as the caller (see progress-core.ts), through the caller's
 * own cache entry (progress-cache.ts). The access check and the hidden-epic check run first, on every call, cache or
 * not: revoked access takes effect at once. An epic that is gone or hidden shows as unavailable instead of failing.
 */
export async function getProgress(deps: Deps, _payload: PayloadOf<'getProgress'>, call: Call): Promise<ProgressReport> {
  const projectId = projectIdFromContext(call.context);
  await accessTo(deps, projectId);
  const stored = await deps.store.load(projectId);
  // Epics from projects the caller cannot browse are not theirs to count, not even as "unavailable".
  const roadmap = stored ? roadmapWithoutHiddenEpics(stored, await hiddenEpics(deps, stored)) : null;
  return cachedProgress(deps, projectId, call.context.accountId, roadmap);
}
