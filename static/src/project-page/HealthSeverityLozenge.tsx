import Lozenge from '@atlaskit/lozenge';
import type { HealthCounts } from '../../../src/domain/rules/health';
import { healthSeverity, SEVERITY_LABEL } from '../../../src/domain/rules/severity';

const APPEARANCE = { critical: 'removed', warning: 'moved', ok: 'success' } as const;

/** The roadmap's health in one word; the summary, the Health view and its tab all derive it from the same rule. */
export function HealthSeverityLozenge({ counts, testId }: { counts: HealthCounts; testId: string }) {
  const severity = healthSeverity(counts);
  return (
    <Lozenge appearance={APPEARANCE[severity]} testId={testId}>
      {SEVERITY_LABEL[severity]}
    </Lozenge>
  );
}
