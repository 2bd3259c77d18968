import type { RoadmapViewProps } from '../view-props';

/** Placeholder until this view is drawn (issue 9). */
export function TimelineView(_props: RoadmapViewProps) {
  return <div data-testid="timeline">Not drawn yet.</div>;
}
