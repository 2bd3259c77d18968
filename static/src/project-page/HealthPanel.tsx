import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { DRIFT_KINDS, driftCountsText } from '../../../src/domain/rules/drift';
import type { RoadmapHealth } from '../../../src/domain/rules/health';
import { muted } from '../shared/components';
import { useDrift } from '../shared/drift-state';
import { CappedList, Panel, PanelSection } from '../shared/panel';
import { usePageRoute } from '../shared/route/PageRouteProvider';
import { HealthSeverityLozenge } from './HealthSeverityLozenge';
import { ReviewStatus } from './ReviewStatus';

const message = (entry: { message: string }) => entry.message;

/** A finding about one initiative: its message, and a link to its card on the board (a route naming it). */
function AboutInitiative({ entry }: { entry: { message: string; initiativeId: string } }) {
  const { navigate } = usePageRoute();
  return (
    <>
      {entry.message}{' '}
      <Button
        appearance="subtle"
        spacing="compact"
        aria-label="Show on board"
        onClick={() => navigate({ view: 'board', filters: {}, initiative: entry.initiativeId })}
      >
        Show
      </Button>
    </>
  );
}
const aboutInitiative = (entry: { message: string; initiativeId: string }) => <AboutInitiative entry={entry} />;

/**
 * The roadmap's health (from `healthOfView`): its review status, dependency findings, backlog candidates (no
 * business goal) and goals nothing serves, and overdue and untouched initiatives, each as the rules' own messages; and
 * drift from Jira in counts, with the way to the Drift tab.
 */
export function HealthPanel({ health, revision, canEdit }: { health: RoadmapHealth; revision: number; canEdit: boolean }) {
  const { dependencies, traceability, staleness, counts } = health;
  return (
    <Panel testId="health-panel" title="Health" count={counts.problems}>
      <div style={muted}>
        <HealthSeverityLozenge counts={counts} testId="health-severity" /> {counts.problems === 1 ? '1 problem' : `${counts.problems} problems`} to look at
      </div>
      <ReviewStatus review={staleness.review} revision={revision} canEdit={canEdit} />
      <DriftSection />
      <PanelSection testId="dependency-findings" title="Dependencies" count={dependencies.findings.length}>
        <CappedList
          testId="dependency-finding"
          items={dependencies.findings}
          itemKey={(f, i) => `${f.kind}-${f.initiativeId}-${f.otherId ?? ''}-${i}`}
          render={aboutInitiative}
          empty="No cycles or dependencies on later work."
        />
      </PanelSection>
      <PanelSection testId="backlog-candidates" title="Not traced to a business goal" count={traceability.backlogCandidates.length}>
        {traceability.goalCountWarning ? <div style={muted}>{traceability.goalCountWarning.message}.</div> : null}
        <CappedList
          testId="backlog-candidate"
          items={traceability.backlogCandidates}
          itemKey={(c) => c.initiativeId}
          render={aboutInitiative}
          empty="Every open initiative serves a business goal."
        />
      </PanelSection>
      {traceability.goalsWithoutInitiatives.length > 0 ? (
        <PanelSection testId="goals-without-initiatives" title="Goals without initiatives" count={traceability.goalsWithoutInitiatives.length}>
          <CappedList testId="goal-without-initiatives" items={traceability.goalsWithoutInitiatives} itemKey={(g) => g.goalId} render={message} empty="" />
        </PanelSection>
      ) : null}
      <PanelSection testId="overdue-initiatives" title="Overdue" count={staleness.overdue.length}>
        <CappedList
          testId="overdue-initiative"
          items={staleness.overdue}
          itemKey={(o) => o.initiativeId}
          render={aboutInitiative}
          empty="No open initiative is past its target quarter."
        />
      </PanelSection>
      <PanelSection testId="untouched-initiatives" title="Untouched" count={staleness.untouched.length}>
        <CappedList
          testId="untouched-initiative"
          items={staleness.untouched}
          itemKey={(u) => u.initiativeId}
          render={aboutInitiative}
          empty={`Every open initiative was updated within the last ${staleness.review.cadenceDays} days.`}
        />
      </PanelSection>
    </Panel>
  );
}

/** Drift from Jira in brief — its counts per kind — and the way to the Drift tab, where each flag has its fix. */
function DriftSection() {
  const drift = useDrift();
  const { navigate } = usePageRoute();
  if (!drift) return null;
  const { status, report } = drift;
  const checking = status === 'loading';
  const summary = checking
    ? 'Checking Jira…'
    : report.flags.length === 0
      ? status === 'ready'
        ? 'No drift: the roadmap matches Jira.'
        : "Jira couldn't be checked; the roadmap's own checks found nothing."
      : `${driftCountsText(report.counts)} (${report.initiatives === 1 ? '1 initiative' : `${report.initiatives} initiatives`}).`;
  return (
    <PanelSection testId="health-drift" title="Drift from Jira" count={checking ? undefined : report.flags.length}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}>
        <span
          data-testid="health-drift-counts"
          data-kinds={DRIFT_KINDS.filter((k) => report.counts[k] > 0).join(' ')}
          style={{ font: token('font.body'), color: report.flags.length > 0 ? token('color.text') : token('color.text.subtle') }}
        >
          {summary}
        </span>
        <Button appearance="subtle" spacing="compact" onClick={() => navigate({ view: 'drift', filters: {} })}>
          Open Drift
        </Button>
      </div>
    </PanelSection>
  );
}
