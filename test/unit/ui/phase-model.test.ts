/** The phase forms' model: values shaped like the createPhase / updatePhase / deletePhase payloads, their transforms. */
import { createPhasePayload, deletePhasePayload, updatePhasePayload } from '../../../src/domain/api';
import type { Phase } from '../../../src/domain/model';
import {
  deletePhaseValues,
  newPhaseValues,
  PHASE_EQUALS,
  PHASE_LABELS,
  phaseValues,
  toCreatePhaseDraft,
  toDeletePhaseDraft,
  toUpdatePhaseDraft,
} from '../../../static/src/project-page/phases/phase-model';
import { leafPaths } from '../../../static/src/shared/form/paths';
import { checkDraft } from '../../../static/src/shared/form/payload-check';

const phase: Phase = {
  id: 'P-1',
  name: 'Foundation',
  theme: 'Stable base',
  order: 0,
  startQuarter: '2026-Q4',
  endQuarter: '2027-Q1',
  description: '',
};
const today = new Date('2026-11-15T00:00:00Z'); // 2026-Q4

describe('adding a phase', () => {
  it('starts after the last phase ends, one quarter long; on an empty roadmap, this quarter', () => {
    expect(newPhaseValues([phase, { ...phase, id: 'P-2', endQuarter: '2027-Q3' }], today).phase).toMatchObject({
      startQuarter: '2027-Q4',
      endQuarter: '2027-Q4',
    });
    expect(newPhaseValues([], today).phase).toMatchObject({ name: '', startQuarter: '2026-Q4', endQuarter: '2026-Q4' });
  });

  it('names its fields by payload path and sends every one, reading "Q1 2027" as 2027-Q1', () => {
    const values = { phase: { name: 'Resilience', theme: '', startQuarter: 'Q1 2027', endQuarter: '2027-Q2', description: '' } };
    expect(leafPaths(values)).toEqual(['phase.name', 'phase.theme', 'phase.startQuarter', 'phase.endQuarter', 'phase.description']);
    const draft = toCreatePhaseDraft(values, 4);
    expect(draft.payload).toEqual({
      baseRevision: 4,
      phase: { name: 'Resilience', theme: '', startQuarter: '2027-Q1', endQuarter: '2027-Q2', description: '' },
    });
    expect(draft.localErrors).toEqual({});
    expect(createPhasePayload.safeParse(draft.payload).success).toBe(true);
  });

  it('an end before the start is said beside "End quarter"; a missing name beside "Name", with the schema’s message', () => {
    const values = { phase: { name: '', theme: '', startQuarter: '2027-Q3', endQuarter: '2027-Q1', description: '' } };
    const found = checkDraft(createPhasePayload, toCreatePhaseDraft(values, 4), leafPaths(values));
    expect(found!.byField['phase.endQuarter']).toBe('Ends before it starts');
    expect(Object.keys(found!.byField).sort()).toEqual(['phase.endQuarter', 'phase.name']);
  });
});

describe('editing a phase', () => {
  const base = { source: phase, revision: 7 };

  it('sends only what differs from the stored version it is based on', () => {
    const values = phaseValues(phase);
    values.patch.theme = 'A stable base';
    values.patch.endQuarter = 'Q2 2027';
    expect(toUpdatePhaseDraft(values, base).payload).toEqual({ baseRevision: 7, phaseId: 'P-1', patch: { theme: 'A stable base', endQuarter: '2027-Q2' } });
  });

  it('refuses to send nothing; trimmed text and the same quarter written another way are no change', () => {
    const values = phaseValues(phase);
    values.patch.name = ' Foundation ';
    values.patch.startQuarter = 'Q4 2026';
    const draft = toUpdatePhaseDraft(values, base);
    expect(draft.payload.patch).toEqual({});
    expect(draft.refusal).toBe('Nothing to save: no field changed.');
    expect(checkDraft(updatePhasePayload, draft, leafPaths(values))).toEqual({ byField: {}, formLevel: ['Nothing to save: no field changed.'] });
  });

  it('labels and compares the merged fields by their payload paths', () => {
    const paths = leafPaths(phaseValues(phase));
    expect(Object.keys(PHASE_LABELS).sort()).toEqual([...paths].sort());
    expect(Object.keys(PHASE_EQUALS).sort()).toEqual([...paths].sort());
    expect(PHASE_EQUALS['patch.startQuarter']('Q4 2026', '2026-Q4')).toBe(true);
    expect(PHASE_EQUALS['patch.name'](' Foundation', 'Foundation')).toBe(true);
  });
});

describe('deleting a phase', () => {
  it('an empty phase goes at once, with nothing else to say', () => {
    const draft = toDeletePhaseDraft({ moveInitiativesTo: '', reason: 'ignored' }, 'P-1', 0, 3);
    expect(draft.payload).toEqual({ baseRevision: 3, phaseId: 'P-1', moveInitiativesTo: null });
    expect(draft.localErrors).toEqual({});
    expect(deletePhasePayload.safeParse(draft.payload).success).toBe(true);
  });

  it('one with initiatives needs where they go and why', () => {
    expect(toDeletePhaseDraft(deletePhaseValues(), 'P-1', 2, 3).localErrors).toEqual({
      moveInitiativesTo: 'Choose where its initiatives go',
      reason: 'Say why they move',
    });
    const draft = toDeletePhaseDraft({ moveInitiativesTo: 'P-2', reason: 'Folds into scaling' }, 'P-1', 2, 3);
    expect(draft.localErrors).toEqual({});
    expect(draft.payload).toEqual({ baseRevision: 3, phaseId: 'P-1', moveInitiativesTo: 'P-2', reason: 'Folds into scaling' });
  });

  it('a reason too long is the schema’s, beside the reason', () => {
    const values = { moveInitiativesTo: 'P-2', reason: 'x'.repeat(501) };
    const found = checkDraft(deletePhasePayload, toDeletePhaseDraft(values, 'P-1', 2, 3), leafPaths(values));
    expect(Object.keys(found!.byField)).toEqual(['reason']);
  });
});
