import { capDiffs, diffFields, MAX_DIFF_CHARS } from '../../../src/domain/changes';
import { addDebtItem, promoteDebtItem } from '../../../src/domain/edits/debt';
import { addInitiative, deleteInitiative, updateInitiative } from '../../../src/domain/edits/initiatives';
import { addPhase, deletePhase, movePhase, updatePhase } from '../../../src/domain/edits/phases';
import { markReviewed, updateSettings } from '../../../src/domain/edits/settings';
import { AppError } from '../../../src/domain/errors';
import { newInitiativeSchema, type Roadmap } from '../../../src/domain/model';
import { emptyRoadmap } from '../../../src/domain/roadmap-ops';
import { templateRoadmap } from '../../../src/domain/template';

const NOW = new Date('2026-11-23T12:00:00Z');
const actor = { accountId: '557058:aaaa-admin', now: NOW };
const later = { accountId: '557058:bbbb-member', now: new Date('2026-11-24T08:00:00Z') };

function template(): Roadmap {
  return templateRoadmap('10000', 'Demo', actor).roadmap;
}

function expectAppError(fn: () => unknown, code: string, field?: string) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    if (field) expect(Object.keys((error as AppError).fields ?? {})).toContain(field);
    return;
  }
  throw new Error('expected an AppError');
}

const input = (patch: Record<string, unknown> = {}) =>
  newInitiativeSchema.parse({ title: 'New', phaseId: 'P-1', successMetric: { description: 'm' }, targetQuarter: '2027-Q1', ...patch });

describe('initiative edits', () => {
  it('adds with the next id, bumps the revision, and records the fields', () => {
    const base = template();
    const edit = addInitiative(base, input(), actor);
    expect(edit.roadmap.meta.revision).toBe(base.meta.revision + 1);
    expect(edit.roadmap.meta.nextInitiativeSeq).toBe(base.meta.nextInitiativeSeq + 1);
    expect(edit.touched).toEqual(['I-7']);
    expect(edit.change).toMatchObject({ revision: 2, accountId: actor.accountId, summary: 'Added initiative "New"', reason: null });
    expect(edit.change.diffs.map((d) => d.field)).toContain('title');
    expect(base.initiatives).toHaveLength(6); // the input roadmap is not mutated
  });

  it('refuses references to unknown phases, initiatives, goals and self-dependency', () => {
    const base = template();
    expectAppError(() => addInitiative(base, input({ phaseId: 'P-9' }), actor), 'INVALID_INPUT', 'initiative.phaseId');
    expectAppError(() => addInitiative(base, input({ dependsOn: ['I-99'] }), actor), 'INVALID_INPUT', 'initiative.dependsOn.0');
    expectAppError(() => addInitiative(base, input({ businessGoalIds: ['G-1'] }), actor), 'INVALID_INPUT', 'initiative.businessGoalIds.0');
    expectAppError(() => updateInitiative(base, 'I-1', { dependsOn: ['I-1'] }, actor, null), 'INVALID_INPUT', 'patch.dependsOn.0');
  });

  it('requires a reason to move an initiative to another quarter, phase or horizon, and records it', () => {
    const base = template();
    expectAppError(() => updateInitiative(base, 'I-1', { targetQuarter: '2027-Q2' }, actor, null), 'INVALID_INPUT', 'reason');
    expectAppError(() => updateInitiative(base, 'I-1', { phaseId: 'P-2' }, actor, null), 'INVALID_INPUT', 'reason');
    expectAppError(() => updateInitiative(base, 'I-1', { horizonPin: 'later' }, actor, null), 'INVALID_INPUT', 'reason');
    const moved = updateInitiative(base, 'I-1', { targetQuarter: '2027-Q2' }, later, 'Blocked by the vendor upgrade');
    expect(moved.change).toMatchObject({ summary: 'Moved "Upgrade Node.js to v22 LTS"', reason: 'Blocked by the vendor upgrade', accountId: later.accountId });
    expect(moved.change.diffs).toEqual([{ entity: 'initiative', id: 'I-1', field: 'targetQuarter', before: '2026-Q4', after: '2027-Q2' }]);
    const initiative = moved.roadmap.initiatives.find((i) => i.id === 'I-1')!;
    expect(initiative.revision).toBe(2);
    expect(initiative.updatedAt).toBe(later.now.toISOString());
  });

  it('a pin that keeps the derived horizon is not a move', () => {
    const base = template();
    const edit = updateInitiative(base, 'I-1', { horizonPin: 'now' }, actor, null);
    expect(edit.change.summary).toBe('Updated "Upgrade Node.js to v22 LTS"');
  });

  it('refuses an update that changes nothing', () => {
    expectAppError(() => updateInitiative(template(), 'I-1', { title: 'Upgrade Node.js to v22 LTS' }, actor, null), 'INVALID_INPUT', 'patch');
  });

  it('deleting an initiative removes it from others’ dependencies and un-promotes its debt item', () => {
    let roadmap = updateInitiative(template(), 'I-3', { dependsOn: ['I-1'] }, actor, null).roadmap;
    roadmap = addDebtItem(roadmap, { title: 'Old ORM', category: 'outdated-dependency', description: '', impact: 3, urgency: 2, effort: 5 }, actor).roadmap;
    roadmap = promoteDebtItem(roadmap, 'D-1', { phaseId: 'P-1', targetQuarter: '2027-Q1', successMetric: { description: 'ORM upgraded' } }, actor).roadmap;
    const promotedId = roadmap.debtItems[0].promotedTo!;
    const deleted = deleteInitiative(roadmap, 'I-1', actor, 'Done elsewhere');
    expect(deleted.roadmap.initiatives.find((i) => i.id === 'I-3')?.dependsOn).toEqual([]);
    expect(deleted.touched.sort()).toEqual(['I-1', 'I-3']);
    const unpromoted = deleteInitiative(roadmap, promotedId, actor, null);
    expect(unpromoted.roadmap.debtItems[0].promotedTo).toBeNull();
    expect(unpromoted.touched).toEqual([promotedId, 'D-1']);
  });
});

describe('phase edits', () => {
  it('adds, renames, reorders and deletes phases, keeping order dense', () => {
    let roadmap = addPhase(
      template(),
      { name: 'Resilience', theme: 'Survive a region outage', startQuarter: '2027-Q3', endQuarter: '2027-Q4', description: '' },
      actor,
    ).roadmap;
    expect(roadmap.meta.phases.map((p) => [p.id, p.order])).toEqual([
      ['P-1', 0],
      ['P-2', 1],
      ['P-3', 2],
      ['P-4', 3],
    ]);
    roadmap = movePhase(roadmap, 'P-4', 0, actor, null).roadmap;
    expect([...roadmap.meta.phases].sort((a, b) => a.order - b.order).map((p) => p.id)).toEqual(['P-4', 'P-1', 'P-2', 'P-3']);
    roadmap = updatePhase(roadmap, 'P-4', { name: 'Reliability' }, actor, null).roadmap;
    expect(roadmap.meta.phases.find((p) => p.id === 'P-4')?.name).toBe('Reliability');
    const deleted = deletePhase(roadmap, 'P-4', null, actor, null);
    expect(deleted.roadmap.meta.phases.map((p) => p.order).sort()).toEqual([0, 1, 2]);
  });

  it('refuses a phase that ends before it starts, a duplicate name, or deleting a phase that still has initiatives', () => {
    const base = template();
    expectAppError(
      () => addPhase(base, { name: 'Odd', theme: '', startQuarter: '2027-Q3', endQuarter: '2027-Q1', description: '' }, actor),
      'INVALID_INPUT',
      'phase.endQuarter',
    );
    expectAppError(
      () => addPhase(base, { name: 'scale', theme: '', startQuarter: '2027-Q3', endQuarter: '2027-Q3', description: '' }, actor),
      'INVALID_INPUT',
      'phase.name',
    );
    expectAppError(() => deletePhase(base, 'P-1', null, actor, null), 'INVALID_INPUT', 'moveInitiativesTo');
    expectAppError(() => deletePhase(base, 'P-1', 'P-2', actor, null), 'INVALID_INPUT', 'reason');
    const merged = deletePhase(base, 'P-1', 'P-2', actor, 'Foundation is done');
    expect(merged.roadmap.initiatives.filter((i) => i.phaseId === 'P-2')).toHaveLength(4);
    expect(merged.touched.sort()).toEqual(['I-1', 'I-2']);
    expect(merged.change.reason).toBe('Foundation is done');
  });
});

describe('debt and settings', () => {
  it('promotes a debt item to an initiative on a matching track, once', () => {
    let roadmap = addDebtItem(
      template(),
      { title: 'TLS 1.0 still enabled', category: 'security-risk', description: 'Legacy clients', impact: 5, urgency: 5, effort: 2 },
      actor,
    ).roadmap;
    const edit = promoteDebtItem(roadmap, 'D-1', { phaseId: 'P-1', targetQuarter: '2026-Q4', successMetric: { description: 'TLS 1.2+ only' } }, actor);
    roadmap = edit.roadmap;
    const created = roadmap.initiatives[roadmap.initiatives.length - 1];
    expect(created).toMatchObject({ title: 'TLS 1.0 still enabled', track: 'security', riskReduction: 3, effort: 2, fromDebtId: 'D-1' });
    expect(roadmap.debtItems[0].promotedTo).toBe(created.id);
    expect(edit.touched).toEqual([created.id, 'D-1']);
    expectAppError(() => promoteDebtItem(roadmap, 'D-1', { phaseId: 'P-1', targetQuarter: '2026-Q4', successMetric: { description: 'x' } }, actor), 'CONFLICT');
  });

  it('saves settings with goal ids assigned, refuses removing a goal still traced, records a review', () => {
    let roadmap = updateSettings(
      template(),
      { businessGoals: [{ title: 'Enter the EU market', metric: '10 EU customers' }], capacity: { perQuarter: 60, unit: 'person-weeks', bufferPercent: 30 } },
      actor,
    ).roadmap;
    expect(roadmap.meta.businessGoals).toEqual([{ id: 'G-1', title: 'Enter the EU market', metric: '10 EU customers' }]);
    roadmap = updateInitiative(roadmap, 'I-1', { businessGoalIds: ['G-1'] }, actor, null).roadmap;
    expectAppError(() => updateSettings(roadmap, { businessGoals: [] }, actor), 'INVALID_INPUT', 'settings.businessGoals');
    expectAppError(() => updateSettings(roadmap, { capacity: roadmap.meta.capacity }, actor), 'INVALID_INPUT');
    const reviewed = markReviewed(roadmap, later, 'Monthly review');
    expect(reviewed.roadmap.meta.lastReviewedAt).toBe(later.now.toISOString());
    expect(reviewed.change).toMatchObject({ summary: 'Reviewed the roadmap', reason: 'Monthly review' });
  });
});

describe('change records', () => {
  it('diffs field by field, ignoring bookkeeping', () => {
    expect(diffFields('initiative', 'I-1', { a: 1, b: [1], revision: 1 }, { a: 1, b: [2], revision: 2 })).toEqual([
      { entity: 'initiative', id: 'I-1', field: 'b', before: [1], after: [2] },
    ]);
  });

  it('caps what one record keeps, saying how much was left out', () => {
    const diffs = Array.from({ length: 2000 }, (_, i) => ({
      entity: 'initiative' as const,
      id: `I-${i}`,
      field: 'goal',
      before: 'x'.repeat(50),
      after: 'y'.repeat(50),
    }));
    const capped = capDiffs(diffs);
    expect(capped.diffs.length).toBeLessThan(2000);
    expect(capped.diffs.length + (capped.omittedDiffs ?? 0)).toBe(2000);
    expect(JSON.stringify(capped.diffs).length).toBeLessThanOrEqual(MAX_DIFF_CHARS + capped.diffs.length + 2);
  });

  it('an empty roadmap starts at revision 0 with the default settings', () => {
    const empty = emptyRoadmap('10001', 'Payments', NOW);
    expect(empty.meta).toMatchObject({
      revision: 0,
      reviewCadenceDays: 30,
      capacity: { bufferPercent: 25 },
      horizonRules: { nowQuarters: 1, nextQuarters: 1 },
    });
    expect(empty.initiatives).toEqual([]);
  });
});
