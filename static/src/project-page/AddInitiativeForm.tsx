import { type FormEvent, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ApiError, MutationResult, RoadmapView } from '../../../src/domain/api';
import { TRACKS, type Track } from '../../../src/domain/model';
import { quarterLabel } from '../../../src/domain/quarter';
import { call } from '../shared/client';
import { ErrorMessage } from '../shared/components';
import { useReloadRoadmap } from '../shared/data/writes';
import { Field, NativeSelect, TextInput } from '../shared/fields';
import { TRACK_LABEL } from '../shared/labels';
import {
  emptyForm,
  type FormField,
  type FormValues,
  type MappedErrors,
  mapFieldErrors,
  splitEpicKeys,
  toPayload,
  upcomingQuarters,
  validate,
} from './form-model';

const NO_ERRORS: MappedErrors = { byField: {}, other: [] };
const TRACK_OPTIONS = TRACKS.map((t) => ({ value: t, label: TRACK_LABEL[t] }));

/** The "Add initiative" form. Calls createInitiative with the view's revision; the parent refetches on success. */
export function AddInitiativeForm({ view, onCreated }: { view: RoadmapView; onCreated: (result: MutationResult) => void }) {
  const reload = useReloadRoadmap();
  const phases = [...view.phases].sort((a, b) => a.order - b.order);
  const [values, setValues] = useState<FormValues>(() => emptyForm(phases[0]?.id ?? ''));
  const [errors, setErrors] = useState<MappedErrors>(NO_ERRORS);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const quarters = upcomingQuarters();

  // After a reload brings a newer revision, a conflict message no longer applies.
  useEffect(() => {
    setApiError((e) => (e?.code === 'CONFLICT' ? null : e));
  }, [view.revision]);

  const set = (field: FormField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors.byField[field]) setErrors((e) => ({ ...e, byField: { ...e.byField, [field]: undefined } }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    setAdded(null);
    setApiError(null);
    const payload = toPayload(values, view.revision);
    const epicKeys = splitEpicKeys(values.epicKeys);
    const local = validate(payload);
    if (local) {
      setErrors(mapFieldErrors(local, epicKeys));
      return;
    }
    setErrors(NO_ERRORS);
    setSubmitting(true);
    const result = await call('createInitiative', payload);
    setSubmitting(false);
    if (result.ok) {
      setAdded(payload.initiative.title);
      setValues((v) => ({ ...emptyForm(v.phaseId), track: v.track, targetQuarter: v.targetQuarter }));
      onCreated(result.value);
      return;
    }
    const { error } = result;
    if (error.fields && Object.keys(error.fields).length > 0) {
      const mapped = mapFieldErrors(error.fields, epicKeys);
      setErrors(mapped);
      if (mapped.other.length > 0) setApiError({ ...error, message: mapped.other.join(' ') });
      return;
    }
    setApiError(error);
  }

  const e = errors.byField;
  return (
    <section
      style={{
        backgroundColor: token('elevation.surface.raised'),
        boxShadow: token('elevation.shadow.raised'),
        borderRadius: token('radius.large', '8px'),
        padding: token('space.200'),
        maxWidth: '640px',
      }}
    >
      <form noValidate onSubmit={submit} style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
        <Heading size="small" as="h2" id="add-initiative-heading">
          New initiative
        </Heading>
        {added ? (
          <SectionMessage appearance="success" testId="create-success">
            <p>Added “{added}” to the roadmap.</p>
          </SectionMessage>
        ) : null}
        {apiError ? (
          apiError.code === 'CONFLICT' ? (
            <ErrorMessage error={{ ...apiError, message: '' }} title="The roadmap changed since you opened it">
              <p>Someone else saved a change first. Reload the roadmap, then add your initiative again — what you typed is kept.</p>
              <div style={{ marginTop: token('space.100') }}>
                <Button onClick={reload}>Reload roadmap</Button>
              </div>
            </ErrorMessage>
          ) : (
            <ErrorMessage error={apiError} />
          )
        ) : null}
        <Field id="title" label="Title" error={e.title}>
          <TextInput id="title" value={values.title} onChange={set('title')} error={e.title} maxLength={200} />
        </Field>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: token('space.150') }}>
          <Field id="phaseId" label="Phase" error={e.phaseId}>
            <NativeSelect
              id="phaseId"
              value={values.phaseId}
              onChange={set('phaseId')}
              error={e.phaseId}
              options={phases.map((p) => ({ value: p.id, label: p.name }))}
            />
          </Field>
          <Field id="targetQuarter" label="Target quarter" error={e.targetQuarter} help="e.g. 2026-Q3">
            <TextInput
              id="targetQuarter"
              value={values.targetQuarter}
              onChange={set('targetQuarter')}
              error={e.targetQuarter}
              help="e.g. 2026-Q3"
              placeholder="2026-Q3"
              list="quarter-options"
            />
            <datalist id="quarter-options">
              {quarters.map((q) => (
                <option key={q.value} value={q.value}>
                  {quarterLabel(q.value)}
                </option>
              ))}
            </datalist>
          </Field>
          <Field id="track" label="Track" error={e.track}>
            <NativeSelect id="track" value={values.track} onChange={(v) => set('track')(v as Track)} error={e.track} options={TRACK_OPTIONS} />
          </Field>
        </div>
        <Field id="goal" label="Goal" error={e.goal}>
          <TextInput id="goal" value={values.goal} onChange={set('goal')} error={e.goal} maxLength={1000} />
        </Field>
        <Field id="successMetric" label="Success metric" error={e.successMetric}>
          <TextInput id="successMetric" value={values.successMetric} onChange={set('successMetric')} error={e.successMetric} maxLength={500} />
        </Field>
        <Field id="epicKeys" label="Epic keys" error={e.epicKeys} help="Optional, comma separated (e.g. TR-12, TR-15)">
          <TextInput
            id="epicKeys"
            value={values.epicKeys}
            onChange={set('epicKeys')}
            error={e.epicKeys}
            help="Optional, comma separated (e.g. TR-12, TR-15)"
            placeholder={`${view.project.key}-12`}
          />
        </Field>
        <div>
          <Button type="submit" appearance="primary" isLoading={submitting}>
            Add initiative
          </Button>
        </div>
      </form>
    </section>
  );
}
