import type { ProgressReport } from '../../domain/api';
import type { PayloadOf } from '../../domain/contract';
import { accessTo, projectIdFromContext } from '../access';
import type { Call, Deps } from '../deps';
import { hiddenEpics, roadmapWithoutHiddenEpics } from '../hidden-epics';
import { computeProgress } from '../progress-core';

/**
 * Progress of every linked epic and initiative, from Jira as the caller (see progress-core.ts). An epic that is gone
 * or hidden shows as unavailable instead of failing the view.
 */
export async function getProgress(deps: Deps, _payload: PayloadOf<'getProgress'>, call: Call): Promise<ProgressReport> {
  const projectId = projectIdFromContext(call.context);
  await accessTo(deps, projectId);
  const stored = await deps.store.load(projectId);
  // Epics from projects the caller cannot browse are not theirs to count, not even as "unavailable".
  const roadmap = stored ? roadmapWithoutHiddenEpics(stored, await hiddenEpics(deps, stored)) : null;
  return computeProgress(deps.jira, roadmap);
}
