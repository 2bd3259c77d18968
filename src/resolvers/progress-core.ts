import type { EpicProgress, ProgressReport } from '../domain/api';
import type { Roadmap } from '../domain/model';
import { byParent, rollUp } from '../domain/progress';
import type { JiraPort } from '../jira/jira-port';

/**
 * Progress of a roadmap's linked epics from one Jira view of them: the epics `jira` can see (bulk fetch), then those
 * epics' children (search/jql). Whoever `jira` asks as decides what is counted — the caller in resolvers, the app in
 * the scheduled digest — so callers pass a roadmap already stripped of what that viewer must not see. An epic that is
 * gone or hidden shows as unavailable; one now in another project than the roadmap expects shows as moved.
 */
export async function computeProgress(jira: JiraPort, roadmap: Roadmap | null): Promise<ProgressReport> {
  const epicIds = [...new Set((roadmap?.initiatives ?? []).flatMap((i) => i.epicIds))];
  if (!roadmap || epicIds.length === 0) return { pointsFieldId: null, epics: [], initiatives: {} };

  const [visible, pointsFieldId] = await Promise.all([jira.getIssues(epicIds), jira.storyPointsFieldId()]);
  const children = byParent(
    visible.length > 0
      ? await jira.childrenOf(
          visible.map((e) => e.id),
          pointsFieldId,
        )
      : [],
  );
  const byId = new Map(visible.map((epic) => [epic.id, epic]));
  const expectedProject = (id: string) => roadmap.meta.epicProjects?.[id] ?? roadmap.meta.projectId;

  const epics: EpicProgress[] = epicIds.map((id) => {
    const epic = byId.get(id);
    if (!epic) return { id, state: 'unavailable' };
    return {
      id,
      state: epic.projectId === expectedProject(id) ? 'ok' : 'moved',
      key: epic.key,
      summary: epic.summary,
      statusCategory: epic.statusCategory,
      progress: rollUp(children.get(id) ?? []),
      projectId: epic.projectId,
    };
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
