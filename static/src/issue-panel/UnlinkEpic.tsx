import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ApiError, MutationResult } from '../../../src/domain/api';
import { call } from '../shared/client';
import { Field, TextInput } from '../shared/fields';
import { splitFieldErrors, validateUnlink } from './link-model';
import { PanelWriteError } from './PanelWriteError';

const REASON_ID = 'unlink-reason';
const REASON_HELP = 'Optional. Recorded in the roadmap changelog.';

/**
 * "Unlink" under the linked initiative: reveals an optional reason and a confirm button, so one stray click never
 * unlinks. `revision` is the roadmap revision the panel loaded.
 */
export function UnlinkEpic({
  revision,
  projectId,
  initiativeTitle,
  busy,
  onUnlinked,
  onReload,
}: {
  revision: number;
  /** The roadmap the link belongs to (an epic may serve one initiative on each of several roadmaps). */
  projectId: string;
  initiativeTitle: string;
  busy: boolean;
  onUnlinked: (result: MutationResult) => void;
  onReload: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) formRef.current?.querySelector('input')?.focus();
  }, [open]);
  // A fresh context (after a reload or another write) supersedes a conflict and ends a pending submit.
  useEffect(() => {
    setApiError((e) => (e?.code === 'CONFLICT' || e?.code === 'NOT_FOUND' ? null : e));
    setSubmitting(false);
  }, [revision]);

  const close = () => {
    setOpen(false);
    setReason('');
    setFieldError(undefined);
    setApiError(null);
    // Back to the button that opened the form, so keyboard users keep their place.
    requestAnimationFrame(() => toggleRef.current?.focus());
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting || busy) return;
    setApiError(null);
    const checked = validateUnlink(reason, revision, projectId);
    if ('fields' in checked) {
      const { beside, other } = splitFieldErrors(checked.fields, 'reason');
      setFieldError(beside);
      if (other.length > 0) setApiError({ code: 'INVALID_INPUT', message: other.join(' ') });
      return;
    }
    setFieldError(undefined);
    setSubmitting(true);
    const result = await call('unlinkEpic', checked.payload);
    if (result.ok) {
      // Stay busy until the refreshed context arrives; the panel then shows the link form instead of this.
      onUnlinked(result.value);
      return;
    }
    setSubmitting(false);
    const { beside, other } = splitFieldErrors(result.error.fields, 'reason');
    setFieldError(beside);
    if (!beside || other.length > 0 || result.error.code !== 'INVALID_INPUT') setApiError(result.error);
  }

  if (!open) {
    return (
      <div>
        <Button ref={toggleRef} spacing="compact" onClick={() => setOpen(true)} isDisabled={busy}>
          Unlink
        </Button>
      </div>
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !submitting) close();
  };
  const working = submitting || busy;
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
      data-testid="unlink-form"
      aria-label={`Unlink this epic from “${initiativeTitle}”`}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
        borderBlockStart: `${token('border.width', '1px')} solid ${token('color.border')}`,
        paddingBlockStart: token('space.100'),
      }}
    >
      {apiError ? <PanelWriteError error={apiError} /> : null}
      <Field id={REASON_ID} label="Why unlink?" error={fieldError} help={REASON_HELP}>
        <TextInput
          id={REASON_ID}
          value={reason}
          onChange={(value) => {
            setReason(value);
            setFieldError(undefined);
          }}
          error={fieldError}
          help={REASON_HELP}
          placeholder="e.g. Split into two epics"
          maxLength={500}
          disabled={working}
        />
      </Field>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
        <Button type="submit" appearance="warning" spacing="compact" isLoading={working}>
          Confirm unlink
        </Button>
        <Button appearance="subtle" spacing="compact" onClick={close} isDisabled={working}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
