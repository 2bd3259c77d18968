import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { type CSSProperties, type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import type { InitiativeView } from '../../../../../src/domain/api';
import type { Phase } from '../../../../../src/domain/model';
import { quarterLabel } from '../../../../../src/domain/quarter';
import { type DependencyMapModel, edgeStyle, type MapEdge, type MapNode } from '../../../../../src/domain/views/dependency-map';
import { HORIZON_LABEL, STATUS_LABEL } from '../../labels';
import { EDGE_STYLES, STROKE } from './edge-styles';
import { type Box, layoutMap, pathKey } from './layout';

/**
 * The drawn map: arrows as SVG under the nodes, and each initiative as a real button laid over them (keyboard focus,
 * an accessible name with the full title, CSS truncation). Big maps scroll inside their frame; zoom scales the drawing.
 */

const MIN_ZOOM = 0.5;
const MAX_ZOOM = 1.5;
const ZOOM_STEP = 0.25;
const clampZoom = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

/** The width of an element, followed as it resizes (the map fits its frame until someone zooms). */
function useWidth(): [(element: HTMLDivElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width];
}
const HORIZON_BAR = { now: token('color.border.accent.magenta'), next: token('color.border.accent.lime'), later: token('color.border.accent.gray') } as const;

export function DependencyGraph({
  map,
  phases,
  openInitiative,
}: {
  map: DependencyMapModel<InitiativeView>;
  phases: readonly Phase[];
  openInitiative?: (id: string) => void;
}) {
  const layout = useMemo(
    () =>
      layoutMap(
        map.nodes.map((n) => n.id),
        map.edges,
      ),
    [map],
  );
  // Null: fit the frame's width (never below half size, never above full size); a number once someone zooms.
  const [chosenZoom, setChosenZoom] = useState<number | null>(null);
  const [frameRef, frameWidth] = useWidth();
  const fitZoom = frameWidth > 0 && layout.width > 0 ? clampZoom(Math.min(1, (frameWidth - 2) / layout.width)) : 1;
  const zoom = chosenZoom ?? fitZoom;
  const markerPrefix = useId().replace(/:/g, '');
  const [active, setActive] = useState<string | null>(null);
  const phaseName = useMemo(() => new Map(phases.map((p) => [p.id, p.name])), [phases]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div role="group" aria-label="Zoom" style={{ display: 'flex', alignItems: 'center', gap: token('space.050') }}>
        <Button spacing="compact" onClick={() => setChosenZoom(clampZoom(zoom - ZOOM_STEP))} isDisabled={zoom <= MIN_ZOOM}>
          Zoom out
        </Button>
        <Button spacing="compact" onClick={() => setChosenZoom(clampZoom(zoom + ZOOM_STEP))} isDisabled={zoom >= MAX_ZOOM}>
          Zoom in
        </Button>
        <Button spacing="compact" onClick={() => setChosenZoom(null)} isDisabled={chosenZoom === null}>
          Fit
        </Button>
        <span data-testid="dependency-zoom" style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
          {Math.round(zoom * 100)}%
        </span>
      </div>
      <div
        ref={frameRef}
        data-testid="dependency-canvas"
        style={{
          overflow: 'auto',
          scrollbarGutter: 'stable',
          maxHeight: 640,
          border: `1px solid ${token('color.border')}`,
          borderRadius: token('radius.medium', '6px'),
          backgroundColor: token('elevation.surface.sunken'),
        }}
      >
        <div style={{ width: layout.width * zoom, height: layout.height * zoom }}>
          <div
            // Pointing at or focusing a node brings its own arrows forward (delegated, so nodes need no handlers).
            onMouseOver={(e) => setActive(nodeIdAt(e.target))}
            onMouseLeave={() => setActive(null)}
            onFocus={(e) => setActive(nodeIdAt(e.target))}
            onBlur={() => setActive(null)}
            style={{ position: 'relative', width: layout.width, height: layout.height, transform: `scale(${zoom})`, transformOrigin: '0 0' }}
          >
            <svg width={layout.width} height={layout.height} aria-hidden focusable="false" style={{ position: 'absolute', inset: 0, overflow: 'visible' }}>
              <defs>
                {EDGE_STYLES.map((style) => (
                  <marker
                    key={style}
                    id={`${markerPrefix}-${style}`}
                    viewBox="0 0 10 10"
                    refX={9}
                    refY={5}
                    markerWidth={7}
                    markerHeight={7}
                    markerUnits="userSpaceOnUse"
                    orient="auto"
                  >
                    <path d="M0,0 L10,5 L0,10 z" fill={STROKE[style].stroke} />
                  </marker>
                ))}
              </defs>
              {map.edges.map((edge) => (
                <Arrow
                  key={pathKey(edge)}
                  edge={edge}
                  d={layout.paths.get(pathKey(edge)) ?? ''}
                  markerPrefix={markerPrefix}
                  dimmed={active !== null && edge.from !== active && edge.to !== active}
                />
              ))}
            </svg>
            {map.nodes.map((node) => (
              <Node key={node.id} node={node} box={layout.nodes.get(node.id)!} phaseName={phaseName} openInitiative={openInitiative} />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

function nodeIdAt(target: EventTarget): string | null {
  return target instanceof Element ? (target.closest('[data-testid="dependency-node"]')?.getAttribute('data-initiative-id') ?? null) : null;
}

function Arrow({ edge, d, markerPrefix, dimmed }: { edge: MapEdge; d: string; markerPrefix: string; dimmed: boolean }) {
  const style = edgeStyle(edge);
  const { stroke, width, dash } = STROKE[style];
  const explained = edge.findings.map((f) => f.message);
  if (edge.cycleMessage && !edge.kinds.includes('cycle')) explained.push(edge.cycleMessage);
  return (
    <path
      data-testid="dependency-edge"
      data-from={edge.from}
      data-to={edge.to}
      data-violation={edge.kinds.length > 0 ? edge.kinds.join(',') : 'none'}
      data-in-cycle={edge.inCycle ? 'true' : undefined}
      data-style={style}
      d={d}
      fill="none"
      stroke={stroke}
      strokeWidth={width}
      strokeDasharray={dash}
      strokeLinecap="round"
      markerEnd={`url(#${markerPrefix}-${style})`}
      opacity={dimmed ? 0.25 : 1}
    >
      <title>{explained.length > 0 ? explained.join('\n') : `${edge.from} depends on ${edge.to}`}</title>
    </path>
  );
}

const line: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

function Node({
  node,
  box,
  phaseName,
  openInitiative,
}: {
  node: MapNode<InitiativeView>;
  box: Box;
  phaseName: ReadonlyMap<string, string>;
  openInitiative?: (id: string) => void;
}) {
  const placed: CSSProperties = {
    position: 'absolute',
    left: box.x,
    top: box.y,
    width: box.width,
    height: box.height,
    boxSizing: 'border-box',
    borderRadius: token('radius.medium', '6px'),
    padding: `${token('space.075')} ${token('space.100')}`,
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    gap: 2,
    textAlign: 'start',
    font: token('font.body.small'),
    color: token('color.text'),
  };
  const initiative = node.initiative;
  if (!initiative) {
    return (
      <div
        data-testid="dependency-node"
        data-initiative-id={node.id}
        data-missing="true"
        style={{ ...placed, border: `2px dashed ${STROKE.gone.stroke}`, backgroundColor: token('elevation.surface') }}
      >
        <span style={{ ...line, fontWeight: token('font.weight.bold') }}>{node.id}</span>
        <span style={{ ...line, color: token('color.text.subtle') }}>Not on this roadmap (deleted or missing)</span>
      </div>
    );
  }
  const phase = phaseName.get(initiative.phaseId);
  const facts = [STATUS_LABEL[initiative.status], HORIZON_LABEL[initiative.horizon], quarterLabel(initiative.targetQuarter), phase].filter(Boolean).join(', ');
  const gone = initiative.status === 'dropped' || initiative.status === 'done';
  const content = (
    <>
      <span style={{ ...line, fontWeight: token('font.weight.bold'), textDecoration: initiative.status === 'dropped' ? 'line-through' : undefined }}>
        {initiative.title}
      </span>
      <span style={{ ...line, color: token('color.text.subtle') }}>
        {initiative.id} · {STATUS_LABEL[initiative.status]} · {HORIZON_LABEL[initiative.horizon]}
      </span>
      <span style={{ ...line, color: token('color.text.subtle') }}>
        {quarterLabel(initiative.targetQuarter)}
        {phase ? ` · ${phase}` : ''}
      </span>
    </>
  );
  const look: CSSProperties = {
    ...placed,
    border: `1px solid ${token('color.border')}`,
    borderInlineStart: `4px solid ${HORIZON_BAR[initiative.horizon]}`,
    backgroundColor: gone ? token('elevation.surface.sunken') : token('elevation.surface.raised'),
    boxShadow: gone ? undefined : token('elevation.shadow.raised'),
  };
  const name = `${initiative.title} (${initiative.id}): ${facts}`;
  if (!openInitiative) {
    return (
      <div data-testid="dependency-node" data-initiative-id={initiative.id} title={name} style={look}>
        {content}
      </div>
    );
  }
  return (
    <NodeButton label={`Open ${name}`} title={name} id={initiative.id} look={look} onClick={() => openInitiative(initiative.id)}>
      {content}
    </NodeButton>
  );
}

/** A node as a button: a subtle background on hover, the focus ring on keyboard focus (tokens only, as inputs.tsx does). */
function NodeButton({
  id,
  label,
  title,
  look,
  onClick,
  children,
}: {
  id: string;
  label: string;
  title: string;
  look: CSSProperties;
  onClick: () => void;
  children: ReactNode;
}) {
  const [hover, setHover] = useState(false);
  const [ring, setRing] = useState(false);
  return (
    <button
      type="button"
      data-testid="dependency-node"
      data-initiative-id={id}
      aria-label={label}
      title={title}
      onClick={onClick}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      onFocus={(e) => setRing(e.currentTarget.matches(':focus-visible'))}
      onBlur={() => setRing(false)}
      style={{
        ...look,
        cursor: 'pointer',
        outline: ring ? `${token('border.width.focused', '2px')} solid ${token('color.border.focused')}` : 'none',
        outlineOffset: token('space.025'),
        backgroundColor: hover ? token('elevation.surface.raised.hovered') : look.backgroundColor,
      }}
    >
      {children}
    </button>
  );
}
