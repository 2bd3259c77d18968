import { useEffect, useState } from 'react';

/** How to find the control that opened a form again, when the page has re-rendered it (a card moved columns). */
interface Opener {
  element: HTMLElement;
  label: string | null;
}

const lost = (doc: Document) => !doc.activeElement || doc.activeElement === doc.body;

function findAgain(opener: Opener): HTMLElement | null {
  if (opener.element.isConnected) return opener.element;
  if (!opener.label) return null;
  return opener.element.ownerDocument.querySelector<HTMLElement>(`${opener.element.tagName.toLowerCase()}[aria-label="${CSS.escape(opener.label)}"]`);
}

/**
 * Remembers the control that had focus when the form opened (the card's Edit or Move button) and, once the form
 * closes — saved or cancelled — gives focus back to it, or to the control with the same label that replaced it.
 * It only takes focus that was lost with the form, never from something the user moved to.
 */
export function useReturnFocus() {
  const [opener] = useState<Opener | null>(() => {
    const active = typeof document === 'undefined' ? null : document.activeElement;
    return active instanceof HTMLElement && active !== document.body ? { element: active, label: active.getAttribute('aria-label') } : null;
  });
  useEffect(
    () => () => {
      if (!opener) return;
      const doc = opener.element.ownerDocument;
      const tryFocus = () => {
        if (lost(doc)) findAgain(opener)?.focus();
      };
      // Now, after the page re-renders the opener, and once more after a write's newer view has settled.
      requestAnimationFrame(tryFocus);
      setTimeout(tryFocus, 400);
      setTimeout(tryFocus, 1200);
    },
    [opener],
  );
}
