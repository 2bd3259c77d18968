import { type ChangelogPage, type MacroPreview, type ProjectRef, type ProjectSearchAnswer, type RoadmapView } from '../../domain/api';
import type { PayloadOf } from '../../domain/contract';
import { AppError } from '../../domain/errors';
import { emptyRoadmap } from '../../domain/roadmap-ops';
import { accessTo, projectIdFromContext } from '../access';
import type { Call, Deps } from '../deps';
import { hiddenEpics, withoutHiddenEpics, withoutHiddenEpicsInChanges } from '../hidden-epics';
import { toRoadmapView } from '../view';

/** Reads: anyone who may browse the project. */
export async function getRoadmapView(deps: Deps, _payload: PayloadOf<'getRoadmapView'>, call: Call): Promise<RoadmapView> {
  return roadmapViewOf(deps, projectIdFromContext(call.context));
}

/** The roadmap of a project as the caller may see it (after Jira says they may browse the project). */
async function roadmapViewOf(deps: Deps, projectId: string): Promise<RoadmapView> {
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

/** How many projects the macro config's picker offers at once. */
const PROJECT_PICKER_RESULTS = 20;

/** The macro config's picker: Jira's own project search as the caller, so only projects they may browse are listed. */
export async function searchProjects(deps: Deps, payload: PayloadOf<'searchProjects'>, _call: Call): Promise<ProjectSearchAnswer> {
  return { projects: await deps.jira.searchProjects(payload.query, PROJECT_PICKER_RESULTS) };
}

/** How many changes the preview's changelog digest shows. */
const PREVIEW_CHANGES = 10;
/** One user/bulk call: owners and authors beyond this show as "A Jira user" in the preview. */
const PREVIEW_PEOPLE = 100;

/** The macro config's live preview: the picked project's roadmap and newest changes, with the saved macro's checks. */
export async function getMacroPreview(deps: Deps, payload: PayloadOf<'getMacroPreview'>, _call: Call): Promise<MacroPreview> {
  // The project id is the caller's own input: a project they may not browse answers like one that does not exist.
  const view = await roadmapViewOf(deps, payload.projectId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'FORBIDDEN') throw new AppError('NOT_FOUND', 'No project with that id that you can see');
    throw error;
  });
  const page = await deps.store.listChanges(payload.projectId, { limit: PREVIEW_CHANGES });
  const changes = await withoutHiddenEpicsInChanges(deps, page.changes, payload.projectId);
  const mentioned = [view.ownerAccountId, ...view.initiatives.map((i) => i.ownerAccountId), ...changes.map((c) => c.accountId)];
  const accountIds = [...new Set(mentioned.filter((id): id is string => typeof id === 'string'))].slice(0, PREVIEW_PEOPLE);
  return { view, changes, people: accountIds.length === 0 ? [] : await deps.jira.getUsers(accountIds) };
}
