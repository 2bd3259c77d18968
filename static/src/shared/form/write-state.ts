/** What a form says about its last write besides field errors: shared by the form layer and the notice above it. */

/** After a CONFLICT: fetching the newest roadmap, or (for a form without a merge) the note that it now uses it. */
export type Refresh = { phase: 'fetching' } | { phase: 'refreshed'; message: string } | null;

/** Why the form was rebased, for the notice above it. */
export interface RebaseNotice {
  /** The revision the form is now based on. */
  revision: number;
  /** Set when a save was refused with CONFLICT: the server's "who changed what since". */
  conflictMessage: string | null;
  /** Whether the rebase followed this user's refused save (rather than the page showing a newer revision). */
  afterSave: boolean;
}

/** How a value reads in the conflict notice when the form says nothing better. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? '(blank)' : value;
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(describeValue).join(', ');
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value === 'object' ? JSON.stringify(value) : '(unknown)';
}
