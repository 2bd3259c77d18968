import type { RoadmapView } from '../../../../src/domain/api';
import type { RoadmapHealth } from '../../../../src/domain/rules/health';

/**
 * What every drawn view of the roadmap takes, on the project page and in the Confluence macro alike: the view the
 * caller may see, its health (`healthOfView`, computed once per view by the surface) and how to open an initiative.
 */
export interface RoadmapViewProps {
  view: RoadmapView;
  health: RoadmapHealth;
  /**
   * Opens an initiative: the editor for editors and its board card for readers on the project page; the roadmap in
   * Jira from the macro. Absent where nothing can be opened.
   */
  openInitiative?: (initiativeId: string) => void;
  /** Read-only embed (the Confluence macro): no controls that only make sense on the project page. */
  embedded?: boolean;
}
