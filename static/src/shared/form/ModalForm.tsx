import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { token } from '@atlaskit/tokens';
import { type ReactNode, type RefObject, useMemo } from 'react';
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
  height,
  footer,
  outside,
  dataset,
  children,
}: {
  form: DomainForm;
  idPrefix: string;
  title: string;
  testId?: string;
  width?: 'small' | 'medium' | 'large' | 'x-large';
  /** A fixed height (CSS length) for a long form: its body scrolls between the header and the footer. */
  height?: string;
  footer: ReactNode;
  /** Inside the dialog but outside its form: a dialog stacked on this one (a delete confirm is a form of its own). */
  outside?: ReactNode;
  /** `data-*` attributes of the form (e.g. which initiative it edits). */
  dataset?: Record<string, string>;
  children: ReactNode;
}) {
  // The form's first field takes focus as the dialog opens (Atlaskit would pick the close button): a ref that finds it
  // when the dialog mounts.
  const firstField = useMemo<RefObject<HTMLElement>>(
    () => ({
      get current() {
        return form.formRef.current?.querySelector<HTMLElement>('input, select, textarea') ?? null;
      },
    }),
    [form.formRef],
  );
  return (
    <Modal
      onClose={form.discard.request}
      width={width}
      height={height}
      autoFocus={firstField}
      label={title}
      testId={testId ? `${testId}-dialog` : undefined}
      shouldReturnFocus={false}
    >
      {/* minHeight 0: the form may shrink to a fixed dialog height, so the body scrolls and the footer stays in view. */}
      <DomainFormFrame form={form} idPrefix={idPrefix} label={title} testId={testId} dataset={dataset} style={{ minHeight: 0 }}>
        <ModalHeader hasCloseButton>
          <ModalTitle>{title}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150'), paddingBlockEnd: token('space.050') }}>{children}</div>
        </ModalBody>
        <ModalFooter>{footer}</ModalFooter>
      </DomainFormFrame>
      {outside}
    </Modal>
  );
}
