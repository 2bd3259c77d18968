import { type FormEvent, useEffect, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ApiError, MutationResult, RoadmapView } from '../../../../src/domain/api';
import { call } from '../../shared/client';
import { ErrorMessage, muted } from '../../shared/components';
import { Field, NativeSelect, TextInput } from '../../shared/fields';
import { PanelSection } from '../../shared/panel';
import { WriteError } from '../../shared/write-error';
import {
  type ImportMode,
  type ImportPayload,
  MODE_HELP,
  type Previewed,
  TEMPLATE_TABLE,
  changesSomething,
  importButtonLabel,
  modeOptions,
  movesSummary,
  needsReason,
  previewState,
  removalConfirmLabel,
  validateImport,
  validatePreview,
} from './import-model';
import { ImportPlanView } from './ImportPlanView';
import { TextArea } from '../../shared/text-area';

/** At most what previewImport accepts, so the textarea stops where the schema would refuse. */
const MAX_TEXT = 400_000;
const IMPORT_HELP =
  "Markdown or CSV with the template's columns — Phase, Initiative, Goal, Success metric, Target quarter — and any of the export's. Rows match initiatives by ID (the export's last column), else by phase and title; epics by key (TR-28) or id.";

/**
 * Import a roadmap table (Markdown or CSV, the template's columns plus the export's): preview the plan
 * (previewImport writes nothing), then import it (importRoadmap plans again on the server). Import is offered only
 * for a current preview without errors, in replace mode (project admins only) only once the listed deletions are
 * acknowledged, and when the preview moves initiatives only with a reason (recorded on the change).
 */
export function ImportTools({ view, onWrite, onReload }: { view: RoadmapView; onWrite: (result: MutationResult) => void; onReload: () => void }) {
  const [text, setText] = useState('');
  const [mode, setMode] = useState<ImportMode>('merge');
  const [textError, setTextError] = useState<string | undefined>();
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [confirmRemovals, setConfirmRemovals] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const canReplace = view.permissions.canAdminister;
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const phaseNames = useMemo(() => new Map(view.phases.map((p) => [p.id, p.name])), [view.phases]);

  useEffect(() => {
    setApiError((e) => (e?.code === 'CONFLICT' ? null : e));
  }, [view.revision]);

  const state = previewed ? previewState(previewed, text, mode, view.revision) : null;
  const plan = previewed?.plan ?? null;
  const hasErrors = plan ? plan.counts.errors > 0 : false;
  const removes = plan ? plan.counts.toRemove > 0 : false;
  const moves = plan ? needsReason(plan) : false;
  const canImport =
    plan !== null && state === 'current' && !hasErrors && changesSomething(plan) && (!removes || confirmRemovals) && (!moves || reason.trim() !== '') && busy === null;

  useEffect(() => {
    // Someone who may no longer administer the project is not offered Replace.
    if (!canReplace && mode === 'replace') setMode('merge');
  }, [canReplace, mode]);

  async function preview(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setApiError(null);
    setImported(null);
    const payload = { text, format: 'auto' as const, mode };
    const local = validatePreview(payload);
    if (local) {
      setTextError(local.text ?? Object.values(local)[0]);
      return;
    }
    setTextError(undefined);
    setBusy('preview');
    const result = await call('previewImport', payload);
    setBusy(null);
    if (result.ok) {
      setPreviewed({ text, mode, plan: result.value });
      setConfirmRemovals(false);
      setReasonError(undefined);
      return;
    }
    if (result.error.fields?.text) setTextError(result.error.fields.text);
    else setApiError(result.error);
  }

  async function runImport() {
    if (!plan || !canImport) return;
    setApiError(null);
    // Against the revision the preview was planned on: if anything changed since, the server says CONFLICT.
    const payload: ImportPayload = {
      text,
      format: 'auto',
      mode,
      baseRevision: plan.baseRevision,
      confirmRemovals: removes ? confirmRemovals : false,
      ...(moves ? { reason } : {}),
    };
    const local = validateImport(payload);
    if (local) {
      if (local.reason) setReasonError(local.reason);
      else setApiError({ code: 'INVALID_INPUT', message: Object.values(local).join(' '), fields: local });
      return;
    }
    setBusy('import');
    const result = await call('importRoadmap', payload);
    setBusy(null);
    if (result.ok) {
      const c = plan.counts;
      const parts = [`${c.toCreate} created`, `${c.toUpdate} updated`];
      if (c.toRemove > 0) parts.push(`${c.toRemove} removed`);
      if (c.phasesToCreate > 0) parts.push(`${c.phasesToCreate} new ${c.phasesToCreate === 1 ? 'phase' : 'phases'}`);
      setImported(`Imported the table: ${parts.join(', ')}.`);
      setPreviewed(null);
      setText('');
      setConfirmRemovals(false);
      setReason('');
      onWrite(result.value);
      return;
    }
    if (result.error.fields?.reason) setReasonError(result.error.fields.reason);
    else setApiError(result.error);
  }

  return (
    <PanelSection testId="import" title="Import">
      {imported ? (
        <SectionMessage appearance="success" testId="import-success">
          <p>{imported}</p>
        </SectionMessage>
      ) : null}
      <form noValidate onSubmit={preview} aria-label="Import a roadmap table" style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
        <Field
          id="import-table"
          label="Table to import"
          error={textError}
          help={IMPORT_HELP}
        >
          <TextArea
            id="import-table"
            value={text}
            onChange={(v) => {
              setText(v);
              setTextError(undefined);
              setImported(null);
            }}
            error={textError}
            help={IMPORT_HELP}
            placeholder={TEMPLATE_TABLE}
            monospace
            rows={8}
            maxLength={MAX_TEXT}
          />
        </Field>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: token('space.150') }}>
          <div style={{ minWidth: '160px' }}>
            <Field id="import-mode" label="Mode" help={MODE_HELP[mode]}>
              <NativeSelect id="import-mode" value={mode} onChange={(v) => setMode(v as ImportMode)} options={modeOptions(canReplace)} />
            </Field>
          </div>
          <div style={{ paddingBlockEnd: token('space.250') }}>
            <Button type="submit" isLoading={busy === 'preview'} isDisabled={busy === 'import'}>
              Preview import
            </Button>
          </div>
        </div>
      </form>
      {apiError ? (
        apiError.code === 'CONFLICT' ? (
          <WriteError error={apiError} retryHint="Reload the roadmap, then preview the import again — the table you pasted is kept." />
        ) : (
          <ErrorMessage error={apiError} />
        )
      ) : null}
      {previewed && plan ? (
        <section
          aria-label="Import preview"
          style={{
            display: 'flex',
            flexDirection: 'column',
            gap: token('space.150'),
            padding: token('space.150'),
            borderRadius: token('radius.medium', '6px'),
            border: `${token('border.width', '1px')} solid ${token('color.border')}`,
            backgroundColor: token('elevation.surface'),
          }}
        >
          {state === 'edited' ? (
            <SectionMessage appearance="information" testId="import-preview-stale">
              <p>The table or mode changed since this preview. Preview again to import.</p>
            </SectionMessage>
          ) : null}
          {state === 'outdated' ? (
            <SectionMessage appearance="warning" testId="import-preview-stale">
              <p>The roadmap changed since this preview. Preview again to see what the import would do now.</p>
            </SectionMessage>
          ) : null}
          <ImportPlanView plan={plan} phaseNames={phaseNames} />
          {moves && state === 'current' && !hasErrors ? (
            <Field
              id="import-reason"
              label={plan.counts.toMove === 1 ? 'Why does this initiative move?' : 'Why do these initiatives move?'}
              error={reasonError}
              help={movesSummary(plan)}
            >
              <TextInput
                id="import-reason"
                value={reason}
                onChange={(v) => {
                  setReason(v);
                  setReasonError(undefined);
                }}
                error={reasonError}
                help="Recorded in the changelog"
                maxLength={500}
              />
            </Field>
          ) : null}
          {removes && state === 'current' && !hasErrors ? (
            <label
              htmlFor="import-confirm-removals"
              style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), font: token('font.body'), color: token('color.text.danger'), cursor: 'pointer' }}
            >
              <input
                id="import-confirm-removals"
                type="checkbox"
                checked={confirmRemovals}
                onChange={(e) => setConfirmRemovals(e.currentTarget.checked)}
                style={{ inlineSize: '1rem', blockSize: '1rem', margin: 0, accentColor: token('color.background.danger.bold') }}
              />
              {removalConfirmLabel(plan)}
            </label>
          ) : null}
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.150') }}>
            <Button appearance={removes ? 'danger' : 'primary'} onClick={runImport} isDisabled={!canImport} isLoading={busy === 'import'}>
              {importButtonLabel(plan)}
            </Button>
            <span data-testid="import-blocked" style={muted}>
              {state !== 'current'
                ? 'Preview again first.'
                : hasErrors
                  ? 'Fix the errors in the table, then preview again.'
                  : !changesSomething(plan)
                    ? 'Nothing to import: the roadmap already matches this table.'
                    : removes && !confirmRemovals
                      ? 'Confirm the removals to import.'
                      : moves && reason.trim() === ''
                        ? 'Say why the initiatives move to import.'
                        : ''}
            </span>
          </div>
        </section>
      ) : null}
    </PanelSection>
  );
}
