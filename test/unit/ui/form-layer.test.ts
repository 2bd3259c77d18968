/** The form layer's pure parts: errors routed by payload path, the draft check, discard, quarters, the move rule. */
import { type InitiativeView, moveInitiativePayload } from '../../../src/domain/api';
import { isPlacementMove } from '../../../src/domain/moves';
import { editorValues, isMoving, toUpdateDraft } from '../../../static/src/project-page/initiative-editor/editor-model';
import { moveValues, toMoveDraft } from '../../../static/src/project-page/move-model';
import { closeStep } from '../../../static/src/shared/form/discard';
import { fieldId, flatten, leafPaths, unflatten } from '../../../static/src/shared/form/paths';
import { checkDraft } from '../../../static/src/shared/form/payload-check';
import { readQuarter } from '../../../static/src/shared/form/quarter-input';
import { routeErrors } from '../../../static/src/shared/form/route-errors';

const rules = { nowQuarters: 1, nextQuarters: 1 };
const today = new Date('2026-11-15T00:00:00Z'); // 2026-Q4: 2027-Q1 is Next, 2027-Q2 Later

const initiative = {
  id: 'I-1',
  title: 'Centralize logging',
  phaseId: 'P-1',
  goal: 'See every error',
  successMetric: { description: 'All services ship logs' },
  targetQuarter: '2027-Q1',
  horizonPin: null,
  status: 'planned',
  ownerAccountId: null,
  track: 'reliability',
  effort: null,
  rice: null,
  riskReduction: 0,
  reversibility: 'reversible',
  businessGoalIds: [],
  dependsOn: [],
  epicIds: [],
  fromDebtId: null,
  metricUpdatedAt: null,
  revision: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  horizon: 'next',
} as InitiativeView;

describe('routing errors by payload path', () => {
  const fields = ['to.targetQuarter', 'to.phaseId', 'reason', 'epicKeys', 'patch.dependsOn'];

  it('puts each error beside the field of its path, or of the path that holds it', () => {
    const routed = routeErrors(
      { 'to.targetQuarter': 'Use a quarter like 2027-Q2', 'epicKeys.1': 'Use an issue key like TR-12', 'patch.dependsOn.2': 'Unknown' },
      fields,
    );
    expect(routed).toEqual({
      byField: { 'to.targetQuarter': 'Use a quarter like 2027-Q2', epicKeys: 'Use an issue key like TR-12', 'patch.dependsOn': 'Unknown' },
      formLevel: [],
    });
  });

  it('sends what no field owns to the form-level line, once each', () => {
    expect(routeErrors({ to: 'Say where it moves', '(payload)': 'Say where it moves', baseRevision: 'Stale' }, fields).formLevel).toEqual([
      'Say where it moves',
      'Stale',
    ]);
  });

  it('joins two messages for one field', () => {
    expect(routeErrors({ 'epicKeys.0': 'A', 'epicKeys.1': 'B' }, fields).byField.epicKeys).toBe('A B');
  });

  it('names fields by the paths of values shaped like the payload', () => {
    const values = moveValues(initiative);
    expect(leafPaths(values)).toEqual(['to.horizonPin', 'to.targetQuarter', 'to.phaseId', 'reason']);
    expect(unflatten(flatten(values))).toEqual(values);
    expect(fieldId('move-I-1', 'to.targetQuarter')).toBe('move-I-1-to-targetQuarter');
    expect(leafPaths(editorValues(initiative))).toContain('patch.rice.reach');
  });
});

describe('checking a draft with the resolver schema', () => {
  const base = { source: initiative, revision: 3 };
  const paths = leafPaths(moveValues(initiative));
  const context = { horizonRules: rules, today };

  it('a quarter that is no quarter lands on to.targetQuarter with the server message; a missing reason on reason', () => {
    const draft = toMoveDraft({ to: { horizonPin: 'next', targetQuarter: 'someday', phaseId: 'P-1' }, reason: '' }, base, context);
    const found = checkDraft(moveInitiativePayload, draft, paths);
    expect(Object.keys(found!.byField).sort()).toEqual(['reason', 'to.targetQuarter']);
    const server = moveInitiativePayload.safeParse(draft.payload);
    expect(server.success).toBe(false);
  });

  it('nothing moving is said on the form line', () => {
    const found = checkDraft(moveInitiativePayload, toMoveDraft({ ...moveValues(initiative), reason: 'why' }, base, context), paths);
    expect(found).toEqual({ byField: {}, formLevel: ['Say where it moves: phase, target quarter or horizon'] });
  });

  it('reads "Q2 2027" as 2027-Q2 and sends only what changed', () => {
    // Later is the horizon 2027-Q2 derives: no pin.
    expect(toMoveDraft({ to: { horizonPin: 'later', targetQuarter: 'Q2 2027', phaseId: 'P-1' }, reason: 'Later' }, base, context).payload).toEqual({
      baseRevision: 3,
      initiativeId: 'I-1',
      to: { targetQuarter: '2027-Q2' },
      reason: 'Later',
    });
    expect(readQuarter('', '2027-Q1')).toBe('2027-Q1');
    expect(readQuarter(' 2027 q3 ', '')).toBe('2027-Q3');
  });
});

describe('discarding', () => {
  it('closes a form with nothing typed; asks first when closing would lose changes', () => {
    expect(closeStep(false)).toBe('close');
    expect(closeStep(true)).toBe('confirm');
  });
});

describe('a move, by the one domain rule', () => {
  it('a pin equal to the derived horizon moves nothing, on the server and in the editor alike', () => {
    const pinned = { ...initiative, horizonPin: 'next' as const };
    expect(isPlacementMove(initiative, pinned, rules, today)).toBe(false);
    const values = { ...editorValues(initiative), patch: { ...editorValues(initiative).patch, horizonPin: 'next' as const } };
    expect(isMoving(values, initiative, { horizonRules: rules, today })).toBe(false);
    // So the editor asks no reason and sends the pin without one.
    const draft = toUpdateDraft(values, initiative, 3, [], { horizonRules: rules, today });
    expect(draft.localErrors).toEqual({});
    expect(draft.payload).toEqual({ baseRevision: 3, initiativeId: 'I-1', patch: { horizonPin: 'next' }, epicKeys: [] });
  });

  it('a pin to another horizon, a new quarter or a new phase is a move and asks why', () => {
    const later = { ...editorValues(initiative), patch: { ...editorValues(initiative).patch, horizonPin: 'later' as const } };
    expect(isMoving(later, initiative, { horizonRules: rules, today })).toBe(true);
    expect(toUpdateDraft(later, initiative, 3, [], { horizonRules: rules, today }).localErrors).toEqual({ reason: 'Say why it moves' });
    expect(isPlacementMove(initiative, { ...initiative, targetQuarter: '2027-Q2' }, rules, today)).toBe(true);
    expect(isPlacementMove(initiative, { ...initiative, phaseId: 'P-2' }, rules, today)).toBe(true);
  });

  it('a typed number that does not read, and nothing changed, are refused before sending', () => {
    const v = editorValues(initiative);
    expect(toUpdateDraft({ ...v, patch: { ...v.patch, effort: 'six' } }, initiative, 3, [], { horizonRules: rules, today }).localErrors).toEqual({
      'patch.effort': 'Enter a number',
    });
    expect(toUpdateDraft(v, initiative, 3, [], { horizonRules: rules, today }).refusal).toBe('Nothing to save: no field changed.');
  });
});
