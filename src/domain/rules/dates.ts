/**
 * Calendar-day arithmetic in UTC. Reviews and staleness are judged by calendar day, not by the hour, so a review
 * due "today" stays due (not overdue) for the whole of today wherever the timestamp falls in it.
 */

const MS_PER_DAY = 86_400_000;

/** The instant an ISO timestamp names, or null when it cannot be read (stored strings are not validated as dates). */
export function parseInstant(iso: string | null): Date | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms);
}

function utcDayNumber(date: Date): number {
  return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / MS_PER_DAY);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: Date, to: Date): number {
  return utcDayNumber(to) - utcDayNumber(from);
}

export function addCalendarDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * MS_PER_DAY);
}

/** `2026-11-05`: the calendar day the UI shows. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
