import { z } from 'zod';
import { unlinkDeletedEpic } from '../domain/edits/initiatives';
import { AppError } from '../domain/errors';
import type { RoadmapStore } from '../storage/roadmap-store';
import { commitEdit } from '../storage/commit-edit';

/**
 * Jira issue events. A deleted epic that serves an initiative is unlinked and the change is recorded in that
 * roadmap's changelog (who: the app; why: deleted in Jira). Other events need nothing yet: epic progress is read
 * live from Jira. The trigger runs as the app, so it only touches storage, never asks Jira for user data.
 */
const issueEventSchema = z.object({
  eventType: z.string(),
  issue: z.object({ id: z.union([z.string(), z.number()]).transform(String), key: z.string().optional() }),
});

export type IssueEventOutcome =
  | { handled: true; projectId: string; initiativeId: string; revision: number }
  | { handled: false; reason: string };

const MAX_ATTEMPTS = 3;

export interface TriggerDeps {
  store: RoadmapStore;
  now: () => Date;
}

export async function handleIssueEvent(deps: TriggerDeps, raw: unknown): Promise<IssueEventOutcome> {
  const parsed = issueEventSchema.safeParse(raw);
  if (!parsed.success) return { handled: false, reason: 'not an issue event' };
  const { eventType, issue } = parsed.data;
  if (eventType !== 'avi:jira:deleted:issue') return { handled: false, reason: `nothing to do for ${eventType}` };

  // A concurrent edit may win the conditional write: reload and try again, a bounded number of times.
  for (let attempt = 1; ; attempt++) {
    const link = await deps.store.getEpicLink(issue.id);
    if (!link) return { handled: false, reason: 'the issue serves no initiative' };
    const roadmap = await deps.store.load(link.projectId);
    if (!roadmap?.initiatives.some((i) => i.id === link.initiativeId && i.epicIds.includes(issue.id))) {
      return { handled: false, reason: 'the link is already gone' };
    }
    const edit = unlinkDeletedEpic(roadmap, link.initiativeId, issue.id, issue.key ?? null, { accountId: null, now: deps.now() });
    try {
      await commitEdit(deps.store, link.projectId, roadmap, edit);
      return { handled: true, projectId: link.projectId, initiativeId: link.initiativeId, revision: edit.roadmap.meta.revision };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
