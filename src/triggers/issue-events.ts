import { z } from 'zod';
import { unlinkDeletedEpic } from '../domain/edits/initiatives';
import { AppError } from '../domain/errors';
import type { JiraPort } from '../jira/jira-port';
import { commitEdit } from '../storage/commit-edit';
import type { RoadmapStore } from '../storage/roadmap-store';

/**
 * Jira issue events. A deleted epic is unlinked from every initiative it serves (one per roadmap) and each change is
 * recorded in that roadmap's changelog (who: the app; why: deleted in Jira). The event is not trusted on its own:
 * it is parsed strictly (junk is ignored, never turned into storage keys) and the deletion is confirmed with Jira,
 * as the app, before anything is unlinked. Other events need nothing yet: progress is read live from Jira.
 */
const issueIdInEvent = z
  .union([z.string(), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,18}$/));
const issueEventSchema = z.object({
  eventType: z.string().max(100),
  issue: z.object({
    id: issueIdInEvent,
    key: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{0,254}-\d{1,18}$/)
      .optional()
      .catch(undefined),
  }),
});

export type IssueEventOutcome =
  { handled: true; unlinked: Array<{ projectId: string; initiativeId: string; revision: number }> } | { handled: false; reason: string };

const MAX_ATTEMPTS = 3;

export interface TriggerDeps {
  store: RoadmapStore;
  /** Jira as the app: the trigger has no user. */
  appJira: JiraPort;
  now: () => Date;
}

export async function handleIssueEvent(deps: TriggerDeps, raw: unknown): Promise<IssueEventOutcome> {
  const parsed = issueEventSchema.safeParse(raw);
  if (!parsed.success) return { handled: false, reason: 'not an issue event' };
  const { eventType, issue } = parsed.data;
  if (eventType !== 'avi:jira:deleted:issue') return { handled: false, reason: `nothing to do for ${eventType}` };
  if (await deps.appJira.getIssue(issue.id)) return { handled: false, reason: 'the issue still exists in Jira' };

  // Any write that confirmed this epic before now and has not committed yet fails its epoch check.
  await deps.store.bumpEpicDeletionEpoch();
  const links = await deps.store.getEpicLinks(issue.id);
  const unlinked: Array<{ projectId: string; initiativeId: string; revision: number }> = [];
  for (const link of links) {
    const done = await unlinkFromRoadmap(deps, link.projectId, issue.id, issue.key ?? null);
    if (done) unlinked.push(done);
  }
  return unlinked.length > 0 ? { handled: true, unlinked } : { handled: false, reason: 'the issue serves no initiative' };
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
