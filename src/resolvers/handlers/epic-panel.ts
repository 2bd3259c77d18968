import { type EpicContext, type EpicLinkView, type EpicWriteResult } from '../../domain/api';
import type { PayloadOf } from '../../domain/contract';
import { updateInitiative } from '../../domain/edits/initiatives';
import { AppError } from '../../domain/errors';
import { issueIdSchema, type Roadmap } from '../../domain/model';
import type { IssueSummary } from '../../jira/jira-port';
import { accessTo, type ProjectAccess } from '../access';
import type { Call, Deps } from '../deps';
import { hiddenEpics, withoutHiddenEpics } from '../hidden-epics';
import { runMutation } from '../mutation';
import { toInitiativeView } from '../view';

/**
 * The Jira issue side panel: which initiatives an epic serves, and linking or unlinking it. An epic serves at most
 * one initiative per roadmap and may serve several roadmaps; every answer is computed only from roadmaps the caller
 * may browse, so it is the same whether or not hidden roadmaps hold the epic.
 */

/** The issue the panel is on, as the caller sees it (NOT_FOUND when they cannot see it: nothing leaks). */
async function contextIssue(deps: Deps, call: Call): Promise<IssueSummary> {
  const issueId = issueIdSchema.safeParse(call.context.extension?.issue?.id === undefined ? undefined : String(call.context.extension.issue.id));
  if (!issueId.success) throw new AppError('INVALID_INPUT', 'This view has no Jira issue in its context');
  const issue = await deps.jira.getIssue(issueId.data);
  if (!issue) throw new AppError('NOT_FOUND', 'This issue does not exist or you cannot see it');
  return issue;
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

interface VisibleLink {
  access: ProjectAccess;
  roadmap: Roadmap;
  view: EpicLinkView;
}

/** The epic's links on roadmaps the caller may browse, each checked against the roadmap itself. */
async function visibleLinks(deps: Deps, issue: IssueSummary): Promise<VisibleLink[]> {
  const links = await deps.store.getEpicLinks(issue.id);
  const found = await Promise.all(
    links.map(async (link): Promise<VisibleLink | null> => {
      const access = await accessOrNull(deps, link.projectId);
      if (!access) return null;
      const roadmap = await deps.store.load(link.projectId);
      const initiative = roadmap?.initiatives.find((i) => i.id === link.initiativeId && i.epicIds.includes(issue.id));
      if (!roadmap || !initiative) return null;
      const hidden = await hiddenEpics(deps, roadmap);
      return {
        access,
        roadmap,
        view: withoutHiddenEpics(
          {
            project: access.project,
            initiative: toInitiativeView(initiative, deps.now(), roadmap.meta.horizonRules),
            phase: roadmap.meta.phases.find((p) => p.id === initiative.phaseId) ?? null,
            unlink: access.canEdit ? { revision: roadmap.meta.revision } : null,
          },
          hidden,
        ),
      };
    }),
  );
  const visible = found.filter((link): link is VisibleLink => link !== null);
  // The issue's own project first, then by project key: a stable order.
  return visible.sort(
    (a, b) =>
      Number(b.access.project.id === issue.projectId) - Number(a.access.project.id === issue.projectId) ||
      a.access.project.key.localeCompare(b.access.project.key),
  );
}

export async function getEpicContext(deps: Deps, _payload: PayloadOf<'getEpicContext'>, call: Call): Promise<EpicContext> {
  const issue = await contextIssue(deps, call);
  const summary = { id: issue.id, key: issue.key, summary: issue.summary, issueType: issue.issueType };
  const links = await visibleLinks(deps, issue);
  if (issue.issueType !== 'Epic') return { issue: summary, links: links.map((l) => l.view), linking: null };
  // Linking targets the issue's own project roadmap, and depends on nothing but that roadmap.
  const own = links.find((l) => l.access.project.id === issue.projectId);
  let linking: EpicContext['linking'] = null;
  if (!own) {
    const access = await accessOrNull(deps, issue.projectId);
    const roadmap = access?.canEdit ? await deps.store.load(issue.projectId) : null;
    linking = roadmap ? linkingOptions(roadmap, deps.now()) : null;
  }
  return { issue: summary, links: links.map((l) => l.view), linking };
}

/** The open initiatives an editor could link the epic to, and the revision to write against. */
function linkingOptions(roadmap: Roadmap, now: Date): NonNullable<EpicContext['linking']> {
  const phaseName = new Map(roadmap.meta.phases.map((p) => [p.id, p.name]));
  return {
    revision: roadmap.meta.revision,
    initiatives: roadmap.initiatives
      .filter((i) => i.status !== 'done' && i.status !== 'dropped')
      .map((i) => ({
        id: i.id,
        title: i.title,
        phaseName: phaseName.get(i.phaseId) ?? '',
        horizon: toInitiativeView(i, now, roadmap.meta.horizonRules).horizon,
      })),
  };
}

/** Links the panel's epic to an initiative of its own project's roadmap (one initiative per epic per roadmap). */
export const linkEpicHandler = async (deps: Deps, payload: PayloadOf<'linkEpic'>, call: Call): Promise<EpicWriteResult> => {
  const issue = await contextIssue(deps, call);
  if (issue.issueType !== 'Epic') throw new AppError('INVALID_INPUT', `${issue.key} is a ${issue.issueType}; only epics link to initiatives`);
  const written = await runMutation(deps, withProject(call, issue.projectId), {
    level: 'edit',
    input: payload,
    apply: (roadmap, input, actor) => {
      const holder = roadmap.initiatives.find((i) => i.epicIds.includes(issue.id));
      if (holder) throw new AppError('CONFLICT', `${issue.key} already serves "${holder.title}" on this roadmap; unlink it first`);
      const initiative = roadmap.initiatives.find((i) => i.id === input.initiativeId);
      if (!initiative) throw new AppError('NOT_FOUND', `No initiative ${input.initiativeId} on this roadmap`, { initiativeId: 'Unknown initiative' });
      return updateInitiative(roadmap, initiative.id, { epicIds: [...initiative.epicIds, issue.id] }, actor, null, 'initiativeId');
    },
  });
  return { ...written, epicContext: await epicContextAfterWrite(deps, call) };
};

/** Unlinks the panel's epic from the initiative it serves on one roadmap (the issue's own, unless `projectId` says). */
export const unlinkEpicHandler = async (deps: Deps, input: PayloadOf<'unlinkEpic'>, call: Call): Promise<EpicWriteResult> => {
  const issue = await contextIssue(deps, call);
  const projectId = input.projectId ?? issue.projectId;
  // Same answer whether that roadmap does not exist, is hidden from the caller, or does not hold the epic.
  const notLinked = () => new AppError('NOT_FOUND', `${issue.key} is not linked to an initiative you can see on that roadmap`);
  const access = await accessOrNull(deps, projectId);
  if (!access) throw notLinked();
  const written = await runMutation(deps, withProject(call, projectId), {
    level: 'edit',
    input,
    apply: (roadmap, payload, actor) => {
      const initiative = roadmap.initiatives.find((i) => i.epicIds.includes(issue.id));
      if (!initiative) throw notLinked();
      return updateInitiative(roadmap, initiative.id, { epicIds: initiative.epicIds.filter((id) => id !== issue.id) }, actor, payload.reason ?? null);
    },
  });
  return { ...written, epicContext: await epicContextAfterWrite(deps, call) };
};

/**
 * The panel's epic after a write, so the panel shows it without asking again. The write has landed: a failure to read
 * it back must not turn that into an error, so it answers null and the panel asks.
 */
async function epicContextAfterWrite(deps: Deps, call: Call): Promise<EpicContext | null> {
  try {
    return await getEpicContext(deps, {}, call);
  } catch {
    return null;
  }
}

/** The roadmap a panel write touches is the one of the issue's project (or of the link), as Jira reports it. */
function withProject(call: Call, projectId: string): Call {
  return { ...call, context: { ...call.context, extension: { ...call.context.extension, type: 'jira:issueContext', project: { id: projectId } } } };
}
