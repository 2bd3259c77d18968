/** The Drift view's one-action fixes: the updateInitiative patch each writes (or none: it opens a dialog), and its button. */
import { updateInitiativePayload } from '../../../src/domain/api';
import type { DriftFix, DriftFlag } from '../../../src/domain/rules/drift';
import { fixButtonText, fixPatch } from '../../../static/src/project-page/drift/drift-fix-model';

const flag = (fix: DriftFix, epicKey: string | null = null): DriftFlag => ({
  key: 'k',
  kind: 'epics-done',
  initiativeId: 'I-1',
  epicId: null,
  epicKey,
  epicIds: [],
  label: 'l',
  message: 'm',
  fix,
});
const initiative = { epicIds: ['1', '2', '3'], rice: { reach: 10, impact: 2 as const, confidence: 80, effort: 8 } };

describe('drift fixes', () => {
  it('status and effort fixes are one write each; the effort keeps RICE on the same estimate', () => {
    expect(fixPatch({ action: 'mark-done' }, initiative)).toEqual({ status: 'done' });
    expect(fixPatch({ action: 'reopen' }, initiative)).toEqual({ status: 'in-progress' });
    expect(fixPatch({ action: 'update-effort', effort: 13 }, initiative)).toEqual({ effort: 13, rice: { ...initiative.rice, effort: 13 } });
    expect(fixPatch({ action: 'update-effort', effort: 13 }, { ...initiative, rice: null })).toEqual({ effort: 13 });
  });

  it('unlinking sends the epics shown minus that one (the server keeps the hidden ones)', () => {
    expect(fixPatch({ action: 'unlink', epicId: '2' }, initiative)).toEqual({ epicIds: ['1', '3'] });
  });

  it('moves and metric updates open a dialog instead of writing', () => {
    expect(fixPatch({ action: 'move', horizon: 'next' }, initiative)).toBeNull();
    expect(fixPatch({ action: 'update-metric' }, initiative)).toBeNull();
  });

  it('every patch is a valid updateInitiative payload', () => {
    const fixes: DriftFix[] = [{ action: 'mark-done' }, { action: 'reopen' }, { action: 'update-effort', effort: 10_000 }, { action: 'unlink', epicId: '3' }];
    for (const fix of fixes) {
      const patch = fixPatch(fix, initiative)!;
      expect(updateInitiativePayload.safeParse({ baseRevision: 4, initiativeId: 'I-1', patch }).success).toBe(true);
    }
  });

  it('buttons say what happens; an ellipsis where a dialog or a question follows', () => {
    expect(fixButtonText({ action: 'move', horizon: 'now' }, flag({ action: 'move', horizon: 'now' }))).toBe('Move to Now…');
    expect(fixButtonText({ action: 'mark-done' }, flag({ action: 'mark-done' }))).toBe('Mark done');
    expect(fixButtonText({ action: 'reopen' }, flag({ action: 'reopen' }))).toBe('Reopen');
    expect(fixButtonText({ action: 'update-effort', effort: 21 }, flag({ action: 'update-effort', effort: 21 }))).toBe('Set effort to 21');
    expect(fixButtonText({ action: 'unlink', epicId: '7' }, flag({ action: 'unlink', epicId: '7' }, 'PAY-9'))).toBe('Unlink PAY-9…');
    expect(fixButtonText({ action: 'unlink', epicId: '7' }, flag({ action: 'unlink', epicId: '7' }))).toBe('Unlink epic…');
    expect(fixButtonText({ action: 'update-metric' }, flag({ action: 'update-metric' }))).toBe('Update metric…');
  });
});
