import { type ChangelogPage, type ProjectRef, type RoadmapView } from '../../domain/api';
import type { PayloadOf } from '../../domain/contract';
import { AppError } from '../../domain/errors';
import { emptyRoadmap } from '../../domain/roadmap-ops';
import { accessTo, projectIdFromContext } from '../access';
import type { Call, Deps } from '../deps';
import { hiddenEpics, withoutHiddenEpics, withoutHiddenEpicsInChanges } from '../hidden-epics';
import { toRoadmapView } from '../view';

/** Reads: anyone who may browse the project. */
export async function getRoadmapView(deps: Deps, _payload: PayloadOf<'getRoadmapView'>, call: Call): Promise<RoadmapView> {
  const projectId = projectIdFromContext(call.context);
  const access = await accessTo(deps, projectId);
  const now = deps.now();
  // Revision 0 in the answer means "no roadmap stored yet".
  const roadmap = (await deps.store.load(projectId)) ?? emptyRoadmap(projectId, `${access.project.name} technical roadmap`, now);
  return withoutHiddenEpics(toRoadmapView(roadmap, access, now), await hiddenEpics(deps, roadmap));
}

export async function getChangelog(deps: Deps, payload: PayloadOf<'getChangelog'>, call: Call): Promise<ChangelogPage> {
  const { cursor, limit } = payload;
  const projectId = projectIdFromContext(call.context);
  await accessTo(deps, projectId);
  try {
    const page = await deps.store.listChanges(projectId, { cursor, limit });
    return { ...page, changes: await withoutHiddenEpicsInChanges(deps, page.changes, projectId) };
  } catch (error) {
    // A cursor from another query or a forged one: the caller's fault, not an outage.
    if ((error as { code?: string }).code === 'INVALID_CURSOR')
      throw new AppError('INVALID_INPUT', 'That page cursor is not valid here', { cursor: 'Invalid cursor' });
    throw error;
  }
}

/** The macro config's project lookup: a project the caller cannot see answers like one that does not exist. */
export async function findProject(deps: Deps, payload: PayloadOf<'findProject'>, _call: Call): Promise<ProjectRef> {
  const { projectKeyOrId } = payload;
  // Jira Cloud project keys are upper case; people type them any way.
  const project = await deps.jira.getProject(/^\d+$/.test(projectKeyOrId) ? projectKeyOrId : projectKeyOrId.toUpperCase());
  if (!project) throw new AppError('NOT_FOUND', `No project ${projectKeyOrId} that you can see`);
  return (await accessTo(deps, project.id)).project;
}
