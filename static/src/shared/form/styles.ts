import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';

/** A form that opens in place in a section (new phase, new debt item): a bordered box of stacked fields. */
export const boxedForm: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.150'),
  padding: token('space.150'),
  borderRadius: token('radius.medium', '6px'),
  backgroundColor: token('color.background.neutral.subtle'),
  border: `${token('border.width', '1px')} solid ${token('color.border')}`,
  maxWidth: '640px',
};
