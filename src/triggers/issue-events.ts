/**
 * Jira issue events (avi:jira:updated:issue, avi:jira:deleted:issue). For now the handler only acknowledges
 * them; deleted-epic reporting builds on the epic index in a later change.
 */
export interface IssueEvent {
  eventType?: string;
  issue?: { id?: string; key?: string };
}

export async function handleIssueEvent(event: IssueEvent): Promise<{ handled: boolean; eventType: string | null }> {
  return { handled: false, eventType: event.eventType ?? null };
}
