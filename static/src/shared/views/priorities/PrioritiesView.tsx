import type { RoadmapViewProps } from '../view-props';

/** Placeholder until this view is drawn (issue 9). */
export function PrioritiesView(_props: RoadmapViewProps) {
  return <div data-testid="priorities">Not drawn yet.</div>;
}
