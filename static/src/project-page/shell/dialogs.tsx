import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import type { Horizon } from '../../../../src/domain/model';

/** The one dialog the project page may show at a time. */
export type PageDialog =
  | { kind: 'create' }
  /** `focus`: the field to start on (the Drift view's "Update metric" opens on the metric's current value). */
  | { kind: 'edit'; initiativeId: string; focus?: 'metric' }
  /** `horizon`: the column a card was dropped on (the dialog proposes a quarter in it). */
  | { kind: 'move'; initiativeId: string; horizon?: Horizon };

interface DialogApi {
  dialog: PageDialog | null;
  openDialog: (dialog: PageDialog) => void;
  closeDialog: () => void;
}

const DialogContext = createContext<DialogApi>({ dialog: null, openDialog: () => undefined, closeDialog: () => undefined });

export function DialogProvider({ children }: { children: ReactNode }) {
  const [dialog, setDialog] = useState<PageDialog | null>(null);
  const api = useMemo(() => ({ dialog, openDialog: setDialog, closeDialog: () => setDialog(null) }), [dialog]);
  return <DialogContext.Provider value={api}>{children}</DialogContext.Provider>;
}

export const useDialogs = () => useContext(DialogContext);
