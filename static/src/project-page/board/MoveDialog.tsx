import { useQueryClient } from '@tanstack/react-query';
import type { InitiativeView, RoadmapView } from '../../../../src/domain/api';
import type { Horizon } from '../../../../src/domain/model';
import { showInitiativeCard } from '../../shared/board';
import { QUERY_KEYS } from '../../shared/data/keys';
import { MoveInitiativeForm } from '../MoveInitiativeForm';

/**
 * Moves an initiative, with the reason; `toHorizon` is the column a card was dropped on. After a move that began with
 * a drag, the card is brought into view in its new column, once it is there (a keyboard move returns focus to its Move
 * button).
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
  const client = useQueryClient();
  const moved = () => {
    onClose();
    if (!toHorizon) return;
    // Where it landed (the dialog may have changed the column): the cache already holds the write's answer.
    const landed = client.getQueryData<RoadmapView>(QUERY_KEYS.view)?.initiatives.find((i) => i.id === initiative.id)?.horizon ?? toHorizon;
    requestAnimationFrame(() => showInitiativeCard(initiative.id, landed));
  };
  return <MoveInitiativeForm initiative={initiative} view={view} toHorizon={toHorizon} onMoved={moved} onCancel={onClose} />;
}
