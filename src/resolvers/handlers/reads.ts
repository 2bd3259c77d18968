import { type ChangelogPage, type MacroPreview, type ProjectRef, type ProjectSearchAnswer, type RoadmapView } from '../../domain/api';
import type { PayloadOf } from '../../domain/contract';
import { AppError } from '../../domain/errors';
import { jsonBytes } from '../../domain/review/utf8';
import { emptyRoadmap } from '../../domain/roadmap-ops';
import { pageView, VIEW_PAGE_BYTES, type ViewPart } from '../../domain/view-pages';
import { accessTo, projectIdFromContext } from '../access';
import type { Call, Deps } from '../deps';
import { hiddenEpics, withoutHiddenEpics, withoutHiddenEpicsInChanges } from '../hidden-epics';
import { toInitiativeView, toRoadmapView } from '../view';

/**
 * Reads: anyone who may browse the project. A view too large for one invoke answer comes as its first page, whose
 * `more` lists the ranges getRoadmapViewPart brings (domain/view-pages.ts); a typical roadmap comes whole.
 */
export async function getRoadmapView(deps: Deps, _payload: PayloadOf<'getRoadmapView'>, call: Call): Promise<RoadmapView> {
  return pageView(await roadmapViewOf(deps, projectIdFromContext(call.context)));
}

/**
 * One range of a paged view, checked like getRoadmapView (the caller may browse the project; epics of projects they
 * cannot browse are stripped), at the revision the first page was pinned to: after a write the client starts over.
 */
export async function getRoadmapViewPart(deps: Deps, payload: PayloadOf<'getRoadmapViewPart'>, call: Call): Promise<ViewPart> {
  const projectId = projectIdFromContext(call.context);
  const access = await accessTo(deps, projectId);
  const now = deps.now();
  const roadmap = (await deps.store.load(projectId)) ?? emptyRoadmap(projectId, `${access.project.name} technical roadmap`, now);
  const { revision } = roadmap.meta;
  if (payload.revision !== revision) {
    throw new AppError(
      'CONFLICT',
      `The roadmap changed while it was loading (this part was asked at revision ${payload.revision}, it is now at ${revision}); load it again from the start`,
    );
  }
  const outOfRange = (name: 'initiatives' | 'debtItems', count: number) =>
    payload[name][1] > count ? { [name]: `Only ${count} ${name === 'initiatives' ? 'initiatives' : 'debt items'} at this revision` } : {};
  const fields = { ...outOfRange('initiatives', roadmap.initiatives.length), ...outOfRange('debtItems', roadmap.debtItems.length) };
  if (Object.keys(fields).length > 0) throw new AppError('INVALID_INPUT', `That range is outside the roadmap — ${Object.values(fields).join('; ')}`, fields);
  // Only the asked range is turned into views: the same per-item work toRoadmapView does, in the same order.
  const part: ViewPart = {
    revision,
    range: { initiatives: payload.initiatives, debtItems: payload.debtItems },
    initiatives: roadmap.initiatives.slice(...payload.initiatives).map((i) => toInitiativeView(i, now, roadmap.meta.horizonRules)),
    debtItems: roadmap.debtItems.slice(...payload.debtItems),
  };
  const answer = withoutHiddenEpics(part, await hiddenEpics(deps, roadmap));
  const bytes = jsonBytes(answer);
  if (bytes > VIEW_PAGE_BYTES) {
    throw new AppError(
      'LIMIT',
      `That range would be ${(bytes / 1_000_000).toFixed(1)} MB, over the ${VIEW_PAGE_BYTES / 1_000_000} MB a part may hold; ask for a smaller range`,
    );
  }
  return answer;
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
/** Room kept for the preview's people: an account id, a display name of up to 255 characters and an avatar URL each. */
const PREVIEW_PEOPLE_BYTES = PREVIEW_PEOPLE * 2048;

/** The macro config's live preview: the picked project's roadmap and newest changes, with the saved macro's checks. */
export async function getMacroPreview(deps: Deps, payload: PayloadOf<'getMacroPreview'>, _call: Call): Promise<MacroPreview> {
  // The project id is the caller's own input: a project they may not browse answers like one that does not exist.
  const whole = await roadmapViewOf(deps, payload.projectId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'FORBIDDEN') throw new AppError('NOT_FOUND', 'No project with that id that you can see');
    throw error;
  });
  const page = await deps.store.listChanges(payload.projectId, { limit: PREVIEW_CHANGES });
  const changes = await withoutHiddenEpicsInChanges(deps, page.changes, payload.projectId);
  // A roadmap too large for one answer previews its first page (its `more` says how much is left out): the preview
  // shares the answer with the changes and people, so the view gets what they leave of the page budget.
  const view = pageView(whole, VIEW_PAGE_BYTES - jsonBytes(changes) - PREVIEW_PEOPLE_BYTES);
  const mentioned = [view.ownerAccountId, ...view.initiatives.map((i) => i.ownerAccountId), ...changes.map((c) => c.accountId)];
  const accountIds = [...new Set(mentioned.filter((id): id is string => typeof id === 'string'))].slice(0, PREVIEW_PEOPLE);
  return { view, changes, people: accountIds.length === 0 ? [] : await deps.jira.getUsers(accountIds) };
}
