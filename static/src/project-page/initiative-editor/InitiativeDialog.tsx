import Modal, { ModalBody, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import type { InitiativeView, RoadmapView } from '../../../../src/domain/api';
import { AddInitiativeForm } from '../AddInitiativeForm';
import { InitiativeEditor } from './InitiativeEditor';

/** Creates (no `initiative`) or edits an initiative in a modal dialog; `onClose` once saved or cancelled. */
export function InitiativeDialog({ view, initiative, onClose }: { view: RoadmapView; initiative?: InitiativeView; onClose: () => void }) {
  const title = initiative ? `Edit “${initiative.title}”` : 'New initiative';
  return (
    <Modal onClose={onClose} label={title} width="large">
      <ModalHeader hasCloseButton>
        <ModalTitle>{title}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        {initiative ? (
          <InitiativeEditor key={initiative.id} initiative={initiative} view={view} onSaved={onClose} onCancel={onClose} />
        ) : (
          <AddInitiativeForm view={view} />
        )}
      </ModalBody>
    </Modal>
  );
}
