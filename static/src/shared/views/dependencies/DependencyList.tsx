import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { InitiativeView } from '../../../../../src/domain/api';
import { describeInitiative } from '../../../../../src/domain/rules/initiative-facts';
import type { DependencyListEntry, MapEdge } from '../../../../../src/domain/views/dependency-map';
import { muted } from '../../components';
import { PanelSection } from '../../panel';
import { ShowMoreList } from '../../show-more';
import { KIND_LABEL, STROKE, styleOfKind } from './edge-styles';

/**
 * The map in words, beside it: each initiative with what it depends on, every problem in the domain's own words,
 * problems first. This is the keyboard and screen-reader way through the map, and what a reader copies into a review.
 */
/** Entries a group lists before "Show more" (a roadmap of thousands has thousands of lines here). */
const ENTRIES_SHOWN = 25;

export function DependencyList({
  problems,
  ok,
  isolated,
  byId,
  openInitiative,
}: {
  problems: DependencyListEntry<InitiativeView>[];
  ok: DependencyListEntry<InitiativeView>[];
  isolated: InitiativeView[];
  byId: ReadonlyMap<string, InitiativeView>;
  openInitiative?: (id: string) => void;
}) {
  const name = (id: string) => {
    const initiative = byId.get(id);
    return initiative ? describeInitiative(initiative) : `${id} (not on this roadmap)`;
  };
  const opener = (initiative: InitiativeView) =>
    openInitiative ? (
      <Button appearance="subtle" spacing="compact" onClick={() => openInitiative(initiative.id)}>
        {describeInitiative(initiative)}
      </Button>
    ) : (
      <span style={{ fontWeight: token('font.weight.medium') }}>{describeInitiative(initiative)}</span>
    );
  const entries = (list: DependencyListEntry<InitiativeView>[], group: string) => (
    <ul
      data-testid={`dependency-group-${group}`}
      style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: token('space.150') }}
    >
      <ShowMoreList
        items={list}
        first={ENTRIES_SHOWN}
        noun="initiatives"
        as="li"
        testId={`dependency-more-${group}`}
        render={(entry) => (
          <li
            key={entry.initiative.id}
            data-testid="dependency-entry"
            data-initiative-id={entry.initiative.id}
            style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}
          >
            <div>{opener(entry.initiative)}</div>
            {entry.dependsOn.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: token('space.300'), display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
                {entry.dependsOn.map((edge) => (
                  <DependencyItem key={edge.to} edge={edge} target={name(edge.to)} />
                ))}
              </ul>
            ) : null}
            {entry.neededBy.length > 0 ? (
              <div style={{ ...muted, paddingInlineStart: token('space.300') }}>Needed by {entry.neededBy.map(name).join(', ')}</div>
            ) : null}
          </li>
        )}
      />
    </ul>
  );
  return (
    <>
      <PanelSection title="Problems" count={problems.length}>
        {problems.length > 0 ? entries(problems, 'problems') : <div style={muted}>No dependency problems.</div>}
      </PanelSection>
      <PanelSection title="OK" count={ok.length}>
        {ok.length > 0 ? entries(ok, 'ok') : <div style={muted}>None.</div>}
      </PanelSection>
      {isolated.length > 0 ? (
        <PanelSection title="No dependencies" count={isolated.length}>
          <ul data-testid="dependency-isolated" style={{ margin: 0, paddingInlineStart: token('space.250'), font: token('font.body.small') }}>
            <ShowMoreList
              items={isolated}
              first={ENTRIES_SHOWN}
              noun="initiatives"
              as="li"
              testId="dependency-more-isolated"
              render={(initiative) => <li key={initiative.id}>{describeInitiative(initiative)}</li>}
            />
          </ul>
        </PanelSection>
      ) : null}
    </>
  );
}

function DependencyItem({ edge, target }: { edge: MapEdge; target: string }) {
  const problems: { key: string; tag: ReactNode; message: string }[] = edge.findings.map((finding, index) => ({
    key: `${finding.kind}-${index}`,
    tag: <Lozenge appearance={STROKE[styleOfKind(finding.kind)].lozenge}>{KIND_LABEL[finding.kind]}</Lozenge>,
    message: finding.message,
  }));
  if (edge.cycleMessage && !edge.kinds.includes('cycle')) {
    problems.push({ key: 'on-cycle', tag: <Lozenge appearance={STROKE.cycle.lozenge}>On a cycle</Lozenge>, message: edge.cycleMessage });
  }
  return (
    <li
      data-testid="dependency-item"
      data-to={edge.to}
      data-violation={edge.kinds.length > 0 ? edge.kinds.join(',') : 'none'}
      style={{ font: token('font.body.small'), overflowWrap: 'anywhere' }}
    >
      <span>Depends on {target}</span>
      {problems.length === 0 ? (
        <span>
          {' '}
          <Lozenge appearance={STROKE.ok.lozenge}>OK</Lozenge>
        </span>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: token('space.200'), listStyle: 'none' }}>
          {problems.map((p) => (
            <li
              key={p.key}
              data-testid="dependency-problem"
              style={{ display: 'flex', gap: token('space.075'), alignItems: 'baseline', marginBlockStart: token('space.025') }}
            >
              <span style={{ flexShrink: 0 }}>{p.tag}</span>
              <span>{p.message}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
