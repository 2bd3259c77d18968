import Badge from '@atlaskit/badge';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { createContext, type ReactNode, useContext } from 'react';
import type { InitiativeView, Person } from '../../../src/domain/api';
import { type BusinessGoal, type Horizon, HORIZONS, type Phase } from '../../../src/domain/model';
import { compareQuarters, quarterLabel } from '../../../src/domain/quarter';
import { riceScore } from '../../../src/domain/rules/prioritisation';
import { muted, StatusLozenge, TrackLozenge } from './components';
import { HORIZON_LABEL } from './labels';
import { InitiativeProgress } from './progress';

export function sortInitiatives(list: InitiativeView[]): InitiativeView[] {
  return [...list].sort((a, b) => compareQuarters(a.targetQuarter, b.targetQuarter) || a.title.localeCompare(b.title));
}

export function phaseName(phases: Phase[], phaseId: string): string {
  return phases.find((p) => p.id === phaseId)?.name ?? 'No phase';
}

/** What cards show besides the initiative itself: the roadmap's business goals, and people by name. */
export interface BoardDetails {
  goals: readonly BusinessGoal[];
  people: ReadonlyMap<string, Person>;
}
const EMPTY_DETAILS: BoardDetails = { goals: [], people: new Map() };
const BoardDetailsContext = createContext<BoardDetails>(EMPTY_DETAILS);

/** Initials for a person without loading their avatar (Custom UI may not fetch images from other hosts). */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** A person as a small initials circle and their name. */
export function PersonName({ person }: { person: Person | undefined }) {
  const name = person?.displayName ?? 'Someone';
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }} data-testid="person">
      <span
        aria-hidden
        style={{
          display: 'inline-grid',
          placeItems: 'center',
          width: 20,
          height: 20,
          borderRadius: '50%',
          backgroundColor: token('color.background.accent.blue.subtle'),
          color: token('color.text.inverse'),
          font: token('font.body.small'),
          fontSize: 10,
          fontWeight: token('font.weight.bold'),
        }}
      >
        {initials(name)}
      </span>
      <span>{name}</span>
    </span>
  );
}

/**
 * Brings an initiative's card into view and gives it focus (health findings link to it). The outline marks it for a
 * moment, since a card focused by script shows no focus ring of its own.
 */
export function showInitiativeCard(initiativeId: string): boolean {
  const card = document.querySelector<HTMLElement>(`[data-testid="initiative-card"][data-initiative-id="${CSS.escape(initiativeId)}"]`);
  if (!card) return false;
  card.scrollIntoView?.({ block: 'center' });
  card.focus({ preventScroll: true });
  card.style.outline = `2px solid ${token('color.border.focused')}`;
  window.setTimeout(() => (card.style.outline = ''), 2000);
  return true;
}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

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
  const { goals, people } = useContext(BoardDetailsContext);
  const metric = initiative.successMetric;
  const rice = riceScore(initiative.rice);
  const served = goals.filter((g) => initiative.businessGoalIds.includes(g.id));
  return (
    <article
      data-testid="initiative-card"
      data-initiative-id={initiative.id}
      tabIndex={-1}
      aria-label={initiative.title}
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
      {metric.description ? (
        <div style={{ font: token('font.body.small') }} data-testid="card-metric">
          <span style={{ color: token('color.text.subtlest') }}>Success metric: </span>
          {metric.description}
          {metric.target !== undefined ? (
            <span style={{ color: token('color.text.subtle') }}>
              {' '}
              ({metric.current !== undefined ? `${formatNumber(metric.current)} → ` : 'target '}
              {formatNumber(metric.target)}
              {metric.unit ? ` ${metric.unit}` : ''})
            </span>
          ) : null}
        </div>
      ) : null}
      {served.length > 0 ? (
        <div style={{ font: token('font.body.small') }} data-testid="card-goals">
          <span style={{ color: token('color.text.subtlest') }}>Serves: </span>
          {served.map((g) => g.title).join('; ')}
        </div>
      ) : null}
      {initiative.ownerAccountId || rice !== null ? (
        <div style={{ ...muted, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}>
          {initiative.ownerAccountId ? <PersonName person={people.get(initiative.ownerAccountId)} /> : null}
          {rice !== null ? <span data-testid="card-rice">RICE {formatNumber(rice)}</span> : null}
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
  details,
}: {
  initiatives: InitiativeView[];
  phases: Phase[];
  renderActions?: RenderCardActions;
  pin?: { id: string; horizon: Horizon } | null;
  /** Goals and people for the cards; without them cards show no owner names or goals. */
  details?: BoardDetails;
}) {
  const sorted = sortInitiatives(initiatives);
  const columnOf = (i: InitiativeView) => (pin && i.id === pin.id ? pin.horizon : i.horizon);
  return (
    <BoardDetailsContext.Provider value={details ?? EMPTY_DETAILS}>
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
    </BoardDetailsContext.Provider>
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
