import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import RefreshIcon from '@atlaskit/icon/core/refresh';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { type CSSProperties, useMemo } from 'react';
import type { InitiativeView } from '../../../../../src/domain/api';
import { quarterLabel } from '../../../../../src/domain/quarter';
import type { HealthCounts } from '../../../../../src/domain/rules/health';
import { healthSeverity, SEVERITY_LABEL } from '../../../../../src/domain/rules/severity';
import { executiveGroups } from '../../../../../src/domain/views/executive';
import { metricNumbers } from '../../../../../src/domain/views/timeline';
import { HorizonLozenge, muted, StatusLozenge } from '../../components';
import { useDrift } from '../../drift-state';
import { InitiativeProgress } from '../../progress';
import { ShowMoreButton, useShowMore } from '../../show-more';
import { formatDay } from '../../time';
import { titleButton } from '../title-button';
import type { RoadmapViewProps } from '../view-props';
import { TimelineStrip } from './TimelineStrip';

/** Initiatives a goal lists before "Show more". */
const LINES_PER_GOAL = 15;

const SEVERITY_APPEARANCE = { critical: 'removed', warning: 'moved', ok: 'success' } as const;

/**
 * The one-pager for executives, goal-first: what the roadmap is for (each business goal and its metric), the work
 * serving each goal with its status, metric and delivery, the work serving none, the phases over time, and the
 * roadmap's health — as of a date, with a way back to the roadmap. Compact enough for one printed A4 page.
 */
export function ExecutiveView({ view, health, openInitiative, embedded }: RoadmapViewProps) {
  const groups = useMemo(() => executiveGroups(view), [view]);
  return (
    <article
      data-testid="executive-view"
      aria-labelledby={embedded ? undefined : 'executive-title'}
      aria-label={embedded ? view.title : undefined}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}
    >
      {/* Embedded, the page around it (EmbeddedRoadmap) already names the roadmap, the date and the way to Jira. */}
      {embedded ? null : (
        <header style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: token('space.100') }}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050'), flex: 1, minWidth: 240 }}>
            <Heading size="medium" as="h2" id="executive-title">
              {view.title}
            </Heading>
            <div style={{ ...muted, display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
              <span>
                {view.project.name} ({view.project.key})
              </span>
              <span aria-hidden>·</span>
              <span data-testid="executive-as-of">
                As of <time dateTime={health.asOf}>{formatDay(health.asOf)}</time>
              </span>
            </div>
          </div>
          <div className="executive-print-button">
            {/* The button itself is not printed. */}
            <style>{'@media print { .executive-print-button { display: none; } }'}</style>
            <Button onClick={() => window.print()}>Print</Button>
          </div>
        </header>
      )}

      <HealthSummary counts={health.counts} />

      <section aria-labelledby="executive-goals" style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
        <Heading size="small" as="h3" id="executive-goals">
          Business goals and the work that serves them
        </Heading>
        {groups.goals.length === 0 ? <div style={muted}>This roadmap has no business goals yet.</div> : null}
        {groups.goals.map(({ goal, initiatives }) => (
          <GoalGroup
            key={goal.id}
            testId="executive-goal"
            goalId={goal.id}
            title={goal.title}
            metric={goal.metric}
            empty="Nothing on the roadmap serves this goal yet."
            initiatives={initiatives}
            openInitiative={openInitiative}
          />
        ))}
        {groups.untraced.length > 0 ? (
          <GoalGroup
            testId="executive-untraced"
            title="Not traced to a business goal"
            metric="Candidates for the backlog unless they serve a goal"
            empty=""
            initiatives={groups.untraced}
            openInitiative={openInitiative}
          />
        ) : null}
      </section>

      <TimelineStrip view={view} health={health} />
    </article>
  );
}

/** Severity in words, and the counts behind it that an executive would ask about. */
function HealthSummary({ counts }: { counts: HealthCounts }) {
  const severity = healthSeverity(counts);
  const facts: string[] = [
    `${counts.open} open initiative${counts.open === 1 ? '' : 's'} (${counts.openByHorizon.now} now, ${counts.openByHorizon.next} next, ${counts.openByHorizon.later} later)`,
    `${counts.done} done`,
  ];
  const problem = (n: number, one: string, many: string) => {
    if (n > 0) facts.push(`${n} ${n === 1 ? one : many}`);
  };
  problem(counts.overdueInitiatives, 'overdue initiative', 'overdue initiatives');
  problem(counts.overCommittedQuarters, 'over-committed quarter', 'over-committed quarters');
  problem(counts.dependencyFindings, 'dependency problem', 'dependency problems');
  problem(counts.backlogCandidates, 'initiative serving no goal', 'initiatives serving no goal');
  problem(counts.goalsWithoutInitiatives, 'goal nothing serves', 'goals nothing serves');
  if (counts.reviewOverdue) facts.push('review overdue');
  return (
    <section
      data-testid="executive-health"
      aria-label="Roadmap health"
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}
    >
      <span style={{ fontWeight: token('font.weight.semibold') }}>Health</span>
      <Lozenge appearance={SEVERITY_APPEARANCE[severity]} testId="executive-severity">
        {SEVERITY_LABEL[severity]}
      </Lozenge>
      <span style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>{facts.join(' · ')}</span>
    </section>
  );
}

function GoalGroup({
  testId,
  goalId,
  title,
  metric,
  empty,
  initiatives,
  openInitiative,
}: {
  testId: string;
  goalId?: string;
  title: string;
  metric: string;
  empty: string;
  initiatives: readonly InitiativeView[];
  openInitiative?: (id: string) => void;
}) {
  // A one-pager: a goal served by hundreds of initiatives shows its first ones and says how many more (and prints so).
  const list = useShowMore(initiatives, LINES_PER_GOAL);
  return (
    <section
      data-testid={testId}
      data-goal-id={goalId}
      aria-label={title}
      style={{
        borderInlineStart: `3px solid ${goalId ? token('color.border.brand') : token('color.border.warning')}`,
        paddingInlineStart: token('space.150'),
        breakInside: 'avoid',
      }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: token('space.100') }}>
        <h4 style={{ margin: 0, font: token('font.heading.xsmall'), color: token('color.text') }}>{title}</h4>
        {metric ? <span style={muted}>{metric}</span> : null}
      </div>
      {initiatives.length === 0 ? (
        <div style={{ ...muted, marginBlockStart: token('space.050') }}>{empty}</div>
      ) : (
        <>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {list.visible.map((i) => (
              <InitiativeLine key={i.id} initiative={i} openInitiative={openInitiative} />
            ))}
          </ul>
          <ShowMoreButton hidden={list.hidden} step={list.step} noun="initiatives" onMore={list.more} testId="executive-more" />
        </>
      )}
    </section>
  );
}

const lineGrid: CSSProperties = {
  display: 'grid',
  // Title and metric take what is left once status and progress have their fixed widths: fewer wrapped lines.
  gridTemplateColumns: 'minmax(0, 1fr) 165px minmax(150px, 190px)',
  alignItems: 'start',
  gap: token('space.100'),
  paddingBlock: token('space.050'),
  borderBlockEnd: `1px solid ${token('color.border')}`,
};

/** One initiative on one line: title and success metric, status / horizon / quarter, delivery progress. */
function InitiativeLine({ initiative, openInitiative }: { initiative: InitiativeView; openInitiative?: (id: string) => void }) {
  const numbers = metricNumbers(initiative.successMetric);
  return (
    <li data-testid="executive-initiative" data-initiative-id={initiative.id} style={lineGrid}>
      <div style={{ minWidth: 0 }}>
        {openInitiative ? (
          <button type="button" onClick={() => openInitiative(initiative.id)} style={titleButtonStyle}>
            {initiative.title}
          </button>
        ) : (
          <span style={{ ...titleButtonStyle, cursor: 'default', color: token('color.text') }}>{initiative.title}</span>
        )}
        <div style={{ font: token('font.body.small'), color: token('color.text.subtle') }} data-testid="executive-metric">
          {initiative.successMetric.description}
          {numbers ? <strong style={{ fontWeight: token('font.weight.semibold'), color: token('color.text') }}> · {numbers}</strong> : null}
        </div>
      </div>
      {/* Drift sits under status and horizon, where the line has room: the one-pager stays one printed page. */}
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.050') }}>
          <StatusLozenge status={initiative.status} />
          <HorizonLozenge horizon={initiative.horizon} />
          <span style={muted}>{quarterLabel(initiative.targetQuarter)}</span>
        </div>
        <DriftLine initiative={initiative} />
      </div>
      <div>{initiative.epicIds.length > 0 ? <InitiativeProgress initiativeId={initiative.id} /> : <span style={muted}>No linked epics</span>}</div>
    </li>
  );
}

/**
 * The initiative's drift from Jira in one line: "On track with Jira", or its first flag's label (with the cards' drift
 * icon) and how many more, every sentence on hover. Nothing where the surface computes no drift (the macro settings'
 * preview).
 */
function DriftLine({ initiative }: { initiative: InitiativeView }) {
  const drift = useDrift();
  if (!drift) return null;
  const flags = drift.byInitiative.get(initiative.id) ?? [];
  if (flags.length === 0) {
    const text = drift.status === 'loading' ? 'Checking Jira…' : initiative.epicIds.length > 0 && drift.status === 'ready' ? 'On track with Jira' : 'No drift';
    return (
      <span data-testid="executive-drift" data-state={drift.status === 'loading' ? 'checking' : 'clear'} style={muted}>
        {text}
      </span>
    );
  }
  const [first] = flags;
  return (
    <span
      data-testid="executive-drift"
      data-state="drift"
      data-kinds={flags.map((f) => f.kind).join(' ')}
      title={flags.map((f) => f.message).join('\n')}
      style={{ ...muted, display: 'inline-flex', alignItems: 'center', gap: token('space.050'), color: token('color.text.warning') }}
    >
      <RefreshIcon label="" color={token('color.icon.warning')} size="small" />
      <span style={srOnly}>Drift from Jira: </span>
      {first.label}
      {flags.length > 1 ? ` +${flags.length - 1}` : ''}
    </span>
  );
}

/** Visually hidden, still read by screen readers. */
const srOnly: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

const titleButtonStyle = titleButton('body');
