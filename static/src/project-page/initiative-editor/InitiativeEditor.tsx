import { token } from '@atlaskit/tokens';
import { useMemo, useState } from 'react';
import { type InitiativeView, type RoadmapView, updateInitiativePayload } from '../../../../src/domain/api';
import { CAPACITY_UNIT_LABEL, HORIZON_LABEL } from '../../../../src/domain/labels';
import { quarterLabel } from '../../../../src/domain/quarter';
import { phaseName } from '../../shared/board';
import { muted } from '../../shared/components';
import { Field, TextInput } from '../../shared/fields';
import { DomainFormFrame } from '../../shared/form/DomainFormFrame';
import { FormButtons } from '../../shared/form/FormButtons';
import { FormErrorLine } from '../../shared/form/FormErrorLine';
import { SelectField, TextAreaField, TextField, useLayerField } from '../../shared/form/inputs';
import { OwnerPicker } from '../../shared/form/OwnerPicker';
import { PhaseSelect } from '../../shared/form/PhaseSelect';
import { QuarterPicker } from '../../shared/form/QuarterPicker';
import { useDomainForm } from '../../shared/form/use-domain-form';
import { WriteStatus } from '../../shared/merge-notice';
import { upcomingQuarters } from '../form-model';
import { DeleteInitiative } from './DeleteInitiative';
import {
  describeEditorValue,
  EDITOR_EQUALS,
  EDITOR_LABELS,
  type EditorValues,
  editorValues,
  HORIZON_PIN_OPTIONS,
  IMPACT_OPTIONS,
  isMoving,
  liveRiceScore,
  REVERSIBILITY_OPTIONS,
  riceIsBlank,
  RISK_OPTIONS,
  STATUS_OPTIONS,
  toUpdateDraft,
  TRACK_OPTIONS,
} from './editor-model';
import { CheckboxList, type CheckOption, EditorGroup, FieldRow } from './inputs';
import { LinkedEpics } from './LinkedEpics';

/** How many other initiatives "Depends on" lists before it offers a filter. */
const FILTER_FROM = 12;

/**
 * Edits every field of one initiative, inline in its card (updateInitiative). Sends only what this user changed
 * relative to the stored version the edit is based on; when someone else saved first (CONFLICT) it rebases three-way
 * onto the newest version and asks "keep mine / take theirs" for each field both changed. Asks why it moves exactly
 * when the domain's rule says the edit is a move (the server requires it then). Validated in the browser with the
 * resolver's own schema; every error lands beside the input of its payload path. Also deletes the initiative.
 */
export function InitiativeEditor({
  initiative,
  view,
  onSaved,
  onCancel,
}: {
  initiative: InitiativeView;
  view: RoadmapView;
  /** Called once the save landed (the page already shows it): close the editor. */
  onSaved: () => void;
  onCancel: () => void;
}) {
  const moveContext = { horizonRules: view.horizonRules, today: new Date() };
  const goalOrder = view.businessGoals.map((g) => g.id);
  const form = useDomainForm({
    resolver: 'updateInitiative',
    schema: updateInitiativePayload,
    source: initiative,
    revision: view.revision,
    toValues: editorValues,
    toDraft: (values: EditorValues, base) => toUpdateDraft(values, base.source, base.revision, goalOrder, moveContext),
    select: (fresh) => fresh.initiatives.find((i) => i.id === initiative.id),
    labels: EDITOR_LABELS,
    describe: (path, value) => describeEditorValue(path, value, view),
    equals: EDITOR_EQUALS,
    onDone: () => onSaved(),
    onCancel,
  });
  /** The stored version the edit is based on: what it opened with, or the newest after a rebase. */
  const stored = form.merge.base.source;
  const values = form.form.watch();
  const [depFilter, setDepFilter] = useState('');
  const id = `edit-${initiative.id}`;

  const moving = isMoving(values, stored, moveContext);
  const score = liveRiceScore(values.patch.rice);
  const quarters = useMemo(() => {
    const list = upcomingQuarters().map((q) => q.value);
    return list.includes(stored.targetQuarter) ? list : [stored.targetQuarter, ...list];
  }, [stored.targetQuarter]);
  const others = useMemo(
    () =>
      view.initiatives
        .filter((i) => i.id !== initiative.id)
        .sort((a, b) => a.title.localeCompare(b.title))
        .map((i) => ({
          value: i.id,
          label: i.title,
          detail: `${phaseName(view.phases, i.phaseId)} · ${quarterLabel(i.targetQuarter)} · ${HORIZON_LABEL[i.horizon]}`,
        })),
    [view.initiatives, view.phases, initiative.id],
  );
  const filter = depFilter.trim().toLowerCase();
  const shownOthers = filter ? others.filter((o) => values.patch.dependsOn.includes(o.value) || o.label.toLowerCase().includes(filter)) : others;
  const unit = CAPACITY_UNIT_LABEL[view.capacity.unit].many;

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
      <DomainFormFrame
        form={form}
        idPrefix={id}
        label={`Edit “${initiative.title}”`}
        style={{ display: 'flex', flexDirection: 'column', gap: token('space.200'), minWidth: 0 }}
      >
        <FormErrorLine testId="initiative-editor-error" />
        <WriteStatus form={form} merge={form.merge} retryHint="Reload the roadmap, then save again — your edits are kept." idPrefix={id} />

        <EditorGroup title="Basics">
          <TextField name="patch.title" label="Title" maxLength={200} />
          <TextAreaField name="patch.goal" label="Goal" help="What it achieves for the business" maxLength={1000} rows={2} />
          <FieldRow>
            <SelectField name="patch.status" label="Status" options={STATUS_OPTIONS} />
            <SelectField name="patch.track" label="Track" options={TRACK_OPTIONS} />
          </FieldRow>
          <FieldRow>
            <OwnerPicker name="patch.ownerAccountId" label="Owner" />
            <TextField name="patch.effort" label="Effort" help={`In ${unit}; blank if not estimated`} numeric="decimal" />
          </FieldRow>
        </EditorGroup>

        <EditorGroup title="Outcome">
          <TextField name="patch.successMetric.description" label="Success metric" help="How you will know it worked" maxLength={500} />
          <FieldRow min={96}>
            <TextField name="patch.successMetric.target" label="Target" help="Optional" numeric="decimal" />
            <TextField name="patch.successMetric.current" label="Current" help="Optional" numeric="decimal" />
            <TextField name="patch.successMetric.unit" label="Unit" help="e.g. ms, %" maxLength={30} />
          </FieldRow>
        </EditorGroup>

        <EditorGroup title="Placement" testId={`${id}-placement`}>
          <FieldRow>
            <PhaseSelect name="patch.phaseId" phases={view.phases} />
            <QuarterPicker name="patch.targetQuarter" suggestions={quarters} />
          </FieldRow>
          <SelectField name="patch.horizonPin" label="Horizon" options={HORIZON_PIN_OPTIONS} />
          {moving ? <TextField name="reason" label="Why is it moving?" help="Required for a move; recorded in the changelog" maxLength={500} /> : null}
        </EditorGroup>

        <EditorGroup title="Prioritisation" testId={`${id}-rice`}>
          <div style={muted}>RICE: reach × impact × confidence ÷ effort. Leave all four blank for no score.</div>
          <FieldRow min={120}>
            <TextField name="patch.rice.reach" label="Reach" help="Per quarter" numeric="decimal" />
            <SelectField name="patch.rice.impact" label="Impact" options={IMPACT_OPTIONS} />
            <TextField name="patch.rice.confidence" label="Confidence" help="0–100" after="%" numeric="decimal" />
            <TextField name="patch.rice.effort" label="RICE effort" help={`More than 0, in ${unit}`} numeric="decimal" />
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
            {score === null ? <span style={muted}>{riceIsBlank(values.patch.rice) ? 'Not scored' : 'Fill in all four to see it'}</span> : null}
          </div>
          <FieldRow>
            <SelectField name="patch.riskReduction" label="Risk reduction" options={RISK_OPTIONS} />
            <SelectField name="patch.reversibility" label="Reversibility" options={REVERSIBILITY_OPTIONS} />
          </FieldRow>
        </EditorGroup>

        <EditorGroup title="Traceability">
          {view.businessGoals.length === 0 ? (
            <div data-testid={`${id}-patch-businessGoalIds-none`} style={muted}>
              No business goals yet.{' '}
              {view.permissions.canAdminister ? 'Add 3–5 in the roadmap settings below' : 'A project admin adds them in the roadmap settings'}, then trace
              initiatives to them here.
            </div>
          ) : (
            <CheckboxField
              name="patch.businessGoalIds"
              label="Business goals"
              options={view.businessGoals.map((g) => ({ value: g.id, label: g.title, detail: g.metric || undefined }))}
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
              <CheckboxField name="patch.dependsOn" label="Depends on" options={shownOthers} help="Initiatives that must land first" />
            </>
          )}
        </EditorGroup>

        <EditorGroup title="Linked epics">
          <EpicsField id={id} stored={stored.epicIds} projectKey={view.project.key} />
        </EditorGroup>

        <FormButtons label="Save changes" />
      </DomainFormFrame>
      <DeleteInitiative initiative={initiative} view={view} onDeleted={onCancel} disabled={form.submitting} />
    </div>
  );
}

/** A checkbox list bound to the id list at payload path `name`. */
function CheckboxField({ name, label, options, help }: { name: string; label: string; options: readonly CheckOption[]; help?: string }) {
  const f = useLayerField(name);
  return <CheckboxList id={f.id} label={label} options={options} selected={f.value as unknown as string[]} onChange={f.onChange} error={f.error} help={help} />;
}

/** The linked epics (`patch.epicIds`, the ones that stay) and the keys to add (`epicKeys`). */
function EpicsField({ id, stored, projectKey }: { id: string; stored: readonly string[]; projectKey: string }) {
  const kept = useLayerField('patch.epicIds');
  const keys = useLayerField('epicKeys');
  return (
    <LinkedEpics
      id={id}
      stored={stored}
      kept={kept.value as unknown as string[]}
      onChange={kept.onChange}
      error={kept.error}
      newKeys={keys.value}
      onNewKeys={keys.onChange}
      newKeysError={keys.error}
      projectKey={projectKey}
    />
  );
}
