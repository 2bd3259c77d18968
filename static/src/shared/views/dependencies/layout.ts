import { Graph, layout } from '@dagrejs/dagre';
import type { MapEdge } from '../../../../../src/domain/views/dependency-map';

/**
 * Where the map's nodes and arrows go, by dagre: left to right, each dependency a rank before the work that waits on
 * it (so the layout reads in delivery order). Computed once per map, never per render.
 */

export const NODE_WIDTH = 192;
export const NODE_HEIGHT = 68;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapLayout {
  width: number;
  height: number;
  /** Top-left corner and size of each node, by id. */
  nodes: Map<string, Box>;
  /** An SVG path per edge, keyed `from>to`, drawn from the dependency to the dependent (the arrow's head). */
  paths: Map<string, string>;
}

export const pathKey = (edge: Pick<MapEdge, 'from' | 'to'>) => `${edge.from}>${edge.to}`;

interface Point {
  x: number;
  y: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A smooth path through dagre's bend points: the uniform B-spline d3's curveBasis draws. */
export function basisPath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const [first] = points;
  let d = `M${round(first.x)},${round(first.y)}`;
  if (points.length < 3) return points.slice(1).reduce((path, p) => `${path}L${round(p.x)},${round(p.y)}`, d);
  let [x0, y0, x1, y1] = [first.x, first.y, points[1].x, points[1].y];
  d += `L${round((5 * x0 + x1) / 6)},${round((5 * y0 + y1) / 6)}`;
  const bend = (x: number, y: number) => {
    d += `C${round((2 * x0 + x1) / 3)},${round((2 * y0 + y1) / 3)} ${round((x0 + 2 * x1) / 3)},${round((y0 + 2 * y1) / 3)} ${round((x0 + 4 * x1 + x) / 6)},${round((y0 + 4 * y1 + y) / 6)}`;
    [x0, y0, x1, y1] = [x1, y1, x, y];
  };
  for (const p of points.slice(2)) bend(p.x, p.y);
  bend(x1, y1);
  return `${d}L${round(x1)},${round(y1)}`;
}

export function layoutMap(nodeIds: readonly string[], edges: readonly Pick<MapEdge, 'from' | 'to'>[]): MapLayout {
  const graph = new Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 64, edgesep: 16, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const id of nodeIds) graph.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  // Dependency → dependent, so dependencies rank first (further left).
  for (const edge of edges) graph.setEdge(edge.to, edge.from);
  layout(graph);

  const nodes = new Map<string, Box>();
  for (const id of nodeIds) {
    const { x = 0, y = 0, width, height } = graph.node(id) as { x?: number; y?: number; width: number; height: number };
    nodes.set(id, { x: x - width / 2, y: y - height / 2, width, height });
  }
  const paths = new Map<string, string>();
  for (const edge of edges) {
    const points = (graph.edge(edge.to, edge.from) as { points?: Point[] } | undefined)?.points ?? [];
    paths.set(pathKey(edge), basisPath(points));
  }
  const label = graph.graph() as { width?: number; height?: number };
  return { width: Math.ceil(label.width ?? 0), height: Math.ceil(label.height ?? 0), nodes, paths };
}
