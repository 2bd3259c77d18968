import Modal, { ModalBody, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import type { InitiativeView, RoadmapView } from '../../../../src/domain/api';
import type { Horizon } from '../../../../src/domain/model';
import { MoveInitiativeForm } from '../MoveInitiativeForm';

/** Moves an initiative, with the reason; `toHorizon` is the column a card was dropped on. */
export function MoveDialog({ view, initiative, onClose }: { view: RoadmapView; initiative: InitiativeView; toHorizon?: Horizon; onClose: () => void }) {
  const title = `Move “${initiative.title}”`;
  return (
    <Modal onClose={onClose} label={title} width="medium">
      <ModalHeader hasCloseButton>
        <ModalTitle>{title}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <MoveInitiativeForm initiative={initiative} phases={view.phases} revision={view.revision} onMoved={onClose} onCancel={onClose} />
      </ModalBody>
    </Modal>
  );
}
