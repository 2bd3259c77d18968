import type { RoadmapViewProps } from '../view-props';

/** Placeholder until this view is drawn (issue 9). */
export function ExecutiveView(_props: RoadmapViewProps) {
  return <div data-testid="executive">Not drawn yet.</div>;
}
