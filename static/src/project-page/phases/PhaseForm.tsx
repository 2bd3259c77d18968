import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import { createPhasePayload, type RoadmapView, updatePhasePayload } from '../../../../src/domain/api';
import type { Phase } from '../../../../src/domain/model';
import { DomainFormFrame } from '../../shared/form/DomainFormFrame';
import { FormButtons } from '../../shared/form/FormButtons';
import { FormErrorLine } from '../../shared/form/FormErrorLine';
import { TextAreaField, TextField } from '../../shared/form/inputs';
import { QuarterPicker } from '../../shared/form/QuarterPicker';
import { boxedForm } from '../../shared/form/styles';
import { type DomainForm, useDomainForm } from '../../shared/form/use-domain-form';
import { WriteStatus } from '../../shared/merge-notice';
import { phasesInOrder } from '../../shared/phases';
import { upcomingQuarters } from '../form-model';
import {
  type EditPhaseValues,
  type NewPhaseValues,
  newPhaseValues,
  PHASE_EQUALS,
  PHASE_LABELS,
  phaseValues,
  toCreatePhaseDraft,
  toUpdatePhaseDraft,
} from './phase-model';

/**
 * Adds a phase (createPhase) or, given `phase`, edits it (updatePhase: only what changed since the version it is
 * based on; a CONFLICT rebases it three-way onto the newest phase): name, theme, start and end quarter, description.
 * Checked with the resolver's own schema; every error lands beside the input of its payload path. `onDone` gets the
 * saved phase's name (the page already shows the write's answer); `onCancel` closes the form.
 */
export function PhaseForm({ view, phase, onDone, onCancel }: { view: RoadmapView; phase?: Phase; onDone: (name: string) => void; onCancel: () => void }) {
  return phase ? (
    <EditPhaseForm view={view} phase={phase} onDone={onDone} onCancel={onCancel} />
  ) : (
    <NewPhaseForm view={view} onDone={onDone} onCancel={onCancel} />
  );
}

function NewPhaseForm({ view, onDone, onCancel }: { view: RoadmapView; onDone: (name: string) => void; onCancel: () => void }) {
  const form = useDomainForm({
    resolver: 'createPhase',
    schema: createPhasePayload,
    source: view.phases,
    revision: view.revision,
    toValues: (phases: Phase[]) => newPhaseValues(phases),
    // Against the revision the page shows now (a new phase is not rebased).
    toDraft: (values: NewPhaseValues) => toCreatePhaseDraft(values, view.revision),
    onDone: (result, payload) => onDone((result.delta?.phases ? phasesInOrder(result.delta.phases).at(-1)?.name : undefined) ?? payload.phase.name.trim()),
    onCancel,
  });
  return (
    <PhaseFormFrame form={form} idPrefix="phase-new" label="New phase" path="phase" submitLabel="Add phase">
      <WriteStatus form={form} retryHint="Reload the roadmap, then save again — what you typed is kept." idPrefix="phase-new" />
    </PhaseFormFrame>
  );
}

function EditPhaseForm({ view, phase, onDone, onCancel }: { view: RoadmapView; phase: Phase; onDone: (name: string) => void; onCancel: () => void }) {
  const form = useDomainForm({
    resolver: 'updatePhase',
    schema: updatePhasePayload,
    source: phase,
    revision: view.revision,
    toValues: phaseValues,
    toDraft: (values: EditPhaseValues, base) => toUpdatePhaseDraft(values, base),
    select: (fresh) => fresh.phases.find((p) => p.id === phase.id),
    labels: PHASE_LABELS,
    equals: PHASE_EQUALS,
    onDone: (_, payload) => onDone(payload.patch.name?.trim() ?? phase.name),
    onCancel,
  });
  const id = `phase-edit-${phase.id}`;
  return (
    <PhaseFormFrame form={form} idPrefix={id} label={`Edit “${phase.name}”`} path="patch" submitLabel="Save phase">
      <WriteStatus form={form} merge={form.merge} retryHint="Reload the roadmap, then save again — what you typed is kept." idPrefix={id} />
    </PhaseFormFrame>
  );
}

/** The phase's inputs under `path` (`phase` or `patch`), the error line, the status of the last write, the buttons. */
function PhaseFormFrame({
  form,
  idPrefix,
  label,
  path,
  submitLabel,
  children,
}: {
  form: DomainForm;
  idPrefix: string;
  label: string;
  path: 'phase' | 'patch';
  submitLabel: string;
  children: ReactNode;
}) {
  const quarters = upcomingQuarters().map((q) => q.value);
  const grid = (min: number) => ({
    display: 'grid',
    gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${min}px), 1fr))`,
    gap: token('space.150'),
    alignItems: 'start',
  });
  return (
    <DomainFormFrame form={form} idPrefix={idPrefix} testId="phase-form" label={label} style={boxedForm}>
      <FormErrorLine testId="phase-form-error" />
      {children}
      <div style={grid(200)}>
        <TextField name={`${path}.name`} label="Name" maxLength={100} placeholder="e.g. Resilience" />
        <TextField name={`${path}.theme`} label="Theme" help="Optional, one line" maxLength={200} />
      </div>
      <div style={grid(160)}>
        <QuarterPicker name={`${path}.startQuarter`} label="Start quarter" suggestions={quarters} />
        <QuarterPicker name={`${path}.endQuarter`} label="End quarter" suggestions={quarters} />
      </div>
      <TextAreaField name={`${path}.description`} label="Description" help="Optional" maxLength={1000} rows={2} />
      <FormButtons label={submitLabel} compact />
    </DomainFormFrame>
  );
}
