import { useState } from 'react';
import { useForms } from './forms-loader';
import { PanelButton } from './PanelButton';

export interface UnlinkProps {
  /** The roadmap revision the panel loaded. */
  revision: number;
  /** The roadmap the link belongs to (an epic may serve one initiative on each of several roadmaps). */
  projectId: string;
  initiativeTitle: string;
  busy: boolean;
  /** After the unlink landed and the panel shows it: for the announcement. */
  onUnlinked: () => void;
}

/**
 * "Unlink" under the linked initiative: reveals an optional reason and a confirm button, so one stray click never
 * unlinks. Cancel or Escape close it (asking first when a reason was typed); focus goes back to "Unlink".
 */
export function UnlinkEpic(props: UnlinkProps) {
  const [open, setOpen] = useState(false);
  // The confirm lives in the forms chunk; a click before it is here opens the form when it arrives.
  const forms = useForms();
  const showing = open && forms !== null;
  return (
    <>
      {/* Kept (hidden) while the form is open, so focus can go back to it when the form closes. */}
      <div hidden={showing}>
        <PanelButton onClick={() => setOpen(true)} disabled={props.busy}>
          Unlink
        </PanelButton>
      </div>
      {showing ? <forms.UnlinkFormChunk {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
