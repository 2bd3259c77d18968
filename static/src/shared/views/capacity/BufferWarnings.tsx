import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { CapacityReport, CapacityWarning } from '../../../../../src/domain/rules/capacity';

/** The domain's buffer warnings (the setting outside 20–30 %, quarters that eat the buffer); nothing when there are none. */
export function BufferWarnings({ report }: { report: CapacityReport }) {
  const warnings = [report.summary.bufferSettingWarning, ...report.quarters.map((q) => q.warning)].filter((w): w is CapacityWarning => w !== null);
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
