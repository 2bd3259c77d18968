/** What Escape or Cancel does: close a form with nothing typed, ask first when closing would lose changes. */
export type CloseStep = 'close' | 'confirm';

export const closeStep = (isDirty: boolean): CloseStep => (isDirty ? 'confirm' : 'close');
