/** The delete-initiative confirm's model: the optional reason, and what else the delete changes. */
import { deleteInitiativePayload, type InitiativeView } from '../../../src/domain/api';
import { deleteConsequences, deleteInitiativeValues, toDeleteInitiativeDraft } from '../../../static/src/project-page/initiative-editor/delete-model';
import { leafPaths } from '../../../static/src/shared/form/paths';
import { checkDraft } from '../../../static/src/shared/form/payload-check';

const initiative = { id: 'I-1', title: 'Centralize logging', dependsOn: [], epicIds: [], fromDebtId: null } as unknown as InitiativeView;

describe('deleting an initiative', () => {
  it('sends no reason when none is typed, and the reason as typed otherwise', () => {
    expect(toDeleteInitiativeDraft(deleteInitiativeValues(), 'I-1', 5).payload).toEqual({ baseRevision: 5, initiativeId: 'I-1' });
    expect(toDeleteInitiativeDraft({ reason: '  ' }, 'I-1', 5).payload).toEqual({ baseRevision: 5, initiativeId: 'I-1' });
    expect(toDeleteInitiativeDraft({ reason: 'Covered elsewhere' }, 'I-1', 5).payload).toEqual({
      baseRevision: 5,
      initiativeId: 'I-1',
      reason: 'Covered elsewhere',
    });
  });

  it('a reason too long is the schema’s, beside the reason', () => {
    const values = { reason: 'x'.repeat(501) };
    const found = checkDraft(deleteInitiativePayload, toDeleteInitiativeDraft(values, 'I-1', 5), leafPaths(values));
    expect(Object.keys(found!.byField)).toEqual(['reason']);
  });

  it('says what else changes: dependants, linked epics, the debt item it came from', () => {
    expect(deleteConsequences(initiative, [initiative])).toEqual([]);
    const a = { ...initiative, id: 'I-2', title: 'Tracing', dependsOn: ['I-1'] };
    const b = { ...initiative, id: 'I-3', title: 'Alerts', dependsOn: ['I-1'] };
    const linked = { ...initiative, epicIds: ['10001', '10002'], fromDebtId: 'D-1' };
    expect(deleteConsequences(linked, [linked, a])).toEqual([
      '“Tracing” loses its dependency on it.',
      'Its 2 linked epics are unlinked (the epics stay in Jira).',
      'The debt item it was promoted from goes back to the register.',
    ]);
    expect(deleteConsequences({ ...initiative, epicIds: ['10001'] }, [initiative, a, b])[0]).toBe('“Tracing”, “Alerts” lose their dependency on it.');
    expect(deleteConsequences({ ...initiative, epicIds: ['10001'] }, [initiative])).toEqual(['Its linked epic is unlinked (the epics stay in Jira).']);
  });
});
