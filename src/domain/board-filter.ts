import type { Initiative } from './model';

/**
 * The board's filters, as the page's route carries them (`/board?track=reliability&owner=…`). Each is optional; the
 * ones set all apply. Values are ids and keys (phase `P-1`, track `reliability`, owner account id or `none`, goal
 * `G-2`), so a shared link means the same thing to everyone; `text` is free text.
 */
export interface InitiativeFilter {
  phase?: string;
  track?: string;
  owner?: string;
  goal?: string;
  text?: string;
}

/** The owner filter's value for initiatives nobody owns. */
export const NO_OWNER = 'none';

/** Lower case without accents, so "Résilience" is found by "resilience". */
function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a free-text filter; every one must occur (in any of the searched fields). */
export function searchWords(text: string | undefined): string[] {
  return text ? fold(text).split(/\s+/).filter(Boolean) : [];
}

type Filterable = Pick<Initiative, 'id' | 'title' | 'goal' | 'successMetric' | 'phaseId' | 'track' | 'ownerAccountId' | 'businessGoalIds'>;

/** Whether one initiative passes the filters: its phase, track, owner and business goal match, and the text. */
export function matchesFilter(initiative: Filterable, filter: InitiativeFilter, words: readonly string[] = searchWords(filter.text)): boolean {
  if (filter.phase && initiative.phaseId !== filter.phase) return false;
  if (filter.track && initiative.track !== filter.track) return false;
  if (filter.owner && (initiative.ownerAccountId ?? NO_OWNER) !== filter.owner) return false;
  if (filter.goal && !initiative.businessGoalIds.includes(filter.goal)) return false;
  if (words.length === 0) return true;
  // Title, the initiative's goal and its success metric; the id too, since people quote "I-12".
  const haystack = fold([initiative.id, initiative.title, initiative.goal, initiative.successMetric.description].join('\n'));
  return words.every((w) => haystack.includes(w));
}

/** The initiatives that pass the filters, in their order. */
export function filterInitiatives<T extends Filterable>(initiatives: readonly T[], filter: InitiativeFilter): T[] {
  const words = searchWords(filter.text);
  return initiatives.filter((i) => matchesFilter(i, filter, words));
}

export const isFiltering = (filter: InitiativeFilter): boolean =>
  Boolean(filter.phase || filter.track || filter.owner || filter.goal || searchWords(filter.text).length > 0);
