import type { RoadmapViewProps } from '../view-props';

/** Placeholder until this view is drawn (issue 9). */
export function DependencyMap(_props: RoadmapViewProps) {
  return <div data-testid="dependency-map">Not drawn yet.</div>;
}
