import { type EpicProgress, type ProgressReport } from '../../domain/api';
import type { PayloadOf } from '../../domain/contract';
import { byParent, rollUp } from '../../domain/progress';
import { accessTo, projectIdFromContext } from '../access';
import type { Call, Deps } from '../deps';
import { hiddenEpics, roadmapWithoutHiddenEpics } from '../hidden-epics';

/**
 * Progress of every linked epic and initiative, from Jira as the caller: the epics they can see (bulk fetch), then
 * those epics' children (search/jql). An epic that is gone or hidden shows as unavailable instead of failing the view.
 */
export async function getProgress(deps: Deps, _payload: PayloadOf<'getProgress'>, call: Call): Promise<ProgressReport> {
  const projectId = projectIdFromContext(call.context);
  await accessTo(deps, projectId);
  const stored = await deps.store.load(projectId);
  // Epics from projects the caller cannot browse are not theirs to count, not even as "unavailable".
  const roadmap = stored ? roadmapWithoutHiddenEpics(stored, await hiddenEpics(deps, stored)) : null;
  const epicIds = [...new Set((roadmap?.initiatives ?? []).flatMap((i) => i.epicIds))];
  if (!roadmap || epicIds.length === 0) return { pointsFieldId: null, epics: [], initiatives: {} };

  const [visible, pointsFieldId] = await Promise.all([deps.jira.getIssues(epicIds), deps.jira.storyPointsFieldId()]);
  const children = byParent(
    visible.length > 0
      ? await deps.jira.childrenOf(
          visible.map((e) => e.id),
          pointsFieldId,
        )
      : [],
  );
  const byId = new Map(visible.map((epic) => [epic.id, epic]));

  const epics: EpicProgress[] = epicIds.map((id) => {
    const epic = byId.get(id);
    if (!epic) return { id, state: 'unavailable' };
    return { id, state: 'ok', key: epic.key, summary: epic.summary, statusCategory: epic.statusCategory, progress: rollUp(children.get(id) ?? []) };
  });
  const initiatives: ProgressReport['initiatives'] = {};
  for (const initiative of roadmap.initiatives) {
    if (initiative.epicIds.length === 0) continue;
    const available = initiative.epicIds.filter((id) => byId.has(id));
    initiatives[initiative.id] = {
      progress: rollUp(available.flatMap((id) => children.get(id) ?? [])),
      epics: initiative.epicIds.length,
      unavailableEpics: initiative.epicIds.length - available.length,
    };
  }
  return { pointsFieldId, epics, initiatives };
}
