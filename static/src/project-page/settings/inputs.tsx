import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

/** A line under an input or list in the warning colour: guidance, not an error (the save still goes through). */
export function WarningLine({ id, testId, children }: { id?: string; testId?: string; children: ReactNode }) {
  return (
    <div id={id} data-testid={testId} role="status" style={{ font: token('font.body.small'), color: token('color.text.warning') }}>
      {children}
    </div>
  );
}
