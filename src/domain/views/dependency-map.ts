import type { Initiative } from '../model';
import type { DependencyFinding, DependencyFindingKind, DependencyReport } from '../rules/dependencies';
import { compareIds } from '../rules/initiative-facts';

/**
 * The dependency map: the depends-on graph as nodes and edges, each edge carrying the dependency findings that are
 * about it, so the drawing and the list beside it say exactly what the health rules say (and nothing else).
 *
 * Edges read "from depends on to". Every finding lands on exactly one edge: a sequencing, dropped or missing finding
 * on its (initiativeId → otherId) edge, a cycle finding on the cycle's first edge (the domain names the cycle by its
 * first two members). The other edges around a reported cycle are flagged `inCycle`, so the whole loop can be drawn,
 * while `kinds` stays exactly the domain's findings. A dependency on an id that is not in the view (deleted work)
 * points at a `missing` node.
 */

export interface MapNode<T> {
  id: string;
  /** The initiative; null for a missing one (depended on, but not on this roadmap). */
  initiative: T | null;
}

export interface MapEdge {
  /** The dependent initiative. */
  from: string;
  /** What it depends on. */
  to: string;
  /** The domain's findings about this edge, in report order (empty: the dependency is fine). */
  findings: DependencyFinding[];
  /** The distinct kinds of `findings`, in the order of DEPENDENCY_KIND_ORDER. */
  kinds: DependencyFindingKind[];
  /** On the path of a reported cycle (including the edge the cycle's finding is on). */
  inCycle: boolean;
  /** That cycle's message, for the edges of the loop that hold no finding of their own. */
  cycleMessage: string | null;
}

export interface DependencyMapModel<T> {
  /** Initiatives that depend on something or are depended on, then missing ids; by id. */
  nodes: MapNode<T>[];
  edges: MapEdge[];
  /** Initiatives with no dependency either way, by id. */
  isolated: T[];
}

/** Most serious first: how a list orders an edge's problems and which one sets its drawn style. */
export const DEPENDENCY_KIND_ORDER: readonly DependencyFindingKind[] = [
  'cycle',
  'missing-dependency',
  'depends-on-dropped',
  'depends-on-later-horizon',
  'depends-on-later-phase',
  'depends-on-later-quarter',
];

/** How an edge is drawn: a cycle, work that is gone (dropped or missing), work scheduled too late, or fine. */
export type EdgeStyle = 'cycle' | 'gone' | 'late' | 'ok';

export function edgeStyle(edge: Pick<MapEdge, 'kinds' | 'inCycle'>): EdgeStyle {
  if (edge.inCycle || edge.kinds.includes('cycle')) return 'cycle';
  if (edge.kinds.includes('missing-dependency') || edge.kinds.includes('depends-on-dropped')) return 'gone';
  if (edge.kinds.length > 0) return 'late';
  return 'ok';
}

const edgeKey = (from: string, to: string) => `${from}\u0000${to}`;

export function dependencyMap<T extends Pick<Initiative, 'id' | 'dependsOn'>>(initiatives: readonly T[], report: DependencyReport): DependencyMapModel<T> {
  // A duplicated id keeps its first entry, as the dependency analysis does.
  const byId = new Map<string, T>();
  for (const initiative of initiatives) if (!byId.has(initiative.id)) byId.set(initiative.id, initiative);

  const edges = new Map<string, MapEdge>();
  const addEdge = (from: string, to: string): MapEdge => {
    const key = edgeKey(from, to);
    let edge = edges.get(key);
    if (!edge) {
      edge = { from, to, findings: [], kinds: [], inCycle: false, cycleMessage: null };
      edges.set(key, edge);
    }
    return edge;
  };
  for (const initiative of byId.values()) for (const to of initiative.dependsOn) addEdge(initiative.id, to);
  // Total: a finding about an edge the initiatives do not have (not expected) still gets drawn rather than lost.
  for (const finding of report.findings) addEdge(finding.initiativeId, finding.otherId ?? finding.initiativeId).findings.push(finding);
  for (const cycle of report.cycles) {
    const ids = cycle.initiativeIds;
    ids.forEach((id, index) => {
      const edge = edges.get(edgeKey(id, ids[(index + 1) % ids.length]));
      if (edge) {
        edge.inCycle = true;
        edge.cycleMessage ??= cycle.message;
      }
    });
  }
  for (const edge of edges.values()) {
    const present = new Set(edge.findings.map((f) => f.kind));
    edge.kinds = DEPENDENCY_KIND_ORDER.filter((kind) => present.has(kind));
  }

  const linked = new Set<string>();
  for (const edge of edges.values()) linked.add(edge.from).add(edge.to);
  const nodes: MapNode<T>[] = [...linked]
    .map((id) => ({ id, initiative: byId.get(id) ?? null }))
    .sort((a, b) => Number(a.initiative === null) - Number(b.initiative === null) || compareIds(a.id, b.id));
  const isolated = [...byId.values()].filter((i) => !linked.has(i.id)).sort((a, b) => compareIds(a.id, b.id));
  const sortedEdges = [...edges.values()].sort((a, b) => compareIds(a.from, b.from) || compareIds(a.to, b.to));
  return { nodes, edges: sortedEdges, isolated };
}

/** One initiative in the list beside the map: what it depends on (each edge with its findings) and what needs it. */
export interface DependencyListEntry<T> {
  initiative: T;
  dependsOn: MapEdge[];
  neededBy: string[];
  /** Whether any of its own dependencies has a problem (a finding, or lies on a cycle). */
  hasProblem: boolean;
}

/**
 * The accessible list: every initiative on the map, those with a problem first, each group by id. Missing work has
 * no entry of its own: it shows under the initiatives that depend on it.
 */
export function dependencyList<T extends Pick<Initiative, 'id' | 'dependsOn'>>(
  map: DependencyMapModel<T>,
): {
  problems: DependencyListEntry<T>[];
  ok: DependencyListEntry<T>[];
} {
  const entries = new Map<string, DependencyListEntry<T>>();
  for (const node of map.nodes) {
    if (node.initiative) entries.set(node.id, { initiative: node.initiative, dependsOn: [], neededBy: [], hasProblem: false });
  }
  for (const edge of map.edges) {
    const dependent = entries.get(edge.from);
    if (dependent) {
      dependent.dependsOn.push(edge);
      if (edge.findings.length > 0 || edge.inCycle) dependent.hasProblem = true;
    }
    entries.get(edge.to)?.neededBy.push(edge.from);
  }
  const all = [...entries.values()];
  return { problems: all.filter((e) => e.hasProblem), ok: all.filter((e) => !e.hasProblem) };
}
