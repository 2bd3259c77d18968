import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { Horizon, Track } from '../../../src/domain/model';
import { HORIZON_LABEL, TRACK_LABEL } from './labels';

/* Tags drawn with ADS tokens on plain elements (no Atlaskit component): light enough for the issue panel. */

/** ADS accent colours, as subtle tags (sentence case, unlike the status lozenges). */
const ACCENTS = {
  blue: { background: token('color.background.accent.blue.subtler'), text: token('color.text.accent.blue'), icon: token('color.icon.accent.blue') },
  orange: { background: token('color.background.accent.orange.subtler'), text: token('color.text.accent.orange'), icon: token('color.icon.accent.orange') },
  green: { background: token('color.background.accent.green.subtler'), text: token('color.text.accent.green'), icon: token('color.icon.accent.green') },
  red: { background: token('color.background.accent.red.subtler'), text: token('color.text.accent.red'), icon: token('color.icon.accent.red') },
  purple: { background: token('color.background.accent.purple.subtler'), text: token('color.text.accent.purple'), icon: token('color.icon.accent.purple') },
  teal: { background: token('color.background.accent.teal.subtler'), text: token('color.text.accent.teal'), icon: token('color.icon.accent.teal') },
  magenta: { background: token('color.background.accent.magenta.subtler'), text: token('color.text.accent.magenta'), icon: token('color.icon.accent.magenta') },
  lime: { background: token('color.background.accent.lime.subtler'), text: token('color.text.accent.lime'), icon: token('color.icon.accent.lime') },
  // ADS's gray accent text misses 4.5:1 on its own background in the dark theme: plain text there.
  gray: { background: token('color.background.accent.gray.subtler'), text: token('color.text'), icon: token('color.icon.accent.gray') },
} as const;
type Accent = keyof typeof ACCENTS;

const TRACK_ACCENT: Record<Track, Accent> = {
  'feature-enabling': 'blue',
  'tech-debt': 'orange',
  reliability: 'green',
  security: 'red',
  compliance: 'purple',
  'developer-experience': 'teal',
};
const HORIZON_ACCENT: Record<Horizon, Accent> = { now: 'magenta', next: 'lime', later: 'gray' };

/** A track's colour (the board's track dots), for charts and timelines that draw tracks. */
export const trackColor = (track: Track): string => ACCENTS[TRACK_ACCENT[track]].icon;

export function AccentTag({ accent, testId, children }: { accent: Accent; testId?: string; children: ReactNode }) {
  const { background, text } = ACCENTS[accent];
  return (
    <span
      data-testid={testId}
      style={{
        display: 'inline-block',
        backgroundColor: background,
        color: text,
        font: token('font.body.small'),
        fontWeight: token('font.weight.medium'),
        borderRadius: token('radius.small', '3px'),
        paddingInline: token('space.050'),
        lineHeight: '20px',
        whiteSpace: 'nowrap',
      }}
    >
      {children}
    </span>
  );
}
/** Horizons as accent tags, so they never share a look with a status lozenge. */
export const HorizonLozenge = ({ horizon }: { horizon: Horizon }) => (
  <AccentTag accent={HORIZON_ACCENT[horizon]} testId="horizon-tag">
    {HORIZON_LABEL[horizon]}
  </AccentTag>
);
/**
 * Each track its own accent colour, as a dot before its name: tracks are told apart at a glance and never look like a
 * status lozenge or a warning.
 */
export const TrackLozenge = ({ track }: { track: Track }) => (
  <span
    data-testid="track-tag"
    style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050'), font: token('font.body.small'), color: token('color.text.subtle') }}
  >
    <span aria-hidden style={{ width: 8, height: 8, borderRadius: '50%', backgroundColor: ACCENTS[TRACK_ACCENT[track]].icon }} />
    {TRACK_LABEL[track]}
  </span>
);
