import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { type ReactNode, useState } from 'react';
import { get, useController, useFormState } from 'react-hook-form';
import { type RoadmapView, saveSettingsPayload } from '../../../../src/domain/api';
import { bufferSettingWarning } from '../../../../src/domain/rules/capacity';
import { goalCountWarning, MAX_BUSINESS_GOALS } from '../../../../src/domain/rules/traceability';
import { muted } from '../../shared/components';
import { Field, TextInput } from '../../shared/fields';
import { DomainFormFrame } from '../../shared/form/DomainFormFrame';
import { FormButtons } from '../../shared/form/FormButtons';
import { FormErrorLine } from '../../shared/form/FormErrorLine';
import { ErrorText } from '../../shared/form/FormErrorLine';
import { SelectField, TextField, useLayerField } from '../../shared/form/inputs';
import { useFormLayer } from '../../shared/form/layer-context';
import { OwnerPicker } from '../../shared/form/OwnerPicker';
import { useDomainForm } from '../../shared/form/use-domain-form';
import { WriteStatus } from '../../shared/merge-notice';
import { WarningLine } from './inputs';
import {
  canAddGoal,
  describeSetting,
  goalFieldNames,
  type GoalRow,
  GOALS,
  goalsRefusalDetail,
  newGoalRow,
  SETTINGS_EQUALS,
  SETTINGS_LABELS,
  type SettingsValues,
  settingsValues,
  toSettingsDraft,
  typedBuffer,
  UNIT_OPTIONS,
} from './settings-model';

/** Prefixes the form's ids (`roadmap-settings-capacity-bufferPercent`) and its conflict choices. */
const ID = 'roadmap';

/**
 * The roadmap settings form, for project admins: title, review cadence, capacity (per quarter, unit, buffer %),
 * horizon rules and the 3–5 business goals. Field names are the saveSettings payload's paths; the resolver's own
 * schema checks the draft in the browser. Sends only what changed since the version it is based on; after a
 * CONFLICT it rebases three-way onto the newest settings. The data layer shows the saved settings; `onSaved` only
 * closes the form.
 */
export function SettingsForm({ view, onSaved, onCancel }: { view: RoadmapView; onSaved: () => void; onCancel: () => void }) {
  /** Server detail that explains a goal-list error (e.g. which initiative still traces a removed goal). */
  const [detail, setDetail] = useState<string | null>(null);
  const form = useDomainForm({
    resolver: 'saveSettings',
    schema: saveSettingsPayload,
    source: view,
    revision: view.revision,
    toValues: settingsValues,
    toDraft: (values: SettingsValues, base) => toSettingsDraft(values, base.source),
    select: (fresh) => fresh,
    labels: SETTINGS_LABELS,
    describe: describeSetting,
    equals: SETTINGS_EQUALS,
    fieldNames: goalFieldNames,
    onRefused: (error) => setDetail(goalsRefusalDetail(error)),
    onDone: () => onSaved(),
    onCancel,
  });
  const values = form.form.watch();
  const buffer = typedBuffer(values);
  const bufferWarning = buffer === null ? null : bufferSettingWarning(buffer);

  return (
    <DomainFormFrame
      form={form}
      idPrefix={ID}
      testId="settings-form"
      label="Roadmap settings"
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}
    >
      <FormErrorLine testId="settings-error" />
      <WriteStatus form={form} merge={form.merge} retryHint="Reload the roadmap, then save the settings again." idPrefix={ID} />

      <FormGroup title="Roadmap">
        <div style={grid}>
          <TextField name="settings.title" label="Roadmap title" maxLength={200} />
          <OwnerPicker name="settings.ownerAccountId" label="Roadmap owner" />
          <TextField
            name="settings.reviewCadenceDays"
            label="Review cadence (days)"
            numeric="numeric"
            help="1–365; the health panel flags a review after this many days"
          />
        </div>
      </FormGroup>

      <FormGroup title="Capacity">
        <div style={grid}>
          <TextField name="settings.capacity.perQuarter" label="Capacity per quarter" numeric="decimal" help="0 leaves capacity not set" />
          <SelectField name="settings.capacity.unit" label="Unit" options={UNIT_OPTIONS} />
          <BufferField warning={bufferWarning?.message ?? null} />
        </div>
      </FormGroup>

      <FormGroup title="Horizons">
        <div style={grid}>
          <TextField name="settings.horizonRules.nowQuarters" label="Quarters in Now" numeric="numeric" help="1–4, counting this quarter" />
          <TextField name="settings.horizonRules.nextQuarters" label="Quarters in Next" numeric="numeric" help="1–8, after Now" />
        </div>
      </FormGroup>

      <FormGroup title="Business goals">
        <div style={muted}>Name 3–5, each with the metric that shows progress; initiatives trace to them.</div>
        <GoalsField detail={detail} />
      </FormGroup>

      <FormButtons label="Save settings" />
    </DomainFormFrame>
  );
}

/** The buffer %, with the live 20–30 % guidance under it (a warning, not an error: the save still goes through). */
function BufferField({ warning }: { warning: string | null }) {
  const f = useLayerField('settings.capacity.bufferPercent');
  const help = warning ? undefined : 'Kept for bugs, incidents and debt; 20–30 % is recommended';
  const warningId = `${f.id}-warning`;
  const shown = warning && !f.error ? warning : null;
  const describedBy = [f.error ? `${f.id}-error` : help ? `${f.id}-help` : null, shown ? warningId : null].filter(Boolean).join(' ') || undefined;
  return (
    <Field id={f.id} label="Buffer %" error={f.error} help={help}>
      <TextInput id={f.id} value={f.value} onChange={f.onChange} error={f.error} numeric="decimal" after="%" describedBy={describedBy} />
      {shown ? (
        <WarningLine id={warningId} testId="buffer-setting-warning">
          {shown}
        </WarningLine>
      ) : null}
    </Field>
  );
}

/**
 * The business goals: one field (`settings.businessGoals`) whose rows are a goal and its metric. A row's error
 * comes by its own path (`settings.businessGoals.2.title`); one about the list as a whole goes under the rows,
 * with the server's explanation (`detail`).
 */
function GoalsField({ detail }: { detail: string | null }) {
  const { idPrefix, form } = useFormLayer();
  const { field } = useController({ name: GOALS, control: form.methods.control });
  const { errors } = useFormState({ control: form.methods.control, name: GOALS });
  const rows = field.value as GoalRow[];
  const message = (path: string): unknown => {
    const error: { message?: unknown } | undefined = get(errors, path);
    return error?.message;
  };
  const listMessage = message(GOALS);
  const listError = typeof listMessage === 'string' ? listMessage : undefined;
  const rowError = (index: number, part: 'title' | 'metric') => message(`${GOALS}.${index}.${part}`) as string | undefined;
  const countWarning = goalCountWarning(rows.length);
  const change = (next: GoalRow[]) => field.onChange(next);
  const addGoal = () => {
    if (!canAddGoal(rows)) return;
    const row = newGoalRow();
    change([...rows, row]);
    // Focus the new row's goal input once it renders.
    requestAnimationFrame(() => document.getElementById(`${idPrefix}-goal-${row.key}-title`)?.focus());
  };
  const setGoal = (key: string, part: 'title' | 'metric') => (value: string) => change(rows.map((g) => (g.key === key ? { ...g, [part]: value } : g)));
  const removeGoal = (key: string) => change(rows.filter((g) => g.key !== key));

  return (
    <>
      {rows.length === 0 ? (
        <div style={muted}>No business goals yet: add 3–5, each with a metric.</div>
      ) : (
        <ol
          data-testid="settings-goals"
          style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: token('space.100') }}
        >
          {rows.map((row, index) => {
            const n = index + 1;
            const base = `${idPrefix}-goal-${row.key}`;
            const titleError = rowError(index, 'title');
            const metricError = rowError(index, 'metric');
            return (
              <li key={row.key} data-testid="settings-goal-row" style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
                <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'flex-start' }}>
                  <span style={{ ...muted, fontVariantNumeric: 'tabular-nums', minWidth: '1.25rem', paddingBlockStart: token('space.150') }}>{n}.</span>
                  {/* The goal and its metric side by side, stacking when the panel is narrow. */}
                  <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100'), flex: '1 1 0', minWidth: 0 }}>
                    <div style={goalInput}>
                      <TextInput
                        id={`${base}-title`}
                        ariaLabel={`Goal ${n}`}
                        placeholder="Goal"
                        value={row.title}
                        onChange={setGoal(row.key, 'title')}
                        error={titleError}
                        maxLength={200}
                        describedBy={titleError ? `${base}-title-error` : undefined}
                      />
                    </div>
                    <div style={goalInput}>
                      <TextInput
                        id={`${base}-metric`}
                        ariaLabel={`Metric ${n}`}
                        placeholder="Metric that shows it"
                        value={row.metric}
                        onChange={setGoal(row.key, 'metric')}
                        error={metricError}
                        maxLength={300}
                        describedBy={metricError ? `${base}-metric-error` : undefined}
                      />
                    </div>
                  </div>
                  <div style={{ paddingBlockStart: token('space.100') }}>
                    <Button appearance="subtle" spacing="compact" aria-label={`Remove goal ${n}`} onClick={() => removeGoal(row.key)}>
                      Remove
                    </Button>
                  </div>
                </div>
                {titleError ? (
                  <ErrorText id={`${base}-title-error`} testId={`settings-goal-${n}-error`}>
                    Goal {n}: {titleError}
                  </ErrorText>
                ) : null}
                {metricError ? (
                  <ErrorText id={`${base}-metric-error`} testId={`settings-metric-${n}-error`}>
                    Metric {n}: {metricError}
                  </ErrorText>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {listError ? (
        <ErrorText testId="settings-goals-error">
          {/* The detail is the last refusal's: shown only while its list error stands. */}
          {[listError, detail].filter(Boolean).join(': ')}
        </ErrorText>
      ) : null}
      {countWarning ? <WarningLine testId="settings-goal-count-warning">{countWarning.message}</WarningLine> : null}
      <div>
        <Button spacing="compact" onClick={addGoal} isDisabled={!canAddGoal(rows) || form.submitting}>
          Add goal
        </Button>
        {!canAddGoal(rows) ? <span style={{ ...muted, marginInlineStart: token('space.100') }}>At most {MAX_BUSINESS_GOALS} goals</span> : null}
      </div>
    </>
  );
}

const grid = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))',
  gap: token('space.150'),
  alignItems: 'start',
} as const;

function FormGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <legend style={{ padding: 0, marginBlockEnd: token('space.100') }}>
        <Heading size="xsmall" as="h3">
          {title}
        </Heading>
      </legend>
      {children}
    </fieldset>
  );
}

const goalInput = { flex: '1 1 12rem', minWidth: 0 } as const;
