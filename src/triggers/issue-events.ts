import { z } from 'zod';
import { unlinkDeletedEpic } from '../domain/edits/initiatives';
import { AppError } from '../domain/errors';
import type { JiraPort } from '../jira/jira-port';
import { commitEdit } from '../storage/commit-edit';
import type { ProgressCacheStore } from '../storage/progress-cache-store';
import type { RoadmapStore } from '../storage/roadmap-store';

/**
 * Jira issue events. The event is not trusted on its own: it is parsed strictly (junk is ignored, never turned into
 * storage keys; only issue ids are read from it) and anything it claims that would change a roadmap is confirmed with
 * Jira, as the app, first.
 *  - avi:jira:deleted:issue — a deleted epic is unlinked from every initiative it serves (one per roadmap) and each
 *    change is recorded in that roadmap's changelog (who: the app; why: deleted in Jira).
 *  - avi:jira:updated:issue — when the issue is a linked epic, or a child whose parent (now, or before a re-parenting
 *    the changelog shows) is a linked epic, every roadmap linking that epic gets a new progress epoch, so every user's
 *    cached progress for it goes cold (resolvers/progress-cache.ts). The parent comes from the event when it says
 *    (`fields.parent`, or a parent change in `changelog`), else from Jira as the app.
 * Both are idempotent: a duplicate delivery unlinks nothing more, and a second epoch only makes entries colder. An
 * invalidation needs no confirmation from Jira: a spurious one changes no roadmap and costs at most one cold read.
 */
const ISSUE_ID = /^\d{1,18}$/;
const issueIdInEvent = z
  .union([z.string(), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)])
  .transform(String)
  .pipe(z.string().regex(ISSUE_ID));
/** Changelog fields that record a new parent: team-managed `IssueParentAssociation`/`Parent`, company-managed links. */
const PARENT_FIELDS = new Set(['parent', 'issueparentassociation', 'epic link', 'parent link']);
const changelogItem = z.object({
  field: z.string().max(200).optional(),
  fieldId: z.string().max(200).optional(),
  from: z.string().max(100).nullable().optional(),
  to: z.string().max(100).nullable().optional(),
});
const issueEventSchema = z.object({
  eventType: z.string().max(100),
  issue: z.object({
    id: issueIdInEvent,
    key: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{0,254}-\d{1,18}$/)
      .optional()
      .catch(undefined),
    // Not in Forge's documented payload today; used when present, ignored when malformed.
    fields: z
      .object({ parent: z.object({ id: issueIdInEvent }).optional() })
      .optional()
      .catch(undefined),
  }),
  changelog: z
    .object({ items: z.array(changelogItem).max(500) })
    .optional()
    .catch(undefined),
});
type IssueEvent = z.infer<typeof issueEventSchema>;

export type IssueEventOutcome =
  | {
      handled: true;
      unlinked: Array<{ projectId: string; initiativeId: string; revision: number }>;
      /** Roadmaps (project ids) whose cached progress went cold. */
      invalidated: string[];
    }
  | { handled: false; reason: string };

const MAX_ATTEMPTS = 3;

export interface TriggerDeps {
  store: RoadmapStore;
  /** Jira as the app: the trigger has no user. */
  appJira: JiraPort;
  progressCache: ProgressCacheStore;
  now: () => Date;
}

export async function handleIssueEvent(deps: TriggerDeps, raw: unknown): Promise<IssueEventOutcome> {
  const parsed = issueEventSchema.safeParse(raw);
  if (!parsed.success) return { handled: false, reason: 'not an issue event' };
  const event = parsed.data;
  if (event.eventType === 'avi:jira:deleted:issue') return issueDeleted(deps, event);
  if (event.eventType === 'avi:jira:updated:issue') return issueUpdated(deps, event);
  return { handled: false, reason: `nothing to do for ${event.eventType}` };
}

/** Parents the event names: the current one (`fields.parent`, a changelog `to`) and any it left (changelog `from`). */
function parentsInEvent(event: IssueEvent): { current: string | null | undefined; others: string[] } {
  const others: string[] = [];
  let current: string | null | undefined = event.issue.fields?.parent?.id;
  for (const item of event.changelog?.items ?? []) {
    if (!PARENT_FIELDS.has((item.fieldId ?? item.field ?? '').toLowerCase())) continue;
    if (item.from && ISSUE_ID.test(item.from)) others.push(item.from);
    if (item.to && ISSUE_ID.test(item.to)) current ??= item.to;
    else if (current === undefined && !item.to) current = null; // the change removed the parent
  }
  return { current, others };
}

/** The roadmaps (project ids) linking any of `epicIds`. */
async function roadmapsLinking(deps: TriggerDeps, epicIds: readonly string[]): Promise<string[]> {
  const links = await Promise.all([...new Set(epicIds)].map((id) => deps.store.getEpicLinks(id)));
  return [...new Set(links.flat().map((link) => link.projectId))].sort();
}

async function invalidate(deps: TriggerDeps, projectIds: readonly string[]): Promise<void> {
  await Promise.all(projectIds.map((projectId) => deps.progressCache.bumpEpoch(projectId, deps.now())));
}

async function issueUpdated(deps: TriggerDeps, event: IssueEvent): Promise<IssueEventOutcome> {
  const { id } = event.issue;
  const { current, others } = parentsInEvent(event);
  // A linked issue is an epic (links are confirmed as epics), so its own parent is never a linked epic.
  let projects = await roadmapsLinking(deps, [id, ...others]);
  if (!projects.length || current) {
    const parent = current !== undefined ? current : ((await deps.appJira.getIssue(id))?.parentId ?? null);
    if (parent) projects = [...new Set([...projects, ...(await roadmapsLinking(deps, [parent]))])].sort();
  }
  if (projects.length === 0) return { handled: false, reason: 'the issue is neither a linked epic nor a child of one' };
  await invalidate(deps, projects);
  return { handled: true, unlinked: [], invalidated: projects };
}

async function issueDeleted(deps: TriggerDeps, event: IssueEvent): Promise<IssueEventOutcome> {
  const { id, key } = event.issue;
  if (await deps.appJira.getIssue(id)) return { handled: false, reason: 'the issue still exists in Jira' };

  // Any write that confirmed this epic before now and has not committed yet fails its epoch check.
  await deps.store.bumpEpicDeletionEpoch();
  const links = await deps.store.getEpicLinks(id);
  // A deleted child changes its epic's progress: only the event can say which epic that was (Jira no longer can).
  const { current, others } = parentsInEvent(event);
  const parents = [...(current ? [current] : []), ...others];
  const invalidated = [...new Set([...links.map((link) => link.projectId), ...(parents.length ? await roadmapsLinking(deps, parents) : [])])].sort();
  const unlinked: Array<{ projectId: string; initiativeId: string; revision: number }> = [];
  for (const link of links) {
    const done = await unlinkFromRoadmap(deps, link.projectId, id, key ?? null);
    if (done) unlinked.push(done);
  }
  await invalidate(deps, invalidated);
  if (unlinked.length === 0 && invalidated.length === 0) return { handled: false, reason: 'the issue serves no initiative' };
  return { handled: true, unlinked, invalidated };
}

async function unlinkFromRoadmap(deps: TriggerDeps, projectId: string, issueId: string, issueKey: string | null) {
  // A concurrent edit may win the conditional write: reload and try again, a bounded number of times.
  for (let attempt = 1; ; attempt++) {
    const roadmap = await deps.store.load(projectId);
    const initiative = roadmap?.initiatives.find((i) => i.epicIds.includes(issueId));
    if (!roadmap || !initiative) return null;
    const edit = unlinkDeletedEpic(roadmap, initiative.id, issueId, issueKey, { accountId: null, now: deps.now() });
    try {
      await commitEdit(deps.store, projectId, roadmap, edit);
      return { projectId, initiativeId: initiative.id, revision: edit.roadmap.meta.revision };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
