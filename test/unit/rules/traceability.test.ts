import { goalCountWarning, traceability } from '../../../src/domain/rules/traceability';
import { goals, initiative } from './fixtures';

describe('traceability', () => {
  it('is clean when every initiative serves a goal and every goal has an initiative', () => {
    const report = traceability(goals(3), [initiative({ id: 'I-1', businessGoalIds: ['G-1', 'G-2'] }), initiative({ id: 'I-2', businessGoalIds: ['G-3'] })]);
    expect(report.backlogCandidates).toEqual([]);
    expect(report.goalsWithoutInitiatives).toEqual([]);
    expect(report.goalCountWarning).toBeNull();
    expect(report.coverage.map((c) => [c.goalId, c.initiativeIds])).toEqual([
      ['G-1', ['I-1']],
      ['G-2', ['I-1']],
      ['G-3', ['I-2']],
    ]);
  });

  it('flags an initiative with no business goal as a backlog candidate', () => {
    const report = traceability(goals(3), [initiative({ id: 'I-1', title: 'Rewrite', businessGoalIds: [] })]);
    expect(report.backlogCandidates).toEqual([
      { initiativeId: 'I-1', unknownGoalIds: [], message: '“Rewrite” (I-1) serves no business goal: a backlog candidate' },
    ]);
  });

  it('flags an initiative naming only goals not on the roadmap, listing them', () => {
    const report = traceability(goals(3), [
      initiative({ id: 'I-1', businessGoalIds: ['G-8', 'G-9'] }),
      initiative({ id: 'I-2', businessGoalIds: ['G-9', 'G-1'] }),
    ]);
    expect(report.backlogCandidates.map((b) => [b.initiativeId, b.unknownGoalIds])).toEqual([['I-1', ['G-8', 'G-9']]]);
    expect(report.backlogCandidates[0].message).toContain('(G-8, G-9)');
  });

  it('flags goals no initiative serves', () => {
    const report = traceability(goals(4), [initiative({ id: 'I-1', businessGoalIds: ['G-2'] })]);
    expect(report.goalsWithoutInitiatives).toEqual([
      { goalId: 'G-1', title: 'Goal 1', message: 'Goal “Goal 1” (G-1) has no initiatives' },
      { goalId: 'G-3', title: 'Goal 3', message: 'Goal “Goal 3” (G-3) has no initiatives' },
      { goalId: 'G-4', title: 'Goal 4', message: 'Goal “Goal 4” (G-4) has no initiatives' },
    ]);
  });

  it('done work covers a goal and is not a backlog candidate; dropped work does neither', () => {
    const report = traceability(goals(3), [
      initiative({ id: 'I-1', status: 'done', businessGoalIds: ['G-1'] }),
      initiative({ id: 'I-2', status: 'dropped', businessGoalIds: ['G-2'] }),
      initiative({ id: 'I-3', status: 'done' }),
      initiative({ id: 'I-4', status: 'dropped' }),
      initiative({ id: 'I-5', businessGoalIds: ['G-3'] }),
    ]);
    expect(report.goalsWithoutInitiatives.map((g) => g.goalId)).toEqual(['G-2']);
    expect(report.backlogCandidates).toEqual([]);
  });

  it('an empty roadmap warns about missing goals and flags nothing else', () => {
    const report = traceability([], []);
    expect(report).toEqual({
      backlogCandidates: [],
      goalsWithoutInitiatives: [],
      coverage: [],
      goalCountWarning: {
        kind: 'too-few-goals',
        count: 0,
        message: 'The roadmap has 0 business goals: name 3–5 so every initiative can trace to one',
      },
    });
  });
});

describe('goalCountWarning', () => {
  it.each([3, 4, 5])('%i goals are fine', (count) => {
    expect(goalCountWarning(count)).toBeNull();
  });

  it('warns below 3', () => {
    expect(goalCountWarning(2)?.kind).toBe('too-few-goals');
    expect(goalCountWarning(1)?.message).toBe('The roadmap has 1 business goal: name 3–5 so every initiative can trace to one');
  });

  it('warns above 5', () => {
    expect(goalCountWarning(6)).toEqual({ kind: 'too-many-goals', count: 6, message: 'The roadmap has 6 business goals: focus on 3–5' });
  });
});
