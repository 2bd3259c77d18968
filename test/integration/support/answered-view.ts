import type { MutationResult, RoadmapView } from '../../../src/domain/api';
import { applyViewDelta, sameValue, type ViewDelta } from '../../../src/domain/view-delta';

/**
 * The view a write's answer leaves the caller with, for tests that used to read the whole view off the answer (now a
 * delta, see view-delta.ts). `fetchView` asks getRoadmapView as the writer, right after the write: its revision must
 * be the answer's (nothing landed since), every record and field the delta carries must be exactly that view's, and
 * every id it removes must be gone from it — so what the test then asserts of the view, the delta agreed with. With
 * `before` (the writer's view just before the write), the delta merged into it must be exactly that fresh view.
 */
export async function answeredView(answer: MutationResult, fetchView: () => Promise<RoadmapView>, before?: RoadmapView): Promise<RoadmapView> {
  const fresh = await fetchView();
  expect(fresh.revision).toBe(answer.revision);
  const delta = answer.delta;
  expect(delta).not.toBeNull();
  expect(deltaAgrees(delta!, fresh)).toEqual([]);
  // Given the view the writer had before, the merge must give exactly the fresh view (order included).
  if (before) expect(applyViewDelta(before, delta!)).toEqual(fresh);
  return fresh;
}

/** What in `delta` disagrees with `fresh` (empty when nothing does; key order aside, as JSON objects go). */
export function deltaAgrees(delta: ViewDelta<RoadmapView>, fresh: RoadmapView): string[] {
  const wrong: string[] = [];
  if (delta.revision !== fresh.revision) wrong.push(`revision ${delta.revision} ≠ ${fresh.revision}`);
  const { baseRevision: _base, revision: _revision, initiatives, debtItems, ...fields } = delta;
  for (const [key, value] of Object.entries(fields)) {
    if (!sameValue(value, fresh[key as keyof RoadmapView])) wrong.push(`field ${key}`);
  }
  for (const [name, part, items] of [
    ['initiative', initiatives, fresh.initiatives],
    ['debt item', debtItems, fresh.debtItems],
  ] as const) {
    const byId = new Map<string, unknown>(items.map((item) => [item.id, item]));
    for (const item of part.upsert) if (!sameValue(item, byId.get(item.id))) wrong.push(`${name} ${item.id}`);
    for (const id of part.remove) if (byId.has(id)) wrong.push(`${name} ${id} still there`);
  }
  return wrong;
}

/** `before` with the answer's delta applied: must be exactly the view fetched after the write. */
export function viewAfterAnswer(before: RoadmapView, answer: MutationResult): RoadmapView | null {
  return answer.delta ? applyViewDelta(before, answer.delta) : null;
}
