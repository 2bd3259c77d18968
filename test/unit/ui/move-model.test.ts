/** The Move dialog's model: a drop's preset, and pin or quarter decided from the chosen horizon and the quarter. */
import type { InitiativeView } from '../../../src/domain/api';
import { droppedValues, followQuarter, horizonFit, type MoveValues, moveValues, toMoveDraft } from '../../../static/src/project-page/move-model';

const context = { horizonRules: { nowQuarters: 1, nextQuarters: 1 }, today: new Date('2026-11-15T00:00:00Z') }; // 2026-Q4
const initiative = {
  id: 'I-3',
  title: 'Read replicas',
  phaseId: 'P-2',
  targetQuarter: '2027-Q1',
  horizonPin: null,
  horizon: 'next',
} as unknown as InitiativeView;
const values = (to: Partial<MoveValues['to']>, reason = 'Budget approved'): MoveValues => ({ to: { ...moveValues(initiative).to, ...to }, reason });
const draftTo = (v: MoveValues, source: InitiativeView = initiative) => toMoveDraft(v, { source, revision: 5 }, context).payload.to;

describe('the move dialog', () => {
  it('a drop on Now opens set to Now with the quarter that puts it there', () => {
    expect(droppedValues(initiative, 'now', context)).toEqual({ horizonPin: 'now', targetQuarter: '2026-Q4', phaseId: 'P-2' });
    expect(droppedValues(initiative, 'later', context).targetQuarter).toBe('2027-Q2');
  });

  it('a quarter that derives the chosen horizon is sent without a pin', () => {
    expect(draftTo(values({ horizonPin: 'now', targetQuarter: '2026-Q4' }))).toEqual({ targetQuarter: '2026-Q4' });
    expect(horizonFit(values({ horizonPin: 'now', targetQuarter: '2026-Q4' }), initiative, context)).toEqual({
      quarter: '2026-Q4',
      chosen: 'now',
      derived: 'now',
      pin: undefined,
    });
  });

  it('a quarter outside the chosen horizon pins it there', () => {
    expect(draftTo(values({ horizonPin: 'now', targetQuarter: '2027-Q3' }))).toEqual({ targetQuarter: '2027-Q3', horizonPin: 'now' });
    // Keeping the quarter and choosing another horizon is a pin too.
    expect(draftTo(values({ horizonPin: 'later' }))).toEqual({ horizonPin: 'later' });
  });

  it('clears a pin the quarter makes needless, and leaves a pin alone when only the phase changes', () => {
    const pinned = { ...initiative, horizonPin: 'now', horizon: 'now' } as InitiativeView;
    const fromPinned = (to: Partial<MoveValues['to']>) => ({ to: { ...moveValues(pinned).to, ...to }, reason: 'why' });
    expect(draftTo(fromPinned({ horizonPin: 'next' }), pinned)).toEqual({ horizonPin: null });
    expect(draftTo(fromPinned({ horizonPin: 'now', targetQuarter: '2026-Q4' }), pinned)).toEqual({ targetQuarter: '2026-Q4', horizonPin: null });
    expect(draftTo(fromPinned({ phaseId: 'P-1' }), pinned)).toEqual({ phaseId: 'P-1' });
    // Still outside Now: the pin stays as it is, nothing to send for it.
    expect(draftTo(fromPinned({ targetQuarter: '2027-Q2' }), pinned)).toEqual({ targetQuarter: '2027-Q2' });
  });

  it('before anyone chose a horizon, it follows the typed quarter (so typing a quarter never pins by surprise)', () => {
    expect(followQuarter(values({ targetQuarter: '2027-Q3' }), initiative, context)).toBe('later');
    expect(followQuarter(values({ targetQuarter: 'Q4 2026' }), initiative, context)).toBe('now');
    expect(followQuarter(values({ targetQuarter: '2027-Q1' }), initiative, context)).toBeNull();
    expect(followQuarter(values({ targetQuarter: '2027-Q' }), initiative, context)).toBeNull();
  });

  it('a quarter that is no quarter decides no pin (the schema says what is wrong)', () => {
    expect(horizonFit(values({ horizonPin: 'now', targetQuarter: 'soon' }), initiative, context).pin).toBeUndefined();
    expect(draftTo(values({ horizonPin: 'now', targetQuarter: 'soon' }))).toEqual({ targetQuarter: 'soon' });
  });
});
