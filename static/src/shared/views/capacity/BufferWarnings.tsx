import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { CapacityReport, CapacityWarning } from '../../../../../src/domain/rules/capacity';

/**
 * The domain's buffer warnings (the setting outside 20–30 %, quarters that eat the buffer); nothing when there are none.
 * It always sits beside the capacity chart, whose buffer line already states a setting warning: that one is listed
 * here only when there is no chart (capacity not set), so nobody reads it twice.
 */
export function BufferWarnings({ report }: { report: CapacityReport }) {
  const settingWarning = report.summary.state === 'capacity-not-set' ? report.summary.bufferSettingWarning : null;
  const warnings = [settingWarning, ...report.quarters.map((q) => q.warning)].filter((w): w is CapacityWarning => w !== null);
  if (warnings.length === 0) return null;
  return (
    <SectionMessage appearance="warning" title={warnings.length === 1 ? 'Buffer warning' : `${warnings.length} buffer warnings`} testId="buffer-warnings">
      <ul style={{ margin: 0, paddingInlineStart: token('space.250') }}>
        {warnings.map((w, i) => (
          <li key={`${w.kind}-${i}`}>{w.message}</li>
        ))}
      </ul>
    </SectionMessage>
  );
}
