import { token } from '@atlaskit/tokens';
import { type CSSProperties, useMemo } from 'react';
import { quarterLabel } from '../../../../../src/domain/quarter';
import { type TimelineItem, timelineLayout, type TimelineRow } from '../../../../../src/domain/views/timeline';
import { muted, trackColor } from '../../components';
import { STATUS_LABEL, TRACK_LABEL } from '../../labels';
import { ShowMoreList } from '../../show-more';
import { formatDay } from '../../time';
import { titleButton } from '../title-button';
import type { RoadmapViewProps } from '../view-props';

/** Width of the phase names' column and the least width of a quarter's column (wider roadmaps scroll sideways). */
const LABEL_WIDTH = 180;
const QUARTER_MIN_WIDTH = 190;
/**
 * Chips a phase's quarter shows before "Show more": a quarter of hundreds of initiatives would be a page of chips
 * nobody scans (and thousands of them take seconds to draw); the cell says how many more there are.
 */
const CHIPS_PER_CELL = 20;

/**
 * The roadmap over time: a column per quarter, a band per phase (its span drawn as a bar), each initiative as a chip
 * in its target quarter with its success metric as a milestone at the quarter's end, overdue work marked, and a line
 * for today. Layout is pure (src/domain/views/timeline.ts) and computed once per view.
 */
export function TimelineView({ view, health, openInitiative }: RoadmapViewProps) {
  const layout = useMemo(() => {
    const overdue = new Set(health.staleness.overdue.map((o) => o.initiativeId));
    return timelineLayout(view, new Date(`${health.asOf}T12:00:00Z`), overdue);
  }, [view, health]);
  const columns = layout.quarters.length;
  const gridTemplateColumns = `${LABEL_WIDTH}px repeat(${columns}, minmax(${QUARTER_MIN_WIDTH}px, 1fr))`;

  return (
    <section data-testid="timeline-view" aria-label="Timeline" style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      <Legend />
      {/* Wide roadmaps scroll inside the view, not the page; the region is focusable so keyboards can scroll it. */}
      <div
        data-testid="timeline-scroll"
        role="region"
        aria-label="Timeline by quarter"
        tabIndex={0}
        style={{ overflowX: 'auto', paddingBottom: token('space.100') }}
      >
        <div style={{ display: 'grid', gridTemplateColumns, position: 'relative', minWidth: 'min-content' }}>
          <div style={{ ...headerCell, ...stickyStart, gridRow: 1, gridColumn: 1, textAlign: 'start' }}>Phase</div>
          {layout.quarters.map((quarter, column) => (
            <div key={quarter} data-testid="timeline-quarter" data-quarter={quarter} style={{ ...headerCell, gridRow: 1, gridColumn: column + 2 }}>
              {quarterLabel(quarter)}
            </div>
          ))}
          {layout.rows.map((row, index) => (
            <PhaseBand key={row.phaseId ?? 'none'} row={row} gridRow={2 + 2 * index} openInitiative={openInitiative} />
          ))}
          {layout.today ? (
            // A layer over the quarter columns, so the line sits at the day's fraction of its quarter.
            <div style={{ gridColumn: '2 / -1', gridRow: `1 / ${2 + 2 * layout.rows.length}`, position: 'relative', pointerEvents: 'none' }}>
              <div
                data-testid="timeline-today"
                data-quarter={layout.today.quarter}
                role="img"
                aria-label={`Today, ${formatDay(health.asOf)}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  bottom: 0,
                  left: `${((layout.today.column + layout.today.fraction) / columns) * 100}%`,
                  borderInlineStart: `2px solid ${token('color.border.brand')}`,
                }}
              >
                <span style={todayTag}>Today</span>
              </div>
            </div>
          ) : null}
        </div>
      </div>
    </section>
  );
}

const headerCell: CSSProperties = {
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.subtle'),
  textAlign: 'center',
  padding: `${token('space.100')} ${token('space.050')} ${token('space.150')}`,
  borderBlockEnd: `1px solid ${token('color.border')}`,
};

/** The phase names stay in sight while a wide roadmap scrolls sideways (above the chips and the today line). */
const stickyStart: CSSProperties = { position: 'sticky', insetInlineStart: 0, zIndex: 2, backgroundColor: token('elevation.surface') };

const todayTag: CSSProperties = {
  position: 'absolute',
  top: 0,
  insetInlineStart: 2,
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.inverse'),
  backgroundColor: token('color.background.brand.bold'),
  borderRadius: token('radius.small', '3px'),
  paddingInline: token('space.050'),
  whiteSpace: 'nowrap',
};

/**
 * One phase on two grid rows (`gridRow` and the next): its name and span in the first column, the span as a bar,
 * and under the bar its initiatives in their quarters.
 */
function PhaseBand({ row, gridRow, openInitiative }: { row: TimelineRow; gridRow: number; openInitiative?: (id: string) => void }) {
  const band: CSSProperties = { borderBlockEnd: `1px solid ${token('color.border')}`, padding: `${token('space.100')} ${token('space.050')}` };
  return (
    <>
      <div
        data-testid="timeline-phase"
        data-phase-id={row.phaseId ?? ''}
        style={{ ...band, ...stickyStart, gridColumn: 1, gridRow: `${gridRow} / span 2`, minWidth: 0 }}
      >
        <div style={{ fontWeight: token('font.weight.semibold'), overflowWrap: 'anywhere' }}>{row.name}</div>
        {row.span ? (
          <div style={muted}>
            {row.span.startQuarter === row.span.endQuarter
              ? quarterLabel(row.span.startQuarter)
              : `${quarterLabel(row.span.startQuarter)} – ${quarterLabel(row.span.endQuarter)}`}
          </div>
        ) : (
          <div style={muted}>Its phase is no longer on the roadmap</div>
        )}
      </div>
      {/* The phase's span; its name and quarters are text in the first column, so the bar is decoration. */}
      {row.span ? (
        <div
          data-testid="timeline-phase-bar"
          aria-hidden
          style={{
            gridColumn: `${row.span.start + 2} / ${row.span.end + 3}`,
            gridRow,
            height: 8,
            margin: `${token('space.100')} ${token('space.050')} 0`,
            borderRadius: 4,
            backgroundColor: token('color.background.accent.blue.subtle'),
          }}
        />
      ) : null}
      {row.cells.map((cell, column) => (
        <div
          key={column}
          style={{ ...band, gridColumn: column + 2, gridRow: gridRow + 1, display: 'flex', flexDirection: 'column', gap: token('space.075'), minWidth: 0 }}
          data-testid="timeline-cell"
        >
          <ShowMoreList
            items={cell}
            first={CHIPS_PER_CELL}
            noun="initiatives"
            testId="timeline-cell-more"
            render={(item) => <InitiativeChip key={item.initiativeId} item={item} openInitiative={openInitiative} />}
          />
        </div>
      ))}
    </>
  );
}

/** An initiative in its quarter: its title (a button that opens it), status and track, overdue and its milestone. */
function InitiativeChip({ item, openInitiative }: { item: TimelineItem; openInitiative?: (id: string) => void }) {
  const title = openInitiative ? (
    <button type="button" onClick={() => openInitiative(item.initiativeId)} style={titleButtonStyle}>
      {item.title}
    </button>
  ) : (
    <span style={{ ...titleButtonStyle, cursor: 'default' }}>{item.title}</span>
  );
  return (
    <div
      data-testid="timeline-initiative"
      data-initiative-id={item.initiativeId}
      data-quarter={item.quarter}
      data-overdue={item.overdue ? 'true' : 'false'}
      style={{
        display: 'flex',
        alignItems: 'flex-start',
        gap: token('space.050'),
        padding: `${token('space.050')} ${token('space.075')}`,
        borderRadius: token('radius.small', '3px'),
        backgroundColor: token('elevation.surface.raised'),
        boxShadow: token('elevation.shadow.raised'),
        borderInlineStart: `4px solid ${trackColor(item.track)}`,
        // Above the today line, which runs behind the chips.
        position: 'relative',
        zIndex: 1,
      }}
    >
      <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <span style={{ textDecoration: item.status === 'dropped' ? 'line-through' : undefined }}>{title}</span>
        <span style={muted}>
          {item.status === 'done' ? '✓ ' : ''}
          {STATUS_LABEL[item.status]} · {TRACK_LABEL[item.track]}
        </span>
        {item.overdue ? (
          <span data-testid="timeline-overdue" style={overdueTag}>
            <span aria-hidden>⚠</span> Overdue
          </span>
        ) : null}
      </div>
      {item.milestone ? <Milestone text={item.milestone} done={item.status === 'done'} /> : null}
    </div>
  );
}

const titleButtonStyle = titleButton('small');

const overdueTag: CSSProperties = {
  alignSelf: 'flex-start',
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.danger'),
  backgroundColor: token('color.background.danger'),
  borderRadius: token('radius.small', '3px'),
  paddingInline: token('space.050'),
};

/** The success metric as a diamond at the end of the target quarter: filled once the work is done. */
function Milestone({ text, done }: { text: string; done: boolean }) {
  const label = `Milestone: ${text}`;
  return (
    <span
      data-testid="timeline-milestone"
      role="img"
      aria-label={label}
      title={label}
      style={{
        flex: 'none',
        width: 10,
        height: 10,
        marginBlockStart: 4,
        transform: 'rotate(45deg)',
        border: `2px solid ${token('color.icon.discovery')}`,
        backgroundColor: done ? token('color.icon.discovery') : 'transparent',
      }}
    />
  );
}

/** What the marks mean, in words (colour is never the only cue). */
function Legend() {
  const item: CSSProperties = { display: 'inline-flex', alignItems: 'center', gap: token('space.050') };
  return (
    <div style={{ ...muted, display: 'flex', flexWrap: 'wrap', gap: token('space.200') }} data-testid="timeline-legend">
      <span style={item}>
        <span aria-hidden style={{ width: 8, height: 8, transform: 'rotate(45deg)', border: `2px solid ${token('color.icon.discovery')}` }} />
        Milestone: the success metric, due at the end of the quarter (filled when done)
      </span>
      <span style={item}>
        <span aria-hidden style={{ width: 2, height: 12, backgroundColor: token('color.border.brand') }} />
        Today
      </span>
      <span style={item}>
        <span aria-hidden style={{ width: 16, height: 6, borderRadius: 3, backgroundColor: token('color.background.accent.blue.subtle') }} />
        Phase span
      </span>
    </div>
  );
}
