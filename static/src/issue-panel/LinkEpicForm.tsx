import { type FormEvent, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ApiError, EpicContext, MutationResult } from '../../../src/domain/api';
import { call } from '../shared/client';
import { muted } from '../shared/components';
import { Field, NativeSelect } from '../shared/fields';
import { CHOOSE_INITIATIVE, optionLabel, splitFieldErrors, validateLink } from './link-model';
import { PanelWriteError } from './PanelWriteError';

const SELECT_ID = 'link-initiativeId';

/**
 * Links the panel's epic to an open initiative of its project's roadmap. `onLinked` gets the write's result (the
 * panel then refreshes its context); `onReload` refreshes it after a conflict.
 */
export function LinkEpicForm({
  linking,
  busy,
  onLinked,
  onReload,
}: {
  linking: NonNullable<EpicContext['linking']>;
  busy: boolean;
  onLinked: (result: MutationResult, title: string) => void;
  onReload: () => void;
}) {
  const [initiativeId, setInitiativeId] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const { revision, initiatives } = linking;

  // A fresh context (after a reload or another write) supersedes a conflict and ends a pending submit.
  useEffect(() => {
    setApiError((e) => (e?.code === 'CONFLICT' || e?.code === 'NOT_FOUND' ? null : e));
    setSubmitting(false);
  }, [revision]);
  // An initiative that is no longer offered (done, dropped, deleted) cannot stay selected.
  useEffect(() => {
    setInitiativeId((id) => (id && !initiatives.some((i) => i.id === id) ? '' : id));
  }, [initiatives]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting || busy) return;
    setApiError(null);
    const checked = validateLink(initiativeId, revision);
    if ('fields' in checked) {
      const { beside, other } = splitFieldErrors(checked.fields, 'initiativeId');
      setFieldError(beside);
      if (other.length > 0) setApiError({ code: 'INVALID_INPUT', message: other.join(' ') });
      return;
    }
    setFieldError(undefined);
    setSubmitting(true);
    const result = await call('linkEpic', checked.payload);
    if (result.ok) {
      // Stay busy until the refreshed context arrives (its revision is newer) or this form goes away.
      onLinked(result.value, initiatives.find((i) => i.id === initiativeId)?.title ?? '');
      return;
    }
    setSubmitting(false);
    const { beside, other } = splitFieldErrors(result.error.fields, 'initiativeId');
    setFieldError(beside);
    if (!beside || other.length > 0 || result.error.code !== 'INVALID_INPUT') setApiError(result.error);
  }

  const working = submitting || busy;
  if (initiatives.length === 0) {
    return (
      <p data-testid="no-initiatives" style={{ ...muted, margin: 0 }}>
        This project's roadmap has no open initiatives yet. Add one on the project's Tech Roadmap page, then link this
        epic to it here.
      </p>
    );
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      data-testid="link-form"
      aria-label="Link this epic to a roadmap initiative"
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}
    >
      {apiError ? <PanelWriteError error={apiError} /> : null}
      <Field id={SELECT_ID} label="Initiative" error={fieldError}>
        <NativeSelect
          id={SELECT_ID}
          value={initiativeId}
          disabled={working}
          error={fieldError}
          onChange={(value) => {
            setInitiativeId(value);
            setFieldError(undefined);
          }}
          options={[{ value: '', label: `${CHOOSE_INITIATIVE}…` }, ...initiatives.map((i) => ({ value: i.id, label: optionLabel(i) }))]}
        />
      </Field>
      <div>
        <Button type="submit" appearance="primary" spacing="compact" isLoading={working}>
          Link to initiative
        </Button>
      </div>
    </form>
  );
}
