import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { CSSProperties, ReactNode } from 'react';
import type { ApiError } from '../../../src/domain/api';
import type { Horizon, InitiativeStatus, Track } from '../../../src/domain/model';
import { ERROR_TITLE, HORIZON_LABEL, STATUS_LABEL, TRACK_LABEL } from './labels';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: token('space.300') }}>
      <Spinner testId="loading" label={label} size="medium" />
    </div>
  );
}

/** An ADS section message for an error value; `title` overrides the code's default title. */
export function ErrorMessage({ error, title, children }: { error: ApiError; title?: string; children?: ReactNode }) {
  const heading = title ?? ERROR_TITLE[error.code] ?? ERROR_TITLE.UPSTREAM;
  const appearance = error.code === 'CONFLICT' || error.code === 'LIMIT' ? 'warning' : 'error';
  return (
    <SectionMessage appearance={appearance} title={heading} testId="error-message">
      {error.message && error.message !== heading ? <p>{error.message}</p> : null}
      {children}
    </SectionMessage>
  );
}

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
/** A track's accent colour (the dot on its tag), for charts that colour by track the way the board does. */
export const trackColour = (track: Track): string => ACCENTS[TRACK_ACCENT[track]].icon;
const HORIZON_ACCENT: Record<Horizon, Accent> = { now: 'magenta', next: 'lime', later: 'gray' };

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
const STATUS_APPEARANCE = {
  proposed: 'default',
  planned: 'new',
  'in-progress': 'inprogress',
  done: 'success',
  dropped: 'removed',
} as const;

/** Horizons as accent tags, so they never share a look with a status lozenge. */
export const HorizonLozenge = ({ horizon }: { horizon: Horizon }) => (
  <AccentTag accent={HORIZON_ACCENT[horizon]} testId="horizon-tag">
    {HORIZON_LABEL[horizon]}
  </AccentTag>
);
export const StatusLozenge = ({ status }: { status: InitiativeStatus }) => <Lozenge appearance={STATUS_APPEARANCE[status]}>{STATUS_LABEL[status]}</Lozenge>;
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
export const muted: CSSProperties = { color: token('color.text.subtle'), font: token('font.body.small') };

/** A label/value line ("Target quarter: Q3 2026"). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ font: token('font.body.small') }}>
      <span style={{ color: token('color.text.subtlest') }}>{label}: </span>
      <span style={{ color: token('color.text') }}>{children}</span>
    </div>
  );
}

/** The page frame every surface renders into. */
export function Page({ children, testId, compact }: { children: ReactNode; testId?: string; compact?: boolean }) {
  return (
    <main
      data-testid={testId}
      style={{
        padding: compact ? token('space.100') : token('space.300'),
        color: token('color.text'),
        backgroundColor: token('elevation.surface'),
        boxSizing: 'border-box',
        display: 'flex',
        flexDirection: 'column',
        gap: compact ? token('space.150') : token('space.300'),
      }}
    >
      {children}
    </main>
  );
}
