import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { InitiativeView, RoadmapView } from '../../../../src/domain/api';
import type { Phase } from '../../../../src/domain/model';
import { muted } from '../../shared/components';
import { useWriteAction } from '../../shared/data/writes';
import { PhaseList } from '../../shared/phases';
import { WriteError } from '../../shared/write-error';
import { DeletePhase } from './DeletePhase';
import { PhaseForm } from './PhaseForm';

/** The server's limit (model.ts: at most 20 phases). */
const MAX_PHASES = 20;

/** What one phase shows instead of its actions; the add form is independent of it. */
type Mode = { kind: 'edit'; phaseId: string } | { kind: 'delete'; phaseId: string } | null;

/**
 * The Phases section for editors: the shared PhaseList with Edit / Move up / Move down / Delete on each phase (the
 * open form replaces the actions), and "Add phase". Readers get the plain PhaseList. Every write goes through the
 * data layer, whose answer updates the page; the forms here only open and close.
 */
export function PhaseManager({ view, renderInitiative }: { view: RoadmapView; renderInitiative: (initiative: InitiativeView) => JSX.Element }) {
  const [mode, setMode] = useState<Mode>(null);
  const [adding, setAdding] = useState(false);
  const reorder = useWriteAction('movePhase');
  // Which phase is moving while its write is under way.
  const moving = reorder.pending ? (reorder.sent?.phaseId ?? null) : null;
  const moveError = reorder.error;
  const [added, setAdded] = useState<string | null>(null);
  const full = view.phases.length >= MAX_PHASES;

  const done = () => {
    setMode(null);
    reorder.reset();
  };

  function move(phase: Phase, toIndex: number) {
    if (moving) return;
    setAdded(null);
    reorder.run({ baseRevision: view.revision, phaseId: phase.id, toIndex });
  }

  return (
    <div data-testid="phase-manager" style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}>
        {/* Hidden, not gone, while the form is open: focus goes back to it when the form closes. */}
        <span hidden={adding}>
          <Button
            spacing="compact"
            isDisabled={full}
            onClick={() => {
              setAdded(null);
              setAdding(true);
            }}
          >
            Add phase
          </Button>
        </span>
        <span style={muted}>{full ? `A roadmap has at most ${MAX_PHASES} phases.` : 'Phases run in this order; move one up or down to reorder.'}</span>
      </div>
      {added ? (
        <SectionMessage appearance="success" testId="phase-added">
          <p>Added “{added}”.</p>
        </SectionMessage>
      ) : null}
      {adding ? (
        <PhaseForm
          view={view}
          onDone={(name) => {
            setAdded(name);
            setAdding(false);
            reorder.reset();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      {moveError ? <WriteError error={moveError} retryHint="Reload the roadmap, then move the phase again." /> : null}
      {view.phases.length === 0 ? <div style={muted}>This roadmap has no phases yet.</div> : null}
      <PhaseList
        phases={view.phases}
        initiatives={view.initiatives}
        renderInitiative={renderInitiative}
        renderPhaseActions={(phase, index, count) =>
          mode?.phaseId === phase.id ? null : (
            <div data-testid="phase-actions" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050') }}>
              <Button appearance="subtle" spacing="compact" aria-label={`Edit “${phase.name}”`} onClick={() => setMode({ kind: 'edit', phaseId: phase.id })}>
                Edit
              </Button>
              <Button
                appearance="subtle"
                spacing="compact"
                aria-label={`Move “${phase.name}” up`}
                isDisabled={index === 0 || moving !== null}
                isLoading={moving === phase.id}
                onClick={() => move(phase, index - 1)}
              >
                Move up
              </Button>
              <Button
                appearance="subtle"
                spacing="compact"
                aria-label={`Move “${phase.name}” down`}
                isDisabled={index === count - 1 || moving !== null}
                onClick={() => move(phase, index + 1)}
              >
                Move down
              </Button>
              <Button
                appearance="subtle"
                spacing="compact"
                aria-label={`Delete “${phase.name}”`}
                onClick={() => setMode({ kind: 'delete', phaseId: phase.id })}
              >
                Delete
              </Button>
            </div>
          )
        }
        renderPhaseBody={(phase) =>
          mode?.phaseId !== phase.id ? null : mode.kind === 'edit' ? (
            <PhaseForm view={view} phase={phase} onDone={done} onCancel={() => setMode(null)} />
          ) : (
            <DeletePhase phase={phase} view={view} onDone={done} onCancel={() => setMode(null)} />
          )
        }
      />
    </div>
  );
}
