import { epicLinkChanges } from '../domain/epic-links';
import type { Roadmap } from '../domain/model';
import type { Edit } from '../domain/roadmap-ops';
import type { RoadmapStore } from './roadmap-store';

/**
 * Stores a pure edit made on `before` (null for a roadmap that does not exist yet): one conditional commit on
 * before's revision, with the epic index following the initiatives' epicIds.
 */
export function commitEdit(store: RoadmapStore, projectId: string, before: Roadmap | null, edit: Edit): Promise<void> {
  return store.commit(projectId, {
    baseRevision: before?.meta.revision ?? 0,
    roadmap: edit.roadmap,
    touched: edit.touched,
    change: edit.change,
    epicLinks: epicLinkChanges(projectId, before?.initiatives ?? [], edit.roadmap.initiatives, edit.touched),
  });
}
