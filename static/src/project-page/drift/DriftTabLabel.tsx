import Badge from '@atlaskit/badge';
import { token } from '@atlaskit/tokens';
import { useDrift } from '../../shared/drift-state';
import { VIEW_LABEL } from '../../shared/route/route-model';

/** "Drift" with how many flags there are, once Jira has answered (no badge while it is asked, or with none). */
export function DriftTabLabel() {
  const drift = useDrift();
  const count = drift && drift.status !== 'loading' ? drift.report.flags.length : 0;
  if (count === 0) return <>{VIEW_LABEL.drift}</>;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }}>
      {VIEW_LABEL.drift}
      <Badge>{count}</Badge>
    </span>
  );
}
