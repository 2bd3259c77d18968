import Badge from '@atlaskit/badge';
import Heading from '@atlaskit/heading';
import RefreshIcon from '@atlaskit/icon/core/refresh';
import WarningIcon from '@atlaskit/icon/core/status-warning';
import { token } from '@atlaskit/tokens';
import { createContext, type CSSProperties, type ReactNode, type RefObject, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { InitiativeView, Person } from '../../../src/domain/api';
import type { CardFlag } from '../../../src/domain/card-flags';
import { type BusinessGoal, type Horizon, HORIZONS, type Phase } from '../../../src/domain/model';
import { compareQuarters, quarterLabel } from '../../../src/domain/quarter';
import { riceScore } from '../../../src/domain/rules/prioritisation';
import { revealInColumns } from './card-reveal';
import { muted, StatusLozenge, TrackLozenge } from './components';
import { HORIZON_LABEL } from './labels';
import { InitiativeProgress } from './progress';
import { VirtualCards } from './virtual-cards';

/** The same order as `localeCompare` with no arguments, without building a collator for each comparison. */
const titleOrder = new Intl.Collator();

/**
 * Target quarter, then title. Each quarter is parsed once (not once per comparison): thousands of initiatives sort in
 * a few milliseconds rather than a few hundred.
 */
export function sortInitiatives(list: InitiativeView[]): InitiativeView[] {
  const rank = new Map<string, number>();
  for (const i of list) if (!rank.has(i.targetQuarter)) rank.set(i.targetQuarter, 0);
  [...rank.keys()].sort(compareQuarters).forEach((quarter, index) => rank.set(quarter, index));
  return [...list].sort((a, b) => rank.get(a.targetQuarter)! - rank.get(b.targetQuarter)! || titleOrder.compare(a.title, b.title));
}

export function phaseName(phases: Phase[], phaseId: string): string {
  return phases.find((p) => p.id === phaseId)?.name ?? 'No phase';
}

/** What cards show besides the initiative itself: the roadmap's business goals, people by name, and warnings. */
export interface BoardDetails {
  goals: readonly BusinessGoal[];
  people: ReadonlyMap<string, Person>;
  /** The health rules' warnings by initiative id (dependencies, staleness); none when the surface leaves them out. */
  flags?: ReadonlyMap<string, readonly CardFlag[]>;
}
const EMPTY_DETAILS: BoardDetails = { goals: [], people: new Map() };
const BoardDetailsContext = createContext<BoardDetails>(EMPTY_DETAILS);

/** Initials for a person, shown until (or instead of) their avatar. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/**
 * True once the image at `url` has loaded. Avatars live on other hosts (Jira's avatar service, Gravatar), which a
 * Custom UI may not reach (no network, or a CSP without those hosts): until an image is known to load, the initials
 * stand in, so a broken image is never shown.
 */
function useImageLoads(url: string | null | undefined): boolean {
  const [loaded, setLoaded] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    const probe = new Image();
    probe.onload = () => live && setLoaded(url);
    probe.src = url;
    return () => {
      live = false;
      probe.onload = null;
    };
  }, [url]);
  return Boolean(url) && loaded === url;
}

const AVATAR_SIZE = 24;

/**
 * A person's avatar (24 px, round, as ADS avatars are): their picture when it loads, their initials otherwise.
 * Decorative: the name is beside it. A plain image rather than @atlaskit/avatar, whose fallback is a generic person
 * icon rather than initials and which would add about 9 KB gzip to every surface for this one circle.
 */
export function PersonAvatar({ person, name }: { person: Person | undefined; name: string }) {
  const loads = useImageLoads(person?.avatarUrl);
  const circle: CSSProperties = { flex: 'none', width: AVATAR_SIZE, height: AVATAR_SIZE, borderRadius: '50%' };
  if (loads && person?.avatarUrl) {
    return (
      <img
        src={person.avatarUrl}
        alt=""
        data-testid="person-avatar"
        data-avatar="image"
        width={AVATAR_SIZE}
        height={AVATAR_SIZE}
        style={{ ...circle, objectFit: 'cover' }}
      />
    );
  }
  return (
    <span
      aria-hidden
      data-testid="person-avatar"
      data-avatar="initials"
      style={{
        ...circle,
        display: 'inline-grid',
        placeItems: 'center',
        // ADS's accent pair (text on its subtler background) keeps 4.5:1 in both themes.
        backgroundColor: token('color.background.accent.blue.subtler'),
        color: token('color.text.accent.blue'),
        font: token('font.body.small'),
        fontSize: 10,
        fontWeight: token('font.weight.bold'),
      }}
    >
      {initials(name)}
    </span>
  );
}

/** A person as their avatar and their name. */
export function PersonName({ person }: { person: Person | undefined }) {
  const name = person?.displayName ?? 'Someone';
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.075') }} data-testid="person">
      <PersonAvatar person={person} name={name} />
      <span>{name}</span>
    </span>
  );
}

/**
 * Brings an initiative's card into view and gives it focus (health findings link to it). The outline marks it for a
 * moment, since a card focused by script shows no focus ring of its own. A card a virtualised column has not rendered
 * is scrolled into that column's window first, then focused once it renders. With `horizon` (after a move) it waits
 * for the card in that column, as the moved card reaches it once the write's answer has rendered. True when the board
 * holds the card (or, with `horizon`, is waiting for it).
 */
export function showInitiativeCard(initiativeId: string, horizon?: Horizon): boolean {
  let tries = 0;
  const attempt = (): boolean => {
    const card = findCard(initiativeId, horizon);
    if (card) {
      markShown(card);
      return true;
    }
    const revealing = revealInColumns(initiativeId, horizon);
    // The column renders the card on a later commit (and measures it into place over a few frames).
    if ((revealing || horizon) && ++tries < 80) window.setTimeout(attempt, 25);
    return revealing || horizon !== undefined;
  };
  return attempt();
}

function findCard(initiativeId: string, horizon?: Horizon): HTMLElement | null {
  const within = horizon ? `[data-testid="horizon-${horizon}"] ` : '';
  return document.querySelector<HTMLElement>(`${within}[data-testid="initiative-card"][data-initiative-id="${CSS.escape(initiativeId)}"]`);
}

function markShown(card: HTMLElement) {
  card.scrollIntoView?.({ block: 'center' });
  card.focus({ preventScroll: true });
  card.style.outline = `2px solid ${token('color.border.focused')}`;
  window.setTimeout(() => (card.style.outline = ''), 2000);
}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** What a surface adds at the foot of each card (e.g. the project page's "Move"); nothing by default. */
export type RenderCardActions = (initiative: InitiativeView) => ReactNode;

/** A column while a card is dragged: `available` when the card may be dropped there, `over` while it is over it. */
export type DropState = 'idle' | 'available' | 'over';

/**
 * Drag and drop for a board that lets people move cards (the project page, for editors). The board stays free of
 * any drag library: it hands each card's and column's element to these, which return their cleanup.
 */
export interface BoardDragAndDrop {
  /** Makes a card draggable; `getCard` reads the card's initiative as it is when a drag starts. */
  card(element: HTMLElement, getCard: () => InitiativeView, onDragging: (dragging: boolean) => void): () => void;
  /** Makes a column a drop target; `onState` tells it when a card may land there and when one is over it. */
  column(element: HTMLElement, horizon: Horizon, onState: (state: DropState) => void): () => void;
}

/** Visually hidden, still read by screen readers. */
const srOnly: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

/**
 * A warning on a card, as text with an icon: never only a colour, and never in a status's or horizon's colours. Drift
 * from Jira has its own icon (Jira disagrees) and says so to screen readers.
 */
function CardFlagTag({ flag }: { flag: CardFlag }) {
  return (
    <span
      data-testid="card-flag"
      data-kind={flag.kind}
      data-drift={flag.drift ? 'true' : undefined}
      title={flag.detail}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: token('space.050'),
        backgroundColor: token('color.background.warning'),
        color: token('color.text.warning'),
        font: token('font.body.small'),
        fontWeight: token('font.weight.medium'),
        borderRadius: token('radius.small', '3px'),
        paddingInline: token('space.050'),
        lineHeight: '20px',
      }}
    >
      {flag.drift ? (
        <RefreshIcon label="" color={token('color.icon.warning')} size="small" />
      ) : (
        <WarningIcon label="" color={token('color.icon.warning')} size="small" />
      )}
      {flag.drift ? <span style={srOnly}>Drift from Jira: </span> : null}
      {flag.label}
    </span>
  );
}

/** "Depends on 2", and the health rules' warnings about this initiative. */
function CardWarnings({ initiative }: { initiative: InitiativeView }) {
  const flags = useContext(BoardDetailsContext).flags?.get(initiative.id) ?? [];
  const dependsOn = initiative.dependsOn.length;
  if (dependsOn === 0 && flags.length === 0) return null;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.050') }} data-testid="card-warnings">
      {dependsOn > 0 ? (
        <span style={muted} data-testid="card-depends-on" title={`Depends on ${initiative.dependsOn.join(', ')}`}>
          Depends on {dependsOn}
        </span>
      ) : null}
      {flags.map((flag) => (
        <CardFlagTag key={flag.kind} flag={flag} />
      ))}
    </div>
  );
}

/** Attaches a surface's drag and drop to a card; true while this card is being dragged. */
function useDraggableCard(ref: RefObject<HTMLElement | null>, initiative: InitiativeView, dnd: BoardDragAndDrop | undefined): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(initiative);
  latest.current = initiative;
  useEffect(() => {
    const element = ref.current;
    if (!dnd || !element) return;
    return dnd.card(element, () => latest.current, setDragging);
  }, [dnd, ref]);
  return dragging;
}

/**
 * One initiative as a card: title, phase, target quarter, track and status, success metric, business goals, owner,
 * RICE, dependencies and warnings, linked epics and progress, and the surface's actions, if any. With `dnd` the card
 * can be dragged (the surface's actions stay the keyboard's way to do the same).
 */
export function InitiativeCard({
  initiative,
  phases,
  showStatus = true,
  renderActions,
  dnd,
  position,
}: {
  initiative: InitiativeView;
  phases: Phase[];
  showStatus?: boolean;
  renderActions?: RenderCardActions;
  dnd?: BoardDragAndDrop;
  /** Where the card stands in a virtualised column (which renders only some), for screen readers. */
  position?: { index: number; of: number };
}) {
  const epics = initiative.epicIds.length;
  const { goals, people } = useContext(BoardDetailsContext);
  const metric = initiative.successMetric;
  const rice = riceScore(initiative.rice);
  const served = goals.filter((g) => initiative.businessGoalIds.includes(g.id));
  const ref = useRef<HTMLElement>(null);
  const dragging = useDraggableCard(ref, initiative, dnd);
  return (
    <article
      ref={ref}
      data-testid="initiative-card"
      data-initiative-id={initiative.id}
      tabIndex={-1}
      aria-label={initiative.title}
      aria-posinset={position ? position.index + 1 : undefined}
      aria-setsize={position?.of}
      style={{
        backgroundColor: token('elevation.surface.raised'),
        boxShadow: token('elevation.shadow.raised'),
        borderRadius: token('radius.medium', '6px'),
        padding: token('space.150'),
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.075'),
        cursor: dnd ? 'grab' : undefined,
        opacity: dragging ? 0.4 : undefined,
      }}
    >
      <Heading size="xsmall" as="h4">
        {initiative.title}
      </Heading>
      <div style={muted}>
        {phaseName(phases, initiative.phaseId)} · {quarterLabel(initiative.targetQuarter)}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.050') }}>
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
      <CardWarnings initiative={initiative} />
      <div style={{ ...muted, display: 'flex', alignItems: 'center', gap: token('space.050') }} data-testid="epic-count">
        <Badge>{epics}</Badge> {epics === 1 ? 'linked epic' : 'linked epics'}
      </div>
      {epics > 0 ? <InitiativeProgress initiativeId={initiative.id} /> : null}
      {renderActions ? renderActions(initiative) : null}
    </article>
  );
}

/** Now / Next / Later columns of initiative cards, each column in target-quarter order. */
export function HorizonBoard({
  initiatives,
  phases,
  renderActions,
  details,
  dnd,
  emptyText = 'Nothing here yet.',
}: {
  initiatives: InitiativeView[];
  phases: Phase[];
  renderActions?: RenderCardActions;
  /** Goals, people and warnings for the cards; without them cards show no owner names, goals or warnings. */
  details?: BoardDetails;
  /** Drag and drop between columns, for a surface where the viewer may move initiatives. */
  dnd?: BoardDragAndDrop;
  /** What an empty column says (e.g. "No matches" while the board is filtered). */
  emptyText?: string;
}) {
  // Sorted and split once per list (thousands of cards re-sort only when the list changes).
  const columns = useMemo(() => {
    const sorted = sortInitiatives(initiatives);
    return new Map(HORIZONS.map((h) => [h, sorted.filter((i) => i.horizon === h)]));
  }, [initiatives]);
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
          <HorizonColumn key={h} horizon={h} initiatives={columns.get(h) ?? []} phases={phases} renderActions={renderActions} dnd={dnd} emptyText={emptyText} />
        ))}
      </section>
    </BoardDetailsContext.Provider>
  );
}

/** How a column looks while a card is dragged: outlined where it may land, highlighted while it is over one. */
function dropStyle(state: DropState): CSSProperties {
  if (state === 'over')
    return { backgroundColor: token('color.background.selected'), outline: `2px solid ${token('color.border.selected')}`, outlineOffset: -2 };
  if (state === 'available') return { outline: `2px dashed ${token('color.border.selected')}`, outlineOffset: -2 };
  return {};
}

/**
 * A column of more cards than this renders only those in its scroll window (virtual-cards.tsx); a shorter one renders
 * every card and grows with them, as a small board always has (and prints whole).
 */
export const VIRTUALISE_FROM = 50;
/** The space between cards (token space.100). */
const CARD_GAP_PX = 8;

function HorizonColumn({
  horizon,
  initiatives,
  phases,
  renderActions,
  dnd,
  emptyText,
}: {
  horizon: Horizon;
  initiatives: InitiativeView[];
  phases: Phase[];
  renderActions?: RenderCardActions;
  dnd?: BoardDragAndDrop;
  emptyText: string;
}) {
  const headingId = `horizon-${horizon}-heading`;
  const ref = useRef<HTMLElement>(null);
  const [dropState, setDropState] = useState<DropState>('idle');
  useEffect(() => {
    const element = ref.current;
    if (!dnd || !element) return;
    const cleanup = dnd.column(element, horizon, setDropState);
    return () => {
      cleanup();
      setDropState('idle');
    };
  }, [dnd, horizon]);
  return (
    <section
      ref={ref}
      data-testid={`horizon-${horizon}`}
      data-drop-state={dnd ? dropState : undefined}
      aria-labelledby={headingId}
      style={{
        backgroundColor: token('elevation.surface.sunken'),
        borderRadius: token('radius.large', '8px'),
        padding: token('space.150'),
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
        minHeight: dnd ? 160 : undefined,
        ...dropStyle(dropState),
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
        <Heading size="small" as="h3" id={headingId}>
          {HORIZON_LABEL[horizon]}
        </Heading>
        <Badge testId={`horizon-${horizon}-count`} max={false}>
          {initiatives.length}
        </Badge>
      </div>
      {dropState === 'over' ? (
        <div
          data-testid="drop-indicator"
          style={{
            font: token('font.body.small'),
            fontWeight: token('font.weight.medium'),
            color: token('color.text.selected'),
            border: `${token('border.width', '1px')} dashed ${token('color.border.selected')}`,
            borderRadius: token('radius.medium', '6px'),
            padding: token('space.100'),
            textAlign: 'center',
          }}
        >
          Drop to move to {HORIZON_LABEL[horizon]}
        </div>
      ) : null}
      {initiatives.length === 0 ? <div style={muted}>{emptyText}</div> : null}
      {initiatives.length > VIRTUALISE_FROM ? (
        <VirtualCards
          items={initiatives}
          labelledBy={headingId}
          testId={`horizon-${horizon}-cards`}
          group={horizon}
          gap={CARD_GAP_PX}
          renderItem={(i, index) => (
            <InitiativeCard initiative={i} phases={phases} renderActions={renderActions} dnd={dnd} position={{ index, of: initiatives.length }} />
          )}
        />
      ) : (
        initiatives.map((i) => <InitiativeCard key={i.id} initiative={i} phases={phases} renderActions={renderActions} dnd={dnd} />)
      )}
    </section>
  );
}
