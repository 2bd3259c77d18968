import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { token } from '@atlaskit/tokens';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useFrameRoomFor } from '../../form/ModalForm';

const TITLE = 'Cost vs impact';

/**
 * The matrix for a stakeholder session: full screen through the Fullscreen API where the app's frame allows it,
 * else (Jira's frames usually don't) in the largest Atlaskit dialog. Escape or Close leaves either way.
 * `render` draws the content at presentation size; `children` is the view as it is on the page.
 */
export function PresentationMode({ render, children }: { render: () => ReactNode; children: ReactNode }) {
  const [mode, setMode] = useState<'fullscreen' | 'dialog' | null>(null);
  const screen = useRef<HTMLDivElement>(null);
  const presentButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const left = () => {
      if (!document.fullscreenElement) setMode((m) => (m === 'fullscreen' ? null : m));
    };
    document.addEventListener('fullscreenchange', left);
    return () => document.removeEventListener('fullscreenchange', left);
  }, []);

  // In full screen the browser leaves on Escape itself; this also covers browsers and frames where it does not.
  useEffect(() => {
    if (mode !== 'fullscreen') return;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (document.fullscreenElement) void document.exitFullscreen();
      setMode(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [mode]);

  const present = () => {
    const target = screen.current;
    if (document.fullscreenEnabled && target) {
      setMode('fullscreen');
      target.requestFullscreen().catch(() => setMode('dialog'));
    } else {
      setMode('dialog');
    }
  };
  const close = () => {
    if (mode === 'fullscreen' && document.fullscreenElement) void document.exitFullscreen();
    setMode(null);
  };
  // Back from presenting (Close, Escape or leaving full screen), focus returns to the Present button.
  const presented = useRef(false);
  useEffect(() => {
    if (mode === null && presented.current) presentButton.current?.focus();
    presented.current = mode !== null;
  }, [mode]);

  return (
    <div
      ref={screen}
      style={mode === 'fullscreen' ? { backgroundColor: token('elevation.surface'), padding: token('space.400'), overflow: 'auto' } : undefined}
    >
      {mode === 'fullscreen' ? (
        <div data-testid="presentation-mode" style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
          <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
            <h2 style={{ margin: 0, font: token('font.heading.large'), color: token('color.text') }}>{TITLE}</h2>
            <Button ref={closeButton} onClick={close}>
              Close
            </Button>
          </div>
          {render()}
        </div>
      ) : (
        <>
          <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Button ref={presentButton} onClick={present} testId="present-button">
              Present
            </Button>
          </div>
          {children}
        </>
      )}
      {mode === 'dialog' ? <PresentationDialog onClose={close}>{render()}</PresentationDialog> : null}
    </div>
  );
}

function PresentationDialog({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const [content, setContent] = useState<HTMLDivElement | null>(null);
  // The frame is sized to the page: keep it tall enough for the dialog and bring the dialog into sight.
  useFrameRoomFor(content);
  return (
    <Modal onClose={onClose} width="x-large" label={TITLE} testId="presentation-mode" shouldReturnFocus={false}>
      <ModalHeader hasCloseButton>
        <ModalTitle>{TITLE}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <div ref={setContent}>{children}</div>
      </ModalBody>
      <ModalFooter>
        <Button appearance="primary" onClick={onClose}>
          Close
        </Button>
      </ModalFooter>
    </Modal>
  );
}
