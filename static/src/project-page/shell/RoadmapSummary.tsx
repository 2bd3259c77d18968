import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import { CAPACITY_UNIT_LABEL } from '../../../../src/domain/labels';
import type { RoadmapHealth } from '../../../../src/domain/rules/health';
import { usePageRoute } from '../../shared/route/PageRouteProvider';
import { HealthSeverityLozenge } from '../HealthSeverityLozenge';
import { reviewHeadline } from '../ReviewStatus';

const amount = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 1 });

/**
 * The board's first screen: is the roadmap reviewed, does this quarter fit its capacity with the buffer kept, and how
 * healthy is the plan — each tile links to the view that explains it.
 */
export function RoadmapSummary({ health }: { health: RoadmapHealth }) {
  const { navigate } = usePageRoute();
  const review = health.staleness.review;
  const current = health.capacity.quarters.find((q) => q.quarter === health.currentQuarter);
  const unit = CAPACITY_UNIT_LABEL[health.capacity.summary.unit].many;
  const { counts } = health;
  return (
    <section
      aria-label="Summary"
      data-testid="roadmap-summary"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: token('space.150') }}
    >
      <Tile title="Review" testId="summary-review" onOpen={() => navigate({ view: 'health', filters: {} })}>
        <Lozenge appearance={review.overdue ? 'removed' : review.state === 'on-track' ? 'success' : 'moved'}>
          {review.overdue ? 'Overdue' : review.state === 'on-track' ? 'On track' : 'Due'}
        </Lozenge>
        <span>{reviewHeadline(review)}</span>
      </Tile>
      <Tile title={`Capacity · ${current?.label ?? 'this quarter'}`} testId="summary-capacity" onOpen={() => navigate({ view: 'capacity', filters: {} })}>
        {current && current.state !== 'capacity-not-set' ? (
          <>
            <Lozenge appearance={current.overCommitted ? 'removed' : 'success'}>{current.overCommitted ? 'Over-committed' : 'Within plan'}</Lozenge>
            <span>
              {amount(current.committed)} of {amount(current.plannable)} {unit} planned; {amount(current.bufferPercent)} % buffer ({amount(current.bufferKept)}{' '}
              {unit}) kept
              {current.overCommitted ? `, over by ${amount(current.overCommitBy)}` : ''}
            </span>
          </>
        ) : (
          <span>Capacity per quarter is not set.</span>
        )}
      </Tile>
      <Tile title="Health" testId="summary-health" onOpen={() => navigate({ view: 'health', filters: {} })}>
        <HealthSeverityLozenge counts={counts} testId="summary-severity" />
        <span>
          {counts.problems === 0
            ? 'No problems found.'
            : [
                plural(counts.dependencyFindings, 'dependency problem'),
                plural(counts.backlogCandidates, 'initiative without a business goal', 'initiatives without a business goal'),
                plural(counts.overdueInitiatives, 'overdue initiative'),
                plural(counts.untouchedInitiatives, 'untouched initiative'),
                plural(counts.overCommittedQuarters, 'over-committed quarter'),
              ]
                .filter(Boolean)
                .join(', ') || `${counts.problems} to look at`}
        </span>
      </Tile>
    </section>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => (n === 0 ? '' : `${n} ${n === 1 ? one : many}`);

function Tile({ title, testId, children, onOpen }: { title: string; testId: string; children: ReactNode; onOpen: () => void }) {
  return (
    <div
      data-testid={testId}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.075'),
        padding: token('space.150'),
        borderRadius: token('radius.large', '8px'),
        border: `${token('border.width', '1px')} solid ${token('color.border')}`,
        backgroundColor: token('elevation.surface'),
        font: token('font.body.small'),
        color: token('color.text.subtle'),
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: token('space.100') }}>
        <h2 style={{ margin: 0, font: token('font.heading.xxsmall'), color: token('color.text') }}>{title}</h2>
        <Button appearance="subtle" spacing="compact" aria-label={`${title} details`} onClick={onOpen}>
          Details
        </Button>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.075') }}>{children}</div>
    </div>
  );
}
