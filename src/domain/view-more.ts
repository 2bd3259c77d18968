// The paged view's description of what a first answer leaves out (view-pages.ts), apart so api.ts can name it
// without an import cycle.

/** Half-open index ranges `[from, to)` into the full view's initiatives and debt items. */
export interface ViewPartRange {
  initiatives: [number, number];
  debtItems: [number, number];
}

/** What a first answer leaves out: the revision it is pinned to, the full counts, and the parts still to load, in order. */
export interface ViewMore {
  revision: number;
  total: { initiatives: number; debtItems: number };
  parts: ViewPartRange[];
  /** Set by the client when loading a part failed for good (not a stale revision, which restarts the load). */
  failed?: { code: string; message: string };
}
