import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { token } from '@atlaskit/tokens';
import { type ReactNode, type RefObject, useEffect, useMemo, useState } from 'react';
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
 * The dialog is fixed to the frame's viewport, and the frame is as tall as the page: with the product page scrolled
 * down (a card low on the board), the dialog would sit out of sight above. A fixed element's scrollIntoView does not
 * reach the product page, so an in-flow marker over the dialog's top (the frame does not scroll, so its document and
 * viewport coordinates agree) is scrolled into view instead: the product page follows, and does not move when the
 * dialog's top is in sight already. Run after the dialog's focus lock has focused the first field.
 */
function revealInProduct(dialog: HTMLElement) {
  const top = dialog.getBoundingClientRect().top;
  const marker = document.createElement('div');
  marker.setAttribute('aria-hidden', 'true');
  Object.assign(marker.style, { position: 'absolute', left: '0', top: `${Math.max(0, top - 16)}px`, width: '1px', height: '96px', pointerEvents: 'none' });
  document.body.append(marker);
  marker.scrollIntoView({ block: 'nearest' });
  marker.remove();
}

/**
 * The product sizes the app's frame to its document, and a modal (fixed in place) adds nothing to it: on a short view
 * the frame is shorter than the dialog, which then shows a sliver of its body. While the dialog is open, the document
 * is kept tall enough for all of it (its own height plus what its body hides, plus the modal's gutters).
 */
export function useFrameRoomFor(content: HTMLElement | null, height?: number) {
  useEffect(() => {
    const dialog = content?.closest<HTMLElement>('[role="dialog"]');
    if (!content || !dialog) return;
    const html = document.documentElement;
    const before = html.style.minHeight;
    const scroller = scrollerOf(content, dialog);
    const fit = () => {
      const natural = dialog.offsetHeight + scroller.scrollHeight - scroller.clientHeight;
      // A dialog of a fixed height needs room for that height only: its body scrolls.
      html.style.minHeight = `${Math.ceil(Math.min(natural, height ?? Infinity) + MODAL_GUTTERS)}px`;
    };
    const observer = new ResizeObserver(fit);
    observer.observe(content);
    observer.observe(dialog);
    fit();
    const reveal = window.setTimeout(() => revealInProduct(dialog), 150);
    return () => {
      window.clearTimeout(reveal);
      observer.disconnect();
      html.style.minHeight = before;
    };
  }, [content, height]);
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
  height,
  footer,
  outside,
  dataset,
  initialFocus = 'input, select, textarea',
  children,
}: {
  form: DomainForm;
  idPrefix: string;
  title: string;
  testId?: string;
  width?: 'small' | 'medium' | 'large' | 'x-large';
  /**
   * A fixed height in px (less where the frame has no room for it), for a long form: its header and footer stay in
   * sight and the body scrolls between them, wherever the page's frame is scrolled to.
   */
  height?: number;
  footer: ReactNode;
  /** Inside the dialog but outside its form: a dialog stacked on this one (a delete confirm is a form of its own). */
  outside?: ReactNode;
  /** `data-*` attributes of the form (e.g. which initiative it edits). */
  dataset?: Record<string, string>;
  /** Which control takes focus as the dialog opens (a selector within the form); the first field by default. */
  initialFocus?: string;
  children: ReactNode;
}) {
  // The body's content, once the modal's portal has mounted it.
  const [content, setContent] = useState<HTMLDivElement | null>(null);
  useFrameRoomFor(content, height);
  // The form's first field (or `initialFocus`) takes focus as the dialog opens (Atlaskit would pick the close button):
  // a ref that finds it when the dialog mounts.
  const firstField = useMemo<RefObject<HTMLElement>>(
    () => ({
      get current() {
        return form.formRef.current?.querySelector<HTMLElement>(initialFocus) ?? null;
      },
    }),
    [form.formRef, initialFocus],
  );
  return (
    <Modal
      onClose={form.discard.request}
      width={width}
      height={height === undefined ? undefined : `min(${height}px, calc(100vh - ${MODAL_GUTTERS}px))`}
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
          <div ref={setContent} style={{ display: 'flex', flexDirection: 'column', gap: token('space.150'), paddingBlockEnd: token('space.050') }}>
            {children}
          </div>
        </ModalBody>
        <ModalFooter>{footer}</ModalFooter>
      </DomainFormFrame>
      {outside}
    </Modal>
  );
}
