import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';

/** An initiative's title as a plain-looking button (it opens the initiative) that keeps the browser's focus ring. */
export function titleButton(size: 'body' | 'small'): CSSProperties {
  return {
    background: 'none',
    border: 0,
    padding: 0,
    textAlign: 'start',
    cursor: 'pointer',
    font: token(size === 'body' ? 'font.body' : 'font.body.small'),
    fontWeight: token('font.weight.medium'),
    color: token('color.link'),
    overflowWrap: 'anywhere',
  };
}
