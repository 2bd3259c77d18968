import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useMemo, useState } from 'react';
import { createInitiativePayload, type RoadmapView } from '../../../src/domain/api';
import { TRACKS } from '../../../src/domain/model';
import { DomainFormFrame } from '../shared/form/DomainFormFrame';
import { FormButtons } from '../shared/form/FormButtons';
import { FormErrorLine } from '../shared/form/FormErrorLine';
import { SelectField, TextField } from '../shared/form/inputs';
import { PhaseSelect } from '../shared/form/PhaseSelect';
import { QuarterPicker } from '../shared/form/QuarterPicker';
import { useDomainForm } from '../shared/form/use-domain-form';
import { TRACK_LABEL } from '../shared/labels';
import { WriteStatus } from '../shared/merge-notice';
import { phasesInOrder } from '../shared/phases';
import { type AddValues, emptyAddValues, nextAddValues, toCreateDraft, upcomingQuarters } from './form-model';

const TRACK_OPTIONS = TRACKS.map((t) => ({ value: t, label: TRACK_LABEL[t] }));
const ID = 'add';

/**
 * The "New initiative" form, always on the page (createInitiative against the revision the page shows). The answer
 * updates the page through the data layer, so the new card shows at once; the form says what it added and empties,
 * keeping the phase, target quarter and track for the next one. Cancel (or Escape) empties it, asking first.
 */
export function AddInitiativeForm({ view }: { view: RoadmapView }) {
  const firstPhase = phasesInOrder(view.phases)[0]?.id ?? '';
  const [added, setAdded] = useState<string | null>(null);
  const quarters = useMemo(() => upcomingQuarters().map((q) => q.value), []);
  const form = useDomainForm({
    resolver: 'createInitiative',
    schema: createInitiativePayload,
    // A create form edits nothing stored: its defaults come from the roadmap's first phase.
    source: firstPhase,
    revision: view.revision,
    toValues: (phaseId: string) => emptyAddValues(phaseId),
    // Against the revision the page shows now (a create form is not rebased).
    toDraft: (values: AddValues) => toCreateDraft(values, view.revision),
    onDone: (_, payload) => {
      setAdded(payload.initiative.title.trim());
      form.form.reset(nextAddValues(form.form.getValues()));
    },
    onCancel: () => form.form.reset(),
    focus: 'none',
  });
  const onSubmit: typeof form.onSubmit = (event) => {
    setAdded(null);
    return form.onSubmit(event);
  };

  return (
    <section
      aria-labelledby="add-initiative-heading"
      style={{
        backgroundColor: token('elevation.surface.raised'),
        boxShadow: token('elevation.shadow.raised'),
        borderRadius: token('radius.large', '8px'),
        padding: token('space.200'),
        maxWidth: '640px',
      }}
    >
      <DomainFormFrame
        form={{ ...form, onSubmit }}
        idPrefix={ID}
        label="New initiative"
        style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}
      >
        <Heading size="small" as="h2" id="add-initiative-heading">
          New initiative
        </Heading>
        {added ? (
          <SectionMessage appearance="success" testId="create-success">
            <p>Added “{added}” to the roadmap.</p>
          </SectionMessage>
        ) : null}
        <FormErrorLine testId="create-error" />
        <WriteStatus form={form} retryHint="Reload the roadmap, then add your initiative again — what you typed is kept." idPrefix={ID} />
        <TextField name="initiative.title" label="Title" maxLength={200} />
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: token('space.150'), alignItems: 'start' }}>
          <PhaseSelect name="initiative.phaseId" phases={view.phases} />
          <QuarterPicker name="initiative.targetQuarter" suggestions={quarters} />
          <SelectField name="initiative.track" label="Track" options={TRACK_OPTIONS} />
        </div>
        <TextField name="initiative.goal" label="Goal" maxLength={1000} />
        <TextField name="initiative.successMetric.description" label="Success metric" maxLength={500} />
        <TextField name="epicKeys" label="Epic keys" help="Optional, comma separated (e.g. TR-12, TR-15)" placeholder={`${view.project.key}-12`} />
        <FormButtons label="Add initiative" />
      </DomainFormFrame>
    </section>
  );
}
