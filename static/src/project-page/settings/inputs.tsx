import type { ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

/** A line under an input or list in the warning colour: guidance, not an error (the save still goes through). */
export function WarningLine({ id, testId, children }: { id?: string; testId?: string; children: ReactNode }) {
  return (
    <div id={id} data-testid={testId} role="status" style={{ font: token('font.body.small'), color: token('color.text.warning') }}>
      {children}
    </div>
  );
}

/** A line in the danger colour, for errors that belong to a row or list rather than one labelled field. */
export function ErrorLine({ id, testId, children }: { id?: string; testId?: string; children: ReactNode }) {
  return (
    <div id={id} data-testid={testId} role="alert" style={{ font: token('font.body.small'), color: token('color.text.danger') }}>
      {children}
    </div>
  );
}
