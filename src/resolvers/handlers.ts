import {
  createDebtItemPayload,
  createInitiativePayload,
  createPhasePayload,
  deleteDebtItemPayload,
  deleteInitiativePayload,
  deletePhasePayload,
  exportRoadmapPayload,
  importRoadmapPayload,
  previewImportPayload,
  findProjectPayload,
  getChangelogPayload,
  getEpicContextPayload,
  getRoadmapViewPayload,
  linkEpicPayload,
  unlinkEpicPayload,
  markReviewedPayload,
  moveInitiativePayload,
  movePhasePayload,
  promoteDebtItemPayload,
  saveSettingsPayload,
  startRoadmapPayload,
  updateDebtItemPayload,
  updateInitiativePayload,
  updatePhasePayload,
  type ChangelogPage,
  type CreateInitiativeResult,
  type EpicContext,
  type ExportResult,
  type ImportPreview,
  type MutationResult,
  type ProjectRef,
  type RoadmapView,
} from '../domain/api';
import { addDebtItem, deleteDebtItem, promoteDebtItem, updateDebtItem } from '../domain/edits/debt';
import { addInitiative, deleteInitiative, updateInitiative } from '../domain/edits/initiatives';
import { addPhase, deletePhase, movePhase, updatePhase } from '../domain/edits/phases';
import { markReviewed, updateSettings } from '../domain/edits/settings';
import { AppError } from '../domain/errors';
import { applyImportPlan, exportRoadmap, parseRoadmapTable, previewImport } from '../domain/import-export';
import { issueIdSchema } from '../domain/model';
import { emptyRoadmap } from '../domain/roadmap-ops';
import { templateRoadmap } from '../domain/template';
import { accessTo, projectIdFromContext, requireLevel, type ProjectAccess } from './access';
import type { EpicLink } from '../domain/epic-links';
import type { Initiative, Roadmap } from '../domain/model';
import type { IssueSummary } from '../jira/jira-port';
import type { Call, Deps } from './deps';
import { mutate, parse, runMutation } from './mutation';
import { toInitiativeView, toRoadmapView } from './view';

// ---- reads ----------------------------------------------------------------------------------------------------

export async function getRoadmapView(deps: Deps, call: Call): Promise<RoadmapView> {
  parse(getRoadmapViewPayload, call.payload);
  const projectId = projectIdFromContext(call.context);
  const access = await accessTo(deps, projectId);
  const now = deps.now();
  // Revision 0 in the answer means "no roadmap stored yet".
  const roadmap = (await deps.store.load(projectId)) ?? emptyRoadmap(projectId, `${access.project.name} technical roadmap`, now);
  return toRoadmapView(roadmap, access, now);
}

export async function getChangelog(deps: Deps, call: Call): Promise<ChangelogPage> {
  const { cursor, limit } = parse(getChangelogPayload, call.payload);
  const projectId = projectIdFromContext(call.context);
  await accessTo(deps, projectId);
  try {
    return await deps.store.listChanges(projectId, { cursor, limit });
  } catch (error) {
    // A cursor from another query or a forged one: the caller's fault, not an outage.
    if ((error as { code?: string }).code === 'INVALID_CURSOR') throw new AppError('INVALID_INPUT', 'That page cursor is not valid here', { cursor: 'Invalid cursor' });
    throw error;
  }
}

/** The issue the panel is on, as the caller sees it (NOT_FOUND when they cannot see it: nothing leaks). */
async function contextIssue(deps: Deps, call: Call): Promise<IssueSummary> {
  const issueId = issueIdSchema.safeParse(call.context.extension?.issue?.id === undefined ? undefined : String(call.context.extension.issue.id));
  if (!issueId.success) throw new AppError('INVALID_INPUT', 'This view has no Jira issue in its context');
  const issue = await deps.jira.getIssue(issueId.data);
  if (!issue) throw new AppError('NOT_FOUND', 'This issue does not exist or you cannot see it');
  return issue;
}

export async function getEpicContext(deps: Deps, call: Call): Promise<EpicContext> {
  parse(getEpicContextPayload, call.payload);
  const issue = await contextIssue(deps, call);
  const summary = { id: issue.id, key: issue.key, summary: issue.summary, issueType: issue.issueType };
  const link = await resolveLink(deps, issue.id);
  if (link.state === 'hidden') return { issue: summary, link: null, linking: null };
  if (link.state === 'live') {
    const { access, roadmap, initiative } = link;
    return {
      issue: summary,
      link: {
        project: access.project,
        initiative: toInitiativeView(initiative, deps.now(), roadmap.meta.horizonRules),
        phase: roadmap.meta.phases.find((p) => p.id === initiative.phaseId) ?? null,
      },
      // Unlinking writes to the link's roadmap, so its revision (not the issue project's) goes with it.
      linking: access.canEdit ? linkingOptions(roadmap, deps.now()) : null,
    };
  }
  // Not linked, or linked to an initiative that no longer exists (linking again replaces that stale link).
  if (issue.issueType !== 'Epic') return { issue: summary, link: null, linking: null };
  const access = await accessTo(deps, issue.projectId).catch(() => null);
  const roadmap = access?.canEdit ? await deps.store.load(issue.projectId) : null;
  return { issue: summary, link: null, linking: roadmap ? linkingOptions(roadmap, deps.now()) : null };
}

type ResolvedLink =
  | { state: 'none' }
  | { state: 'stale' }
  /** Serves a roadmap of a project the caller cannot browse: say nothing about it, offer nothing. */
  | { state: 'hidden' }
  | { state: 'live'; link: EpicLink; access: ProjectAccess; roadmap: Roadmap; initiative: Initiative };

async function resolveLink(deps: Deps, issueId: string): Promise<ResolvedLink> {
  const link = await deps.store.getEpicLink(issueId);
  if (!link) return { state: 'none' };
  let access: ProjectAccess;
  try {
    access = await accessTo(deps, link.projectId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') return { state: 'hidden' };
    throw error;
  }
  const roadmap = await deps.store.load(link.projectId);
  const initiative = roadmap?.initiatives.find((i) => i.id === link.initiativeId && i.epicIds.includes(issueId));
  if (!roadmap || !initiative) return { state: 'stale' };
  return { state: 'live', link, access, roadmap, initiative };
}

/** The open initiatives an editor could link the epic to, and the revision to write against. */
function linkingOptions(roadmap: Roadmap, now: Date): NonNullable<EpicContext['linking']> {
  const phaseName = new Map(roadmap.meta.phases.map((p) => [p.id, p.name]));
  return {
    revision: roadmap.meta.revision,
    initiatives: roadmap.initiatives
      .filter((i) => i.status !== 'done' && i.status !== 'dropped')
      .map((i) => ({ id: i.id, title: i.title, phaseName: phaseName.get(i.phaseId) ?? '', horizon: toInitiativeView(i, now, roadmap.meta.horizonRules).horizon })),
  };
}

/** Links the panel's epic to an initiative of its project's roadmap (an epic serves one initiative). */
export const linkEpicHandler = async (deps: Deps, call: Call): Promise<MutationResult> => {
  parse(linkEpicPayload, call.payload);
  const issue = await contextIssue(deps, call);
  if (issue.issueType !== 'Epic') throw new AppError('INVALID_INPUT', `${issue.key} is a ${issue.issueType}; only epics link to initiatives`);
  return runMutation(deps, withProject(call, issue.projectId), {
    level: 'edit',
    schema: linkEpicPayload,
    apply: async (roadmap, input, actor) => {
      const existing = await resolveLink(deps, issue.id);
      if (existing.state === 'live') throw new AppError('CONFLICT', `${issue.key} already serves "${existing.initiative.title}"; unlink it first`);
      if (existing.state === 'hidden') throw new AppError('CONFLICT', `${issue.key} already serves an initiative on a roadmap you cannot see`);
      const initiative = roadmap.initiatives.find((i) => i.id === input.initiativeId);
      if (!initiative) throw new AppError('NOT_FOUND', `No initiative ${input.initiativeId} on this roadmap`, { initiativeId: 'Unknown initiative' });
      return updateInitiative(roadmap, initiative.id, { epicIds: [...initiative.epicIds, issue.id] }, actor, null);
    },
  });
};

export const unlinkEpicHandler = async (deps: Deps, call: Call): Promise<MutationResult> => {
  parse(unlinkEpicPayload, call.payload);
  const issue = await contextIssue(deps, call);
  const resolved = await resolveLink(deps, issue.id);
  if (resolved.state !== 'live') throw new AppError('NOT_FOUND', `${issue.key} is not linked to an initiative you can see`);
  const { link } = resolved;
  return runMutation(deps, withProject(call, link.projectId), {
    level: 'edit',
    schema: unlinkEpicPayload,
    apply: (roadmap, input, actor) => {
      const initiative = roadmap.initiatives.find((i) => i.id === link.initiativeId);
      if (!initiative) throw new AppError('NOT_FOUND', `${issue.key} points at an initiative that no longer exists`);
      return updateInitiative(roadmap, initiative.id, { epicIds: initiative.epicIds.filter((id) => id !== issue.id) }, actor, input.reason ?? null);
    },
  });
};

/** The roadmap a panel write touches is the one of the issue's project (or of the link), as Jira reports it. */
function withProject(call: Call, projectId: string): Call {
  return { ...call, context: { ...call.context, extension: { ...call.context.extension, type: 'jira:issueContext', project: { id: projectId } } } };
}

export async function findProject(deps: Deps, call: Call): Promise<ProjectRef> {
  const { projectKeyOrId } = parse(findProjectPayload, call.payload);
  const project = await deps.jira.getProject(projectKeyOrId);
  if (!project) throw new AppError('NOT_FOUND', `No project ${projectKeyOrId} that you can see`);
  return (await accessTo(deps, project.id)).project;
}

// ---- writes ---------------------------------------------------------------------------------------------------

/** Starts a project's roadmap from the template; refused with CONFLICT when it already has one. */
export async function startRoadmap(deps: Deps, call: Call): Promise<RoadmapView> {
  const { withExamples } = parse(startRoadmapPayload, call.payload);
  const projectId = projectIdFromContext(call.context);
  const access = await accessTo(deps, projectId);
  requireLevel(access, 'administer');
  const now = deps.now();
  const edit = templateRoadmap(projectId, `${access.project.name} technical roadmap`, { accountId: call.context.accountId ?? null, now }, { withExamples });
  await deps.store.commit(projectId, { baseRevision: 0, roadmap: edit.roadmap, touched: edit.touched, change: edit.change });
  return toRoadmapView(edit.roadmap, access, now);
}

/** Epic keys → ids, as the caller: each must exist, be visible to them, be an epic, and serve no other initiative. */
async function resolveEpics(deps: Deps, keys: string[], forInitiative: string | null): Promise<string[]> {
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
    else if (link && link.initiativeId !== forInitiative) fields[field] = `${key} already serves initiative ${link.initiativeId}`;
  });
  if (Object.keys(fields).length > 0) throw new AppError('INVALID_INPUT', Object.values(fields)[0], fields);
  return issues.map((issue) => issue!.id);
}

export async function createInitiative(deps: Deps, call: Call): Promise<CreateInitiativeResult> {
  const { result, next, now } = await mutate(deps, call, {
    level: 'edit',
    schema: createInitiativePayload,
    apply: async (roadmap, input, actor) => {
      const epicIds = await resolveEpics(deps, input.epicKeys, null);
      return addInitiative(roadmap, { ...input.initiative, epicIds: [...new Set([...input.initiative.epicIds, ...epicIds])] }, actor);
    },
  });
  const created = next.initiatives[next.initiatives.length - 1];
  return { initiative: toInitiativeView(created, now, next.meta.horizonRules), revision: result.revision };
}

export const updateInitiativeHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: updateInitiativePayload,
    apply: async (roadmap, input, actor) => {
      const patch = { ...input.patch };
      if (input.epicKeys.length > 0) {
        const current = patch.epicIds ?? roadmap.initiatives.find((i) => i.id === input.initiativeId)?.epicIds ?? [];
        patch.epicIds = [...new Set([...current, ...(await resolveEpics(deps, input.epicKeys, input.initiativeId))])];
      }
      return updateInitiative(roadmap, input.initiativeId, patch, actor, input.reason ?? null);
    },
  });

export const moveInitiativeHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: moveInitiativePayload,
    apply: (roadmap, input, actor) => updateInitiative(roadmap, input.initiativeId, input.to, actor, input.reason, 'to'),
  });

export const deleteInitiativeHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: deleteInitiativePayload,
    apply: (roadmap, input, actor) => deleteInitiative(roadmap, input.initiativeId, actor, input.reason ?? null),
  });

export const createPhaseHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'edit', schema: createPhasePayload, apply: (roadmap, input, actor) => addPhase(roadmap, input.phase, actor) });

export const updatePhaseHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: updatePhasePayload,
    apply: (roadmap, input, actor) => updatePhase(roadmap, input.phaseId, input.patch, actor, input.reason ?? null),
  });

export const movePhaseHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: movePhasePayload,
    apply: (roadmap, input, actor) => movePhase(roadmap, input.phaseId, input.toIndex, actor, input.reason ?? null),
  });

export const deletePhaseHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: deletePhasePayload,
    apply: (roadmap, input, actor) => deletePhase(roadmap, input.phaseId, input.moveInitiativesTo, actor, input.reason ?? null),
  });

export const saveSettingsHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'administer', schema: saveSettingsPayload, apply: (roadmap, input, actor) => updateSettings(roadmap, input.settings, actor) });

export const createDebtItemHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'edit', schema: createDebtItemPayload, apply: (roadmap, input, actor) => addDebtItem(roadmap, input.item, actor) });

export const updateDebtItemHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'edit', schema: updateDebtItemPayload, apply: (roadmap, input, actor) => updateDebtItem(roadmap, input.debtId, input.patch, actor) });

export const deleteDebtItemHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'edit', schema: deleteDebtItemPayload, apply: (roadmap, input, actor) => deleteDebtItem(roadmap, input.debtId, actor) });

export const promoteDebtItemHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: promoteDebtItemPayload,
    apply: (roadmap, input, actor) => promoteDebtItem(roadmap, input.debtId, input.initiative, actor),
  });

export const markReviewedHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'edit', schema: markReviewedPayload, apply: (roadmap, input, actor) => markReviewed(roadmap, actor, input.note ?? null) });

// ---- import / export ------------------------------------------------------------------------------------------

/** What an import would do, row by row, without writing anything. */
export async function previewImportHandler(deps: Deps, call: Call): Promise<ImportPreview> {
  const input = parse(previewImportPayload, call.payload);
  const projectId = projectIdFromContext(call.context);
  const access = await accessTo(deps, projectId);
  requireLevel(access, 'edit');
  const roadmap = (await deps.store.load(projectId)) ?? emptyRoadmap(projectId, `${access.project.name} technical roadmap`, deps.now());
  return previewImport(roadmap, parseRoadmapTable(input.text, input.format), { mode: input.mode });
}

/** Applies an import; the table is parsed and planned again here, never taken from the client's preview. */
export const importRoadmapHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: importRoadmapPayload,
    apply: (roadmap, input, actor) => {
      const plan = previewImport(roadmap, parseRoadmapTable(input.text, input.format), { mode: input.mode });
      if (plan.initiativesToRemove.length > 0 && !input.confirmRemovals) {
        throw new AppError('INVALID_INPUT', `This import would remove ${plan.initiativesToRemove.length} initiative(s) not in the table; confirm to go ahead`, {
          confirmRemovals: 'Confirm the removals shown in the preview',
        });
      }
      return applyImportPlan(roadmap, plan, actor);
    },
  });

export async function exportRoadmapHandler(deps: Deps, call: Call): Promise<ExportResult> {
  const { format } = parse(exportRoadmapPayload, call.payload);
  const projectId = projectIdFromContext(call.context);
  const access = await accessTo(deps, projectId);
  const roadmap = await deps.store.load(projectId);
  if (!roadmap) throw new AppError('NOT_FOUND', 'This project has no roadmap yet');
  const extension = format === 'csv' ? 'csv' : 'md';
  return {
    filename: `${access.project.key}-technical-roadmap.${extension}`,
    mimeType: format === 'csv' ? 'text/csv' : 'text/markdown',
    content: exportRoadmap(roadmap, format, deps.now()),
  };
}
