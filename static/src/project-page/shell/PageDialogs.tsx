import { lazy, Suspense } from 'react';
import type { RoadmapView } from '../../../../src/domain/api';
import { useDialogs } from './dialogs';

// The dialogs' code (the editor is the page's largest form) loads when one first opens.
const InitiativeDialog = lazy(() => import('../initiative-editor/InitiativeDialog').then((m) => ({ default: m.InitiativeDialog })));
const MoveDialog = lazy(() => import('../board/MoveDialog').then((m) => ({ default: m.MoveDialog })));

/** Renders the page's open dialog, if any, over the current view. */
export function PageDialogs({ view }: { view: RoadmapView }) {
  return (
    <Suspense fallback={null}>
      <OpenDialog view={view} />
    </Suspense>
  );
}

function OpenDialog({ view }: { view: RoadmapView }) {
  const { dialog, closeDialog } = useDialogs();
  if (!dialog) return null;
  if (dialog.kind === 'create') return <InitiativeDialog view={view} onClose={closeDialog} />;
  const initiative = view.initiatives.find((i) => i.id === dialog.initiativeId);
  // Deleted while the dialog was open (by this user or someone else): nothing left to show.
  if (!initiative) return null;
  if (dialog.kind === 'edit') return <InitiativeDialog key={initiative.id} view={view} initiative={initiative} focus={dialog.focus} onClose={closeDialog} />;
  return <MoveDialog key={initiative.id} view={view} initiative={initiative} toHorizon={dialog.horizon} onClose={closeDialog} />;
}
