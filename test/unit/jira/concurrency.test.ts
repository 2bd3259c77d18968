import fc from 'fast-check';
import { mapLimit, splitEvenly } from '../../../src/jira/concurrency';
import { MAX_IN_FLIGHT, parentGroups } from '../../../src/jira/forge-jira';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapLimit', () => {
  it('keeps at most `limit` tasks in flight and answers in input order', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapLimit([5, 1, 4, 2, 3, 1, 2], 3, async (ms, i) => {
      running++;
      peak = Math.max(peak, running);
      await tick(ms);
      running--;
      return i * 10;
    });
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(peak).toBe(3);
  });

  it('stops starting tasks after a failure and rejects with it', async () => {
    const started: number[] = [];
    await expect(
      mapLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
        started.push(n);
        await tick(1);
        if (n === 2) throw new Error('boom');
        return n;
      }),
    ).rejects.toThrow('boom');
    expect(started.length).toBeLessThan(6);
  });

  it('runs nothing for no items', async () => {
    expect(await mapLimit([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});

describe('splitEvenly and the child-search plan', () => {
  it('splits into contiguous runs differing by at most one, losing and reordering nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 300 }), fc.integer({ min: 1, max: 12 }), (items, groups) => {
        const split = splitEvenly(items, groups);
        expect(split.flat()).toEqual(items);
        expect(split.length).toBe(Math.min(groups, items.length));
        const sizes = split.map((g) => g.length);
        if (sizes.length) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('one query up to 100 parents, up to MAX_IN_FLIGHT side by side, never more than 500 ids in one query', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => String(10_000 + i));
    expect(parentGroups(ids(1))).toHaveLength(1);
    expect(parentGroups(ids(100))).toHaveLength(1);
    expect(parentGroups(ids(101))).toHaveLength(2);
    expect(parentGroups(ids(500))).toHaveLength(MAX_IN_FLIGHT);
    expect(parentGroups(ids(2000)).map((g) => g.length)).toEqual([500, 500, 500, 500]);
    expect(parentGroups(ids(5000)).every((g) => g.length <= 500)).toBe(true);
    expect(parentGroups(ids(5000))).toHaveLength(10);
    expect(parentGroups(ids(250), 1)).toHaveLength(1);
  });
});
