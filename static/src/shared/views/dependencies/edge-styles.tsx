import { token } from '@atlaskit/tokens';
import type { DependencyFindingKind } from '../../../../../src/domain/rules/dependencies';
import type { EdgeStyle } from '../../../../../src/domain/views/dependency-map';

/**
 * How each kind of dependency is drawn: a colour and a dash pattern (so colour is never the only cue), the same in the
 * map, its legend and the list's tags, in the light and dark themes alike.
 */
export interface StrokeStyle {
  stroke: string;
  width: number;
  dash?: string;
  /** The list's tag for it (an ADS lozenge appearance). */
  lozenge: 'removed' | 'moved' | 'new' | 'success';
  legend: string;
}

export const STROKE: Record<EdgeStyle, StrokeStyle> = {
  cycle: { stroke: token('color.icon.danger'), width: 2.5, dash: '10 3 2 3', lozenge: 'removed', legend: 'Cycle: the work waits on itself' },
  late: { stroke: token('color.icon.warning'), width: 2, dash: '7 4', lozenge: 'moved', legend: 'Depends on later work (horizon, phase or quarter)' },
  gone: { stroke: token('color.icon.discovery'), width: 2, dash: '2 4', lozenge: 'new', legend: 'Depends on dropped or missing work' },
  ok: { stroke: token('color.border.bold'), width: 1.5, lozenge: 'success', legend: 'OK' },
};

export const EDGE_STYLES: readonly EdgeStyle[] = ['cycle', 'late', 'gone', 'ok'];

/** A finding kind's style, for tagging one finding in the list. */
export function styleOfKind(kind: DependencyFindingKind): EdgeStyle {
  if (kind === 'cycle') return 'cycle';
  if (kind === 'missing-dependency' || kind === 'depends-on-dropped') return 'gone';
  return 'late';
}

export const KIND_LABEL: Record<DependencyFindingKind, string> = {
  cycle: 'Cycle',
  'missing-dependency': 'Missing work',
  'depends-on-dropped': 'Dropped work',
  'depends-on-later-horizon': 'Later horizon',
  'depends-on-later-phase': 'Later phase',
  'depends-on-later-quarter': 'Later quarter',
};

/** A short stroke sample of a style, for the legend. */
export function StrokeSample({ style }: { style: EdgeStyle }) {
  const { stroke, width, dash } = STROKE[style];
  return (
    <svg width={36} height={10} aria-hidden focusable="false" style={{ flexShrink: 0 }}>
      <line x1={1} y1={5} x2={35} y2={5} stroke={stroke} strokeWidth={width} strokeDasharray={dash} strokeLinecap="round" />
    </svg>
  );
}

export function Legend() {
  return (
    <ul
      data-testid="dependency-legend"
      aria-label="Legend"
      style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: `${token('space.050')} ${token('space.200')}` }}
    >
      {EDGE_STYLES.map((style) => (
        <li
          key={style}
          data-style={style}
          style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.075'), font: token('font.body.small'), color: token('color.text.subtle') }}
        >
          <StrokeSample style={style} />
          {STROKE[style].legend}
        </li>
      ))}
      <li style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>Arrows point from a dependency to the work that waits on it.</li>
    </ul>
  );
}
