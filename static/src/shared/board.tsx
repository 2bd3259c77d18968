import Badge from '@atlaskit/badge';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { InitiativeView } from '../../../src/domain/api';
import { type Horizon, HORIZONS, type Phase } from '../../../src/domain/model';
import { compareQuarters, quarterLabel } from '../../../src/domain/quarter';
import { muted, StatusLozenge, TrackLozenge } from './components';
import { HORIZON_LABEL } from './labels';
import { InitiativeProgress } from './progress';

export function sortInitiatives(list: InitiativeView[]): InitiativeView[] {
  return [...list].sort((a, b) => compareQuarters(a.targetQuarter, b.targetQuarter) || a.title.localeCompare(b.title));
}

export function phaseName(phases: Phase[], phaseId: string): string {
  return phases.find((p) => p.id === phaseId)?.name ?? 'No phase';
}

/** What a surface adds at the foot of each card (e.g. the project page's "Move"); nothing by default. */
export type RenderCardActions = (initiative: InitiativeView) => ReactNode;

/**
 * One initiative as a card: title, phase, target quarter, track and status, success metric, linked epics, and
 * the surface's actions, if any.
 */
export function InitiativeCard({
  initiative,
  phases,
  showStatus = true,
  renderActions,
}: {
  initiative: InitiativeView;
  phases: Phase[];
  showStatus?: boolean;
  renderActions?: RenderCardActions;
}) {
  const epics = initiative.epicIds.length;
  return (
    <article
      data-testid="initiative-card"
      data-initiative-id={initiative.id}
      style={{
        backgroundColor: token('elevation.surface.raised'),
        boxShadow: token('elevation.shadow.raised'),
        borderRadius: token('radius.medium', '6px'),
        padding: token('space.150'),
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.075'),
      }}
    >
      <Heading size="xsmall" as="h4">
        {initiative.title}
      </Heading>
      <div style={muted}>
        {phaseName(phases, initiative.phaseId)} · {quarterLabel(initiative.targetQuarter)}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050') }}>
        <TrackLozenge track={initiative.track} />
        {showStatus ? <StatusLozenge status={initiative.status} /> : null}
      </div>
      {initiative.successMetric.description ? (
        <div style={{ font: token('font.body.small') }}>
          <span style={{ color: token('color.text.subtlest') }}>Success metric: </span>
          {initiative.successMetric.description}
        </div>
      ) : null}
      <div style={{ ...muted, display: 'flex', alignItems: 'center', gap: token('space.050') }} data-testid="epic-count">
        <Badge>{epics}</Badge> {epics === 1 ? 'linked epic' : 'linked epics'}
      </div>
      {epics > 0 ? <InitiativeProgress initiativeId={initiative.id} /> : null}
      {renderActions ? renderActions(initiative) : null}
    </article>
  );
}

/**
 * Now / Next / Later columns. `pin` keeps one card in the column it was in (while a form is open on it): a card that
 * changed column would mount anew and lose what its form holds, e.g. when someone else moved the initiative.
 */
export function HorizonBoard({
  initiatives,
  phases,
  renderActions,
  pin,
}: {
  initiatives: InitiativeView[];
  phases: Phase[];
  renderActions?: RenderCardActions;
  pin?: { id: string; horizon: Horizon } | null;
}) {
  const sorted = sortInitiatives(initiatives);
  const columnOf = (i: InitiativeView) => (pin && i.id === pin.id ? pin.horizon : i.horizon);
  return (
    <section
      aria-label="Now, Next, Later"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
        gap: token('space.200'),
        alignItems: 'start',
      }}
    >
      {HORIZONS.map((h) => (
        <HorizonColumn key={h} horizon={h} initiatives={sorted.filter((i) => columnOf(i) === h)} phases={phases} renderActions={renderActions} />
      ))}
    </section>
  );
}

function HorizonColumn({
  horizon,
  initiatives,
  phases,
  renderActions,
}: {
  horizon: Horizon;
  initiatives: InitiativeView[];
  phases: Phase[];
  renderActions?: RenderCardActions;
}) {
  const headingId = `horizon-${horizon}-heading`;
  return (
    <section
      data-testid={`horizon-${horizon}`}
      aria-labelledby={headingId}
      style={{
        backgroundColor: token('elevation.surface.sunken'),
        borderRadius: token('radius.large', '8px'),
        padding: token('space.150'),
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
        <Heading size="small" as="h3" id={headingId}>
          {HORIZON_LABEL[horizon]}
        </Heading>
        <Badge>{initiatives.length}</Badge>
      </div>
      {initiatives.length === 0 ? <div style={muted}>Nothing here yet.</div> : null}
      {initiatives.map((i) => (
        <InitiativeCard key={i.id} initiative={i} phases={phases} renderActions={renderActions} />
      ))}
    </section>
  );
}
