import './panel.css';
import type { ReactNode } from 'react';

/** A default compact ADS button on a plain <button> (styles in panel.css): the panel's first download stays light. */
export function PanelButton({ onClick, disabled, children }: { onClick: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <button type="button" className="tr-button" onClick={onClick} disabled={disabled}>
      <span style={{ overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>{children}</span>
    </button>
  );
}
