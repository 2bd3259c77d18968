import { z } from 'zod';

/** Far above the model's limits: a roadmap stored out of limits still loads (the handler checks the real counts). */
const MAX_INDEX = 1_000_000;

/** A half-open index range `[from, to)`, from ≤ to. */
const range = () =>
  z.tuple([z.number().int().min(0).max(MAX_INDEX), z.number().int().min(0).max(MAX_INDEX)]).refine(([from, to]) => from <= to, {
    message: 'The range must not end before it starts',
    // Only once both ends are valid numbers: a bad end is reported as itself, not also as a backwards range.
    when: (payload) => payload.issues.length === 0,
  });

/**
 * getRoadmapViewPart: one range of a view too large for one answer, at the revision its first answer was pinned to
 * (see domain/view-pages.ts). Initiatives and debt items are counted in the view's own order.
 */
export const getRoadmapViewPartPayload = z
  .object({
    revision: z.number().int().min(0),
    initiatives: range(),
    debtItems: range(),
  })
  .strict();
