import type { z } from 'zod';
import {
  createInitiativePayload,
  findProjectPayload,
  getEpicContextPayload,
  getRoadmapViewPayload,
  startRoadmapPayload,
  type CreateInitiativeResult,
  type EpicContext,
  type ProjectRef,
  type RoadmapView,
} from '../domain/api';
import { AppError, invalidInput } from '../domain/errors';
import { emptyRoadmap, addInitiative } from '../domain/roadmap-ops';
import { issueIdSchema } from '../domain/model';
import { templateRoadmap } from '../domain/template';
import { accessTo, projectIdFromContext, requireAdminister, requireEdit } from './access';
import type { Call, Deps } from './deps';
import { toInitiativeView, toRoadmapView } from './view';

function parse<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> {
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

export async function getRoadmapView(deps: Deps, call: Call): Promise<RoadmapView> {
  parse(getRoadmapViewPayload, call.payload);
  const projectId = projectIdFromContext(call.context);
  const access = await accessTo(deps, projectId);
  const now = deps.now();
  const roadmap = (await deps.store.load(projectId)) ?? emptyRoadmap(projectId, `${access.project.name} technical roadmap`, now);
  return toRoadmapView(roadmap, access, now);
}

export async function createInitiative(deps: Deps, call: Call): Promise<CreateInitiativeResult> {
  const input = parse(createInitiativePayload, call.payload);
  const projectId = projectIdFromContext(call.context);
  await requireEdit(deps, projectId);
  const roadmap = await deps.store.load(projectId);
  if (!roadmap) throw new AppError('NOT_FOUND', 'This project has no roadmap yet');
  if (roadmap.meta.revision !== input.baseRevision) {
    throw new AppError('CONFLICT', `The roadmap changed since you loaded it (you had revision ${input.baseRevision}, it is now ${roadmap.meta.revision}). Reload and try again.`);
  }
  const epicIds = await resolveEpics(deps, input.epicKeys);
  const edit = addInitiative(
    roadmap,
    { ...input.initiative, epicIds: [...new Set([...input.initiative.epicIds, ...epicIds])] },
    { accountId: call.context.accountId ?? null, now: deps.now() },
  );
  const initiative = edit.roadmap.initiatives[edit.roadmap.initiatives.length - 1];
  await deps.store.commit(projectId, {
    baseRevision: input.baseRevision,
    meta: edit.roadmap.meta,
    initiatives: edit.roadmap.initiatives,
    touched: edit.touched,
    change: edit.change,
    epicLinks: { set: initiative.epicIds.map((issueId) => ({ issueId, link: { projectId, initiativeId: initiative.id } })) },
  });
  return { initiative: toInitiativeView(initiative, deps.now()), revision: edit.roadmap.meta.revision };
}

/** Epic keys → ids, as the caller: each must exist, be visible to them, be an epic, and serve no other initiative. */
async function resolveEpics(deps: Deps, keys: string[]): Promise<string[]> {
  const unique = [...new Set(keys)];
  const issues = await Promise.all(unique.map((key) => deps.jira.getIssue(key)));
  const links = await Promise.all(issues.map((issue) => (issue ? deps.store.getEpicLink(issue.id) : null)));
  const fields: Record<string, string> = {};
  unique.forEach((key, index) => {
    const issue = issues[index];
    const link = links[index];
    const field = `epicKeys.${keys.indexOf(key)}`;
    if (!issue) fields[field] = `${key} does not exist or you cannot see it`;
    else if (issue.issueType !== 'Epic') fields[field] = `${key} is a ${issue.issueType}, not an epic`;
    else if (link) fields[field] = `${key} already serves initiative ${link.initiativeId}`;
  });
  if (Object.keys(fields).length > 0) throw new AppError('INVALID_INPUT', Object.values(fields)[0], fields);
  return issues.map((issue) => issue!.id);
}

export async function getEpicContext(deps: Deps, call: Call): Promise<EpicContext> {
  parse(getEpicContextPayload, call.payload);
  const issueId = issueIdSchema.safeParse(call.context.extension?.issue?.id === undefined ? undefined : String(call.context.extension.issue.id));
  if (!issueId.success) throw new AppError('INVALID_INPUT', 'This view has no Jira issue in its context');
  // Asked as the caller: someone who cannot see the issue learns nothing about it.
  const issue = await deps.jira.getIssue(issueId.data);
  if (!issue) throw new AppError('NOT_FOUND', 'This issue does not exist or you cannot see it');
  const summary = { id: issue.id, key: issue.key, summary: issue.summary, issueType: issue.issueType };
  const link = await deps.store.getEpicLink(issue.id);
  if (!link) return { issue: summary, link: null };
  let access;
  try {
    access = await accessTo(deps, link.projectId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') return { issue: summary, link: null };
    throw error;
  }
  const roadmap = await deps.store.load(link.projectId);
  const initiative = roadmap?.initiatives.find((i) => i.id === link.initiativeId);
  if (!roadmap || !initiative) return { issue: summary, link: null };
  return {
    issue: summary,
    link: {
      project: access.project,
      initiative: toInitiativeView(initiative, deps.now()),
      phase: roadmap.meta.phases.find((p) => p.id === initiative.phaseId) ?? null,
    },
  };
}

export async function findProject(deps: Deps, call: Call): Promise<ProjectRef> {
  const { projectKeyOrId } = parse(findProjectPayload, call.payload);
  const project = await deps.jira.getProject(projectKeyOrId);
  if (!project) throw new AppError('NOT_FOUND', `No project ${projectKeyOrId} that you can see`);
  return (await accessTo(deps, project.id)).project;
}

/** Starts a project's roadmap from the template; refused with CONFLICT when it already has one. */
export async function startRoadmap(deps: Deps, call: Call): Promise<RoadmapView> {
  const { withExamples } = parse(startRoadmapPayload, call.payload);
  const projectId = projectIdFromContext(call.context);
  const access = await requireAdminister(deps, projectId);
  const now = deps.now();
  const edit = templateRoadmap(projectId, `${access.project.name} technical roadmap`, { accountId: call.context.accountId ?? null, now }, { withExamples });
  await deps.store.commit(projectId, {
    baseRevision: 0,
    meta: edit.roadmap.meta,
    initiatives: edit.roadmap.initiatives,
    touched: edit.touched,
    change: edit.change,
  });
  return toRoadmapView(edit.roadmap, access, now);
}
