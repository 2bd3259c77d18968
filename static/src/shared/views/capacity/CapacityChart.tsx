import { token } from '@atlaskit/tokens';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import { type CSSProperties, type ReactNode, useId, useMemo } from 'react';
import { CAPACITY_UNIT_LABEL } from '../../../../../src/domain/labels';
import { BUFFER_MAX_PERCENT, BUFFER_MIN_PERCENT, type CapacityReport } from '../../../../../src/domain/rules/capacity';
import { capacityBars, tracksInUse, valueAxisTop } from '../../../../../src/domain/views/capacity-chart';
import { trackColor } from '../../components';
import { TRACK_LABEL } from '../../labels';

const WIDTH = 760;
const HEIGHT = 320;
const MARGIN = { top: 28, right: 16, bottom: 40, left: 64 };
const INNER_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const INNER_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

const amount = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 1 });
const small: CSSProperties = { font: token('font.body.small'), color: token('color.text.subtle') };

/**
 * Capacity per quarter as a chart: committed effort stacked by track, the capacity level, and the buffer kept for
 * unplanned work as a hatched band between the plannable level and capacity; commitments past the plannable level
 * are outlined in red with how far over they go. The current quarter is highlighted. Everything comes from the
 * domain's capacity report (`healthOfView(...).capacity`); the numbers are also on each bar as data attributes.
 */
export function CapacityChart({ report, currentQuarter }: { report: CapacityReport; currentQuarter: string }) {
  const { summary } = report;
  const unit = CAPACITY_UNIT_LABEL[summary.unit].many;
  if (summary.state === 'capacity-not-set') {
    return (
      <div data-testid="capacity-chart" data-state="capacity-not-set" style={small}>
        No chart yet: capacity per quarter is not set, so there is no capacity or buffer to draw the commitments against.
      </div>
    );
  }
  const warning = summary.bufferSettingWarning;
  return (
    <div data-testid="capacity-chart" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div data-testid="capacity-buffer-setting" style={{ ...small, color: warning ? token('color.text.warning') : small.color }}>
        Buffer: {amount(summary.bufferPercent)} % of each quarter’s capacity is kept for bugs, incidents and debt
        {warning ? <>. {warning.message}.</> : ` (inside the recommended ${BUFFER_MIN_PERCENT}–${BUFFER_MAX_PERCENT} %).`}
      </div>
      <Chart report={report} currentQuarter={currentQuarter} unit={unit} />
    </div>
  );
}

function Chart({ report, currentQuarter, unit }: { report: CapacityReport; currentQuarter: string; unit: string }) {
  const hatchId = `buffer-hatch-${useId().replace(/:/g, '')}`;
  const layout = useMemo(() => {
    const bars = capacityBars(report);
    const x = scaleBand<string>({ domain: bars.map((b) => b.quarter), range: [0, INNER_WIDTH], padding: 0.25 });
    const y = scaleLinear<number>({ domain: [0, valueAxisTop(bars)], range: [INNER_HEIGHT, 0], nice: true });
    return { bars, x, y, tracks: tracksInUse(bars), labels: new Map(bars.map((b) => [b.quarter, b.label])) };
  }, [report]);
  const { bars, x, y, tracks, labels } = layout;
  const band = x.bandwidth();
  const barWidth = Math.min(band * 0.6, 72);
  const summaryText = `Capacity by quarter, in ${unit}. ${bars
    .map(
      (b) =>
        `${b.label}: ${amount(b.committed)} committed of ${amount(b.plannable)} plannable, capacity ${amount(b.capacity)}${b.overCommitted ? ', over-committed' : ''}`,
    )
    .join('; ')}.`;
  const axisColour = token('color.text.subtle');
  const tickLabel = { fill: axisColour, fontSize: 12, fontFamily: 'inherit' };
  return (
    <>
      <svg role="img" aria-label={summaryText} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ width: '100%', maxWidth: 960, height: 'auto', display: 'block' }}>
        <defs>
          <pattern id={hatchId} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={6} height={6} fill={token('color.background.warning')} />
            <line x1={0} y1={0} x2={0} y2={6} stroke={token('color.border.warning')} strokeWidth={2} />
          </pattern>
        </defs>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {bars.map((b) => {
            const left = x(b.quarter) ?? 0;
            const centre = left + band / 2;
            const barLeft = centre - barWidth / 2;
            const levelLeft = centre - barWidth / 2 - 8;
            const levelWidth = barWidth + 16;
            const current = b.quarter === currentQuarter;
            return (
              <g
                key={b.quarter}
                data-testid="capacity-bar"
                data-quarter={b.quarter}
                data-committed={b.committed}
                data-capacity={b.capacity}
                data-buffer-kept={b.bufferKept}
                data-plannable={b.plannable}
                data-over-committed={b.overCommitted}
                data-current={current}
              >
                {current ? (
                  <rect
                    x={left - band * 0.12}
                    y={-MARGIN.top + 4}
                    width={band * 1.24}
                    height={INNER_HEIGHT + MARGIN.top - 4}
                    fill={token('color.background.selected')}
                    rx={4}
                  />
                ) : null}
                {/* The buffer kept: between the plannable level and capacity. */}
                <rect
                  data-testid="capacity-buffer-band"
                  x={levelLeft}
                  y={y(b.capacity)}
                  width={levelWidth}
                  height={Math.max(0, y(b.plannable) - y(b.capacity))}
                  fill={`url(#${hatchId})`}
                />
                {b.segments.map((s) => (
                  <Bar
                    key={s.track}
                    data-testid="capacity-bar-segment"
                    data-track={s.track}
                    data-amount={s.amount}
                    x={barLeft}
                    y={y(s.to)}
                    width={barWidth}
                    height={Math.max(0, y(s.from) - y(s.to))}
                    fill={trackColor(s.track)}
                    stroke={token('elevation.surface')}
                    strokeWidth={1}
                  />
                ))}
                {b.overCommitted ? (
                  <rect
                    data-testid="capacity-over-commit"
                    x={barLeft - 2}
                    y={y(b.committed)}
                    width={barWidth + 4}
                    height={Math.max(0, y(b.plannable) - y(b.committed))}
                    fill="none"
                    stroke={token('color.border.danger')}
                    strokeWidth={2.5}
                  />
                ) : null}
                <Line
                  from={{ x: levelLeft, y: y(b.plannable) }}
                  to={{ x: levelLeft + levelWidth, y: y(b.plannable) }}
                  stroke={token('color.border.bold')}
                  strokeDasharray="4 3"
                />
                <Line
                  from={{ x: levelLeft, y: y(b.capacity) }}
                  to={{ x: levelLeft + levelWidth, y: y(b.capacity) }}
                  stroke={token('color.text')}
                  strokeWidth={2.5}
                />
                <text
                  x={centre}
                  y={Math.min(y(b.committed), y(b.capacity)) - 6}
                  textAnchor="middle"
                  fontSize={12}
                  fontWeight={600}
                  fill={b.overCommitted ? token('color.text.danger') : token('color.text')}
                >
                  {b.overCommitted ? `${amount(b.committed)} · over by ${amount(b.overCommitBy)}` : amount(b.committed)}
                </text>
              </g>
            );
          })}
          <AxisLeft
            scale={y}
            numTicks={6}
            stroke={token('color.border.bold')}
            tickStroke={token('color.border.bold')}
            tickLabelProps={() => ({ ...tickLabel, textAnchor: 'end', dy: '0.33em' })}
            label={unit}
            labelProps={{ fill: axisColour, fontSize: 12, textAnchor: 'middle', fontFamily: 'inherit' }}
            labelOffset={36}
          />
          <AxisBottom
            top={INNER_HEIGHT}
            scale={x}
            stroke={token('color.border.bold')}
            tickStroke={token('color.border.bold')}
            tickFormat={(q) => (q === currentQuarter ? `${labels.get(q) ?? q} (now)` : (labels.get(q) ?? q))}
            tickLabelProps={(q) => ({
              ...tickLabel,
              textAnchor: 'middle',
              fontWeight: q === currentQuarter ? 700 : 400,
              fill: q === currentQuarter ? token('color.text') : axisColour,
            })}
          />
        </Group>
      </svg>
      <ul
        data-testid="capacity-legend"
        style={{ ...small, margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: `${token('space.050')} ${token('space.200')}` }}
      >
        {tracks.map((t) => (
          <LegendItem key={t} swatch={<span style={{ width: 10, height: 10, borderRadius: 2, backgroundColor: trackColor(t) }} />}>
            {TRACK_LABEL[t]}
          </LegendItem>
        ))}
        <LegendItem swatch={<span style={{ width: 14, height: 0, borderTop: `3px solid ${token('color.text')}` }} />}>Capacity</LegendItem>
        <LegendItem swatch={<span style={{ width: 14, height: 0, borderTop: `2px dashed ${token('color.border.bold')}` }} />}>Plannable</LegendItem>
        <LegendItem
          swatch={
            <svg width={14} height={10} aria-hidden>
              <rect width={14} height={10} fill={`url(#${hatchId})`} />
            </svg>
          }
        >
          Buffer kept ({amount(report.summary.bufferPercent)} %)
        </LegendItem>
        <LegendItem swatch={<span style={{ width: 10, height: 10, border: `2px solid ${token('color.border.danger')}` }} />}>Over-committed</LegendItem>
      </ul>
    </>
  );
}

function LegendItem({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <li style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.075') }}>
      <span aria-hidden style={{ display: 'inline-flex' }}>
        {swatch}
      </span>
      {children}
    </li>
  );
}
