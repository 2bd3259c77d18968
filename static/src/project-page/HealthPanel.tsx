import Button from '@atlaskit/button/new';
import type { RoadmapHealth } from '../../../src/domain/rules/health';
import { muted } from '../shared/components';
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
 * business goal) and goals nothing serves, and overdue and untouched initiatives, each as the rules' own messages.
 */
export function HealthPanel({ health, revision, canEdit }: { health: RoadmapHealth; revision: number; canEdit: boolean }) {
  const { dependencies, traceability, staleness, counts } = health;
  return (
    <Panel testId="health-panel" title="Health" count={counts.problems}>
      <div style={muted}>
        <HealthSeverityLozenge counts={counts} testId="health-severity" /> {counts.problems === 1 ? '1 problem' : `${counts.problems} problems`} to look at
      </div>
      <ReviewStatus review={staleness.review} revision={revision} canEdit={canEdit} />
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
