import { z } from 'zod';
import { type DriftCounts, isoDaySchema } from './digest';
import type { ReviewStatus } from './rules/staleness';

/**
 * The digest resolvers' contract (getDigest, markDigestSeen): the project comes from the surface's context (the
 * project page, the macro's saved config), never from the payload.
 */

/** getDigest: the roadmap's daily digest as the caller may see it, and their last visit. */
export const getDigestPayload = z.object({}).strict();

/**
 * markDigestSeen: the caller has seen the drift of the digest of `asOf` (they opened the Drift view, or dismissed the
 * banner: `dismiss` also hides the banner for the rest of the day). Only the caller's own visit is written.
 */
export const markDigestSeenPayload = z
  .object({
    asOf: isoDaySchema.nullable(),
    dismiss: z.boolean().default(false),
  })
  .strict();
export type MarkDigestSeenPayload = z.input<typeof markDigestSeenPayload>;

/** The drift of a digest as one viewer may see it: counted after dropping what Jira would not show them. */
export interface DigestDrift {
  total: number;
  counts: DriftCounts;
  /** Initiatives with at least one flag. */
  initiatives: number;
  /** Flags that appeared after the viewer's last visit (all of them on a first visit). */
  newSinceLastVisit: number;
  newCounts: DriftCounts;
  /** The digest holds its first 500 flags only: there were more. */
  truncated: boolean;
}

export interface DigestAnswer {
  /** null: the daily run has not reached this roadmap yet. */
  digest: null | {
    /** The day (UTC) it was computed for. */
    asOf: string;
    /** As of that day. */
    review: ReviewStatus;
    drift: DigestDrift;
  };
  /** The caller's own last visit; never anyone else's. */
  visit: {
    /** They have never marked the drift seen: every flag is new to them. */
    firstVisit: boolean;
    driftSeenAsOf: string | null;
    /** They dismissed the banner today (UTC): keep it hidden until tomorrow's digest. */
    dismissedToday: boolean;
  };
}
