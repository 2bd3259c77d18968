import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import { DomainFormFrame } from './DomainFormFrame';
import type { DomainForm } from './use-domain-form';

/**
 * A domain form in an Atlaskit modal dialog: the title in the header, the fields in the body, the buttons (and the
 * discard question) in the footer. Escape, the close button and a click outside all go through the form's discard
 * step, so nothing typed is lost without asking. Focus returns to the opener (useDomainForm's `returnFocus`).
 */
export function ModalForm({
  form,
  idPrefix,
  title,
  testId,
  width = 'medium',
  footer,
  children,
}: {
  form: DomainForm;
  idPrefix: string;
  title: string;
  testId?: string;
  width?: 'small' | 'medium' | 'large' | 'x-large';
  footer: ReactNode;
  children: ReactNode;
}) {
  return (
    <Modal onClose={form.discard.request} width={width} label={title} testId={testId ? `${testId}-dialog` : undefined} shouldReturnFocus={false}>
      <DomainFormFrame form={form} idPrefix={idPrefix} label={title} testId={testId}>
        <ModalHeader hasCloseButton>
          <ModalTitle>{title}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150'), paddingBlockEnd: token('space.050') }}>{children}</div>
        </ModalBody>
        <ModalFooter>{footer}</ModalFooter>
      </DomainFormFrame>
    </Modal>
  );
}
