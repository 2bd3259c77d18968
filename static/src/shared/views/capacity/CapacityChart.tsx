import type { CapacityReport } from '../../../../../src/domain/rules/capacity';

/** Placeholder until the capacity chart is drawn (issue 9). */
export function CapacityChart(_props: { report: CapacityReport; currentQuarter: string }) {
  return <div data-testid="capacity-chart">Not drawn yet.</div>;
}
