/**
 * What a write changed in the caller's view, instead of the whole view (2.8 MB at 5,000 initiatives): the top-level
 * fields that changed, and the initiatives and debt items changed, added or removed. The client merges it into the
 * view it shows (`applyViewDelta`); a merge onto another revision is refused (null) and the client refetches.
 * Generic over the view (`ViewDelta<RoadmapView>` in api.ts), so this module imports nothing of the API it serves.
 */
export type ViewDelta<V extends ViewShape> = Partial<Omit<V, 'revision' | 'initiatives' | 'debtItems'>> & {
  /** The revision of the view this delta applies to. */
  baseRevision: number;
  /** The revision of the view it produces. */
  revision: number;
  initiatives: ItemsDelta<V['initiatives'][number]>;
  debtItems: ItemsDelta<V['debtItems'][number]>;
};

/** Records changed or added (whole), and ids removed. */
export interface ItemsDelta<T> {
  upsert: T[];
  remove: string[];
}

type Item = { id: string };
/** What a view must be for a delta: a revision and two collections of records with ids. */
export interface ViewShape {
  revision: number;
  initiatives: readonly Item[];
  debtItems: readonly Item[];
}

const COLLECTIONS = new Set<string>(['revision', 'initiatives', 'debtItems']);

/**
 * The order a view lists initiatives and debt items in: by id number (I-2 before I-10), as the store keeps them
 * (chunked by id number, new ids counting up). toRoadmapView sorts by it, so a merged view and a fresh one agree.
 */
export function compareItemIds(a: string, b: string): number {
  const na = Number(a.slice(2));
  const nb = Number(b.slice(2));
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

export const byItemId = <T extends Item>(items: readonly T[]): T[] => [...items].sort((a, b) => compareItemIds(a.id, b.id));

/** Structural equality of JSON values (array order matters, key order does not). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((value, i) => sameValue(value, other[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra).filter((k) => ra[k] !== undefined);
  if (keys.length !== Object.keys(rb).filter((k) => rb[k] !== undefined).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameValue(ra[k], rb[k]));
}

function itemsDelta<T extends Item>(before: readonly T[], after: readonly T[]): ItemsDelta<T> {
  const old = new Map(before.map((item) => [item.id, item]));
  const upsert = after.filter((item) => !sameValue(old.get(item.id), item));
  const kept = new Set(after.map((item) => item.id));
  return { upsert, remove: before.filter((item) => !kept.has(item.id)).map((item) => item.id) };
}

/** What changed from `before` to `after` (two views of one roadmap, for one caller, built at the same time). */
export function viewDelta<V extends ViewShape>(before: V, after: V): ViewDelta<V> {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof V & string>) {
    if (COLLECTIONS.has(key)) continue;
    if (!sameValue(before[key], after[key])) fields[key] = after[key];
  }
  return {
    ...(fields as Partial<Omit<V, 'revision' | 'initiatives' | 'debtItems'>>),
    baseRevision: before.revision,
    revision: after.revision,
    initiatives: itemsDelta(before.initiatives, after.initiatives),
    debtItems: itemsDelta(before.debtItems, after.debtItems),
  };
}

/**
 * Merges records by id: a changed record replaces its namesake in place, a new one goes where its id sorts, a removed
 * one goes. Pure and by id only, so it works on a view still loading its later pages too (records it lacks stay
 * absent unless the delta adds them).
 */
function mergeItems<T extends Item>(items: readonly T[], delta: ItemsDelta<T>): T[] {
  if (delta.upsert.length === 0 && delta.remove.length === 0) return items as T[];
  const removed = new Set(delta.remove);
  const changed = new Map(delta.upsert.map((item) => [item.id, item]));
  const present = new Set(items.map((item) => item.id));
  const added = byItemId(delta.upsert.filter((item) => !present.has(item.id)));
  const out: T[] = [];
  let next = 0;
  for (const item of items) {
    if (removed.has(item.id)) continue;
    while (next < added.length && compareItemIds(added[next].id, item.id) < 0) out.push(added[next++]);
    out.push(changed.get(item.id) ?? item);
  }
  while (next < added.length) out.push(added[next++]);
  return out;
}

/** The view after the write; null when `view` is not the revision the delta starts from (the client refetches). */
export function applyViewDelta<V extends ViewShape>(view: V, delta: ViewDelta<V>): V | null {
  if (view.revision !== delta.baseRevision) return null;
  const { baseRevision: _base, revision, initiatives, debtItems, ...fields } = delta;
  return {
    ...view,
    ...fields,
    revision,
    initiatives: mergeItems(view.initiatives, initiatives),
    debtItems: mergeItems(view.debtItems, debtItems),
  };
}
