import { token } from '@atlaskit/tokens';
import { useMemo } from 'react';
import { dependencyList, dependencyMap } from '../../../../../src/domain/views/dependency-map';
import { muted } from '../../components';
import { Panel } from '../../panel';
import type { RoadmapViewProps } from '../view-props';
import { DependencyGraph } from './DependencyGraph';
import { DependencyList } from './DependencyList';
import { Legend } from './edge-styles';

/**
 * The Dependencies view: the depends-on graph laid out automatically with every problem the dependency rules find
 * coloured and patterned by kind, and the same map in words beside it.
 */
export function DependencyMap({ view, health, openInitiative }: RoadmapViewProps) {
  const map = useMemo(() => dependencyMap(view.initiatives, health.dependencies), [view.initiatives, health.dependencies]);
  const list = useMemo(() => dependencyList(map), [map]);
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
          {map.edges.length > 0 ? <DependencyGraph map={map} phases={view.phases} openInitiative={openInitiative} /> : null}
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
