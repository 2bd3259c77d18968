/**
 * The stored shape of a review's baseline (codec.ts writes and reads it): constants and types only, importing
 * nothing, so that the edit type (roadmap-ops.ts) and the limits can name it without an import cycle.
 */

/** 'recorded' / 'partial' (some initiatives' flags left out) / 'unavailable' (Jira did not answer): see baseline.ts. */
export type BaselineDriftState = 'recorded' | 'partial' | 'unavailable';

export const BASELINE_FORMAT = 1;
/** Target size of one part (the platform's limit is 240 KiB): the margin keeps every part clear of it. */
export const BASELINE_PART_BYTES = 200 * 1024;
/**
 * Parts per baseline: with the header, the review's meta and change record, and a pruned baseline's header and
 * parts, one review stays inside Forge's 25 operations (1 + 1 + 1 + 10 + 1 + 10 = 24) and its 4 MB.
 */
export const MAX_BASELINE_PARTS = 10;

export interface BaselineHeader {
  v: typeof BASELINE_FORMAT;
  seq: number;
  revision: number;
  reviewedAt: string;
  reviewer: string | null;
  note: string | null;
  initiatives: number;
  drift: BaselineDriftState;
  /** Flags stored (whoever may see them: never sent to a reader as a count). */
  flags: number;
  parts: number;
  /** UTF-8 bytes of the parts together. */
  bytes: number;
}

/** 100 initiatives as columns (see codec.ts for each column). */
export interface BaselineBlock {
  i: number[];
  s: string;
  q0: number;
  q: number[];
  p: number[];
  c: Array<number | null>;
  t: Array<number | null>;
  f?: string;
  fn?: number[];
  fe?: string;
  fp?: number[][];
  pr?: string[];
  x?: 1;
}

export interface BaselinePart {
  v: typeof BASELINE_FORMAT;
  /** This part's index (0 holds the phase table). */
  n: number;
  phases?: Array<[string, string]>;
  blocks: BaselineBlock[];
}

/** A baseline ready to store: the store gives it its `seq` (retention.ts) and writes header and parts together. */
export interface EncodedBaseline {
  header: Omit<BaselineHeader, 'seq'>;
  parts: BaselinePart[];
}
