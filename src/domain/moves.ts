import { horizonFor } from './horizon';
import type { HorizonRules, Initiative } from './model';

/** Where an initiative sits on the roadmap: what a move changes. */
export type Placement = Pick<Initiative, 'phaseId' | 'targetQuarter' | 'horizonPin'>;

/**
 * Whether going from `before` to `after` moves an initiative — to another phase, target quarter or *effective*
 * horizon (a pin that equals the derived horizon moves nothing). Such moves carry a reason in the changelog. The one
 * rule the resolvers and the editor share, so the editor asks for a reason exactly when the server requires one.
 */
export function isPlacementMove(before: Placement, after: Placement, rules: HorizonRules, today: Date): boolean {
  return (
    before.phaseId !== after.phaseId || before.targetQuarter !== after.targetQuarter || horizonFor(before, today, rules) !== horizonFor(after, today, rules)
  );
}
