import { useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { InitiativeView, MutationResult, RoadmapView } from '../../../../src/domain/api';
import type { Horizon, InitiativeStatus, Track } from '../../../../src/domain/model';
import { quarterLabel } from '../../../../src/domain/quarter';
import { CAPACITY_UNIT_LABEL, HORIZON_LABEL } from '../../../../src/domain/labels';
import { muted } from '../../shared/components';
import { Field, NativeSelect, TextInput } from '../../shared/fields';
import { phaseName } from '../../shared/board';
import { phasesInOrder } from '../../shared/phases';
import { TextArea } from '../../shared/text-area';
import { WriteStatus } from '../../shared/merge-notice';
import { useMergeForm } from '../../shared/use-merge-form';
import { useWriteForm } from '../../shared/use-write-form';
import { upcomingQuarters } from '../form-model';
import { ErrorLine } from '../settings/inputs';
import { DeleteInitiative } from './DeleteInitiative';
import {
  EDITOR_EQUALS,
  EDITOR_LABELS,
  type EditorErrors,
  type EditorField,
  type EditorValues,
  FIELD_ORDER,
  describeEditorValue,
  HORIZON_PIN_OPTIONS,
  IMPACT_OPTIONS,
  NO_EDITOR_ERRORS,
  REVERSIBILITY_OPTIONS,
  RISK_OPTIONS,
  STATUS_OPTIONS,
  TRACK_OPTIONS,
  editorValues,
  hasEditorErrors,
  isMoving,
  liveRiceScore,
  mapEditorErrors,
  nothingChanged,
  riceIsBlank,
  toUpdateDraft,
  validateUpdate,
} from './editor-model';
import { CheckboxList, EditorGroup, FieldRow } from './inputs';
import { LinkedEpics } from './LinkedEpics';

/** How many other initiatives "Depends on" lists before it offers a filter. */
const FILTER_FROM = 12;

/**
 * Edits every field of one initiative, inline in its card (updateInitiative). Sends only what this user changed
 * relative to the stored version the edit is based on; when someone else saved first (CONFLICT) it rebases three-way
 * onto the newest version and asks "keep mine / take theirs" for each field both changed (useMergeForm). A change of
 * phase, target quarter or horizon pin asks why it moves (the server requires it). Validated in the browser with
 * the resolver's own schema; the server's field errors land beside the inputs. Also deletes the initiative.
 */
export function InitiativeEditor({
  initiative,
  view,
  onSaved,
  onCancel,
  onReload,
}: {
  initiative: InitiativeView;
  view: RoadmapView;
  onSaved: (result: MutationResult) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const merge = useMergeForm<EditorValues, InitiativeView>({
    source: initiative,
    revision: view.revision,
    toValues: editorValues,
    select: (fresh) => fresh.initiatives.find((i) => i.id === initiative.id),
    labels: EDITOR_LABELS,
    describe: (field, value) => describeEditorValue(field, value, view),
    equals: EDITOR_EQUALS,
  });
  const { values } = merge;
  /** The stored version the edit is based on: what it opened with, or the newest after a rebase. */
  const stored = merge.base.source;
  const [depFilter, setDepFilter] = useState('');
  const id = `edit-${initiative.id}`;
  const fid = (field: EditorField) => `${id}-${field}`;

  function focusFirstError(byField: EditorErrors['byField']) {
    const first = FIELD_ORDER.find((f) => byField[f]);
    if (!first) return;
    requestAnimationFrame(() => {
      const el = document.getElementById(fid(first)) ?? document.querySelector<HTMLElement>(`[data-testid="${fid(first)}"] input`);
      el?.focus();
    });
  }

  // What a save would send: only what differs from the stored version the edit is based on.
  const draft = toUpdateDraft(values, stored, merge.base.revision, view.businessGoals.map((g) => g.id));
  const form = useWriteForm({
    resolver: 'updateInitiative',
    revision: merge.base.revision,
    noErrors: NO_EDITOR_ERRORS,
    validate: (payload): EditorErrors | null => {
      const schemaErrors = validateUpdate(payload);
      const mapped = schemaErrors ? mapEditorErrors(schemaErrors, draft.epicKeys) : NO_EDITOR_ERRORS;
      const local: EditorErrors = { ...mapped, byField: { ...mapped.byField, ...draft.localErrors } };
      if (hasEditorErrors(local)) return local;
      if (nothingChanged(payload)) return { byField: {}, other: ['Nothing to save: no field changed.'] };
      return null;
    },
    mapErrors: (fields) => mapEditorErrors(fields, draft.epicKeys),
    clearOtherOnChange: true,
    onDone: onSaved,
    onCancel,
    escapeWhileSubmitting: false,
    merge,
    onErrors: (found) => focusFirstError(found.byField),
  });
  const { errors, setErrors, submitting } = form;

  const set =
    <F extends EditorField>(field: F) =>
    (value: EditorValues[F]) => {
      merge.set(field)(value);
      form.clearFieldError(field);
    };
  const setRice = (field: 'riceReach' | 'riceImpact' | 'riceConfidence' | 'riceEffort') => (value: string) => {
    merge.set(field)(value);
    if (['riceReach', 'riceImpact', 'riceConfidence', 'riceEffort'].some((f) => errors.byField[f as EditorField])) {
      setErrors((e) => ({ other: [], byField: { ...e.byField, riceReach: undefined, riceImpact: undefined, riceConfidence: undefined, riceEffort: undefined } }));
    }
  };

  const moving = isMoving(values, stored);
  const score = liveRiceScore(values);
  const phases = phasesInOrder(view.phases);
  const quarters = useMemo(() => {
    const list = upcomingQuarters();
    return list.some((q) => q.value === stored.targetQuarter) ? list : [{ value: stored.targetQuarter, label: quarterLabel(stored.targetQuarter) }, ...list];
  }, [stored.targetQuarter]);
  const others = useMemo(
    () =>
      view.initiatives
        .filter((i) => i.id !== initiative.id)
        .sort((a, b) => a.title.localeCompare(b.title))
        .map((i) => ({ value: i.id, label: i.title, detail: `${phaseName(view.phases, i.phaseId)} · ${quarterLabel(i.targetQuarter)} · ${HORIZON_LABEL[i.horizon]}` })),
    [view.initiatives, view.phases, initiative.id],
  );
  const filter = depFilter.trim().toLowerCase();
  const shownOthers = filter ? others.filter((o) => values.dependsOn.includes(o.value) || o.label.toLowerCase().includes(filter)) : others;
  const unit = CAPACITY_UNIT_LABEL[view.capacity.unit].many;

  const e = errors.byField;
  const describe = (field: EditorField, help?: string) => (e[field] ? `${fid(field)}-error` : help ? `${fid(field)}-help` : undefined);
  const numberInput = (field: EditorField, label: string, opts: { help?: string; after?: string; onChange?: (v: string) => void } = {}) => (
    <Field id={fid(field)} label={label} error={e[field]} help={opts.help}>
      <TextInput
        id={fid(field)}
        value={values[field] as string}
        onChange={opts.onChange ?? (set(field) as (v: string) => void)}
        error={e[field]}
        numeric="decimal"
        after={opts.after}
        describedBy={describe(field, opts.help)}
      />
    </Field>
  );
  const select = (field: EditorField, label: string, options: ReadonlyArray<{ value: string; label: string }>, onChange?: (v: string) => void) => (
    <Field id={fid(field)} label={label} error={e[field]}>
      <NativeSelect id={fid(field)} value={values[field] as string} onChange={onChange ?? (set(field) as (v: string) => void)} error={e[field]} options={options} />
    </Field>
  );

  return (
    <div
      data-testid="initiative-editor"
      data-initiative-id={initiative.id}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.200'),
        borderBlockStart: `${token('border.width', '1px')} solid ${token('color.border')}`,
        paddingBlockStart: token('space.150'),
        minWidth: 0,
      }}
    >
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.handleSubmit(() => draft.payload)}
      onKeyDown={form.onKeyDown}
      aria-label={`Edit “${initiative.title}”`}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.200'), minWidth: 0 }}
    >
      {errors.other.length > 0 ? <ErrorLine testId="initiative-editor-error">{errors.other.join(' ')}</ErrorLine> : null}
      <WriteStatus form={form} merge={merge} onReload={onReload} retryHint="Reload the roadmap, then save again — your edits are kept." idPrefix={id} />

      <EditorGroup title="Basics">
        <Field id={fid('title')} label="Title" error={e.title}>
          <TextInput id={fid('title')} value={values.title} onChange={set('title')} error={e.title} maxLength={200} />
        </Field>
        <Field id={fid('goal')} label="Goal" error={e.goal} help="What it achieves for the business">
          <TextArea id={fid('goal')} value={values.goal} onChange={set('goal')} error={e.goal} help="What it achieves for the business" maxLength={1000} rows={2} />
        </Field>
        <FieldRow>
          {select('status', 'Status', STATUS_OPTIONS, (v) => set('status')(v as InitiativeStatus))}
          {select('track', 'Track', TRACK_OPTIONS, (v) => set('track')(v as Track))}
        </FieldRow>
        <FieldRow>
          <Field id={fid('ownerAccountId')} label="Owner account id" error={e.ownerAccountId} help="Blank for no owner">
            <TextInput
              id={fid('ownerAccountId')}
              value={values.ownerAccountId}
              onChange={set('ownerAccountId')}
              error={e.ownerAccountId}
              help="Blank for no owner"
              maxLength={128}
              placeholder="557058:…"
            />
          </Field>
          {numberInput('effort', 'Effort', { help: `In ${unit}; blank if not estimated` })}
        </FieldRow>
      </EditorGroup>

      <EditorGroup title="Outcome">
        <Field id={fid('metricDescription')} label="Success metric" error={e.metricDescription} help="How you will know it worked">
          <TextInput
            id={fid('metricDescription')}
            value={values.metricDescription}
            onChange={set('metricDescription')}
            error={e.metricDescription}
            help="How you will know it worked"
            maxLength={500}
          />
        </Field>
        <FieldRow min={96}>
          {numberInput('metricTarget', 'Target', { help: 'Optional' })}
          {numberInput('metricCurrent', 'Current', { help: 'Optional' })}
          <Field id={fid('metricUnit')} label="Unit" error={e.metricUnit} help="e.g. ms, %">
            <TextInput id={fid('metricUnit')} value={values.metricUnit} onChange={set('metricUnit')} error={e.metricUnit} help="e.g. ms, %" maxLength={30} />
          </Field>
        </FieldRow>
      </EditorGroup>

      <EditorGroup title="Placement" testId={`${id}-placement`}>
        <FieldRow>
          {select('phaseId', 'Phase', phases.map((p) => ({ value: p.id, label: p.name })))}
          <Field id={fid('targetQuarter')} label="Target quarter" error={e.targetQuarter} help="e.g. 2027-Q2">
            <TextInput
              id={fid('targetQuarter')}
              value={values.targetQuarter}
              onChange={set('targetQuarter')}
              error={e.targetQuarter}
              help="e.g. 2027-Q2"
              placeholder="2027-Q2"
              list={`${id}-quarters`}
            />
            <datalist id={`${id}-quarters`}>
              {quarters.map((q) => (
                <option key={q.value} value={q.value}>
                  {q.label}
                </option>
              ))}
            </datalist>
          </Field>
        </FieldRow>
        {select('horizonPin', 'Horizon', HORIZON_PIN_OPTIONS, (v) => set('horizonPin')(v as '' | Horizon))}
        {moving ? (
          <Field id={fid('reason')} label="Why is it moving?" error={e.reason} help="Required for a move; recorded in the changelog">
            <TextInput
              id={fid('reason')}
              value={values.reason}
              onChange={set('reason')}
              error={e.reason}
              help="Required for a move; recorded in the changelog"
              maxLength={500}
            />
          </Field>
        ) : null}
      </EditorGroup>

      <EditorGroup title="Prioritisation" testId={`${id}-rice`}>
        <div style={muted}>RICE: reach × impact × confidence ÷ effort. Leave all four blank for no score.</div>
        <FieldRow min={120}>
          {numberInput('riceReach', 'Reach', { help: 'Per quarter', onChange: setRice('riceReach') })}
          {select('riceImpact', 'Impact', IMPACT_OPTIONS, setRice('riceImpact'))}
          {numberInput('riceConfidence', 'Confidence', { after: '%', help: '0–100', onChange: setRice('riceConfidence') })}
          {numberInput('riceEffort', 'RICE effort', { help: `More than 0, in ${unit}`, onChange: setRice('riceEffort') })}
        </FieldRow>
        <div
          data-testid="rice-score"
          role="status"
          style={{
            display: 'flex',
            alignItems: 'baseline',
            gap: token('space.100'),
            padding: `${token('space.075')} ${token('space.100')}`,
            borderRadius: token('radius.small', '3px'),
            backgroundColor: token('color.background.neutral'),
          }}
        >
          <span style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>RICE score</span>
          <span data-testid="rice-score-value" style={{ font: token('font.heading.small'), color: token('color.text'), fontVariantNumeric: 'tabular-nums' }}>
            {score !== null ? score.toLocaleString('en') : '—'}
          </span>
          {score === null ? <span style={muted}>{riceIsBlank(values) ? 'Not scored' : 'Fill in all four to see it'}</span> : null}
        </div>
        <FieldRow>
          {select('riskReduction', 'Risk reduction', RISK_OPTIONS)}
          {select('reversibility', 'Reversibility', REVERSIBILITY_OPTIONS, (v) => set('reversibility')(v as EditorValues['reversibility']))}
        </FieldRow>
      </EditorGroup>

      <EditorGroup title="Traceability">
        {view.businessGoals.length === 0 ? (
          <div data-testid={`${fid('businessGoalIds')}-none`} style={muted}>
            No business goals yet. {view.permissions.canAdminister ? 'Add 3–5 in the roadmap settings below' : 'A project admin adds them in the roadmap settings'}, then
            trace initiatives to them here.
          </div>
        ) : (
          <CheckboxList
            id={fid('businessGoalIds')}
            label="Business goals"
            options={view.businessGoals.map((g) => ({ value: g.id, label: g.title, detail: g.metric || undefined }))}
            selected={values.businessGoalIds}
            onChange={set('businessGoalIds')}
            error={e.businessGoalIds}
          />
        )}
        {others.length === 0 ? (
          <div style={muted}>No other initiatives to depend on.</div>
        ) : (
          <>
            {others.length >= FILTER_FROM ? (
              <Field id={`${id}-dep-filter`} label="Filter dependencies">
                <TextInput id={`${id}-dep-filter`} value={depFilter} onChange={setDepFilter} placeholder="Type part of a title" />
              </Field>
            ) : null}
            <CheckboxList
              id={fid('dependsOn')}
              label="Depends on"
              options={shownOthers}
              selected={values.dependsOn}
              onChange={set('dependsOn')}
              error={e.dependsOn}
              help="Initiatives that must land first"
            />
          </>
        )}
      </EditorGroup>

      <EditorGroup title="Linked epics">
        <LinkedEpics
          id={id}
          stored={stored.epicIds}
          kept={values.epicIds}
          onChange={set('epicIds')}
          error={e.epicIds}
          newKeys={values.newEpicKeys}
          onNewKeys={set('newEpicKeys')}
          newKeysError={e.newEpicKeys}
          projectKey={view.project.key}
        />
      </EditorGroup>

      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
        <Button type="submit" appearance="primary" isLoading={submitting}>
          Save changes
        </Button>
        <Button appearance="subtle" onClick={onCancel} isDisabled={submitting}>
          Cancel
        </Button>
      </div>
    </form>
    <DeleteInitiative initiative={initiative} view={view} onDeleted={onSaved} onReload={onReload} disabled={submitting} />
    </div>
  );
}
