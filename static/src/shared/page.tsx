import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { type CSSProperties, lazy, type ReactNode, Suspense } from 'react';
import type { ApiError } from '../../../src/domain/api';

/*
 * What every surface shows before and around its content: the page frame, loading, errors, muted text. Apart from
 * components.tsx (lozenges, tags) so a surface's first download need not carry what only its views use.
 */

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

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: token('space.300') }}>
      <Spinner testId="loading" label={label} size="medium" />
    </div>
  );
}

/*
 * The section message comes in its own chunk, when an error first shows: it brings Atlaskit's button, tooltip and
 * popper (~35 KB gzip), which a surface that loads fine never needs.
 */
const SectionMessageFor = lazy(() => import('./error-message').then((m) => ({ default: m.ErrorSectionMessage })));

/**
 * An ADS section message for an error value; `title` overrides the code's default title. Loaded with the first error
 * (see above); components.tsx exports the same message statically for the project page, which shows Atlaskit's
 * button and tooltip up front anyway (a lazy copy there only splits its first download into more, smaller files).
 */
export function ErrorMessage(props: { error: ApiError; title?: string; children?: ReactNode }) {
  return (
    <Suspense fallback={null}>
      <SectionMessageFor {...props} />
    </Suspense>
  );
}

/** A label/value line ("Target quarter: Q3 2026"). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ font: token('font.body.small') }}>
      <span style={{ color: token('color.text.subtlest') }}>{label}: </span>
      <span style={{ color: token('color.text') }}>{children}</span>
    </div>
  );
}

export const muted: CSSProperties = { color: token('color.text.subtle'), font: token('font.body.small') };
