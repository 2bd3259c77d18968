import { type EpicContext, type EpicDelivery, type EpicLinkView, type EpicWriteResult, type ProgressReport } from '../../domain/api';
import type { PayloadOf } from '../../domain/contract';
import { updateInitiative } from '../../domain/edits/initiatives';
import { AppError } from '../../domain/errors';
import { issueIdSchema, type Roadmap } from '../../domain/model';
import { driftRoadmapOf } from '../../domain/rules/drift';
import { driftOf } from '../../domain/rules/drift';
import type { IssueSummary } from '../../jira/jira-port';
import { accessTo, type ProjectAccess } from '../access';
import type { Call, Deps } from '../deps';
import { hiddenEpics, roadmapWithoutHiddenEpics, withoutHiddenEpics } from '../hidden-epics';
import { runMutation } from '../mutation';
import { computeProgress } from '../progress-core';
import { toInitiativeView } from '../view';

/**
 * The Jira issue side panel, useful wherever it shows, in one invoke:
 * - on an epic: the initiative it serves on each roadmap the caller may browse, the epic's drift and its sibling
 *   epics' progress (computed for that one initiative, from Jira as the caller: one bulk fetch and one search for its
 *   ≤ 10 epics), and link / unlink;
 * - on a story, task or bug (or a sub-task, one level further) whose parent epic serves initiatives: "via epic TR-1 →
 *   initiative X", with the initiative's horizon and status;
 * - anywhere else: one quiet line and the way to the project's roadmap (or to where an admin starts one).
 * An epic serves at most one initiative per roadmap and may serve several roadmaps; every answer is computed only from
 * roadmaps the caller may browse and epics Jira shows them, so it is the same whether or not hidden roadmaps hold the
 * epic, and nothing about a hidden project's epics is counted.
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

type AccessOf = (projectId: string) => Promise<ProjectAccess | null>;

/** accessOrNull, asked once per project within one call (the issue's own project is often also the link's). */
function accessOnce(deps: Deps): AccessOf {
  const asked = new Map<string, Promise<ProjectAccess | null>>();
  return (projectId) => {
    let answer = asked.get(projectId);
    if (!answer) asked.set(projectId, (answer = accessOrNull(deps, projectId)));
    return answer;
  };
}

interface VisibleLink {
  access: ProjectAccess;
  roadmap: Roadmap;
  view: EpicLinkView;
}

/**
 * The epic's links on roadmaps the caller may browse, each checked against the roadmap itself; with `delivery`, each
 * with the epic's drift and its initiative's epics (the epic's own panel).
 */
async function visibleLinks(deps: Deps, epic: IssueSummary, ownProjectId: string, delivery: boolean, accessOf: AccessOf): Promise<VisibleLink[]> {
  const links = await deps.store.getEpicLinks(epic.id);
  const found = await Promise.all(
    links.map(async (link): Promise<VisibleLink | null> => {
      const access = await accessOf(link.projectId);
      if (!access) return null;
      const roadmap = await deps.store.load(link.projectId);
      const initiative = roadmap?.initiatives.find((i) => i.id === link.initiativeId && i.epicIds.includes(epic.id));
      if (!roadmap || !initiative) return null;
      const hidden = await hiddenEpics(deps, roadmap);
      // The epic itself is one the caller sees (Jira just showed it), whatever project the roadmap recorded.
      const view: EpicLinkView = withoutHiddenEpics(
        {
          project: access.project,
          initiative: toInitiativeView(initiative, deps.now(), roadmap.meta.horizonRules),
          phase: roadmap.meta.phases.find((p) => p.id === initiative.phaseId) ?? null,
          // Unlinking is for the epic's own panel (a child issue's panel shows its parent's link, read-only).
          unlink: delivery && access.canEdit ? { revision: roadmap.meta.revision } : null,
          delivery: null,
        },
        hidden,
      );
      if (delivery) view.delivery = await deliveryOf(deps, roadmap, initiative.id, epic.id, hidden);
      return { access, roadmap, view };
    }),
  );
  const visible = found.filter((link): link is VisibleLink => link !== null);
  // The issue's own project first, then by project key: a stable order.
  return visible.sort(
    (a, b) =>
      Number(b.access.project.id === ownProjectId) - Number(a.access.project.id === ownProjectId) || a.access.project.key.localeCompare(b.access.project.key),
  );
}

/**
 * The epic's drift and its initiative's epics, from Jira as the caller: the roadmap cut down to that one initiative,
 * stripped of the epics of projects the caller cannot browse (so they are neither fetched nor counted). Jira failing
 * here does not fail the panel: the links still show, without delivery.
 */
async function deliveryOf(deps: Deps, roadmap: Roadmap, initiativeId: string, epicId: string, hidden: ReadonlySet<string>): Promise<EpicDelivery | null> {
  const visible = roadmapWithoutHiddenEpics(roadmap, hidden);
  const slice: Roadmap = { ...visible, initiatives: visible.initiatives.filter((i) => i.id === initiativeId) };
  let progress: ProgressReport;
  try {
    progress = await computeProgress(deps.jira, slice);
  } catch (error) {
    if (error instanceof AppError && error.code === 'UPSTREAM') return null;
    throw error;
  }
  const drift = driftOf(driftRoadmapOf(slice), progress, deps.now());
  return {
    drift: drift.flags.filter((flag) => flag.epicId === null || flag.epicId === epicId).map(({ key, kind, label, message }) => ({ key, kind, label, message })),
    epics: progress.epics.map((e) => ({
      id: e.id,
      key: e.key ?? null,
      summary: e.summary ?? null,
      state: e.state,
      statusCategory: e.statusCategory ?? null,
      percentDone: e.progress?.percentDone ?? null,
      current: e.id === epicId,
    })),
    progress: progress.initiatives[initiativeId]?.progress ?? null,
  };
}

/** How far up the panel looks for an epic: a sub-task's parent story, then that story's epic. */
const MAX_PARENT_HOPS = 2;

/** The issue's nearest ancestor epic that the caller can see in Jira (null: none, or hidden from them). */
async function parentEpicOf(deps: Deps, issue: IssueSummary): Promise<IssueSummary | null> {
  let current = issue;
  for (let hop = 0; hop < MAX_PARENT_HOPS; hop++) {
    if (!current.parentId) return null;
    const parent = await deps.jira.getIssue(current.parentId);
    if (!parent) return null;
    if (parent.issueType === 'Epic') return parent;
    current = parent;
  }
  return null;
}

/** The issue's own project as the quiet line shows it; null when the caller may not browse it. */
async function homeOf(deps: Deps, projectId: string, access: ProjectAccess | null): Promise<EpicContext['home']> {
  if (!access) return null;
  return { project: access.project, hasRoadmap: await deps.store.hasRoadmap(projectId), canStart: access.canAdminister };
}

const summaryOf = (issue: IssueSummary) => ({ id: issue.id, key: issue.key, summary: issue.summary });

export async function getEpicContext(deps: Deps, _payload: PayloadOf<'getEpicContext'>, call: Call): Promise<EpicContext> {
  const issue = await contextIssue(deps, call);
  const about = { ...summaryOf(issue), issueType: issue.issueType };
  const accessOf = accessOnce(deps);
  if (issue.issueType !== 'Epic') {
    const [epic, access] = await Promise.all([parentEpicOf(deps, issue), accessOf(issue.projectId)]);
    const links = epic ? await visibleLinks(deps, epic, issue.projectId, false, accessOf) : [];
    const via = epic && links.length > 0 ? summaryOf(epic) : null;
    return { issue: about, links: links.map((l) => l.view), via, linking: null, home: await homeOf(deps, issue.projectId, access) };
  }
  const [links, access] = await Promise.all([visibleLinks(deps, issue, issue.projectId, true, accessOf), accessOf(issue.projectId)]);
  // Linking targets the issue's own project roadmap, and depends on nothing but that roadmap.
  const own = links.find((l) => l.access.project.id === issue.projectId);
  let linking: EpicContext['linking'] = null;
  if (!own) {
    const roadmap = access?.canEdit ? await deps.store.load(issue.projectId) : null;
    linking = roadmap ? linkingOptions(roadmap, deps.now()) : null;
  }
  return { issue: about, links: links.map((l) => l.view), via: null, linking, home: await homeOf(deps, issue.projectId, access) };
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
