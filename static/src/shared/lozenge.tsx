import type { ReactNode } from 'react';
import type { InitiativeStatus } from '../../../src/domain/model';
import { STATUS_LABEL } from './labels';

/** Atlaskit Lozenge's appearances (the legacy names it still takes) and the colour each resolves to. */
export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

export const STATUS_APPEARANCE: Record<InitiativeStatus, LozengeAppearance> = {
  proposed: 'default',
  planned: 'new',
  'in-progress': 'inprogress',
  done: 'success',
  dropped: 'removed',
};

/* ADS lozenge tokens per appearance, as @atlaskit/lozenge 17 draws them: border, background, text. */
const COLOURS: Record<LozengeAppearance, readonly [string, string, string]> = {
  default: ['var(--ds-border, #0b120e24)', 'var(--ds-background-neutral, #0515240f)', 'var(--ds-text, #292a2e)'],
  inprogress: [
    'var(--ds-border-information-subtle, #8fb8f6)',
    'var(--ds-background-information-subtler, #cfe1fd)',
    'var(--ds-text-information-bolder, #123263)',
  ],
  moved: ['var(--ds-border-warning-subtle, #fbc828)', 'var(--ds-background-warning-subtler, #fce4a6)', 'var(--ds-text-warning-bolder, #693200)'],
  new: ['var(--ds-border-discovery-subtle, #d8a0f7)', 'var(--ds-background-discovery-subtler, #eed7fc)', 'var(--ds-text-discovery-bolder, #48245d)'],
  removed: ['var(--ds-border-danger-subtle, #fd9891)', 'var(--ds-background-danger-subtler, #ffd5d2)', 'var(--ds-text-danger-bolder, #5d1f1a)'],
  success: ['var(--ds-border-success-subtle, #b3df72)', 'var(--ds-background-success-subtler, #d3f1a7)', 'var(--ds-text-success-bolder, #37471f)'],
};

/**
 * A read-only lozenge that looks exactly like Atlaskit's (same tokens, box and type; copied from @atlaskit/lozenge 17's
 * compiled styles) on a plain element: Atlaskit's brings its motion, analytics and styling runtime, too heavy for the
 * issue panel's first download. Anything interactive should keep using @atlaskit/lozenge.
 */
export function PlainLozenge({ appearance = 'default', children }: { appearance?: LozengeAppearance; children: ReactNode }) {
  const [border, background, color] = COLOURS[appearance];
  return (
    <span
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        boxSizing: 'border-box',
        position: 'relative',
        height: '1.25rem',
        maxWidth: 'min(200px, 100%)',
        overflow: 'hidden',
        borderRadius: 'var(--ds-radius-small, 4px)',
        border: `var(--ds-border-width, 1px) solid ${border}`,
        paddingBlock: 'var(--ds-space-025, 2px)',
        paddingInline: 'var(--ds-space-050, 4px)',
        backgroundColor: background,
        color,
        verticalAlign: 'baseline',
      }}
    >
      <span
        style={{
          font: 'var(--ds-font-body-small, normal 400 12px/16px "Atlassian Sans", ui-sans-serif, -apple-system, BlinkMacSystemFont, "Segoe UI", Ubuntu, "Helvetica Neue", sans-serif)',
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        }}
      >
        {children}
      </span>
    </span>
  );
}

/** An initiative's status as a lozenge, on PlainLozenge (components.tsx's StatusLozenge draws the same with Atlaskit's). */
export const PlainStatusLozenge = ({ status }: { status: InitiativeStatus }) => (
  <PlainLozenge appearance={STATUS_APPEARANCE[status]}>{STATUS_LABEL[status]}</PlainLozenge>
);
