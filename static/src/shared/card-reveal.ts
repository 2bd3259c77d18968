/**
 * Bringing a card into view when it may not be rendered: a virtualised column renders only the cards in its scroll
 * window, so a card far down is not in the DOM. Such a column registers a revealer here: given an initiative id it
 * holds, it scrolls that card into its window (and answers true); the card then renders and can be focused.
 */
type Revealer = (initiativeId: string) => boolean;

/** The revealers by the column (group) they belong to. */
const revealers = new Map<Revealer, string>();

/** Registers a column's revealer under its group (e.g. its horizon); returns its removal (for an effect's cleanup). */
export function registerRevealer(group: string, reveal: Revealer): () => void {
  revealers.set(reveal, group);
  return () => {
    revealers.delete(reveal);
  };
}

/**
 * Asks the registered columns (those of `group`, when given) to scroll `initiativeId`'s card into their window; true
 * when one holds it.
 */
export function revealInColumns(initiativeId: string, group?: string): boolean {
  for (const [reveal, of] of revealers) if ((group === undefined || of === group) && reveal(initiativeId)) return true;
  return false;
}
