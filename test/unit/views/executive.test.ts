/** The executive one-pager's goal-first grouping. */
import type { z } from 'zod';
import type { InitiativeView } from '../../../src/domain/api';
import type { initiativeSchema } from '../../../src/domain/model';
import { executiveGroups } from '../../../src/domain/views/executive';
import { goals, initiative } from '../rules/fixtures';

const item = (overrides: Partial<z.input<typeof initiativeSchema>>): InitiativeView => ({ ...initiative(overrides), horizon: 'now' });
const ids = (list: readonly InitiativeView[]) => list.map((i) => i.id);

describe('executive groups', () => {
  const businessGoals = goals(3);
  const initiatives = [
    item({ id: 'I-1', businessGoalIds: ['G-1', 'G-3'], targetQuarter: '2027-Q1' }),
    item({ id: 'I-2', businessGoalIds: ['G-1'], targetQuarter: '2026-Q4', status: 'planned' }),
    item({ id: 'I-3', businessGoalIds: ['G-1'], targetQuarter: '2026-Q4', status: 'in-progress' }),
    item({ id: 'I-4', businessGoalIds: [] }),
    item({ id: 'I-5', businessGoalIds: ['G-9'] }),
    item({ id: 'I-6', businessGoalIds: ['G-2'], status: 'done' }),
    item({ id: 'I-7', businessGoalIds: ['G-2'], status: 'dropped' }),
    item({ id: 'I-10', businessGoalIds: ['G-3', 'G-3'], targetQuarter: '2027-Q1' }),
  ];
  const groups = executiveGroups({ businessGoals, initiatives });

  it('lists every goal in the roadmap’s order, even one nothing serves', () => {
    expect(groups.goals.map((g) => g.goal.id)).toEqual(['G-1', 'G-2', 'G-3']);
    expect(groups.goals[1].initiatives).toEqual([]);
  });

  it('puts every open initiative under each goal it serves, once, soonest quarter then work under way first', () => {
    expect(ids(groups.goals[0].initiatives)).toEqual(['I-3', 'I-2', 'I-1']);
    expect(ids(groups.goals[2].initiatives)).toEqual(['I-1', 'I-10']);
  });

  it('groups open work traced to no goal on the roadmap as untraced, and leaves done and dropped work out', () => {
    expect(ids(groups.untraced)).toEqual(['I-4', 'I-5']);
    const shown = new Set([...groups.goals.flatMap((g) => ids(g.initiatives)), ...ids(groups.untraced)]);
    expect(shown.has('I-6')).toBe(false);
    expect(shown.has('I-7')).toBe(false);
    expect(shown.size).toBe(6);
  });

  it('with no goals at all, everything open is untraced', () => {
    const none = executiveGroups({ businessGoals: [], initiatives });
    expect(none.goals).toEqual([]);
    expect(ids(none.untraced)).toEqual(['I-3', 'I-2', 'I-4', 'I-5', 'I-1', 'I-10']);
  });
});
