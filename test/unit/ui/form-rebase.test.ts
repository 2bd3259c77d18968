/**
 * The forms' payloads after a three-way rebase: the defect was that a re-applied edit diffed the whole form against
 * the newer stored version and so put back every field someone else had changed. Each form's values are merged with
 * its own equality, then its payload builder runs against the newer version (the new base).
 */
import type { InitiativeView, RoadmapView } from '../../../src/domain/api';
import type { Phase } from '../../../src/domain/model';
import {
  describeEditorValue,
  EDITOR_EQUALS,
  type EditorValues,
  editorValues,
  toUpdateDraft,
} from '../../../static/src/project-page/initiative-editor/editor-model';
import { MOVE_EQUALS, type MoveValues, moveValues, toMoveDraft } from '../../../static/src/project-page/move-model';
import { type EditPhaseValues, PHASE_EQUALS, phaseValues, toUpdatePhaseDraft } from '../../../static/src/project-page/phases/phase-model';
import {
  describeSetting,
  type GoalRow,
  SETTINGS_EQUALS,
  type SettingsValues,
  settingsValues,
  toSettingsDraft,
} from '../../../static/src/project-page/settings/settings-model';
import { flatten, unflatten } from '../../../static/src/shared/form/paths';
import { choose, type FieldEquals, initialMergeState, rebase } from '../../../static/src/shared/three-way-merge';

const initiative: InitiativeView = {
  id: 'I-1',
  title: 'Centralize logging',
  phaseId: 'P-1',
  goal: 'See every error in one place',
  successMetric: { description: 'All services ship logs', target: 100, current: 40, unit: '%' },
  targetQuarter: '2027-Q1',
  horizonPin: null,
  status: 'planned',
  ownerAccountId: null,
  track: 'reliability',
  // One effort: the RICE score divides by the initiative's Effort.
  effort: 4,
  rice: { reach: 500, impact: 2, confidence: 80, effort: 4 },
  riskReduction: 2,
  reversibility: 'reversible',
  businessGoalIds: ['G-1'],
  dependsOn: [],
  epicIds: ['20001'],
  fromDebtId: null,
  metricUpdatedAt: null,
  revision: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  horizon: 'next',
};

const phase: Phase = { id: 'P-1', name: 'Foundation', theme: 'Stable base', order: 0, startQuarter: '2026-Q4', endQuarter: '2027-Q1', description: '' };

const view: RoadmapView = {
  project: { id: '10000', key: 'TR', name: 'Tech Roadmap' },
  title: 'TR roadmap',
  revision: 7,
  phases: [phase, { ...phase, id: 'P-2', name: 'Scale', order: 1 }],
  initiatives: [initiative, { ...initiative, id: 'I-2', title: 'Tracing' }],
  businessGoals: [
    { id: 'G-1', title: 'Cut cost', metric: 'Cloud bill' },
    { id: 'G-2', title: 'Ship faster', metric: 'Lead time' },
  ],
  capacity: { perQuarter: 60, unit: 'person-weeks', bufferPercent: 25 },
  horizonRules: { nowQuarters: 1, nextQuarters: 1 },
  debtItems: [],
  reviewCadenceDays: 30,
  lastReviewedAt: null,
  ownerAccountId: null,
  permissions: { canEdit: true, canAdminister: true },
  limitWarnings: [],
};

/** Opens a form on `opened`, applies my edit, rebases onto `fresh`: the values the form then shows and its state. */
function reapply<V extends object>(toValues: () => V, fresh: V, edit: (v: V) => V, equals: FieldEquals<V>) {
  const opened = toValues();
  return rebase(initialMergeState(opened), edit(opened), fresh, equals);
}

describe('initiative editor after a CONFLICT', () => {
  const goalOrder = view.businessGoals.map((g) => g.id);
  const context = { horizonRules: view.horizonRules, today: new Date('2026-11-15T00:00:00Z') };
  // The form layer merges field by field on payload paths, as useRebase does; the draft reads the nested values.
  const flat = (i: InitiativeView) => flatten(editorValues(i));
  const draftOf = (values: Record<string, unknown>, stored: InitiativeView) =>
    toUpdateDraft(unflatten(values) as unknown as EditorValues, stored, 8, goalOrder, context);

  it('sends only my title, keeping the goal and RICE impact the first person saved', () => {
    const theirs: InitiativeView = { ...initiative, goal: 'Find any error in a minute', rice: { ...initiative.rice!, impact: 3 }, revision: 4 };
    const { state, values } = reapply(
      () => flat(initiative),
      flat(theirs),
      (v) => ({ ...v, 'patch.title': 'Central logging' }),
      EDITOR_EQUALS,
    );
    expect(state.conflicts).toEqual([]);
    expect(state.taken.sort()).toEqual(['patch.goal', 'patch.rice.impact']);
    expect(values['patch.goal']).toBe('Find any error in a minute');
    const draft = draftOf(values, theirs);
    expect(draft.payload).toEqual({ baseRevision: 8, initiativeId: 'I-1', patch: { title: 'Central logging' }, epicKeys: [] });
  });

  it('the old way (diff the whole form against the new version) would have reverted their goal', () => {
    const theirs: InitiativeView = { ...initiative, goal: 'Find any error in a minute' };
    const mine = { ...flat(initiative), 'patch.title': 'Central logging' };
    expect(draftOf(mine, theirs).payload.patch).toEqual({ title: 'Central logging', goal: 'See every error in one place' });
  });

  it('merges RICE and the success metric field by field: my reach with their confidence, sent as one rice', () => {
    const theirs: InitiativeView = {
      ...initiative,
      rice: { ...initiative.rice!, confidence: 50 },
      successMetric: { ...initiative.successMetric, current: 70 },
    };
    const { state, values } = reapply(
      () => flat(initiative),
      flat(theirs),
      (v) => ({ ...v, 'patch.rice.reach': '900', 'patch.successMetric.target': '99' }),
      EDITOR_EQUALS,
    );
    expect(state.conflicts).toEqual([]);
    const { patch } = draftOf(values, theirs).payload;
    expect(patch).toEqual({
      rice: { reach: 900, impact: 2, confidence: 50, effort: 4 },
      successMetric: { description: 'All services ship logs', target: 99, current: 70, unit: '%' },
    });
  });

  it('a field both changed waits for a choice; the chosen value is what gets sent', () => {
    const theirs: InitiativeView = { ...initiative, title: 'Logging (theirs)', epicIds: [] };
    const { state, values } = reapply(
      () => flat(initiative),
      flat(theirs),
      (v) => ({ ...v, 'patch.title': 'Logging (mine)', 'patch.dependsOn': ['I-2'] }),
      EDITOR_EQUALS,
    );
    expect(state.conflicts.map((c) => [c.field, c.mine, c.theirs, c.choice])).toEqual([['patch.title', 'Logging (mine)', 'Logging (theirs)', null]]);
    // Their unlinked epic stays unlinked: my form now shows no epics, so none is sent.
    expect(values['patch.epicIds']).toEqual([]);
    const theirsChosen = choose(state, values, 'patch.title', 'theirs');
    expect(draftOf(theirsChosen.values, theirs).payload.patch).toEqual({ dependsOn: ['I-2'] });
    const mineChosen = choose(state, values, 'patch.title', 'mine');
    expect(draftOf(mineChosen.values, theirs).payload.patch).toEqual({ title: 'Logging (mine)', dependsOn: ['I-2'] });
  });

  it('reordered ids and padded text are no change of mine, so they never conflict', () => {
    const opened: InitiativeView = { ...initiative, businessGoalIds: ['G-1', 'G-2'] };
    const theirs: InitiativeView = { ...opened, businessGoalIds: ['G-2'], title: 'Renamed' };
    const { state, values } = reapply(
      () => flat(opened),
      flat(theirs),
      (v) => ({ ...v, 'patch.businessGoalIds': ['G-2', 'G-1'], 'patch.title': 'Centralize logging  ', 'patch.effort': '4.0' }),
      EDITOR_EQUALS,
    );
    expect(state.conflicts).toEqual([]);
    expect(draftOf(values, theirs).payload.patch).toEqual({});
  });

  it('names ids and choices in the conflict notice', () => {
    expect(describeEditorValue('patch.status', 'in-progress', view)).toBe('In progress');
    expect(describeEditorValue('patch.phaseId', 'P-2', view)).toBe('Scale');
    expect(describeEditorValue('patch.businessGoalIds', ['G-2', 'G-1'], view)).toBe('Ship faster, Cut cost');
    expect(describeEditorValue('patch.dependsOn', [], view)).toBe('(none)');
    expect(describeEditorValue('patch.title', 'x', view)).toBeUndefined();
  });
});

describe('settings after a CONFLICT', () => {
  // The form layer merges field by field on payload paths (`settings.capacity.bufferPercent`), the goal list as one.
  const flat = (v: RoadmapView) => flatten(settingsValues(v));
  const draftOf = (values: Record<string, unknown>, stored: RoadmapView) => toSettingsDraft(unflatten(values) as unknown as SettingsValues, stored);
  const goals = 'settings.businessGoals';

  it('one admin changed the buffer, another the cadence: mine keeps their cadence and sends only capacity', () => {
    const theirs: RoadmapView = { ...view, revision: 8, reviewCadenceDays: 14 };
    const { state, values } = reapply(
      () => flat(view),
      flat(theirs),
      (v) => ({ ...v, 'settings.capacity.bufferPercent': '30' }),
      SETTINGS_EQUALS,
    );
    expect(state.conflicts).toEqual([]);
    expect(state.taken).toEqual(['settings.reviewCadenceDays']);
    expect(values['settings.reviewCadenceDays']).toBe('14');
    const { payload } = draftOf(values, theirs);
    expect(payload).toEqual({ baseRevision: 8, settings: { capacity: { perQuarter: 60, unit: 'person-weeks', bufferPercent: 30 } } });
  });

  it('capacity travels whole, but with their per-quarter figure, not the one I opened with', () => {
    const theirs: RoadmapView = { ...view, revision: 8, capacity: { ...view.capacity, perQuarter: 80 } };
    const { values } = reapply(
      () => flat(view),
      flat(theirs),
      (v) => ({ ...v, 'settings.capacity.bufferPercent': '30' }),
      SETTINGS_EQUALS,
    );
    expect(draftOf(values, theirs).payload.settings).toEqual({ capacity: { perQuarter: 80, unit: 'person-weeks', bufferPercent: 30 } });
  });

  it('both changed the business goals: one conflict over the whole list; taking theirs sends nothing about goals', () => {
    const theirs: RoadmapView = { ...view, revision: 8, businessGoals: [...view.businessGoals, { id: 'G-3', title: 'Fewer incidents', metric: 'Pages' }] };
    const { state, values } = reapply(
      () => flat(view),
      flat(theirs),
      (v) => ({
        ...v,
        'settings.title': 'Platform roadmap',
        [goals]: (v[goals] as GoalRow[]).map((g) => (g.id === 'G-1' ? { ...g, title: 'Cut cloud cost' } : g)),
      }),
      SETTINGS_EQUALS,
    );
    expect(state.conflicts.map((c) => c.field)).toEqual([goals]);
    expect(describeSetting(goals, state.conflicts[0].theirs)).toBe('1. Cut cost — Cloud bill\n2. Ship faster — Lead time\n3. Fewer incidents — Pages');
    const tookTheirs = choose(state, values, goals, 'theirs');
    expect(draftOf(tookTheirs.values, theirs).payload.settings).toEqual({ title: 'Platform roadmap' });
    const keptMine = choose(state, values, goals, 'mine');
    expect(draftOf(keptMine.values, theirs).payload.settings.businessGoals).toEqual([
      { id: 'G-1', title: 'Cut cloud cost', metric: 'Cloud bill' },
      { id: 'G-2', title: 'Ship faster', metric: 'Lead time' },
    ]);
  });
});

describe('phase and move forms after a CONFLICT', () => {
  it('a phase edit sends only my description, keeping their new end quarter', () => {
    const theirs: Phase = { ...phase, endQuarter: '2027-Q2' };
    // On payload paths (`patch.description`), as useRebase does.
    const flat = (p: Phase) => flatten(phaseValues(p));
    const { state, values } = reapply(
      () => flat(phase),
      flat(theirs),
      (v) => ({ ...v, 'patch.description': 'Logs, metrics, traces' }),
      PHASE_EQUALS,
    );
    expect(state.conflicts).toEqual([]);
    expect(toUpdatePhaseDraft(unflatten(values) as unknown as EditPhaseValues, { source: theirs, revision: 8 }).payload).toEqual({
      baseRevision: 8,
      phaseId: 'P-1',
      patch: { description: 'Logs, metrics, traces' },
    });
  });

  it('"Q1 2027" is the quarter the phase already has: no change, no conflict', () => {
    const theirs: Phase = { ...phase, startQuarter: '2026-Q3' };
    const flat = (p: Phase) => flatten(phaseValues(p));
    const { state, values } = reapply(
      () => flat(phase),
      flat(theirs),
      (v) => ({ ...v, 'patch.endQuarter': 'Q1 2027' }),
      PHASE_EQUALS,
    );
    expect(state.conflicts).toEqual([]);
    const draft = toUpdatePhaseDraft(unflatten(values) as unknown as EditPhaseValues, { source: theirs, revision: 8 });
    expect(draft.payload.patch).toEqual({});
    expect(draft.refusal).toBe('Nothing to save: no field changed.');
  });

  it('a move of the phase keeps the quarter someone else moved it to', () => {
    const theirs: InitiativeView = { ...initiative, targetQuarter: '2027-Q3' };
    // The form layer merges field by field on payload paths (`to.phaseId`), as useRebase does.
    const { state, values } = reapply(
      () => flatten(moveValues(initiative)),
      flatten(moveValues(theirs)),
      (v) => ({ ...v, 'to.phaseId': 'P-2', reason: 'Scale first' }),
      MOVE_EQUALS,
    );
    expect(state.conflicts).toEqual([]);
    expect(
      toMoveDraft(
        unflatten(values) as unknown as MoveValues,
        { source: theirs, revision: 8 },
        { horizonRules: { nowQuarters: 1, nextQuarters: 1 }, today: new Date() },
      ).payload,
    ).toEqual({
      baseRevision: 8,
      initiativeId: 'I-1',
      to: { phaseId: 'P-2' },
      reason: 'Scale first',
    });
  });
});
