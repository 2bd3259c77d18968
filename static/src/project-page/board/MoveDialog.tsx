import type { InitiativeView, RoadmapView } from '../../../../src/domain/api';
import type { Horizon } from '../../../../src/domain/model';
import { showInitiativeCard } from '../../shared/board';
import { MoveInitiativeForm } from '../MoveInitiativeForm';

/**
 * Moves an initiative, with the reason; `toHorizon` is the column a card was dropped on. After a move that began with
 * a drag, the card is brought into view in its new column (a keyboard move returns focus to its Move button).
 */
export function MoveDialog({
  view,
  initiative,
  toHorizon,
  onClose,
}: {
  view: RoadmapView;
  initiative: InitiativeView;
  toHorizon?: Horizon;
  onClose: () => void;
}) {
  const moved = () => {
    onClose();
    if (toHorizon) requestAnimationFrame(() => showInitiativeCard(initiative.id));
  };
  return <MoveInitiativeForm initiative={initiative} view={view} toHorizon={toHorizon} onMoved={moved} onCancel={onClose} />;
}
