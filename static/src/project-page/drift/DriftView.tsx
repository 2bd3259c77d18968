import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RoadmapView } from '../../../../src/domain/api';
import { DRIFT_KIND_TEXT, DRIFT_KINDS, driftCountsText, type DriftFlag } from '../../../../src/domain/rules/drift';
import { muted } from '../../shared/components';
import { QUERY_KEYS } from '../../shared/data/keys';
import { useDrift } from '../../shared/drift-state';
import { Panel, PanelSection } from '../../shared/panel';
import { usePageRoute } from '../../shared/route/PageRouteProvider';
import { formatDay } from '../../shared/time';
import { DriftFix } from './DriftFix';

/**
 * The Drift tab: where the roadmap and Jira disagree, as this viewer sees Jira — the counts per kind, then every flag
 * under its kind with its sentence and, for editors, the one action that settles it. Readers see the same flags
 * without buttons.
 */
export function DriftView({ view }: { view: RoadmapView }) {
  const drift = useDrift();
  const groups = useMemo(
    () => DRIFT_KINDS.map((kind) => ({ kind, flags: drift?.report.flags.filter((f) => f.kind === kind) ?? [] })).filter((g) => g.flags.length > 0),
    [drift?.report],
  );
  if (!drift) return null;
  const { status, report } = drift;
  const checking = status === 'loading';
  return (
    <Panel testId="drift-panel" title="Drift from Jira" count={checking ? undefined : report.flags.length}>
      <div style={muted}>
        Where the roadmap and its linked epics in Jira disagree, as you can see them
        {checking ? '' : `, as of ${formatDay(report.asOf)}`}.
      </div>
      {checking ? <CheckingJira /> : null}
      {status === 'error' ? <ProgressFailed message={drift.error?.message} /> : null}
      {checking ? null : report.flags.length === 0 ? (
        <div data-testid="drift-empty" style={{ font: token('font.body'), color: token('color.text.subtle') }}>
          {status === 'ready' ? 'No drift: the roadmap matches Jira.' : 'No drift in what the roadmap itself says (past target quarters, stale metrics).'}
        </div>
      ) : (
        <>
          <div data-testid="drift-counts" style={{ font: token('font.body'), fontWeight: token('font.weight.medium') }}>
            {driftCountsText(report.counts)}
          </div>
          {groups.map(({ kind, flags }) => (
            <PanelSection key={kind} testId={`drift-kind-${kind}`} title={DRIFT_KIND_TEXT[kind].title} count={flags.length}>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
                {flags.map((flag) => (
                  <DriftFlagRow key={flag.key} flag={flag} view={view} />
                ))}
              </ul>
            </PanelSection>
          ))}
        </>
      )}
    </Panel>
  );
}

function CheckingJira() {
  return (
    <div data-testid="drift-checking" style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), ...muted }}>
      <Spinner testId="loading" size="small" label="Checking Jira" />
      <span>Checking Jira…</span>
    </div>
  );
}

/** Progress could not be read: only the roadmap's own rules ran, and the view says so rather than "no drift". */
function ProgressFailed({ message }: { message?: string }) {
  const client = useQueryClient();
  return (
    <SectionMessage appearance="warning" title="Jira couldn't be checked" testId="drift-progress-failed">
      <p>{message ? `${message} ` : ''}Only the roadmap's own checks ran: past target quarters and stale metrics.</p>
      <div style={{ marginTop: token('space.100') }}>
        <Button onClick={() => void client.invalidateQueries({ queryKey: QUERY_KEYS.progress })}>Check Jira again</Button>
      </div>
    </SectionMessage>
  );
}

/** One flag: its sentence, the fix (editors), and the way to its card. */
function DriftFlagRow({ flag, view }: { flag: DriftFlag; view: RoadmapView }) {
  const { navigate } = usePageRoute();
  const initiative = view.initiatives.find((i) => i.id === flag.initiativeId);
  return (
    <li
      data-testid="drift-flag"
      data-key={flag.key}
      data-kind={flag.kind}
      data-initiative-id={flag.initiativeId}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.075'),
        paddingBlockEnd: token('space.100'),
        borderBlockEnd: `${token('border.width', '1px')} solid ${token('color.border')}`,
      }}
    >
      <span data-testid="drift-message">{flag.message}</span>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}>
        {view.permissions.canEdit && flag.fix && initiative ? <DriftFix flag={flag} fix={flag.fix} initiative={initiative} view={view} /> : null}
        <Button
          appearance="subtle"
          spacing="compact"
          aria-label={`Show “${initiative?.title ?? flag.initiativeId}” on the board`}
          onClick={() => navigate({ view: 'board', filters: {}, initiative: flag.initiativeId })}
        >
          Show on board
        </Button>
      </div>
    </li>
  );
}
