import { token } from '@atlaskit/tokens';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scaleSymlog } from '@visx/scale';
import { Line } from '@visx/shape';
import { type KeyboardEvent, useMemo, useState } from 'react';
import type { Track } from '../../../../../src/domain/model';
import type { CostImpactMatrix as Matrix, Quadrant } from '../../../../../src/domain/rules/prioritisation';
import { placeLabels, QUADRANT_LABEL, quadrantAt, spansOrdersOfMagnitude, spreadSharedSpots } from '../../../../../src/domain/views/priorities';
import { trackColor } from '../../components';

export interface MatrixInitiative {
  title: string;
  track: Track;
}

/** The chart's drawing size (its viewBox; the SVG scales to its container) and type sizes, per mode. */
const SIZES = {
  normal: { width: 760, height: 460, margin: { top: 16, right: 24, bottom: 56, left: 72 }, radius: 8, font: 12, label: 13, quadrantFont: 14, titleChars: 26 },
  large: { width: 960, height: 560, margin: { top: 20, right: 28, bottom: 72, left: 92 }, radius: 11, font: 16, label: 16, quadrantFont: 22, titleChars: 32 },
} as const;
export type MatrixSize = keyof typeof SIZES;

type Placed = Exclude<Quadrant, 'unscored'>;
/** Where each quadrant's name sits: which corner of the plot. */
const CORNER: Record<Placed, { right: boolean; top: boolean }> = {
  'quick-win': { right: false, top: true },
  'big-bet': { right: true, top: true },
  'fill-in': { right: false, top: false },
  'money-pit': { right: true, top: false },
};
const QUADRANT_TINT: Record<Placed, string | undefined> = {
  'quick-win': token('color.background.accent.green.subtlest'),
  'money-pit': token('color.background.accent.red.subtlest'),
  'big-bet': undefined,
  'fill-in': undefined,
};

const shortTitle = (title: string, max: number) => (title.length > max ? `${title.slice(0, max - 1).trimEnd()}…` : title);
const number = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 1 });

/** Tick values for a symlog impact axis: 0 and the powers of ten up to the top. */
function powerTicks(top: number): number[] {
  const ticks = [0];
  for (let v = 1; v <= top; v *= 10) ticks.push(v);
  return ticks;
}

/**
 * Points the matrix draws at most: beyond a few hundred, points and labels pile into an unreadable blot (and take
 * seconds to place). A bigger roadmap draws those with the most impact per cost, and says so under the chart; the
 * medians and quadrants still count every scored initiative (they are the domain's).
 */
export const MAX_MATRIX_POINTS = 150;

type Scored = Matrix['placements'][number] & { cost: number; impact: number };

/** The scored placements the matrix draws: all of them, or the MAX_MATRIX_POINTS with the most impact per cost. */
export function drawnPlacements(matrix: Matrix): Scored[] {
  const scored = matrix.placements.filter((p): p is Scored => p.quadrant !== 'unscored' && p.cost !== null && p.impact !== null);
  if (scored.length <= MAX_MATRIX_POINTS) return scored;
  const value = (p: Scored) => p.impact / Math.max(p.cost, 1e-9);
  const kept = new Set([...scored].sort((a, b) => value(b) - value(a) || a.initiativeId.localeCompare(b.initiativeId)).slice(0, MAX_MATRIX_POINTS));
  return scored.filter((p) => kept.has(p));
}

/** The scales, lines and points, computed once per matrix and size (never per render). */
function useLayout(matrix: Matrix, initiatives: ReadonlyMap<string, MatrixInitiative>, size: MatrixSize) {
  return useMemo(() => {
    const { width, height, margin, radius } = SIZES[size];
    const innerWidth = width - margin.left - margin.right;
    const innerHeight = height - margin.top - margin.bottom;
    const scored = drawnPlacements(matrix);
    const maxCost = Math.max(1, ...scored.map((p) => p.cost));
    const maxImpact = Math.max(1, ...scored.map((p) => p.impact));
    const logImpact = spansOrdersOfMagnitude(scored.map((p) => p.impact));
    const x = scaleLinear<number>({ domain: [0, maxCost * 1.08], range: [0, innerWidth], nice: true });
    // Impact is reach × impact × confidence: it often spans 1 to 1,000. A symlog axis (log-like, but defined at 0)
    // keeps small values apart; it is monotonic, so the median line splits the points exactly as the domain does.
    const y = logImpact
      ? scaleSymlog<number>({ domain: [0, maxImpact * 1.5], range: [innerHeight, 0] })
      : scaleLinear<number>({ domain: [0, maxImpact * 1.1], range: [innerHeight, 0], nice: true });
    const costLineX = matrix.thresholds.cost === null ? null : x(matrix.thresholds.cost);
    const impactLineY = matrix.thresholds.impact === null ? null : y(matrix.thresholds.impact);
    const points = spreadSharedSpots(
      scored.map((p) => ({ id: p.initiativeId, x: x(p.cost), y: y(p.impact), cost: p.cost, impact: p.impact })),
      costLineX,
      radius * 1.6,
    ).map((point) => ({
      ...point,
      // The quadrant as drawn: from the point's position against the drawn lines, not copied from the domain.
      quadrant: costLineX === null || impactLineY === null ? null : quadrantAt(point.x, point.y, costLineX, impactLineY),
      initiative: initiatives.get(point.id),
    }));
    const labels = placeLabels(
      points.map((p) => ({ id: p.id, x: p.x, y: p.y, label: shortTitle(p.initiative?.title ?? p.id, SIZES[size].titleChars) })),
      { radius, lineHeight: SIZES[size].font + 4, charWidth: SIZES[size].font * 0.56, width: innerWidth },
    );
    return { innerWidth, innerHeight, x, y, logImpact, costLineX, impactLineY, points, labels, yTicks: logImpact ? powerTicks(maxImpact * 1.5) : undefined };
  }, [matrix, initiatives, size]);
}

/**
 * The cost-vs-impact matrix: a scatter of the scored open initiatives, cost (effort) across and impact (RICE value
 * raised by risk reduction) up, split at the domain's medians into quick wins, big bets, fill-ins and money pits.
 * Points take their track's colour; each is a focusable button named by its title and quadrant.
 */
export function CostImpactMatrix({
  matrix,
  initiatives,
  unit,
  size = 'normal',
  openInitiative,
}: {
  matrix: Matrix;
  initiatives: ReadonlyMap<string, MatrixInitiative>;
  unit: string;
  size?: MatrixSize;
  openInitiative?: (id: string) => void;
}) {
  const { width, height, margin, radius, font, label, quadrantFont } = SIZES[size];
  const layout = useLayout(matrix, initiatives, size);
  const { innerWidth, innerHeight, x, y, costLineX, impactLineY, points } = layout;
  const [focused, setFocused] = useState<string | null>(null);
  const axisColour = token('color.text.subtle');
  const tickLabel = () => ({ fill: axisColour, fontSize: font, fontFamily: 'inherit' });
  const onKey = (id: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openInitiative?.(id);
    }
  };
  const regions =
    costLineX === null || impactLineY === null
      ? []
      : (Object.keys(CORNER) as Placed[]).map((quadrant) => {
          const { right, top } = CORNER[quadrant];
          return {
            quadrant,
            x0: right ? costLineX : 0,
            x1: right ? innerWidth : costLineX,
            y0: top ? 0 : impactLineY,
            y1: top ? impactLineY : innerHeight,
            right,
            top,
          };
        });
  return (
    <svg
      data-testid="cost-impact-matrix"
      data-impact-scale={layout.logImpact ? 'log' : 'linear'}
      role="group"
      aria-label={`Cost versus impact: ${points.length} initiatives; cost in ${unit} across, impact up${layout.logImpact ? ' on a logarithmic scale' : ''}`}
      viewBox={`0 0 ${width} ${height}`}
      // Presenting, the matrix fills the width but never runs past the bottom of the screen.
      style={{
        width: '100%',
        maxWidth: size === 'large' ? `calc((100vh - 260px) * ${width / height})` : undefined,
        minWidth: size === 'large' ? Math.min(width, 720) : undefined,
        height: 'auto',
        // Explicit, so a flex parent sizes the box to the drawing (the viewBox alone is not always used for layout).
        aspectRatio: `${width} / ${height}`,
        display: 'block',
        margin: '0 auto',
        fontFamily: 'inherit',
      }}
    >
      <Group left={margin.left} top={margin.top}>
        <rect width={innerWidth} height={innerHeight} fill="none" stroke={token('color.border')} />
        {regions.map((r) => (
          <g key={r.quadrant}>
            {QUADRANT_TINT[r.quadrant] ? (
              <rect x={r.x0} y={r.y0} width={Math.max(0, r.x1 - r.x0)} height={Math.max(0, r.y1 - r.y0)} fill={QUADRANT_TINT[r.quadrant]} aria-hidden />
            ) : null}
            <text
              data-testid="matrix-quadrant-label"
              data-quadrant={r.quadrant}
              x={r.right ? r.x1 - 8 : r.x0 + 8}
              y={r.top ? r.y0 + quadrantFont + 6 : r.y1 - 8}
              textAnchor={r.right ? 'end' : 'start'}
              fill={token('color.text.subtle')}
              fontSize={quadrantFont}
              fontWeight={600}
            >
              {QUADRANT_LABEL[r.quadrant]}
            </text>
          </g>
        ))}
        {costLineX !== null ? (
          <Line
            data-testid="matrix-cost-line"
            from={{ x: costLineX, y: 0 }}
            to={{ x: costLineX, y: innerHeight }}
            stroke={token('color.border.bold')}
            strokeDasharray="6 4"
          />
        ) : null}
        {impactLineY !== null ? (
          <Line
            data-testid="matrix-impact-line"
            from={{ x: 0, y: impactLineY }}
            to={{ x: innerWidth, y: impactLineY }}
            stroke={token('color.border.bold')}
            strokeDasharray="6 4"
          />
        ) : null}
        <AxisBottom
          top={innerHeight}
          scale={x}
          numTicks={8}
          stroke={token('color.border.bold')}
          tickStroke={token('color.border.bold')}
          tickLabelProps={tickLabel}
          label={`Cost (effort, ${unit})`}
          labelProps={{ fill: axisColour, fontSize: label, textAnchor: 'middle', fontFamily: 'inherit' }}
          labelOffset={font}
        />
        <AxisLeft
          scale={y}
          tickValues={layout.yTicks}
          numTicks={6}
          tickFormat={(v) => number(Number(v))}
          stroke={token('color.border.bold')}
          tickStroke={token('color.border.bold')}
          tickLabelProps={() => ({ ...tickLabel(), textAnchor: 'end', dy: '0.33em' })}
          label={layout.logImpact ? 'Impact (log scale)' : 'Impact'}
          labelProps={{ fill: axisColour, fontSize: label, textAnchor: 'middle', fontFamily: 'inherit' }}
          labelOffset={font * 3}
        />
        {points.map((p) => {
          const title = p.initiative?.title ?? p.id;
          const where = p.quadrant ? QUADRANT_LABEL[p.quadrant] : 'not placed';
          const name = `${title}: ${where}, cost ${number(p.cost)}, impact ${number(p.impact)}`;
          const place = layout.labels.get(p.id);
          return (
            <g
              key={p.id}
              data-testid="matrix-point"
              data-initiative-id={p.id}
              data-quadrant={p.quadrant ?? ''}
              data-x={p.x}
              data-y={p.y}
              role={openInitiative ? 'button' : 'img'}
              tabIndex={openInitiative ? 0 : undefined}
              aria-label={name}
              transform={`translate(${p.x}, ${p.y})`}
              style={{ cursor: openInitiative ? 'pointer' : undefined, outline: 'none' }}
              onClick={openInitiative ? () => openInitiative(p.id) : undefined}
              onKeyDown={openInitiative ? onKey(p.id) : undefined}
              onFocus={() => setFocused(p.id)}
              onBlur={() => setFocused((f) => (f === p.id ? null : f))}
            >
              <title>{name}</title>
              {place && place.dy !== 0 ? (
                // A label moved off its point's line is tied to it, so it is not read as a neighbour's.
                <line x1={0} y1={0} x2={place.dx} y2={place.dy} stroke={token('color.border.bold')} aria-hidden />
              ) : null}
              {focused === p.id ? <circle r={radius + 4} fill="none" stroke={token('color.border.focused')} strokeWidth={2} /> : null}
              <circle
                r={radius}
                fill={p.initiative ? trackColor(p.initiative.track) : token('color.icon')}
                stroke={token('elevation.surface')}
                strokeWidth={2}
              />
              <text
                x={place?.dx ?? radius + 4}
                y={place?.dy ?? 0}
                dy="0.33em"
                textAnchor={place?.anchor ?? 'start'}
                fill={token('color.text')}
                fontSize={font}
                aria-hidden
              >
                {shortTitle(title, SIZES[size].titleChars)}
              </text>
            </g>
          );
        })}
      </Group>
    </svg>
  );
}
