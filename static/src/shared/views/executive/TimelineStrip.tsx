import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { type CSSProperties, useMemo } from 'react';
import { quarterLabel } from '../../../../../src/domain/quarter';
import { timelineLayout } from '../../../../../src/domain/views/timeline';
import { muted, trackColor } from '../../components';
import { TRACK_LABEL } from '../../labels';
import type { RoadmapViewProps } from '../view-props';

const dot: CSSProperties = { width: 10, height: 10, borderRadius: '50%', flex: 'none' };

/** Visually hidden, still read by screen readers. */
const srOnly: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

/** Dots a phase's quarter shows; more are counted ("+4,985"), so the one-pager stays one page at any size. */
const DOTS_PER_CELL = 24;

/**
 * The timeline in one glance for the one-pager: a row per phase, its span as a bar, and a dot per initiative in its
 * target quarter (track colours; overdue dots ringed). The same layout as the Timeline view, drawn small.
 */
export function TimelineStrip({ view, health }: Pick<RoadmapViewProps, 'view' | 'health'>) {
  const layout = useMemo(() => {
    const overdue = new Set(health.staleness.overdue.map((o) => o.initiativeId));
    return timelineLayout(view, new Date(`${health.asOf}T12:00:00Z`), overdue);
  }, [view, health]);
  const columns = layout.quarters.length;
  const tracks = useMemo(() => [...new Set(view.initiatives.map((i) => i.track))].sort(), [view]);
  const gridTemplateColumns = `minmax(90px, 140px) repeat(${columns}, minmax(48px, 1fr))`;
  const cell: CSSProperties = { padding: `${token('space.025')} ${token('space.050')}`, borderBlockStart: `1px solid ${token('color.border')}` };
  return (
    <section data-testid="executive-timeline-strip" aria-labelledby="executive-strip-title" style={{ breakInside: 'avoid' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: token('space.150') }}>
        <Heading size="xsmall" as="h3" id="executive-strip-title">
          Timeline
        </Heading>
        {/* The key to the dots: a colour per track (the board's), a ring for overdue work. */}
        <span style={{ ...muted, display: 'inline-flex', flexWrap: 'wrap', gap: token('space.100') }}>
          {tracks.map((track) => (
            <span key={track} style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }}>
              <span aria-hidden style={{ ...dot, backgroundColor: trackColor(track) }} />
              {TRACK_LABEL[track]}
            </span>
          ))}
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }}>
            <span aria-hidden style={{ ...dot, boxShadow: `0 0 0 2px ${token('color.border.danger')}` }} />
            Overdue
          </span>
        </span>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns, font: token('font.body.small'), marginBlockStart: token('space.075') }}>
        <div />
        {layout.quarters.map((quarter, column) => (
          <div
            key={quarter}
            style={{
              textAlign: 'center',
              color: token('color.text.subtle'),
              fontWeight: layout.today?.column === column ? token('font.weight.bold') : undefined,
            }}
          >
            {quarterLabel(quarter)}
            {layout.today?.column === column ? ' (now)' : ''}
          </div>
        ))}
        {layout.rows.map((row) => (
          <div key={row.phaseId ?? 'none'} style={{ display: 'contents' }} data-testid="executive-strip-row">
            <div style={{ ...cell, fontWeight: token('font.weight.medium'), overflowWrap: 'anywhere' }}>{row.name}</div>
            {row.cells.map((items, column) => {
              const inSpan = row.span !== null && column >= row.span.start && column <= row.span.end;
              return (
                <div
                  key={column}
                  style={{
                    ...cell,
                    display: 'flex',
                    flexWrap: 'wrap',
                    alignItems: 'center',
                    justifyContent: 'center',
                    gap: 3,
                    minHeight: 18,
                    backgroundColor: inSpan ? token('color.background.accent.blue.subtlest') : undefined,
                  }}
                >
                  {items.slice(0, DOTS_PER_CELL).map((item) => (
                    <span
                      key={item.initiativeId}
                      aria-hidden
                      title={`${item.title}${item.overdue ? ' (overdue)' : ''}`}
                      data-testid="executive-strip-dot"
                      data-initiative-id={item.initiativeId}
                      style={{
                        ...dot,
                        backgroundColor: trackColor(item.track),
                        boxShadow: item.overdue ? `0 0 0 2px ${token('color.border.danger')}` : undefined,
                      }}
                    />
                  ))}
                  {items.length > DOTS_PER_CELL ? (
                    <span data-testid="executive-strip-more" style={{ color: token('color.text.subtle') }}>
                      +{(items.length - DOTS_PER_CELL).toLocaleString('en-US')}
                    </span>
                  ) : null}
                  {items.length > 0 ? (
                    <span style={srOnly}>
                      {row.name}, {quarterLabel(layout.quarters[column])}:{' '}
                      {items.length > DOTS_PER_CELL ? `${items.length.toLocaleString('en-US')} initiatives` : items.map((i) => i.title).join(', ')}
                    </span>
                  ) : null}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
}
