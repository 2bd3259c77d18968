import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { useEffect, useRef } from 'react';
import type { ApiError } from '../../../src/domain/api';
import type { Choice, PendingConflict } from './three-way-merge';

/** What the notice needs of a form's merge (useMergeForm, or the form layer's useRebase). */
export interface MergeShown<V> {
  notice: RebaseNotice | null;
  conflicts: Array<PendingConflict<V>>;
  taken: Array<keyof V>;
  labels: { [K in keyof V]?: string };
  describe: (field: keyof V, value: unknown) => string;
  choose: (field: keyof V, choice: Choice) => void;
}
import type { RebaseNotice, Refresh } from './form/write-state';
import { WriteError } from './write-error';

/** The server's "who changed what since" without its advice to reload (the form has already done that). */
const sinceText = (message: string) =>
  message
    .replace(/^The roadmap changed since you loaded it \(revision \d+\):\s*/, '')
    .replace(/\s*Reload and try again\.?\s*$/, '')
    .replace(/\.+$/, '')
    .trim();

const list = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/**
 * What a write form says about its last write: fetching the newest version after a CONFLICT, the rebase (what was
 * taken from the newer version, and a "keep mine / take theirs" choice for each field both people changed), the
 * note that a form without a merge now uses the newest roadmap, or any other error (with a reload button).
 */
export function WriteStatus<V extends object>({
  form,
  merge,
  retryHint,
  idPrefix,
}: {
  form: { apiError: ApiError | null; refresh: Refresh };
  merge?: MergeShown<V>;
  retryHint: string;
  /** Makes the choice inputs' ids unique on the page. */
  idPrefix: string;
}) {
  return (
    <>
      {form.refresh?.phase === 'fetching' ? (
        <SectionMessage appearance="information" title="Someone else saved first" testId="write-refreshing">
          <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
            <Spinner size="small" label="Fetching" />
            <span>Fetching the newest version; what you typed is kept.</span>
          </div>
        </SectionMessage>
      ) : null}
      {merge ? <MergeNotice merge={merge} idPrefix={idPrefix} /> : null}
      {form.refresh?.phase === 'refreshed' ? (
        <SectionMessage appearance="information" title="Someone else saved first" testId="write-refreshed">
          {sinceText(form.refresh.message) ? <p>Since you opened it: {sinceText(form.refresh.message)}.</p> : null}
          <p>The form now uses the newest roadmap and keeps what you typed. Check it, then save again.</p>
        </SectionMessage>
      ) : null}
      {form.apiError ? <WriteError error={form.apiError} retryHint={retryHint} /> : null}
    </>
  );
}

/** The rebase notice, with one choice per conflicting field. Nothing when the form was never rebased. */
export function MergeNotice<V extends object>({ merge, idPrefix }: { merge: MergeShown<V>; idPrefix: string }) {
  const { notice, conflicts, taken } = merge;
  const ref = useRef<HTMLDivElement>(null);
  // A rebase after a save at the foot of a long form: bring the notice into view and move focus to it. (A rebase onto a
  // view the page shows for another reason must not take focus from what the user is typing.)
  useEffect(() => {
    if (!notice?.afterSave) return;
    ref.current?.scrollIntoView?.({ block: 'nearest' });
    ref.current?.focus({ preventScroll: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per rebase (its revision), not when afterSave flips
  }, [notice?.revision]);
  if (!notice && conflicts.length === 0) return null;
  const label = (field: keyof V) => merge.labels[field] ?? String(field);
  const since = notice?.conflictMessage ? sinceText(notice.conflictMessage) : '';
  const takenNames = [...new Set(taken.map(label))];
  const title =
    conflicts.length > 0
      ? 'Someone else changed this while you were editing'
      : notice?.afterSave
        ? 'Someone else saved first: your changes are kept'
        : 'Updated to the newest version: your changes are kept';
  return (
    <div ref={ref} tabIndex={-1} aria-label={title} style={{ outline: 'none' }}>
      <SectionMessage appearance={conflicts.length > 0 ? 'warning' : 'information'} title={title} testId="merge-notice">
        <div data-testid="merge-notice-body" data-revision={notice?.revision} style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
          {since ? <p style={{ margin: 0 }}>Since you opened it: {since}.</p> : null}
          <p style={{ margin: 0 }} data-testid="merge-taken">
            {takenNames.length > 0 ? `Their changes to ${list(takenNames)} are now in the form. ` : ''}
            Only the fields you changed will be saved
            {conflicts.length > 0 ? '; for each field you both changed, choose the value to keep.' : '. Check the form, then save again.'}
          </p>
          {conflicts.map((c) => (
            <ConflictChoice key={String(c.field)} conflict={c} label={label(c.field)} merge={merge} idPrefix={idPrefix} />
          ))}
        </div>
      </SectionMessage>
    </div>
  );
}

function ConflictChoice<V extends object>({
  conflict,
  label,
  merge,
  idPrefix,
}: {
  conflict: PendingConflict<V>;
  label: string;
  merge: MergeShown<V>;
  idPrefix: string;
}) {
  const name = `${idPrefix}-conflict-${String(conflict.field).replace(/\./g, '-')}`;
  const option = (choice: Choice, text: string, value: unknown) => {
    const id = `${name}-${choice}`;
    const shown = merge.describe(conflict.field, value);
    const selected = conflict.choice === choice;
    return (
      <label
        htmlFor={id}
        data-testid={`${name}-${choice}-option`}
        style={{
          display: 'flex',
          gap: token('space.100'),
          alignItems: 'flex-start',
          padding: `${token('space.075')} ${token('space.100')}`,
          borderRadius: token('radius.small', '3px'),
          border: `${token('border.width', '1px')} solid ${selected ? token('color.border.selected') : token('color.border')}`,
          backgroundColor: selected ? token('color.background.selected') : token('elevation.surface'),
          cursor: 'pointer',
          minWidth: 0,
        }}
      >
        <input
          id={id}
          type="radio"
          name={name}
          value={choice}
          checked={selected}
          onChange={() => merge.choose(conflict.field, choice)}
          aria-describedby={`${id}-value`}
          style={{ margin: 0, marginBlockStart: '0.2rem', accentColor: token('color.background.selected.bold'), flexShrink: 0 }}
        />
        <span style={{ display: 'flex', flexDirection: 'column', gap: token('space.025'), minWidth: 0 }}>
          <span style={{ font: token('font.body'), fontWeight: token('font.weight.medium'), color: token('color.text') }}>{text}</span>
          <span
            id={`${id}-value`}
            data-testid={`${name}-${choice}-value`}
            style={{
              font: token('font.body.small'),
              color: token('color.text.subtle'),
              whiteSpace: 'pre-wrap',
              overflowWrap: 'anywhere',
              maxHeight: '6.5rem',
              overflowY: 'auto',
            }}
          >
            {shown}
          </span>
        </span>
      </label>
    );
  };
  return (
    <fieldset
      data-testid={name}
      data-field={String(conflict.field)}
      data-choice={conflict.choice ?? ''}
      style={{ border: 0, margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: token('space.050') }}
    >
      <legend
        style={{
          padding: 0,
          marginBlockEnd: token('space.050'),
          font: token('font.body'),
          fontWeight: token('font.weight.semibold'),
          color: token('color.text'),
        }}
      >
        {label}
        {conflict.choice === null ? <span style={{ fontWeight: token('font.weight.regular'), color: token('color.text.warning') }}> · choose one</span> : null}
      </legend>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 220px), 1fr))', gap: token('space.075') }}>
        {option('mine', 'Keep mine', conflict.mine)}
        {option('theirs', 'Take theirs', conflict.theirs)}
      </div>
    </fieldset>
  );
}
