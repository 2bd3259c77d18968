import {
  choose,
  deepEqual,
  edited,
  initialMergeState,
  rebase,
  sameItems,
  sameText,
  threeWayMerge,
  unresolved,
} from '../../../static/src/shared/three-way-merge';

describe('deepEqual', () => {
  it('compares primitives, arrays in order and plain objects key by key', () => {
    expect(deepEqual('a', 'a')).toBe(true);
    expect(deepEqual(1, '1')).toBe(false);
    expect(deepEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(deepEqual(null, undefined)).toBe(false);
    expect(deepEqual(['1', '2'], ['1', '2'])).toBe(true);
    expect(deepEqual(['1', '2'], ['2', '1'])).toBe(false);
    expect(deepEqual(['1'], ['1', '2'])).toBe(false);
    expect(deepEqual({ reach: 1, impact: 2 }, { impact: 2, reach: 1 })).toBe(true);
    expect(deepEqual({ reach: 1 }, { reach: 2 })).toBe(false);
    expect(deepEqual([{ id: 'G-1', title: 'a' }], [{ id: 'G-1', title: 'a' }])).toBe(true);
    expect(deepEqual([{ id: 'G-1', title: 'a' }], [{ id: 'G-1', title: 'b' }])).toBe(false);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual({}, null)).toBe(false);
  });

  it('sameItems ignores order, sameText ignores surrounding space', () => {
    expect(sameItems(['1', '2'], ['2', '1'])).toBe(true);
    expect(sameItems(['1', '1'], ['1', '2'])).toBe(false);
    expect(sameItems(['1'], ['1', '2'])).toBe(false);
    expect(sameText(' Faster builds ', 'Faster builds')).toBe(true);
    expect(sameText('a', 'b')).toBe(false);
  });
});

interface Form {
  title: string;
  goal: string;
  status: string;
  epicIds: string[];
  metric: { target: number | null; unit: string };
}
const base: Form = { title: 'Logging', goal: 'See errors', status: 'planned', epicIds: ['20001'], metric: { target: null, unit: '' } };

describe('threeWayMerge', () => {
  it('keeps my changes, takes theirs where only they changed, and patches only what I changed', () => {
    const mine = { ...base, title: 'Central logging' };
    const theirs = { ...base, goal: 'See every error', status: 'in-progress' };
    const result = threeWayMerge(base, mine, theirs);
    expect(result.patch).toEqual({ title: 'Central logging' });
    expect(result.theirsChanged.sort()).toEqual(['goal', 'status']);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toEqual({ ...base, title: 'Central logging', goal: 'See every error', status: 'in-progress' });
  });

  it('reports a field both changed to different values, with both values, and keeps mine until chosen', () => {
    const mine = { ...base, title: 'Mine', epicIds: ['20001', '20002'] };
    const theirs = { ...base, title: 'Theirs', epicIds: [] };
    const result = threeWayMerge(base, mine, theirs);
    expect(result.conflicts).toEqual([
      { field: 'title', base: 'Logging', mine: 'Mine', theirs: 'Theirs' },
      { field: 'epicIds', base: ['20001'], mine: ['20001', '20002'], theirs: [] },
    ]);
    expect(result.merged.title).toBe('Mine');
    expect(result.patch).toEqual({ title: 'Mine', epicIds: ['20001', '20002'] });
  });

  it('is no conflict when both changed a field to the same value (deep equality for objects and lists)', () => {
    const mine = { ...base, metric: { target: 5, unit: 'ms' }, epicIds: ['20002'] };
    const theirs = { ...base, metric: { unit: 'ms', target: 5 }, epicIds: ['20002'] };
    const result = threeWayMerge(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.theirsChanged).toEqual([]);
    expect(result.merged.metric).toEqual({ target: 5, unit: 'ms' });
    // I did change them (relative to base), so they are my edit; they already hold my values.
    expect(Object.keys(result.patch).sort()).toEqual(['epicIds', 'metric']);
  });

  it('compares nested values deeply: a changed sub-field of an object is a change of that field', () => {
    const mine = { ...base, metric: { target: 5, unit: '' } };
    const theirs = { ...base, metric: { target: null, unit: 'ms' } };
    const result = threeWayMerge(base, mine, theirs);
    expect(result.conflicts.map((c) => c.field)).toEqual(['metric']);
  });

  it('uses per-field equality: reordered ids and padded text are no change', () => {
    const b = { ...base, epicIds: ['1', '2'] };
    const mine = { ...b, epicIds: ['2', '1'], title: 'Logging ' };
    const theirs = { ...b, epicIds: ['3'], title: 'Their title' };
    const loose = threeWayMerge(b, mine, theirs, { epicIds: sameItems, title: sameText });
    expect(loose.conflicts).toEqual([]);
    expect(loose.merged.epicIds).toEqual(['3']);
    expect(loose.merged.title).toBe('Their title');
    expect(loose.patch).toEqual({});
    const strict = threeWayMerge(b, mine, theirs);
    expect(strict.conflicts.map((c) => c.field)).toEqual(['title', 'epicIds']);
  });

  it('with nothing changed on either side, merges to mine and patches nothing', () => {
    const result = threeWayMerge(base, { ...base }, { ...base });
    expect(result).toEqual({ patch: {}, theirsChanged: [], conflicts: [], merged: base });
  });
});

describe('a form across rebases', () => {
  it('rebases onto theirs (new base), takes their fields, and after a choice shows the chosen value', () => {
    const state0 = initialMergeState(base);
    const mine = { ...base, title: 'Mine', goal: 'My goal' };
    const theirs = { ...base, title: 'Theirs', status: 'done' };
    const { state, values } = rebase(state0, mine, theirs);
    expect(state.base).toBe(theirs);
    expect(state.taken).toEqual(['status']);
    expect(unresolved(state).map((c) => c.field)).toEqual(['title']);
    expect(values).toEqual({ ...base, title: 'Mine', goal: 'My goal', status: 'done' });

    const tookTheirs = choose(state, values, 'title', 'theirs');
    expect(tookTheirs.values.title).toBe('Theirs');
    expect(unresolved(tookTheirs.state)).toEqual([]);
    // Diffed against the new base, only my own field remains to send.
    expect(threeWayMerge(tookTheirs.state.base, tookTheirs.values, tookTheirs.state.base).patch).toEqual({ goal: 'My goal' });

    const keptMine = choose(tookTheirs.state, tookTheirs.values, 'title', 'mine');
    expect(keptMine.values.title).toBe('Mine');
    expect(keptMine.state.conflicts[0].choice).toBe('mine');
    expect(threeWayMerge(keptMine.state.base, keptMine.values, keptMine.state.base).patch).toEqual({ title: 'Mine', goal: 'My goal' });
  });

  it('typing into a conflicting field settles it as mine, with what is typed', () => {
    const { state } = rebase(initialMergeState(base), { ...base, title: 'Mine' }, { ...base, title: 'Theirs' });
    const typed = edited(state, 'title', 'Mine, edited');
    expect(typed.conflicts[0]).toMatchObject({ field: 'title', mine: 'Mine, edited', choice: 'mine' });
    expect(unresolved(typed)).toEqual([]);
    expect(edited(state, 'goal', 'x')).toBe(state);
  });

  it('keeps an unsettled conflict open across a second rebase that leaves the field alone', () => {
    const first = rebase(initialMergeState(base), { ...base, title: 'Mine' }, { ...base, title: 'Theirs' });
    const theirs2 = { ...base, title: 'Theirs', goal: 'Newer goal' };
    const second = rebase(first.state, first.values, theirs2);
    expect(second.state.taken).toEqual(['goal']);
    expect(unresolved(second.state)).toEqual([{ field: 'title', base: 'Logging', mine: 'Mine', theirs: 'Theirs', choice: null }]);
    expect(second.values.title).toBe('Mine');
    // …and a settled one does not come back: the choice is in the values.
    const settled = choose(first.state, first.values, 'title', 'theirs');
    const third = rebase(settled.state, settled.values, theirs2);
    expect(third.state.conflicts).toEqual([]);
    expect(third.values).toEqual(theirs2);
  });

  it('drops an open conflict once the newest version agrees with me', () => {
    const first = rebase(initialMergeState(base), { ...base, title: 'Mine' }, { ...base, title: 'Theirs' });
    const second = rebase(first.state, first.values, { ...base, title: 'Mine' });
    expect(second.state.conflicts).toEqual([]);
    expect(second.values.title).toBe('Mine');
  });
});
