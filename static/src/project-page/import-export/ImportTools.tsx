import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useEffect, useMemo, useState } from 'react';
import { type ImportPreview, importRoadmapPayload, previewImportPayload, type RoadmapView } from '../../../../src/domain/api';
import { muted } from '../../shared/components';
import { Field, FieldMessages, NativeSelect } from '../../shared/fields';
import { DomainFormFrame } from '../../shared/form/DomainFormFrame';
import { FormErrorLine } from '../../shared/form/FormErrorLine';
import { TextField, useLayerField } from '../../shared/form/inputs';
import { useDomainForm } from '../../shared/form/use-domain-form';
import { WriteStatus } from '../../shared/merge-notice';
import { PanelSection } from '../../shared/panel';
import { TextArea } from '../../shared/text-area';
import {
  importBlocked,
  importButtonLabel,
  importedSummary,
  type ImportMode,
  type ImportValues,
  importValues,
  MODE_HELP,
  modeOptions,
  movesSummary,
  needsReason,
  type Previewed,
  type PreviewState,
  previewState,
  previewValues,
  removalConfirmLabel,
  TEMPLATE_TABLE,
  toImportDraft,
  toPreviewDraft,
} from './import-model';
import { ImportPlanView } from './ImportPlanView';

/** At most what previewImport accepts, so the textarea stops where the schema would refuse. */
const MAX_TEXT = 400_000;
const IMPORT_HELP =
  "Markdown or CSV with the template's columns — Phase, Initiative, Goal, Success metric, Target quarter — and any of the export's. Rows match initiatives by ID (the export's last column), else by phase and title; epics by key (TR-28) or id.";
/** Both forms sit on the page for good: Escape has nothing to close. */
const noEscape = () => undefined;

/**
 * Import a roadmap table (Markdown or CSV, the template's columns plus the export's): preview the plan
 * (previewImport writes nothing), then import it (importRoadmap plans again on the server). Import is offered only
 * for a current preview without errors, in replace mode (project admins only) only once the listed deletions are
 * acknowledged, and when the preview moves initiatives only with a reason (recorded on the change). Both are forms
 * of the form layer: the payloads' schemas check them in the browser, the server's errors land by payload path.
 */
export function ImportTools({ view }: { view: RoadmapView }) {
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const canReplace = view.permissions.canAdminister;
  const phaseNames = useMemo(() => new Map(view.phases.map((p) => [p.id, p.name])), [view.phases]);

  const preview = useDomainForm({
    resolver: 'previewImport',
    schema: previewImportPayload,
    source: view.project,
    revision: view.revision,
    toValues: previewValues,
    toDraft: toPreviewDraft,
    onDone: (plan, payload) => {
      setImported(null);
      setPreviewed({ text: payload.text, mode: payload.mode ?? 'merge', plan });
    },
    onCancel: noEscape,
    focus: 'none',
  });
  const text = preview.form.watch('text');
  const mode = preview.form.watch('mode');
  // Typing a new table retires the last import's success message.
  useEffect(() => {
    const subscription = preview.form.watch((_, { name, type }) => {
      if (name === 'text' && type === 'change') setImported(null);
    });
    return () => subscription.unsubscribe();
  }, [preview.form]);
  const { setValue: setPreviewValue } = preview.form;
  useEffect(() => {
    // Someone who may no longer administer the project is not offered Replace.
    if (!canReplace && mode === 'replace') setPreviewValue('mode', 'merge');
  }, [canReplace, mode, setPreviewValue]);

  const state = previewed ? previewState(previewed, text, mode, view.revision) : null;
  return (
    <PanelSection testId="import" title="Import">
      {imported ? (
        <SectionMessage appearance="success" testId="import-success">
          <p>{imported}</p>
        </SectionMessage>
      ) : null}
      <DomainFormFrame
        form={{ ...preview, onKeyDown: noEscape }}
        idPrefix="import"
        label="Import a roadmap table"
        style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}
      >
        <FormErrorLine testId="import-preview-error" />
        <TableField />
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: token('space.150') }}>
          <div style={{ minWidth: '160px' }}>
            <ModeField canReplace={canReplace} />
          </div>
          <div style={{ paddingBlockEnd: token('space.250') }}>
            <Button type="submit" isLoading={preview.submitting}>
              Preview import
            </Button>
          </div>
        </div>
        <WriteStatus form={preview} retryHint="Reload the roadmap, then preview the import again — the table you pasted is kept." idPrefix="import" />
      </DomainFormFrame>
      {previewed && state ? (
        <ImportPreviewSection
          previewed={previewed}
          state={state}
          revision={view.revision}
          phaseNames={phaseNames}
          previewing={preview.submitting}
          onImported={(plan) => {
            setImported(importedSummary(plan));
            setPreviewed(null);
            preview.form.reset({ text: '', mode: previewed.mode });
          }}
        />
      ) : null}
    </PanelSection>
  );
}

/** The table to import (`text`), monospace, with the template as its placeholder. */
function TableField() {
  const f = useLayerField('text');
  return (
    <Field id={f.id} label="Table to import" error={f.error} help={IMPORT_HELP}>
      <TextArea
        id={f.id}
        value={f.value}
        onChange={f.onChange}
        error={f.error}
        help={IMPORT_HELP}
        placeholder={TEMPLATE_TABLE}
        monospace
        rows={8}
        maxLength={MAX_TEXT}
      />
    </Field>
  );
}

/** Merge or Replace (`mode`), with what the chosen one does as its help. */
function ModeField({ canReplace }: { canReplace: boolean }) {
  const f = useLayerField('mode');
  return (
    <Field id={f.id} label="Mode" error={f.error} help={MODE_HELP[f.value as ImportMode]}>
      <NativeSelect id={f.id} value={f.value} onChange={f.onChange} error={f.error} options={modeOptions(canReplace)} />
    </Field>
  );
}

/** What the preview would do, and the import form: the reason a move needs, the removals acknowledged, Import. */
function ImportPreviewSection({
  previewed,
  state,
  revision,
  phaseNames,
  previewing,
  onImported,
}: {
  previewed: Previewed;
  state: PreviewState;
  revision: number;
  phaseNames: Map<string, string>;
  previewing: boolean;
  onImported: (plan: ImportPreview) => void;
}) {
  const { plan } = previewed;
  const form = useDomainForm({
    resolver: 'importRoadmap',
    schema: importRoadmapPayload,
    source: previewed,
    revision,
    toValues: importValues,
    // Always the newest preview: the form stays open across previews.
    toDraft: (values: ImportValues) => toImportDraft(values, previewed),
    onDone: () => onImported(plan),
    onCancel: noEscape,
    focus: 'none',
  });
  // A new preview lists what it removes afresh: its removals are not acknowledged yet.
  const { resetField } = form.form;
  useEffect(() => {
    resetField('confirmRemovals');
  }, [previewed, resetField]);
  const values = form.form.watch();
  const ready = state === 'current' && plan.counts.errors === 0;
  const blocked = importBlocked(plan, state, values);
  const removes = plan.counts.toRemove > 0;
  return (
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
      <DomainFormFrame
        form={{ ...form, onKeyDown: noEscape }}
        idPrefix="import-confirm"
        label="Import the previewed table"
        style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}
      >
        <FormErrorLine testId="import-error-line" />
        {needsReason(plan) && ready ? (
          <TextField
            name="reason"
            label={plan.counts.toMove === 1 ? 'Why does this initiative move?' : 'Why do these initiatives move?'}
            help={movesSummary(plan)}
            maxLength={500}
          />
        ) : null}
        {removes && ready ? <RemovalsCheckbox label={removalConfirmLabel(plan)} /> : null}
        <WriteStatus form={form} retryHint="Reload the roadmap, then preview the import again — the table you pasted is kept." idPrefix="import-confirm" />
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.150') }}>
          <Button type="submit" appearance={removes ? 'danger' : 'primary'} isDisabled={blocked !== '' || previewing} isLoading={form.submitting}>
            {importButtonLabel(plan)}
          </Button>
          <span data-testid="import-blocked" style={muted}>
            {blocked}
          </span>
        </div>
      </DomainFormFrame>
    </section>
  );
}

/** "I understand N initiatives will be removed" (`confirmRemovals`). */
function RemovalsCheckbox({ label }: { label: string }) {
  const f = useLayerField('confirmRemovals');
  return (
    <div>
      <label
        htmlFor={f.id}
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: token('space.100'),
          font: token('font.body'),
          color: token('color.text.danger'),
          cursor: 'pointer',
        }}
      >
        <input
          id={f.id}
          type="checkbox"
          checked={f.value as unknown as boolean}
          onChange={(e) => f.onChange(e.currentTarget.checked)}
          onBlur={f.onBlur}
          aria-invalid={f.error ? true : undefined}
          aria-describedby={f.error ? `${f.id}-error` : undefined}
          style={{ inlineSize: '1rem', blockSize: '1rem', margin: 0, accentColor: token('color.background.danger.bold') }}
        />
        {label}
      </label>
      <FieldMessages id={f.id} error={f.error} />
    </div>
  );
}
