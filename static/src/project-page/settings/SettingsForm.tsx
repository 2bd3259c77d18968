import { type ReactNode, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { MutationResult, RoadmapView } from '../../../../src/domain/api';
import { bufferSettingWarning } from '../../../../src/domain/rules/capacity';
import { goalCountWarning, MAX_BUSINESS_GOALS } from '../../../../src/domain/rules/traceability';
import { muted } from '../../shared/components';
import { Field, FormActions, NativeSelect, TextInput } from '../../shared/fields';
import { WriteStatus } from '../../shared/merge-notice';
import { useMergeForm } from '../../shared/use-merge-form';
import { useWriteForm } from '../../shared/use-write-form';
import { ErrorLine, WarningLine } from './inputs';
import {
  type GoalRow,
  NO_SETTINGS_ERRORS,
  SETTINGS_EQUALS,
  SETTINGS_LABELS,
  describeSetting,
  type SettingsErrors,
  type SettingsField,
  type SettingsValues,
  UNIT_OPTIONS,
  canAddGoal,
  hasErrors,
  mapSettingsErrors,
  newGoalRow,
  nothingChanged,
  settingsValues,
  toSettingsDraft,
  typedBuffer,
  validateSettings,
} from './settings-model';

const ID = 'settings';
const fieldId = (field: SettingsField) => `${ID}-${field}`;

/**
 * The roadmap settings form, for project admins: title, review cadence, capacity (per quarter, unit, buffer %),
 * horizon rules and the 3–5 business goals. Sends only what changed since the version it is based on; after a
 * CONFLICT it rebases onto the newest settings (three-way, see useMergeForm). `onSaved` gets the write's result.
 */
export function SettingsForm({
  view,
  onSaved,
  onCancel,
  onReload,
}: {
  view: RoadmapView;
  onSaved: (result: MutationResult) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const merge = useMergeForm<SettingsValues, RoadmapView>({
    source: view,
    revision: view.revision,
    toValues: settingsValues,
    select: (fresh) => fresh,
    labels: SETTINGS_LABELS,
    describe: describeSetting,
    equals: SETTINGS_EQUALS,
  });
  const { values, update: setValues } = merge;
  /** Server detail that explains a goal-list error (e.g. which initiative still traces a removed goal). */
  const [detail, setDetail] = useState<string | null>(null);
  // What the form would send, and the numbers that could not be read.
  const draft = toSettingsDraft(values, merge.base.source);
  const form = useWriteForm({
    resolver: 'saveSettings',
    revision: merge.base.revision,
    merge,
    noErrors: NO_SETTINGS_ERRORS,
    validate: (payload): SettingsErrors | null => {
      const schemaErrors = validateSettings(payload);
      const local = schemaErrors ? mapSettingsErrors(schemaErrors, values.goals) : NO_SETTINGS_ERRORS;
      const merged: SettingsErrors = { ...local, byField: { ...local.byField, ...draft.numberErrors } };
      if (hasErrors(merged)) return merged;
      if (nothingChanged(payload)) return { ...NO_SETTINGS_ERRORS, other: ['Nothing to save: no setting changed.'] };
      return null;
    },
    mapErrors: (fields, error) => {
      const mapped = mapSettingsErrors(fields, values.goals);
      // The settings edit's own refusals carry a sentence worth showing (the schema's just repeat the first field):
      // beside the goals when it is about them, otherwise at the top of the form.
      const sentence = error.message.startsWith('Invalid input') ? null : error.message;
      const aboutGoals = Boolean(mapped.goalList) || Object.keys(mapped.goals).length > 0;
      if (sentence && aboutGoals) setDetail(sentence);
      return sentence && !aboutGoals && !mapped.other.includes(sentence) ? { ...mapped, other: [...mapped.other, sentence] } : mapped;
    },
    clearOtherOnChange: true,
    onDone: onSaved,
    onCancel,
    escapeWhileSubmitting: false,
  });
  const { errors, setErrors, submitting } = form;

  const clearOther = () => {
    if (errors.other.length > 0) setErrors((e) => ({ ...e, other: [] }));
  };
  const set = (field: SettingsField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.clearFieldError(field);
  };
  const setGoal = (key: string, part: 'title' | 'metric') => (value: string) => {
    setValues((v) => ({ ...v, goals: v.goals.map((g) => (g.key === key ? { ...g, [part]: value } : g)) }));
    if (errors.goals[key]?.[part]) setErrors((e) => ({ ...e, goals: { ...e.goals, [key]: { ...e.goals[key], [part]: undefined } } }));
    clearOther();
  };
  const clearGoalList = () => {
    setErrors((e) => ({ ...e, goalList: undefined, other: [] }));
    setDetail(null);
  };
  const addGoal = () => {
    const row = newGoalRow();
    setValues((v) => (canAddGoal(v) ? { ...v, goals: [...v.goals, row] } : v));
    clearGoalList();
    // Focus the new row's goal input once it renders.
    requestAnimationFrame(() => document.getElementById(`${ID}-goal-${row.key}-title`)?.focus());
  };
  const removeGoal = (key: string) => {
    setValues((v) => ({ ...v, goals: v.goals.filter((g) => g.key !== key) }));
    setErrors((e) => {
      const { [key]: _removed, ...goals } = e.goals;
      return { ...e, goals };
    });
    clearGoalList();
  };

  const e = errors.byField;
  const buffer = typedBuffer(values);
  const bufferWarning = buffer === null ? null : bufferSettingWarning(buffer);
  const countWarning = goalCountWarning(values.goals.length);
  const describe = (field: SettingsField, help?: boolean, extra?: string) =>
    [e[field] ? `${fieldId(field)}-error` : help ? `${fieldId(field)}-help` : null, extra ?? null].filter(Boolean).join(' ') || undefined;
  const numberField = (field: SettingsField, label: string, opts: { help?: string; after?: string; numeric?: 'numeric' | 'decimal'; below?: ReactNode; belowId?: string } = {}) => (
    <Field id={fieldId(field)} label={label} error={e[field]} help={opts.help}>
      <TextInput
        id={fieldId(field)}
        value={values[field]}
        onChange={set(field)}
        error={e[field]}
        numeric={opts.numeric ?? 'numeric'}
        after={opts.after}
        describedBy={describe(field, Boolean(opts.help), opts.below ? opts.belowId : undefined)}
      />
      {opts.below}
    </Field>
  );

  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.handleSubmit(() => {
        setDetail(null);
        return draft.payload;
      })}
      onKeyDown={form.onKeyDown}
      data-testid="settings-form"
      aria-label="Roadmap settings"
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}
    >
      {errors.other.length > 0 ? <ErrorLine testId="settings-error">{errors.other.join(' ')}</ErrorLine> : null}
      <WriteStatus form={form} merge={merge} retryHint="Reload the roadmap, then save the settings again." idPrefix={ID} />

      <FormGroup title="Roadmap">
        <div style={grid}>
          <Field id={fieldId('title')} label="Roadmap title" error={e.title}>
            <TextInput id={fieldId('title')} value={values.title} onChange={set('title')} error={e.title} maxLength={200} describedBy={describe('title')} />
          </Field>
          {numberField('reviewCadenceDays', 'Review cadence (days)', { help: '1–365; the health panel flags a review after this many days' })}
        </div>
      </FormGroup>

      <FormGroup title="Capacity">
        <div style={grid}>
          {numberField('perQuarter', 'Capacity per quarter', { numeric: 'decimal', help: '0 leaves capacity not set' })}
          <Field id={fieldId('unit')} label="Unit" error={e.unit}>
            <NativeSelect id={fieldId('unit')} value={values.unit} onChange={(v) => set('unit')(v)} error={e.unit} options={UNIT_OPTIONS} />
          </Field>
          {numberField('bufferPercent', 'Buffer %', {
            numeric: 'decimal',
            after: '%',
            help: bufferWarning ? undefined : 'Kept for bugs, incidents and debt; 20–30 % is recommended',
            belowId: `${fieldId('bufferPercent')}-warning`,
            below:
              bufferWarning && !e.bufferPercent ? (
                <WarningLine id={`${fieldId('bufferPercent')}-warning`} testId="buffer-setting-warning">
                  {bufferWarning.message}
                </WarningLine>
              ) : undefined,
          })}
        </div>
      </FormGroup>

      <FormGroup title="Horizons">
        <div style={grid}>
          {numberField('nowQuarters', 'Quarters in Now', { help: '1–4, counting this quarter' })}
          {numberField('nextQuarters', 'Quarters in Next', { help: '1–8, after Now' })}
        </div>
      </FormGroup>

      <FormGroup title="Business goals">
        <div style={muted}>Name 3–5, each with the metric that shows progress; initiatives trace to them.</div>
        <GoalRows rows={values.goals} errors={errors.goals} setGoal={setGoal} removeGoal={removeGoal} />
        {errors.goalList || detail ? (
          <ErrorLine testId="settings-goals-error">{[errors.goalList, detail].filter(Boolean).join(': ')}</ErrorLine>
        ) : null}
        {countWarning ? <WarningLine testId="settings-goal-count-warning">{countWarning.message}</WarningLine> : null}
        <div>
          <Button spacing="compact" onClick={addGoal} isDisabled={!canAddGoal(values) || submitting}>
            Add goal
          </Button>
          {!canAddGoal(values) ? <span style={{ ...muted, marginInlineStart: token('space.100') }}>At most {MAX_BUSINESS_GOALS} goals</span> : null}
        </div>
      </FormGroup>

      <FormActions label="Save settings" submitting={submitting} onCancel={onCancel} />
    </form>
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

function GoalRows({
  rows,
  errors,
  setGoal,
  removeGoal,
}: {
  rows: GoalRow[];
  errors: SettingsErrors['goals'];
  setGoal: (key: string, part: 'title' | 'metric') => (value: string) => void;
  removeGoal: (key: string) => void;
}) {
  if (rows.length === 0) return <div style={muted}>No business goals yet: add 3–5, each with a metric.</div>;
  return (
    <ol data-testid="settings-goals" style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      {rows.map((row, index) => {
        const n = index + 1;
        const base = `${ID}-goal-${row.key}`;
        const err = errors[row.key] ?? {};
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
                    error={err.title}
                    maxLength={200}
                    describedBy={err.title ? `${base}-title-error` : undefined}
                  />
                </div>
                <div style={goalInput}>
                  <TextInput
                    id={`${base}-metric`}
                    ariaLabel={`Metric ${n}`}
                    placeholder="Metric that shows it"
                    value={row.metric}
                    onChange={setGoal(row.key, 'metric')}
                    error={err.metric}
                    maxLength={300}
                    describedBy={err.metric ? `${base}-metric-error` : undefined}
                  />
                </div>
              </div>
              <div style={{ paddingBlockStart: token('space.100') }}>
                <Button appearance="subtle" spacing="compact" aria-label={`Remove goal ${n}`} onClick={() => removeGoal(row.key)}>
                  Remove
                </Button>
              </div>
            </div>
            {err.title ? (
              <ErrorLine id={`${base}-title-error`} testId={`settings-goal-${n}-error`}>
                Goal {n}: {err.title}
              </ErrorLine>
            ) : null}
            {err.metric ? (
              <ErrorLine id={`${base}-metric-error`} testId={`settings-metric-${n}-error`}>
                Metric {n}: {err.metric}
              </ErrorLine>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

const goalInput = { flex: '1 1 12rem', minWidth: 0 } as const;
