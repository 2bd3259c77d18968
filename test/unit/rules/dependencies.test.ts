import { analyseDependencies } from '../../../src/domain/rules/dependencies';
import { buildDependencyGraph, findCycles, topologicalOrder } from '../../../src/domain/rules/dependency-graph';
import { initiative, phase, TODAY } from './fixtures';

const phases = [phase({ id: 'P-1', order: 0 }), phase({ id: 'P-2', name: 'Scale', order: 1 })];

describe('analyseDependencies', () => {
  it('finds nothing and orders dependencies first for a healthy chain', () => {
    const report = analyseDependencies(
      [initiative({ id: 'I-3', dependsOn: ['I-2'] }), initiative({ id: 'I-2', dependsOn: ['I-1'] }), initiative({ id: 'I-1' })],
      phases,
      TODAY,
    );
    expect(report.findings).toEqual([]);
    expect(report.cycles).toEqual([]);
    expect(report.order).toEqual(['I-1', 'I-2', 'I-3']);
  });

  it('handles an empty roadmap', () => {
    expect(analyseDependencies([], [], TODAY)).toEqual({ findings: [], cycles: [], order: [] });
  });

  describe('cycles', () => {
    it('a self-dependency is a cycle of one', () => {
      const report = analyseDependencies([initiative({ id: 'I-1', dependsOn: ['I-1'] })], phases, TODAY);
      expect(report.cycles).toEqual([{ initiativeIds: ['I-1'], members: ['I-1'], message: 'I-1 depends on itself' }]);
      expect(report.findings).toEqual([{ kind: 'cycle', initiativeId: 'I-1', otherId: 'I-1', message: 'I-1 depends on itself' }]);
      expect(report.order).toBeNull();
    });

    it('reports a cycle of two once', () => {
      const report = analyseDependencies([initiative({ id: 'I-2', dependsOn: ['I-1'] }), initiative({ id: 'I-1', dependsOn: ['I-2'] })], phases, TODAY);
      expect(report.cycles.map((c) => c.initiativeIds)).toEqual([['I-1', 'I-2']]);
      expect(report.findings.filter((f) => f.kind === 'cycle')).toEqual([
        { kind: 'cycle', initiativeId: 'I-1', otherId: 'I-2', message: 'Dependency cycle: I-1 depends on I-2 depends on I-1' },
      ]);
      expect(report.order).toBeNull();
    });

    it('reports a cycle of three once, in dependency order from its lowest id', () => {
      const report = analyseDependencies(
        [
          initiative({ id: 'I-3', dependsOn: ['I-1'] }),
          initiative({ id: 'I-1', dependsOn: ['I-2'] }),
          initiative({ id: 'I-2', dependsOn: ['I-3'] }),
          initiative({ id: 'I-4', dependsOn: ['I-1'] }),
        ],
        phases,
        TODAY,
      );
      expect(report.cycles).toHaveLength(1);
      expect(report.cycles[0].initiativeIds).toEqual(['I-1', 'I-2', 'I-3']);
      expect(report.cycles[0].members).toEqual(['I-1', 'I-2', 'I-3']);
      expect(report.cycles[0].message).toBe('Dependency cycle: I-1 depends on I-2 depends on I-3 depends on I-1');
    });

    it('reports separate cycles separately, and one cycle plus all members for an overlapping knot', () => {
      const report = analyseDependencies(
        [
          initiative({ id: 'I-1', dependsOn: ['I-2'] }),
          initiative({ id: 'I-2', dependsOn: ['I-1', 'I-3'] }),
          initiative({ id: 'I-3', dependsOn: ['I-2'] }),
          initiative({ id: 'I-10', dependsOn: ['I-11'] }),
          initiative({ id: 'I-11', dependsOn: ['I-10'] }),
        ],
        phases,
        TODAY,
      );
      expect(report.cycles.map((c) => [c.initiativeIds, c.members])).toEqual([
        [
          ['I-1', 'I-2'],
          ['I-1', 'I-2', 'I-3'],
        ],
        [
          ['I-10', 'I-11'],
          ['I-10', 'I-11'],
        ],
      ]);
    });
  });

  it('reports a dependency on a missing initiative and still orders the rest', () => {
    const report = analyseDependencies([initiative({ id: 'I-1', title: 'Logging', dependsOn: ['I-99'] })], phases, TODAY);
    expect(report.findings).toEqual([
      { kind: 'missing-dependency', initiativeId: 'I-1', otherId: 'I-99', message: '“Logging” (I-1) depends on I-99, which is not on this roadmap' },
    ]);
    expect(report.order).toEqual(['I-1']);
  });

  it('reports a dependency on a dropped initiative', () => {
    const report = analyseDependencies([initiative({ id: 'I-1', dependsOn: ['I-2'] }), initiative({ id: 'I-2', status: 'dropped' })], phases, TODAY);
    expect(report.findings.map((f) => [f.kind, f.initiativeId, f.otherId])).toEqual([['depends-on-dropped', 'I-1', 'I-2']]);
    expect(report.findings[0].message).toContain('which was dropped');
  });

  describe('sequencing', () => {
    it('Now depending on Next across the year end (2026-Q4 → 2027-Q1) is a later-horizon finding', () => {
      const report = analyseDependencies(
        [initiative({ id: 'I-1', targetQuarter: '2026-Q4', dependsOn: ['I-2'] }), initiative({ id: 'I-2', targetQuarter: '2027-Q1' })],
        phases,
        new Date('2026-12-31T23:59:59Z'),
      );
      expect(report.findings).toEqual([
        {
          kind: 'depends-on-later-horizon',
          initiativeId: 'I-1',
          otherId: 'I-2',
          message: '“Initiative I-1” (I-1) is in Now but depends on “Initiative I-2” (I-2) in Next',
        },
      ]);
    });

    it('after the year rolls over both are Now, so only the quarter order is reported', () => {
      const report = analyseDependencies(
        [initiative({ id: 'I-1', targetQuarter: '2026-Q4', dependsOn: ['I-2'] }), initiative({ id: 'I-2', targetQuarter: '2027-Q1' })],
        phases,
        new Date('2027-01-01T00:00:00Z'),
      );
      // 2026-Q4 is overdue and counts as Now, like 2027-Q1; only the quarter order remains wrong.
      expect(report.findings.map((f) => f.kind)).toEqual(['depends-on-later-quarter']);
    });

    it('Now depending on Later is a later-horizon finding', () => {
      const report = analyseDependencies([initiative({ id: 'I-1', dependsOn: ['I-2'] }), initiative({ id: 'I-2', targetQuarter: '2027-Q4' })], phases, TODAY);
      expect(report.findings[0].message).toContain('in Later');
    });

    it('a pinned horizon wins over the quarter', () => {
      const report = analyseDependencies(
        [initiative({ id: 'I-1', targetQuarter: '2027-Q2', horizonPin: 'now', dependsOn: ['I-2'] }), initiative({ id: 'I-2', targetQuarter: '2027-Q1' })],
        phases,
        TODAY,
      );
      expect(report.findings.map((f) => f.kind)).toEqual(['depends-on-later-horizon']);
    });

    it('honours wider horizon rules', () => {
      const report = analyseDependencies([initiative({ id: 'I-1', dependsOn: ['I-2'] }), initiative({ id: 'I-2', targetQuarter: '2027-Q1' })], phases, TODAY, {
        nowQuarters: 2,
        nextQuarters: 1,
      });
      expect(report.findings.map((f) => f.kind)).toEqual(['depends-on-later-quarter']);
    });

    it('a dependency in a later phase (by phase order) in the same horizon', () => {
      const report = analyseDependencies(
        [initiative({ id: 'I-1', phaseId: 'P-1', dependsOn: ['I-2'] }), initiative({ id: 'I-2', phaseId: 'P-2' })],
        phases,
        TODAY,
      );
      expect(report.findings).toEqual([
        {
          kind: 'depends-on-later-phase',
          initiativeId: 'I-1',
          otherId: 'I-2',
          message: '“Initiative I-1” (I-1) depends on “Initiative I-2” (I-2), which is in a later phase',
        },
      ]);
    });

    it('skips the phase check for phases the roadmap does not know', () => {
      const report = analyseDependencies(
        [initiative({ id: 'I-1', phaseId: 'P-1', dependsOn: ['I-2'] }), initiative({ id: 'I-2', phaseId: 'P-9' })],
        phases,
        TODAY,
      );
      expect(report.findings).toEqual([]);
    });

    it('a dependency targeting a later quarter within the same horizon and phase', () => {
      const report = analyseDependencies(
        [initiative({ id: 'I-1', targetQuarter: '2027-Q3', dependsOn: ['I-2'] }), initiative({ id: 'I-2', targetQuarter: '2027-Q4' })],
        phases,
        TODAY,
      );
      expect(report.findings).toEqual([
        {
          kind: 'depends-on-later-quarter',
          initiativeId: 'I-1',
          otherId: 'I-2',
          message: '“Initiative I-1” (I-1) targets Q3 2027 but depends on “Initiative I-2” (I-2), which targets Q4 2027',
        },
      ]);
    });

    it('a done dependency cannot be late, and done or dropped dependents are not checked', () => {
      const report = analyseDependencies(
        [
          initiative({ id: 'I-1', dependsOn: ['I-2'] }),
          initiative({ id: 'I-2', targetQuarter: '2027-Q4', status: 'done' }),
          initiative({ id: 'I-3', status: 'done', dependsOn: ['I-4', 'I-99'] }),
          initiative({ id: 'I-4', targetQuarter: '2027-Q4' }),
          initiative({ id: 'I-5', status: 'dropped', dependsOn: ['I-4'] }),
        ],
        phases,
        TODAY,
      );
      expect(report.findings).toEqual([]);
    });

    it('reports a duplicated dependency once', () => {
      const report = analyseDependencies([initiative({ id: 'I-1', dependsOn: ['I-9', 'I-9'] })], phases, TODAY);
      expect(report.findings).toHaveLength(1);
    });
  });
});

describe('dependency graph', () => {
  it('orders a 5,000-long chain without overflowing the stack', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => ({ id: `I-${i + 1}`, dependsOn: i === 0 ? [] : [`I-${i}`] }));
    const graph = buildDependencyGraph([...chain].reverse());
    expect(findCycles(graph)).toEqual([]);
    const order = topologicalOrder(graph);
    expect(order?.[0]).toBe('I-1');
    expect(order?.[4999]).toBe('I-5000');
  });

  it('finds one big cycle through 5,000 initiatives', () => {
    const ring = Array.from({ length: 5000 }, (_, i) => ({ id: `I-${i + 1}`, dependsOn: [`I-${((i + 1) % 5000) + 1}`] }));
    const cycles = findCycles(buildDependencyGraph(ring));
    expect(cycles).toHaveLength(1);
    expect(cycles[0].cycle).toHaveLength(5000);
    expect(cycles[0].cycle.slice(0, 3)).toEqual(['I-1', 'I-2', 'I-3']);
  });
});

describe('buildDependencyGraph', () => {
  it('keeps the first entry of a duplicated id and ignores unknown targets', () => {
    const graph = buildDependencyGraph([
      { id: 'I-1', dependsOn: [] },
      { id: 'I-2', dependsOn: ['I-1', 'I-1', 'I-9'] },
      { id: 'I-1', dependsOn: ['I-2'] },
    ]);
    expect(graph.ids).toEqual(['I-1', 'I-2']);
    expect(graph.dependsOn).toEqual([[], [0]]);
    expect(topologicalOrder(graph)).toEqual(['I-1', 'I-2']);
  });
});
