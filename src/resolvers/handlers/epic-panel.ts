import {
  getEpicContextPayload,
  linkEpicPayload,
  unlinkEpicPayload,
  type EpicContext,
  type MutationResult,
} from '../../domain/api';
import { updateInitiative } from '../../domain/edits/initiatives';
import type { EpicLink } from '../../domain/epic-links';
import { AppError } from '../../domain/errors';
import { issueIdSchema, type Initiative, type Roadmap } from '../../domain/model';
import type { IssueSummary } from '../../jira/jira-port';
import { accessTo, type ProjectAccess } from '../access';
import type { Call, Deps } from '../deps';
import { parse, runMutation } from '../mutation';
import { toInitiativeView } from '../view';

/** The Jira issue side panel: which initiative an epic serves, and linking or unlinking it. */

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
  const access = await accessOrNull(deps, issue.projectId);
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
  const access = await accessOrNull(deps, link.projectId);
  if (!access) return { state: 'hidden' };
  const roadmap = await deps.store.load(link.projectId);
  const initiative = roadmap?.initiatives.find((i) => i.id === link.initiativeId && i.epicIds.includes(issueId));
  if (!roadmap || !initiative) return { state: 'stale' };
  return { state: 'live', link, access, roadmap, initiative };
}

/** The caller's access to a project, or null when they may not browse it (other failures still throw). */
async function accessOrNull(deps: Deps, projectId: string): Promise<ProjectAccess | null> {
  try {
    return await accessTo(deps, projectId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') return null;
    throw error;
  }
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
