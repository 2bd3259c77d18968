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

const HORIZON_APPEARANCE = { now: 'inprogress', next: 'new', later: 'default' } as const;
const STATUS_APPEARANCE = {
  proposed: 'default',
  planned: 'new',
  'in-progress': 'inprogress',
  done: 'success',
  dropped: 'removed',
} as const;

export const HorizonLozenge = ({ horizon }: { horizon: Horizon }) => <Lozenge appearance={HORIZON_APPEARANCE[horizon]}>{HORIZON_LABEL[horizon]}</Lozenge>;
export const StatusLozenge = ({ status }: { status: InitiativeStatus }) => <Lozenge appearance={STATUS_APPEARANCE[status]}>{STATUS_LABEL[status]}</Lozenge>;
export const TrackLozenge = ({ track }: { track: Track }) => <Lozenge appearance="moved">{TRACK_LABEL[track]}</Lozenge>;

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
