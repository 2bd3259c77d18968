import type { Initiative } from '../model';
import { compareIds } from './initiative-facts';

/**
 * The depends-on graph and the two graph questions the rules ask: where the cycles are, and in what order the work
 * can be done. Both run in O(V + E) (plus sorting the reported cycles), iteratively, so 5,000 initiatives in a
 * long chain cannot overflow the call stack.
 */

export interface DependencyGraph {
  /** Initiative ids in input order; a node is its index here. */
  ids: string[];
  indexOf: Map<string, number>;
  /** `dependsOn[a]` = the nodes `a` depends on: known initiatives only, each once, self-dependency kept. */
  dependsOn: number[][];
}

export function buildDependencyGraph(initiatives: readonly Pick<Initiative, 'id' | 'dependsOn'>[]): DependencyGraph {
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  for (const { id } of initiatives) {
    if (indexOf.has(id)) continue;
    indexOf.set(id, ids.length);
    ids.push(id);
  }
  const dependsOn: number[][] = ids.map(() => []);
  const linked = new Set<number>();
  for (const initiative of initiatives) {
    const from = indexOf.get(initiative.id);
    if (from === undefined || linked.has(from)) continue; // a duplicated id keeps its first entry's edges
    linked.add(from);
    const targets = new Set<number>();
    for (const otherId of initiative.dependsOn) {
      const to = indexOf.get(otherId);
      if (to !== undefined) targets.add(to);
    }
    dependsOn[from] = [...targets];
  }
  return { ids, indexOf, dependsOn };
}

/** Strongly connected components (Tarjan), each a list of nodes; iterative to keep the stack flat. */
function stronglyConnectedComponents(graph: DependencyGraph): number[][] {
  const n = graph.ids.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    const frames: { node: number; next: number }[] = [{ node: root, next: 0 }];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const edges = graph.dependsOn[frame.node];
      if (frame.next < edges.length) {
        const to = edges[frame.next++];
        if (order[to] === -1) {
          order[to] = low[to] = counter++;
          stack.push(to);
          onStack[to] = 1;
          frames.push({ node: to, next: 0 });
        } else if (onStack[to]) {
          low[frame.node] = Math.min(low[frame.node], order[to]);
        }
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1].node;
        low[parent] = Math.min(low[parent], low[frame.node]);
      }
      if (low[frame.node] === order[frame.node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop() as number;
          onStack[member] = 0;
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** The shortest cycle from `start` back to itself inside one component (breadth-first), as nodes in order. */
function shortestCycleThrough(start: number, members: ReadonlySet<number>, graph: DependencyGraph): number[] {
  const parent = new Map<number, number>([[start, -1]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const to of graph.dependsOn[node]) {
      if (to === start) {
        const path: number[] = [];
        for (let at = node; at !== -1; at = parent.get(at) ?? -1) path.push(at);
        return path.reverse();
      }
      if (members.has(to) && !parent.has(to)) {
        parent.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start]; // unreachable for a real component; kept so the function is total
}

export interface CycleFound {
  /** The cycle in dependency order: each id depends on the next, and the last on the first. Starts at its lowest id. */
  cycle: string[];
  /** Every initiative tangled in the same knot (the strongly connected component); more than `cycle` when cycles overlap. */
  members: string[];
}

/**
 * Each cycle once. A self-dependency is a cycle of one. For a knot of several initiatives we report one cycle —
 * the shortest through its lowest id — plus all the knot's members: listing every elementary cycle can grow
 * exponentially, and breaking the reported one is the first step either way.
 */
export function findCycles(graph: DependencyGraph): CycleFound[] {
  const found: CycleFound[] = [];
  const byId = (a: number, b: number) => compareIds(graph.ids[a], graph.ids[b]);
  for (const component of stronglyConnectedComponents(graph)) {
    const lone = component.length === 1 && !graph.dependsOn[component[0]].includes(component[0]);
    if (lone) continue; // the common case: an initiative in no cycle
    const members = [...component].sort(byId);
    const memberIds = members.map((node) => graph.ids[node]);
    const selfLooped = members.filter((node) => graph.dependsOn[node].includes(node));
    for (const node of selfLooped) found.push({ cycle: [graph.ids[node]], members: memberIds });
    if (members.length > 1) {
      const cycle = shortestCycleThrough(members[0], new Set(members), graph).map((node) => graph.ids[node]);
      found.push({ cycle, members: memberIds });
    }
  }
  return found.sort((a, b) => compareIds(a.cycle[0], b.cycle[0]) || a.cycle.length - b.cycle.length);
}

/**
 * Dependencies before the work that needs them (Kahn's algorithm; deterministic for a given input order); null when there is a
 * cycle. Dependencies on unknown initiatives are ignored here (they are reported separately).
 */
export function topologicalOrder(graph: DependencyGraph): string[] | null {
  const n = graph.ids.length;
  const waitingOn = new Int32Array(n);
  const dependents: number[][] = graph.ids.map(() => []);
  for (let node = 0; node < n; node++) {
    waitingOn[node] = graph.dependsOn[node].length;
    for (const to of graph.dependsOn[node]) dependents[to].push(node);
  }
  const ready: number[] = [];
  for (let node = 0; node < n; node++) if (waitingOn[node] === 0) ready.push(node);
  const order: string[] = [];
  for (let head = 0; head < ready.length; head++) {
    const node = ready[head];
    order.push(graph.ids[node]);
    for (const dependent of dependents[node]) {
      waitingOn[dependent] -= 1;
      if (waitingOn[dependent] === 0) ready.push(dependent);
    }
  }
  return order.length === n ? order : null;
}
