import type { ChangeRecord } from '../domain/changes';
import type { Roadmap } from '../domain/model';
import type { Deps } from './deps';

/**
 * Epics from projects the caller cannot browse. A roadmap may link an epic of another Jira project (someone who can
 * see both linked it); people who cannot browse that project must learn nothing about it — not even the epic's id.
 * The roadmap remembers each foreign epic's project (meta.epicProjects, written when Jira confirmed the link); a
 * change record remembers those its diffs mention (`epicProjects`), so the changelog can be filtered too.
 */
const NONE: ReadonlySet<string> = new Set();

/** Which of `epicProjects`' epics the caller may not see: one permission question per foreign project, as them. */
export async function hiddenEpicsOf(
  deps: Deps,
  epicProjects: Readonly<Record<string, string>> | undefined,
  ownProjectId: string,
): Promise<ReadonlySet<string>> {
  const entries = Object.entries(epicProjects ?? {}).filter(([, project]) => project !== ownProjectId);
  if (entries.length === 0) return NONE;
  const projects = [...new Set(entries.map(([, project]) => project))];
  const browsable = new Map(
    await Promise.all(projects.map(async (project) => [project, (await deps.jira.myProjectPermissions(project)).BROWSE_PROJECTS] as const)),
  );
  return new Set(entries.filter(([, project]) => !browsable.get(project)).map(([issueId]) => issueId));
}

export const hiddenEpics = (deps: Deps, roadmap: Roadmap): Promise<ReadonlySet<string>> =>
  hiddenEpicsOf(deps, roadmap.meta.epicProjects, roadmap.meta.projectId);

/**
 * A copy of `value` without the hidden epics: out of every `epicIds` list, out of `epicIds` diffs, out of progress
 * entries (`{ id, state }`), and without the internal `epicProjects` bookkeeping.
 */
export function withoutHiddenEpics<T>(value: T, hidden: ReadonlySet<string>): T {
  if (hidden.size === 0) return value;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(record)) {
      if (key === 'epicIds' && Array.isArray(child)) out[key] = child.filter((id) => !hidden.has(id as string));
      else if (key === 'epics' && Array.isArray(child) && child.every((e) => e && typeof e === 'object' && typeof (e as { id?: unknown }).id === 'string')) {
        out[key] = child.filter((e) => !hidden.has((e as { id: string }).id)).map(walk);
      } else out[key] = walk(child);
    }
    if (record.field === 'epicIds') {
      for (const side of ['before', 'after'] as const) if (Array.isArray(record[side])) out[side] = (record[side] as string[]).filter((id) => !hidden.has(id));
    }
    return out;
  };
  return walk(value) as T;
}

/** A change record as callers see it: without the foreign-epic bookkeeping, and without the epics hidden from them. */
export function publicChange(change: ChangeRecord, hidden: ReadonlySet<string>): ChangeRecord {
  const { epicProjects: _bookkeeping, ...rest } = change;
  return withoutHiddenEpics(rest, hidden);
}

/** A page of change records, each filtered by the foreign epics it recorded. */
export async function withoutHiddenEpicsInChanges(deps: Deps, changes: ChangeRecord[], ownProjectId: string): Promise<ChangeRecord[]> {
  const mentioned: Record<string, string> = {};
  for (const change of changes) Object.assign(mentioned, change.epicProjects ?? {});
  const hidden = await hiddenEpicsOf(deps, mentioned, ownProjectId);
  return changes.map((change) => publicChange(change, hidden));
}

/**
 * An edit made from what the caller could see must not drop what they could not: each initiative keeps the hidden
 * epics it held in `before`.
 */
export function keepHiddenEpics(before: Roadmap, after: Roadmap, hidden: ReadonlySet<string>): Roadmap {
  if (hidden.size === 0) return after;
  const held = new Map(before.initiatives.map((i) => [i.id, i.epicIds.filter((id) => hidden.has(id))]));
  return {
    ...after,
    initiatives: after.initiatives.map((i) => {
      const keep = (held.get(i.id) ?? []).filter((id) => !i.epicIds.includes(id));
      return keep.length === 0 ? i : { ...i, epicIds: [...i.epicIds, ...keep] };
    }),
  };
}

/** The roadmap as the caller may see it: hidden epics removed from its initiatives. */
export function roadmapWithoutHiddenEpics(roadmap: Roadmap, hidden: ReadonlySet<string>): Roadmap {
  if (hidden.size === 0) return roadmap;
  return {
    ...roadmap,
    initiatives: roadmap.initiatives.map((i) => (i.epicIds.some((id) => hidden.has(id)) ? { ...i, epicIds: i.epicIds.filter((id) => !hidden.has(id)) } : i)),
  };
}
