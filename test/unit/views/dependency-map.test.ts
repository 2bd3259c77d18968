import fc from 'fast-check';
import type { Initiative } from '../../../src/domain/model';
import { analyseDependencies } from '../../../src/domain/rules/dependencies';
import { dependencyList, dependencyMap, edgeStyle } from '../../../src/domain/views/dependency-map';
import { basisPath, type Box, layoutMap, pathKey } from '../../../static/src/shared/views/dependencies/layout';
import { initiative, phase, TODAY } from '../rules/fixtures';

const phases = [phase({ id: 'P-1', order: 0 }), phase({ id: 'P-2', name: 'Scale', order: 1 })];
const mapOf = (initiatives: Initiative[]) => dependencyMap(initiatives, analyseDependencies(initiatives, phases, TODAY));
const edgeOf = (map: ReturnType<typeof mapOf>, from: string, to: string) => map.edges.find((e) => e.from === from && e.to === to);

describe('dependencyMap', () => {
  it('draws a healthy chain as ok edges, dependent → dependency, and keeps unlinked work aside', () => {
    const map = mapOf([initiative({ id: 'I-1' }), initiative({ id: 'I-2', dependsOn: ['I-1'] }), initiative({ id: 'I-3' })]);
    expect(map.nodes.map((n) => n.id)).toEqual(['I-1', 'I-2']);
    expect(map.isolated.map((i) => i.id)).toEqual(['I-3']);
    expect(map.edges).toEqual([{ from: 'I-2', to: 'I-1', findings: [], kinds: [], inCycle: false, cycleMessage: null }]);
    expect(edgeStyle(map.edges[0])).toBe('ok');
  });

  it('puts a cycle finding on its first edge and marks the rest of the loop as in the cycle', () => {
    const map = mapOf([
      initiative({ id: 'I-1', dependsOn: ['I-2'] }),
      initiative({ id: 'I-2', dependsOn: ['I-3'] }),
      initiative({ id: 'I-3', dependsOn: ['I-1'] }),
      initiative({ id: 'I-4', dependsOn: ['I-1'] }),
    ]);
    expect(edgeOf(map, 'I-1', 'I-2')?.kinds).toEqual(['cycle']);
    expect(edgeOf(map, 'I-1', 'I-2')?.findings[0].message).toBe('Dependency cycle: I-1 depends on I-2 depends on I-3 depends on I-1');
    expect(edgeOf(map, 'I-2', 'I-3')).toMatchObject({
      kinds: [],
      inCycle: true,
      cycleMessage: 'Dependency cycle: I-1 depends on I-2 depends on I-3 depends on I-1',
    });
    expect(edgeOf(map, 'I-3', 'I-1')).toMatchObject({ kinds: [], inCycle: true });
    expect(edgeStyle(edgeOf(map, 'I-3', 'I-1')!)).toBe('cycle');
    expect(edgeOf(map, 'I-4', 'I-1')).toMatchObject({ kinds: [], inCycle: false });
    const list = dependencyList(map);
    expect(list.problems.map((e) => e.initiative.id)).toEqual(['I-1', 'I-2', 'I-3']);
    expect(list.ok.map((e) => e.initiative.id)).toEqual(['I-4']);
    expect(list.problems[0].neededBy).toEqual(['I-3', 'I-4']);
  });

  it('a self-dependency is a cycle on a loop edge', () => {
    const map = mapOf([initiative({ id: 'I-1', dependsOn: ['I-1'] })]);
    expect(map.edges).toEqual([expect.objectContaining({ from: 'I-1', to: 'I-1', kinds: ['cycle'], inCycle: true })]);
  });

  it('tags later, dropped and missing work with the domain message, and draws missing work as its own node', () => {
    const map = mapOf([
      initiative({ id: 'I-1', targetQuarter: '2027-Q4', phaseId: 'P-1' }),
      initiative({ id: 'I-2', status: 'dropped' }),
      initiative({ id: 'I-3', dependsOn: ['I-1', 'I-2', 'I-9'] }),
    ]);
    expect(edgeOf(map, 'I-3', 'I-1')?.kinds).toEqual(['depends-on-later-horizon']);
    expect(edgeStyle(edgeOf(map, 'I-3', 'I-1')!)).toBe('late');
    expect(edgeOf(map, 'I-3', 'I-2')?.kinds).toEqual(['depends-on-dropped']);
    expect(edgeOf(map, 'I-3', 'I-2')?.findings[0].message).toBe('“Initiative I-3” (I-3) depends on “Initiative I-2” (I-2), which was dropped');
    expect(edgeOf(map, 'I-3', 'I-9')?.kinds).toEqual(['missing-dependency']);
    expect(edgeStyle(edgeOf(map, 'I-3', 'I-9')!)).toBe('gone');
    expect(map.nodes.map((n) => [n.id, n.initiative === null])).toEqual([
      ['I-1', false],
      ['I-2', false],
      ['I-3', false],
      ['I-9', true],
    ]);
  });

  it('an edge can carry a cycle and a sequencing problem at once', () => {
    const map = mapOf([initiative({ id: 'I-1', dependsOn: ['I-2'] }), initiative({ id: 'I-2', dependsOn: ['I-1'], phaseId: 'P-2' })]);
    expect(edgeOf(map, 'I-1', 'I-2')?.kinds).toEqual(['cycle', 'depends-on-later-phase']);
  });
});

/** Random roadmaps: up to 8 initiatives with random statuses, quarters, phases and dependencies (some on unknown ids). */
const ids = ['I-1', 'I-2', 'I-3', 'I-4', 'I-5', 'I-6', 'I-7', 'I-8', 'I-9', 'I-10'];
const roadmapArb = fc.integer({ min: 0, max: 8 }).chain((count) =>
  fc.tuple(
    ...Array.from({ length: count }, (_, index) =>
      fc
        .record({
          dependsOn: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 4 }),
          status: fc.constantFrom('proposed', 'planned', 'in-progress', 'done', 'dropped' as const),
          targetQuarter: fc.constantFrom('2026-Q4', '2027-Q1', '2027-Q3', '2028-Q2'),
          phaseId: fc.constantFrom('P-1', 'P-2'),
        })
        .map((fields) => initiative({ id: ids[index], ...fields })),
    ),
  ),
);

describe('dependencyMap over random dependency graphs', () => {
  it('every finding lands on exactly one edge, every edge is a real dependency, kinds are exactly the findings', () => {
    fc.assert(
      fc.property(roadmapArb, (initiatives) => {
        const report = analyseDependencies(initiatives, phases, TODAY);
        const map = dependencyMap(initiatives, report);
        // The findings, as the edges hold them, are the report's findings: each once, none invented.
        const held = map.edges.flatMap((e) => e.findings);
        expect(held).toHaveLength(report.findings.length);
        for (const finding of report.findings) {
          const holders = map.edges.filter((e) => e.findings.includes(finding));
          expect(holders).toHaveLength(1);
          expect(holders[0].from).toBe(finding.initiativeId);
          expect(holders[0].to).toBe(finding.otherId);
        }
        // Edges are exactly the distinct depends-on pairs.
        const pairs = new Set(initiatives.flatMap((i) => i.dependsOn.map((to) => `${i.id}>${to}`)));
        expect(new Set(map.edges.map((e) => `${e.from}>${e.to}`))).toEqual(pairs);
        expect(map.edges).toHaveLength(pairs.size);
        for (const edge of map.edges) expect(new Set(edge.kinds)).toEqual(new Set(edge.findings.map((f) => f.kind)));
        // Nodes: linked initiatives and missing ids; isolated initiatives apart; nothing twice.
        const known = new Set(initiatives.map((i) => i.id));
        for (const node of map.nodes) expect(node.initiative === null).toBe(!known.has(node.id));
        const nodeIds = map.nodes.map((n) => n.id);
        expect(new Set(nodeIds).size).toBe(nodeIds.length);
        expect([...map.nodes.filter((n) => n.initiative).map((n) => n.id), ...map.isolated.map((i) => i.id)].sort()).toEqual([...known].sort());
        // Every cycle's loop is drawn as a cycle.
        for (const cycle of report.cycles) {
          cycle.initiativeIds.forEach((id, index) => {
            const next = cycle.initiativeIds[(index + 1) % cycle.initiativeIds.length];
            expect(edgeStyle(map.edges.find((e) => e.from === id && e.to === next)!)).toBe('cycle');
          });
        }
        // The list: every initiative on the map once, problems exactly those with a finding or on a cycle.
        const list = dependencyList(map);
        const listed = [...list.problems, ...list.ok].map((e) => e.initiative.id);
        expect(listed.sort()).toEqual(
          map.nodes
            .filter((n) => n.initiative)
            .map((n) => n.id)
            .sort(),
        );
        for (const entry of list.problems) expect(entry.dependsOn.some((e) => e.findings.length > 0 || e.inCycle)).toBe(true);
        for (const entry of list.ok) expect(entry.dependsOn.every((e) => e.findings.length === 0 && !e.inCycle)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the map layout (dagre)', () => {
  const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it('lays out 100 initiatives with cycles and missing work quickly, dependencies left of their dependents, no node on another', () => {
    const many = Array.from({ length: 100 }, (_, index) =>
      initiative({
        id: `I-${index + 1}`,
        // A web of dependencies on earlier work, a cycle (I-1 ↔ I-2) and a dependency on deleted work.
        dependsOn: [
          index === 0 ? 'I-2' : `I-${Math.max(1, Math.floor(index / 2))}`,
          ...(index % 7 === 3 ? [`I-${index - 2}`] : []),
          ...(index === 50 ? ['I-999'] : []),
        ],
      }),
    );
    const map = mapOf(many);
    const started = performance.now();
    const layout = layoutMap(
      map.nodes.map((n) => n.id),
      map.edges,
    );
    expect(performance.now() - started).toBeLessThan(2000);
    const boxes = [...layout.nodes.values()];
    expect(boxes).toHaveLength(101);
    for (let a = 0; a < boxes.length; a++) for (let b = a + 1; b < boxes.length; b++) expect(overlap(boxes[a], boxes[b])).toBe(false);
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
    }
    // Acyclic edges read left to right: a dependency ranks before the work that waits on it.
    const ranked = map.edges.filter((e) => !e.inCycle && e.to !== 'I-999');
    for (const edge of ranked) expect(layout.nodes.get(edge.to)!.x).toBeLessThan(layout.nodes.get(edge.from)!.x);
    for (const edge of map.edges) expect(layout.paths.get(pathKey(edge))).toMatch(/^M[\d.]+,[\d.]+/);
  });

  it('draws a bend-free edge as a straight line and a bent one as a smooth curve', () => {
    expect(
      basisPath([
        { x: 0, y: 0 },
        { x: 10, y: 5 },
      ]),
    ).toBe('M0,0L10,5');
    expect(
      basisPath([
        { x: 0, y: 0 },
        { x: 6, y: 6 },
        { x: 12, y: 0 },
      ]),
    ).toMatch(/^M0,0L1,1C.*L12,0$/);
  });
});
