import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { type ReactNode, useMemo } from 'react';
import type { InitiativeView } from '../../../src/domain/api';
import type { Phase } from '../../../src/domain/model';
import { quarterLabel } from '../../../src/domain/quarter';
import { sortInitiatives } from './board';
import { muted } from './components';
import { ShowMoreList } from './show-more';

/** Initiatives a phase lists before "Show more" (a phase of thousands stays quick to draw and to scan). */
const INITIATIVES_PER_PHASE = 50;

export function quarterSpan(phase: Phase): string {
  const start = quarterLabel(phase.startQuarter);
  const end = quarterLabel(phase.endQuarter);
  return start === end ? start : `${start} – ${end}`;
}

export const phasesInOrder = (phases: Phase[]) => [...phases].sort((a, b) => a.order - b.order);

/**
 * The phases by order, each with its quarter span, theme and description and its initiatives, rendered by
 * `renderInitiative`. Initiatives whose phase is unknown are listed last. Editing surfaces add per-phase actions
 * beside the heading and a body (an open form) under it.
 */
export function PhaseList({
  phases,
  initiatives,
  renderInitiative,
  renderPhaseActions,
  renderPhaseBody,
}: {
  phases: Phase[];
  initiatives: InitiativeView[];
  renderInitiative: (initiative: InitiativeView) => JSX.Element;
  renderPhaseActions?: (phase: Phase, index: number, count: number) => ReactNode;
  renderPhaseBody?: (phase: Phase) => ReactNode;
}) {
  // Grouped and sorted once per list: thousands of initiatives are not re-sorted per phase on every render.
  const { byPhase, orphans } = useMemo(() => {
    const known = new Set(phases.map((p) => p.id));
    const groups = new Map<string, InitiativeView[]>();
    const without: InitiativeView[] = [];
    for (const i of sortInitiatives(initiatives)) {
      if (!known.has(i.phaseId)) without.push(i);
      else {
        const list = groups.get(i.phaseId);
        if (list) list.push(i);
        else groups.set(i.phaseId, [i]);
      }
    }
    return { byPhase: groups, orphans: without };
  }, [phases, initiatives]);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      {phasesInOrder(phases).map((phase, index, ordered) => {
        const own = byPhase.get(phase.id) ?? [];
        return (
          <section
            key={phase.id}
            data-testid="phase"
            data-phase-id={phase.id}
            style={{
              borderInlineStart: `${token('border.width.selected', '2px')} solid ${token('color.border.brand')}`,
              paddingInlineStart: token('space.200'),
              display: 'flex',
              flexDirection: 'column',
              gap: token('space.100'),
            }}
          >
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: token('space.100') }}>
              <div style={{ flex: '1 1 16rem', minWidth: 0 }}>
                <Heading size="small" as="h3" id={`phase-${phase.id}`}>
                  {phase.name}
                </Heading>
                <div style={muted}>
                  {quarterSpan(phase)}
                  {phase.theme ? ` · ${phase.theme}` : ''}
                </div>
                {phase.description ? (
                  <div style={{ font: token('font.body.small'), color: token('color.text'), marginBlockStart: token('space.050'), whiteSpace: 'pre-line' }}>
                    {phase.description}
                  </div>
                ) : null}
              </div>
              {renderPhaseActions?.(phase, index, ordered.length)}
            </div>
            {renderPhaseBody?.(phase)}
            {own.length === 0 ? (
              <div style={muted}>No initiatives in this phase yet.</div>
            ) : (
              <ShowMoreList items={own} first={INITIATIVES_PER_PHASE} noun="initiatives" render={renderInitiative} testId="phase-more" />
            )}
          </section>
        );
      })}
      {orphans.length > 0 ? (
        <section aria-label="Initiatives without a phase" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
          <Heading size="small" as="h3">
            Without a phase
          </Heading>
          <ShowMoreList items={orphans} first={INITIATIVES_PER_PHASE} noun="initiatives" render={renderInitiative} testId="phase-more" />
        </section>
      ) : null}
    </div>
  );
}
