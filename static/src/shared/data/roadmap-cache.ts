import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { MutationResult, RoadmapView } from '../../../../src/domain/api';
import type { ChangeRecord } from '../../../../src/domain/changes';
import { applyViewDelta } from '../../../../src/domain/view-delta';
import { QUERY_KEYS } from './keys';

/** One page of the changelog, as getChangelog answers. */
export interface ChangelogPage {
  changes: ChangeRecord[];
  nextCursor?: string;
}
export type ChangelogData = InfiniteData<ChangelogPage, string | undefined>;

/** Which epics each initiative rolls up: progress depends on nothing else of the view. */
export function epicSignature(view: RoadmapView): string {
  return view.initiatives
    .filter((i) => i.epicIds.length > 0)
    .map((i) => `${i.id}:${[...i.epicIds].sort().join(',')}`)
    .sort()
    .join(';');
}

/** The newer of two views: an answer that raced a later write must not roll the page back. */
export function newerView(shown: RoadmapView | undefined, next: RoadmapView): RoadmapView {
  return shown && shown.revision > next.revision ? shown : next;
}

/**
 * Shows `view` unless a newer one is shown, and refetches progress only when the view links other epics than the
 * one shown before (a title or quarter change leaves the roll-up as it was).
 */
export function showView(client: QueryClient, view: RoadmapView): void {
  const shown = client.getQueryData<RoadmapView>(QUERY_KEYS.view);
  const next = newerView(shown, view);
  if (next === shown) return;
  client.setQueryData(QUERY_KEYS.view, next);
  if (shown && epicSignature(shown) !== epicSignature(next)) void client.invalidateQueries({ queryKey: QUERY_KEYS.progress });
}

/**
 * The changelog with a write's change on top, without asking the server — unless the log shown misses a change in
 * between (someone else wrote meanwhile), when the first page is refetched instead. Null: refetch.
 */
export function withChangeOnTop(log: ChangelogData, change: ChangeRecord): ChangelogData | null {
  const [first, ...rest] = log.pages;
  if (!first) return null;
  const top = first.changes[0];
  if (top && top.revision >= change.revision) return log; // already shown
  if (top && top.revision !== change.revision - 1) return null;
  return { ...log, pages: [{ ...first, changes: [change, ...first.changes] }, ...rest] };
}

/**
 * What every write answer does to the surface's cache: its delta is merged into the shown view (or, when the answer
 * carries none because it was too big, or the view shown is at another revision or missing, the view is refetched),
 * its change goes on top of the changelog, and progress is refetched only when linked epics changed. No other request.
 */
export function applyWriteAnswer(client: QueryClient, answer: MutationResult): void {
  // A surface that shows no roadmap (the issue panel) keeps none in its cache: a view there would only be mistaken
  // for one on screen (a CONFLICT would then try to rebase onto it).
  if (!showsRoadmapView(client)) return;
  const shown = client.getQueryData<RoadmapView>(QUERY_KEYS.view);
  if (shown && shown.revision >= answer.revision) {
    // Already shown (a later view landed first): never roll back. Nothing to merge.
  } else {
    const merged = shown && answer.delta ? applyViewDelta(shown, answer.delta) : null;
    if (merged) {
      // A view fetch under way started before this write: its answer is older, and must not land after this one.
      void client.cancelQueries({ queryKey: QUERY_KEYS.view });
      showView(client, merged);
    } else {
      // Nothing to merge onto (no view yet, another revision, or no delta): ask for the view; progress may follow it.
      void client.invalidateQueries({ queryKey: QUERY_KEYS.view });
      void client.invalidateQueries({ queryKey: QUERY_KEYS.progress });
    }
  }
  const log = client.getQueryData<ChangelogData>(QUERY_KEYS.changelog);
  if (log) {
    const next = withChangeOnTop(log, answer.change);
    if (next) client.setQueryData(QUERY_KEYS.changelog, next);
    else void client.invalidateQueries({ queryKey: QUERY_KEYS.changelog });
  }
}

/** Whether this surface has asked for the roadmap view (the project page, the macro). */
export function showsRoadmapView(client: QueryClient): boolean {
  return client.getQueryCache().find({ queryKey: QUERY_KEYS.view, exact: true }) !== undefined;
}

/** "Reload roadmap": everything the surface shows, fetched again. */
export function reloadAll(client: QueryClient): Promise<void> {
  return client.invalidateQueries();
}
