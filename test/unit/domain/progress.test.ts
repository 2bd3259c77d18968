import fc from 'fast-check';
import { byParent, type ChildIssue, rollUp, sumProgress } from '../../../src/domain/progress';

const child = (statusCategory: ChildIssue['statusCategory'], points: number | null, parentId = '1'): ChildIssue => ({ parentId, statusCategory, points });

describe('epic progress roll-up', () => {
  it('goes by story points when children are estimated, counting the unestimated', () => {
    const progress = rollUp([child('done', 2), child('done', 3), child('indeterminate', 2), child('new', 5), child('new', null)]);
    expect(progress).toEqual({
      issues: { total: 5, todo: 2, inProgress: 1, done: 2 },
      points: { total: 12, done: 5, unestimated: 1 },
      percentDone: 42,
      basis: 'points',
    });
  });

  it('falls back to issue counts without any points, and says so with no children', () => {
    expect(rollUp([child('done', null), child('new', null), child('indeterminate', null), child('done', null)])).toMatchObject({
      percentDone: 50,
      basis: 'issues',
    });
    expect(rollUp([child('done', 0), child('new', 0)])).toMatchObject({ percentDone: 50, basis: 'issues' });
    expect(rollUp([])).toEqual({
      issues: { total: 0, todo: 0, inProgress: 0, done: 0 },
      points: { total: 0, done: 0, unestimated: 0 },
      percentDone: null,
      basis: 'none',
    });
  });

  it('is 100 only when everything is done', () => {
    expect(rollUp([child('done', 3), child('done', 1)]).percentDone).toBe(100);
    expect(rollUp([child('done', 999), child('new', 1)]).percentDone).toBe(100); // rounds: 99.9 %
    expect(rollUp([child('done', 1), child('new', 999)]).percentDone).toBe(0);
  });

  it('groups children by epic', () => {
    const groups = byParent([child('done', 1, 'a'), child('new', 1, 'b'), child('new', 2, 'a')]);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')).toHaveLength(2);
  });
});

describe('sumProgress: an initiative summed from its epics', () => {
  const arbChild = (parentId: string) =>
    fc.record({
      parentId: fc.constant(parentId),
      statusCategory: fc.constantFrom<ChildIssue['statusCategory']>('new', 'indeterminate', 'done'),
      points: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    });

  it('gives exactly what rollUp gives for all the children together (integer points)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(arbChild('e'), { maxLength: 12 }), { maxLength: 8 }), (groups) => {
        expect(sumProgress(groups.map((g) => rollUp(g)))).toEqual(rollUp(groups.flat()));
      }),
    );
  });

  it('of nothing is no progress', () => {
    expect(sumProgress([])).toEqual(rollUp([]));
  });
});
