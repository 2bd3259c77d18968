import { token } from '@atlaskit/tokens';
import { useMemo } from 'react';
import { dependencyList, dependencyMap, type DependencyMapModel } from '../../../../../src/domain/views/dependency-map';
import { muted } from '../../components';
import { Panel } from '../../panel';
import type { RoadmapViewProps } from '../view-props';
import { DependencyGraph } from './DependencyGraph';
import { DependencyList } from './DependencyList';
import { Legend } from './edge-styles';

/** Initiatives the map draws at most (its automatic layout of thousands takes seconds and reads as a hairball). */
export const MAX_GRAPH_NODES = 60;

/**
 * The part of the map that is drawn: all of it, or — for a bigger one — the edges with problems first, then the
 * others, each taken with both its ends while the nodes stay within MAX_GRAPH_NODES; every edge between drawn nodes
 * is drawn.
 */
function drawnPart<T>(map: DependencyMapModel<T>): DependencyMapModel<T> {
  if (map.nodes.length <= MAX_GRAPH_NODES) return map;
  const kept = new Set<string>();
  const ordered = [...map.edges.filter((e) => e.findings.length > 0 || e.inCycle), ...map.edges.filter((e) => e.findings.length === 0 && !e.inCycle)];
  for (const edge of ordered) {
    const adds = (kept.has(edge.from) ? 0 : 1) + (kept.has(edge.to) ? 0 : 1);
    if (kept.size + adds > MAX_GRAPH_NODES) continue;
    kept.add(edge.from);
    kept.add(edge.to);
  }
  return {
    nodes: map.nodes.filter((n) => kept.has(n.id)),
    edges: map.edges.filter((e) => kept.has(e.from) && kept.has(e.to)),
    isolated: [],
  };
}

/**
 * The Dependencies view: the depends-on graph laid out automatically with every problem the dependency rules find
 * coloured and patterned by kind, and the same map in words beside it.
 */
export function DependencyMap({ view, health, openInitiative }: RoadmapViewProps) {
  const map = useMemo(() => dependencyMap(view.initiatives, health.dependencies), [view.initiatives, health.dependencies]);
  const list = useMemo(() => dependencyList(map), [map]);
  const drawn = useMemo(() => drawnPart(map), [map]);
  const byId = useMemo(() => new Map(view.initiatives.map((i) => [i.id, i])), [view.initiatives]);
  const findings = health.dependencies.findings.length;

  return (
    <div data-testid="dependency-map" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: token('space.200') }}>
      <div style={{ flex: '3 1 560px', minWidth: 0 }}>
        <Panel testId="dependency-graph" title="Dependency map" count={findings}>
          <div style={muted} data-testid="dependency-summary">
            {map.edges.length === 0
              ? 'No initiative depends on another yet. Add dependencies in an initiative’s editor to see them here.'
              : `${map.edges.length} ${map.edges.length === 1 ? 'dependency' : 'dependencies'} between ${map.nodes.length} initiatives; ${findings} ${findings === 1 ? 'problem' : 'problems'}.`}
          </div>
          <Legend />
          {drawn.nodes.length < map.nodes.length ? (
            <div style={muted} data-testid="dependency-capped">
              Drawn: {drawn.nodes.length} of the {map.nodes.length.toLocaleString('en-US')} linked initiatives, those with problems first — a map of more would
              be unreadable. Every dependency is in the list beside it.
            </div>
          ) : null}
          {map.edges.length > 0 ? <DependencyGraph map={drawn} phases={view.phases} openInitiative={openInitiative} /> : null}
        </Panel>
      </div>
      <div style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Panel testId="dependency-list" title="Dependencies in words">
          <DependencyList problems={list.problems} ok={list.ok} isolated={map.isolated} byId={byId} openInitiative={openInitiative} />
        </Panel>
      </div>
    </div>
  );
}
