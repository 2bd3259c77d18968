import Modal, { ModalBody, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import type { ReactNode } from 'react';
import type { RoadmapView } from '../../../../src/domain/api';
import { AddInitiativeForm } from '../AddInitiativeForm';
import { InitiativeEditor } from '../initiative-editor/InitiativeEditor';
import { MoveInitiativeForm } from '../MoveInitiativeForm';
import { useDialogs } from './dialogs';

/** Renders the page's open dialog, if any, over the current view. */
export function PageDialogs({ view }: { view: RoadmapView }) {
  const { dialog, closeDialog } = useDialogs();
  if (!dialog) return null;
  if (dialog.kind === 'create') {
    return (
      <Frame title="New initiative" onClose={closeDialog}>
        <AddInitiativeForm view={view} />
      </Frame>
    );
  }
  const initiative = view.initiatives.find((i) => i.id === dialog.initiativeId);
  if (!initiative) return null;
  if (dialog.kind === 'edit') {
    return (
      <Frame title={`Edit “${initiative.title}”`} onClose={closeDialog}>
        <InitiativeEditor key={initiative.id} initiative={initiative} view={view} onSaved={closeDialog} onCancel={closeDialog} />
      </Frame>
    );
  }
  return (
    <Frame title={`Move “${initiative.title}”`} onClose={closeDialog}>
      <MoveInitiativeForm initiative={initiative} phases={view.phases} revision={view.revision} onMoved={closeDialog} onCancel={closeDialog} />
    </Frame>
  );
}

function Frame({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  return (
    <Modal onClose={onClose} label={title} width="large">
      <ModalHeader hasCloseButton>
        <ModalTitle>{title}</ModalTitle>
      </ModalHeader>
      <ModalBody>{children}</ModalBody>
    </Modal>
  );
}
