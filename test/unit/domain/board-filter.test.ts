/** The board's filters: each narrows to exactly its matches, together they all apply, text finds words anywhere. */
import { filterInitiatives, isFiltering, matchesFilter, NO_OWNER, searchWords } from '../../../src/domain/board-filter';
import { initiative } from '../rules/fixtures';

const list = [
  initiative({
    id: 'I-1',
    title: 'Upgrade Node.js to v22 LTS',
    phaseId: 'P-1',
    track: 'tech-debt',
    ownerAccountId: 'acc-ada',
    businessGoalIds: ['G-1', 'G-4'],
    goal: 'Stay on a supported runtime',
    successMetric: { description: 'Services running Node 22' },
  }),
  initiative({
    id: 'I-2',
    title: 'Centralize logging',
    phaseId: 'P-1',
    track: 'reliability',
    ownerAccountId: 'acc-tom',
    businessGoalIds: ['G-1'],
    goal: 'One place to search every service’s logs',
    successMetric: { description: 'Services shipping structured logs to Datadog' },
  }),
  initiative({
    id: 'I-3',
    title: 'Résilience drills',
    phaseId: 'P-2',
    track: 'reliability',
    ownerAccountId: null,
    businessGoalIds: [],
    successMetric: { description: 'Game days per quarter' },
  }),
];
const ids = (filter: Parameters<typeof filterInitiatives>[1]) => filterInitiatives(list, filter).map((i) => i.id);

describe('board filters', () => {
  it('no filter keeps everything, in order', () => {
    expect(ids({})).toEqual(['I-1', 'I-2', 'I-3']);
    expect(isFiltering({})).toBe(false);
    expect(isFiltering({ text: '   ' })).toBe(false);
    expect(isFiltering({ track: 'reliability' })).toBe(true);
  });

  it('phase, track, owner and business goal each narrow to exactly their matches', () => {
    expect(ids({ phase: 'P-1' })).toEqual(['I-1', 'I-2']);
    expect(ids({ phase: 'P-9' })).toEqual([]);
    expect(ids({ track: 'reliability' })).toEqual(['I-2', 'I-3']);
    expect(ids({ owner: 'acc-tom' })).toEqual(['I-2']);
    expect(ids({ owner: NO_OWNER })).toEqual(['I-3']);
    expect(ids({ goal: 'G-1' })).toEqual(['I-1', 'I-2']);
    expect(ids({ goal: 'G-4' })).toEqual(['I-1']);
  });

  it('filters combine: all that are set apply', () => {
    expect(ids({ phase: 'P-1', track: 'reliability' })).toEqual(['I-2']);
    expect(ids({ track: 'reliability', goal: 'G-4' })).toEqual([]);
  });

  it('text matches every word in the title, the goal, the success metric or the id, ignoring case and accents', () => {
    expect(ids({ text: 'node' })).toEqual(['I-1']);
    expect(ids({ text: 'LOGS datadog' })).toEqual(['I-2']);
    expect(ids({ text: 'supported runtime' })).toEqual(['I-1']);
    expect(ids({ text: 'services' })).toEqual(['I-1', 'I-2']);
    expect(ids({ text: 'resilience' })).toEqual(['I-3']);
    expect(ids({ text: 'i-3' })).toEqual(['I-3']);
    expect(ids({ text: 'node datadog' })).toEqual([]);
    expect(searchWords('  Two   words ')).toEqual(['two', 'words']);
  });

  it('matchesFilter agrees with filterInitiatives', () => {
    for (const filter of [{ track: 'reliability' }, { text: 'logs' }, { owner: NO_OWNER, phase: 'P-2' }]) {
      expect(list.filter((i) => matchesFilter(i, filter)).map((i) => i.id)).toEqual(ids(filter));
    }
  });
});
