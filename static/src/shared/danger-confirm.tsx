import { token } from '@atlaskit/tokens';
import type { KeyboardEvent, ReactNode } from 'react';

/** The inline "are you sure?" box of a destructive action: a danger-tinted group headed by its question. */
export function DangerConfirm({
  id,
  question,
  testId,
  onKeyDown,
  maxWidth,
  children,
}: {
  id: string;
  question: ReactNode;
  testId: string;
  onKeyDown?: (event: KeyboardEvent) => void;
  maxWidth?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="group"
      aria-labelledby={`${id}-question`}
      data-testid={testId}
      onKeyDown={onKeyDown}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
        padding: token('space.150'),
        borderRadius: token('radius.medium', '6px'),
        border: `${token('border.width', '1px')} solid ${token('color.border.danger')}`,
        backgroundColor: token('color.background.danger'),
        maxWidth,
      }}
    >
      <div id={`${id}-question`} style={{ font: token('font.heading.xxsmall'), color: token('color.text') }}>
        {question}
      </div>
      {children}
    </div>
  );
}
