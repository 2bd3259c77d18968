/**
 * The initiative dialog's one form model (editor-model.ts): the same fields for creating and editing, under each
 * payload's own key; one effort for capacity and RICE; the create payload with every field.
 */
import { createInitiativePayload, type InitiativeView, updateInitiativePayload } from '../../../src/domain/api';
import {
  createValues,
  editorValues,
  initiativeText,
  liveRiceScore,
  riceEffortMismatch,
  toCreateDraft,
  toUpdateDraft,
} from '../../../static/src/project-page/initiative-editor/editor-model';
import { leafPaths } from '../../../static/src/shared/form/paths';
import { checkDraft } from '../../../static/src/shared/form/payload-check';

const today = new Date('2026-11-15T00:00:00Z'); // 2026-Q4
const context = { horizonRules: { nowQuarters: 1, nextQuarters: 1 }, today };

const stored: InitiativeView = {
  id: 'I-1',
  title: 'Centralize logging',
  phaseId: 'P-1',
  goal: 'See every error in one place',
  successMetric: { description: 'All services ship logs', target: 40, current: 17, unit: 'services' },
  targetQuarter: '2027-Q1',
  horizonPin: null,
  status: 'planned',
  ownerAccountId: '557058:bbbb-member',
  track: 'reliability',
  effort: 10,
  rice: { reach: 40, impact: 2, confidence: 80, effort: 10 },
  riskReduction: 2,
  reversibility: 'reversible',
  businessGoalIds: ['G-1'],
  dependsOn: ['I-8'],
  epicIds: ['20001'],
  fromDebtId: null,
  metricUpdatedAt: null,
  revision: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  horizon: 'next',
};

describe('one form model for creating and editing', () => {
  it('names the same fields under each payload’s key: initiative.* to create, patch.* to edit', () => {
    const create = leafPaths(createValues('P-1', today));
    const edit = leafPaths(editorValues(stored));
    expect(create.filter((p) => p.startsWith('initiative.')).map((p) => p.slice('initiative.'.length))).toEqual(
      edit.filter((p) => p.startsWith('patch.')).map((p) => p.slice('patch.'.length)),
    );
    expect(create).toContain('initiative.rice.reach');
    // One effort: RICE has no effort input of its own.
    expect(edit).toContain('patch.effort');
    expect(edit).not.toContain('patch.rice.effort');
    expect(create.filter((p) => !p.startsWith('initiative.'))).toEqual(['epicKeys']);
    expect(edit.filter((p) => !p.startsWith('patch.'))).toEqual(['epicKeys', 'reason']);
  });

  it('a new initiative starts in the given phase, next quarter, proposed, nothing estimated', () => {
    expect(createValues('P-2', today).initiative).toMatchObject({
      phaseId: 'P-2',
      targetQuarter: '2027-Q1',
      status: 'proposed',
      track: 'feature-enabling',
      effort: '',
      ownerAccountId: '',
      riskReduction: '0',
    });
  });
});

describe('creating', () => {
  const filled = () => {
    const v = createValues('P-1', today);
    v.initiative = {
      ...v.initiative,
      title: 'Retire the legacy auth service',
      goal: 'One identity provider',
      successMetric: { description: 'Logins through the legacy service', current: '1200', target: '0', unit: ' logins a day ' },
      phaseId: 'P-2',
      targetQuarter: 'Q3 2027',
      track: 'security',
      ownerAccountId: '557058:bbbb-member',
      effort: '8',
      rice: { reach: '200', impact: '2', confidence: '50' },
      riskReduction: '3',
      reversibility: 'costly-to-reverse',
      businessGoalIds: ['G-2', 'G-1'],
      dependsOn: ['I-1'],
      horizonPin: 'next',
    };
    v.epicKeys = 'tr-28, TR-30';
    return v;
  };

  it('sends every field in one createInitiative payload, RICE dividing by Effort', () => {
    const draft = toCreateDraft(filled(), 7, ['G-1', 'G-2']);
    expect(draft.localErrors).toEqual({});
    expect(draft.payload).toEqual({
      baseRevision: 7,
      initiative: {
        title: 'Retire the legacy auth service',
        phaseId: 'P-2',
        goal: 'One identity provider',
        successMetric: { description: 'Logins through the legacy service', current: 1200, target: 0, unit: 'logins a day' },
        targetQuarter: '2027-Q3',
        horizonPin: 'next',
        status: 'proposed',
        ownerAccountId: '557058:bbbb-member',
        track: 'security',
        effort: 8,
        rice: { reach: 200, impact: 2, confidence: 50, effort: 8 },
        riskReduction: 3,
        reversibility: 'costly-to-reverse',
        // In the settings' order.
        businessGoalIds: ['G-1', 'G-2'],
        dependsOn: ['I-1'],
      },
      epicKeys: ['TR-28', 'TR-30'],
    });
    expect(createInitiativePayload.safeParse(draft.payload).success).toBe(true);
  });

  it('the short case: a title, a metric and the defaults; blank numbers are null, no RICE', () => {
    const v = createValues('P-1', today);
    v.initiative.title = 'Adopt contract tests';
    v.initiative.successMetric.description = 'Every API has a consumer contract';
    const { payload, localErrors } = toCreateDraft(v, 1, []);
    expect(localErrors).toEqual({});
    expect(payload.initiative).toMatchObject({ effort: null, rice: null, ownerAccountId: null, horizonPin: null, targetQuarter: '2027-Q1' });
    expect(payload.initiative.successMetric).toEqual({ description: 'Every API has a consumer contract' });
    expect(createInitiativePayload.safeParse(payload).success).toBe(true);
  });

  it('RICE without an effort estimate is an error on Effort, and 0 is no estimate to divide by', () => {
    const v = filled();
    v.initiative.effort = '';
    expect(toCreateDraft(v, 1, []).localErrors).toEqual({ 'initiative.effort': 'Estimate the effort: the RICE score divides by it' });
    v.initiative.effort = '0';
    expect(toCreateDraft(v, 1, []).localErrors).toEqual({ 'initiative.effort': 'More than 0 for a RICE score (it divides by the effort)' });
    // Without RICE, an effort of 0 or none is fine.
    v.initiative.rice = { reach: '', impact: '', confidence: '' };
    expect(toCreateDraft(v, 1, []).localErrors).toEqual({});
  });

  it('errors land beside their inputs: the schema’s (by path) and the form’s own', () => {
    const v = filled();
    v.initiative.title = '';
    v.initiative.targetQuarter = 'someday';
    v.initiative.rice.confidence = '150';
    v.initiative.rice.reach = 'lots';
    v.epicKeys = 'not a key';
    const paths = leafPaths(v);
    const found = checkDraft(createInitiativePayload, toCreateDraft(v, 1, []), paths);
    expect(Object.keys(found!.byField).sort()).toEqual([
      'epicKeys',
      'initiative.rice.confidence',
      'initiative.rice.reach',
      'initiative.targetQuarter',
      'initiative.title',
    ]);
    expect(found!.byField['initiative.rice.reach']).toBe('Enter a number');
    expect(found!.formLevel).toEqual([]);
  });

  it('with Effort missing, the other RICE inputs are still checked at once', () => {
    const v = filled();
    v.initiative.effort = '';
    v.initiative.rice.confidence = '150';
    const found = checkDraft(createInitiativePayload, toCreateDraft(v, 1, []), leafPaths(v));
    expect(Object.keys(found!.byField).sort()).toEqual(['initiative.effort', 'initiative.rice.confidence']);
    expect(found!.formLevel).toEqual([]);
  });
});

describe('editing with one effort', () => {
  it('shows the stored estimate as Effort, falling back to RICE’s effort when Effort was never set', () => {
    expect(initiativeText(stored).effort).toBe('10');
    expect(initiativeText({ ...stored, effort: null }).effort).toBe('10');
    expect(initiativeText({ ...stored, effort: null, rice: null }).effort).toBe('');
  });

  it('changing Effort re-scores RICE with it: both travel', () => {
    const v = editorValues(stored);
    v.patch.effort = '5';
    const draft = toUpdateDraft(v, stored, 3, ['G-1'], context);
    expect(draft.payload.patch).toEqual({ effort: 5, rice: { reach: 40, impact: 2, confidence: 80, effort: 5 } });
    expect(updateInitiativePayload.safeParse(draft.payload).success).toBe(true);
  });

  it('says when a stored RICE divided by another effort; any save aligns them', () => {
    const legacy = { ...stored, effort: 6, rice: { reach: 300, impact: 1, confidence: 80, effort: 4 } } as const;
    expect(riceEffortMismatch(legacy)).toEqual({ riceEffort: 4, effort: 6 });
    expect(riceEffortMismatch({ ...stored, effort: null })).toEqual({ riceEffort: 10, effort: null });
    expect(riceEffortMismatch(stored)).toBeNull();
    expect(riceEffortMismatch({ ...stored, rice: null })).toBeNull();

    const v = editorValues(legacy);
    v.patch.title = 'Central logging';
    expect(toUpdateDraft(v, legacy, 3, ['G-1'], context).payload.patch).toEqual({
      title: 'Central logging',
      rice: { reach: 300, impact: 1, confidence: 80, effort: 6 },
    });
    // Effort never set: the RICE effort becomes it.
    const unset = { ...stored, effort: null };
    expect(toUpdateDraft(editorValues(unset), unset, 3, ['G-1'], context).payload.patch).toEqual({ effort: 10 });
  });

  it('clearing reach, impact and confidence drops the score but keeps Effort', () => {
    const v = editorValues(stored);
    v.patch.rice = { reach: '', impact: '', confidence: '' };
    expect(toUpdateDraft(v, stored, 3, ['G-1'], context).payload.patch).toEqual({ rice: null });
  });

  it('the live score uses Effort', () => {
    expect(liveRiceScore({ reach: '200', impact: '2', confidence: '50' }, '8')).toBe(25);
    expect(liveRiceScore({ reach: '200', impact: '2', confidence: '50' }, '')).toBeNull();
    expect(liveRiceScore({ reach: '200', impact: '2', confidence: '50' }, '0')).toBeNull();
    expect(liveRiceScore({ reach: '10', impact: '0.25', confidence: '33' }, '3')).toBe(0.3);
  });
});
