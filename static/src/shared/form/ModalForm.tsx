import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { token } from '@atlaskit/tokens';
import { type ReactNode, useEffect, useState } from 'react';
import { DomainFormFrame } from './DomainFormFrame';
import type { DomainForm } from './use-domain-form';

/** The modal's gutter above and below (Atlaskit sizes a dialog to at most 100vh - 120px). */
const MODAL_GUTTERS = 120;

/** The nearest ancestor of `from`, up to `top`, that scrolls its content (the modal body's scroll container). */
function scrollerOf(from: HTMLElement, top: HTMLElement): HTMLElement {
  for (let el = from.parentElement; el && el !== top; el = el.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(el).overflowY)) return el;
  }
  return top;
}

/**
 * The product sizes the app's frame to its document, and a modal (fixed in place) adds nothing to it: on a short view
 * the frame is shorter than the dialog, which then shows a sliver of its body. While the dialog is open, the document
 * is kept tall enough for all of it (its own height plus what its body hides, plus the modal's gutters).
 */
function useFrameRoomFor(content: HTMLElement | null) {
  useEffect(() => {
    const dialog = content?.closest<HTMLElement>('[role="dialog"]');
    if (!content || !dialog) return;
    const html = document.documentElement;
    const before = html.style.minHeight;
    const scroller = scrollerOf(content, dialog);
    const fit = () => {
      const natural = dialog.offsetHeight + scroller.scrollHeight - scroller.clientHeight;
      html.style.minHeight = `${Math.ceil(natural + MODAL_GUTTERS)}px`;
    };
    const observer = new ResizeObserver(fit);
    observer.observe(content);
    observer.observe(dialog);
    fit();
    return () => {
      observer.disconnect();
      html.style.minHeight = before;
    };
  }, [content]);
}

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
  // The body's content, once the modal's portal has mounted it.
  const [content, setContent] = useState<HTMLDivElement | null>(null);
  useFrameRoomFor(content);
  return (
    <Modal onClose={form.discard.request} width={width} label={title} testId={testId ? `${testId}-dialog` : undefined} shouldReturnFocus={false}>
      <DomainFormFrame form={form} idPrefix={idPrefix} label={title} testId={testId}>
        <ModalHeader hasCloseButton>
          <ModalTitle>{title}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <div ref={setContent} style={{ display: 'flex', flexDirection: 'column', gap: token('space.150'), paddingBlockEnd: token('space.050') }}>
            {children}
          </div>
        </ModalBody>
        <ModalFooter>{footer}</ModalFooter>
      </DomainFormFrame>
    </Modal>
  );
}
