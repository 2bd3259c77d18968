import type { InitiativeView } from '../../../../src/domain/api';
import { HORIZON_LABEL } from '../../../../src/domain/labels';
import type { InitiativePatch } from '../../../../src/domain/model';
import type { DriftFix, DriftFlag } from '../../../../src/domain/rules/drift';

/*
 * The Drift view's fixes as data: what each one writes (a patch for updateInitiative) or null when it opens a dialog
 * instead, and what its button says. Pure, so it is tested without a browser.
 */

/** What a fix writes, when it is a write of its own (the others open a dialog that asks for more). */
export function fixPatch(fix: DriftFix, initiative: Pick<InitiativeView, 'epicIds' | 'rice'>): InitiativePatch | null {
  switch (fix.action) {
    case 'mark-done':
      return { status: 'done' };
    case 'reopen':
      return { status: 'in-progress' };
    case 'update-effort':
      // One effort, as the editor keeps it: the RICE score divides by the same estimate (editor-model.ts).
      return { effort: fix.effort, ...(initiative.rice ? { rice: { ...initiative.rice, effort: fix.effort } } : {}) };
    case 'unlink':
      // Epics the viewer cannot see are not in the view; the server keeps them linked (see updateInitiativeHandler).
      return { epicIds: initiative.epicIds.filter((id) => id !== fix.epicId) };
    case 'move':
    case 'update-metric':
      return null;
  }
}

/** What the fix's button says; an ellipsis where it opens a dialog or asks first. */
export function fixButtonText(fix: DriftFix, flag: DriftFlag): string {
  switch (fix.action) {
    case 'move':
      return `Move to ${HORIZON_LABEL[fix.horizon]}…`;
    case 'mark-done':
      return 'Mark done';
    case 'reopen':
      return 'Reopen';
    case 'update-effort':
      return `Set effort to ${fix.effort}`;
    case 'unlink':
      return `Unlink ${flag.epicKey ?? 'epic'}…`;
    case 'update-metric':
      return 'Update metric…';
  }
}
