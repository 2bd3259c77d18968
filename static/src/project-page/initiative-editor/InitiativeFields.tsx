import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useMemo, useState } from 'react';
import { type FieldErrors, useFormState, useWatch } from 'react-hook-form';
import type { InitiativeView, RoadmapView } from '../../../../src/domain/api';
import { amountWithUnit, CAPACITY_UNIT_LABEL, HORIZON_LABEL } from '../../../../src/domain/labels';
import { quarterLabel } from '../../../../src/domain/quarter';
import { draftDependencyWarnings } from '../../../../src/domain/rules/draft-dependencies';
import { phaseName } from '../../shared/board';
import { muted } from '../../shared/components';
import { Field, TextInput } from '../../shared/fields';
import { SelectField, TextAreaField, TextField, useLayerField } from '../../shared/form/inputs';
import { useFormLayer } from '../../shared/form/layer-context';
import { OwnerPicker } from '../../shared/form/OwnerPicker';
import { PhaseSelect } from '../../shared/form/PhaseSelect';
import { readQuarter } from '../../shared/form/quarter-input';
import { QuarterPicker } from '../../shared/form/QuarterPicker';
import { upcomingQuarters } from '../form-model';
import {
  type CreateValues,
  type EditorValues,
  FIELDS_KEY,
  type FormMode,
  HORIZON_PIN_OPTIONS,
  IMPACT_OPTIONS,
  type InitiativeText,
  isMoving,
  liveRiceScore,
  type MoveContext,
  REVERSIBILITY_OPTIONS,
  riceEffortMismatch,
  riceIsBlank,
  RISK_OPTIONS,
  STATUS_OPTIONS,
  TRACK_OPTIONS,
} from './editor-model';
import { CheckboxList, type CheckOption, FieldRow, FormSection } from './inputs';
import { LinkedEpics } from './LinkedEpics';

/** How many other initiatives "Depends on" lists before it offers a filter. */
const FILTER_FROM = 12;

/**
 * Every field of an initiative, for the dialog's body, in both modes: Basics first (what most initiatives need),
 * then Outcome, Prioritisation, Dependencies and Epics. Creating opens Basics only — the other groups are one click
 * away and say in one line what they hold; editing opens them all. Inputs are named by payload path under
 * `initiative.` (create) or `patch.` (edit). Live: the RICE score, the reason a move needs (edit), and dependency
 * warnings (a cycle, later or dropped work) by the domain's own rules on the roadmap with this draft applied.
 */
export function InitiativeFields({
  mode,
  view,
  idPrefix,
  stored,
  moveContext,
}: {
  mode: FormMode;
  view: RoadmapView;
  idPrefix: string;
  /** Editing: the stored version the edit is based on (what it opened with, or the newest after a rebase). */
  stored?: InitiativeView;
  moveContext?: MoveContext;
}) {
  const { form } = useFormLayer();
  const control = form.methods.control;
  const key = FIELDS_KEY[mode];
  const path = (field: string) => `${key}.${field}`;
  const values = useWatch({ control }) as CreateValues & EditorValues;
  const t: InitiativeText = values[key];
  const { errors } = useFormState({ control });
  const errorPaths = leafErrorPaths(errors);
  /** A group's attention key: the paths of its errors (and more), '' when all is well. */
  const attentionOf = (prefixes: string[], more = '') =>
    [...errorPaths.filter((p) => prefixes.some((prefix) => p === prefix || p.startsWith(`${prefix}.`))), more].filter(Boolean).join('|');

  const today = moveContext?.today ?? new Date();
  const editing = mode === 'edit';
  const moving = editing && stored && moveContext ? isMoving(values, stored, moveContext) : false;
  const unit = CAPACITY_UNIT_LABEL[view.capacity.unit].many;
  const score = liveRiceScore(t.rice, t.effort);
  const mismatch = stored ? riceEffortMismatch(stored) : null;
  const quarters = useMemo(() => {
    const list = upcomingQuarters().map((q) => q.value);
    return stored && !list.includes(stored.targetQuarter) ? [stored.targetQuarter, ...list] : list;
  }, [stored]);

  const others = useMemo(
    () =>
      view.initiatives
        .filter((i) => i.id !== stored?.id)
        .sort((a, b) => a.title.localeCompare(b.title))
        .map((i) => ({
          value: i.id,
          label: i.title,
          detail: `${phaseName(view.phases, i.phaseId)} · ${quarterLabel(i.targetQuarter)} · ${HORIZON_LABEL[i.horizon]}`,
        })),
    [view.initiatives, view.phases, stored?.id],
  );
  const [depFilter, setDepFilter] = useState('');
  const filter = depFilter.trim().toLowerCase();
  const shownOthers = filter ? others.filter((o) => t.dependsOn.includes(o.value) || o.label.toLowerCase().includes(filter)) : others;

  const warnings = draftDependencyWarnings(
    view,
    {
      id: stored?.id ?? null,
      title: t.title,
      phaseId: t.phaseId,
      targetQuarter: readQuarter(t.targetQuarter, stored?.targetQuarter ?? ''),
      horizonPin: t.horizonPin || null,
      status: t.status,
      dependsOn: t.dependsOn,
    },
    today,
  );

  const goalsChosen = t.businessGoalIds.length;
  const metricTarget = t.successMetric.target.trim();
  const epicsKept = t.epicIds.length;
  const keysTyped = values.epicKeys.split(/[\s,;]+/).filter(Boolean).length;

  return (
    <>
      <FormSection id={`${idPrefix}-basics`} title="Basics" testId={`${idPrefix}-basics`}>
        <TextField name={path('title')} label="Title" maxLength={200} />
        <TextAreaField name={path('goal')} label="Goal" help="What it achieves for the business" maxLength={1000} rows={2} />
        <TextField name={path('successMetric.description')} label="Success metric" help="How you will know it worked" maxLength={500} />
        <FieldRow min={180}>
          <PhaseSelect name={path('phaseId')} phases={view.phases} />
          <QuarterPicker name={path('targetQuarter')} suggestions={quarters} />
          <SelectField name={path('horizonPin')} label="Horizon" options={HORIZON_PIN_OPTIONS} />
        </FieldRow>
        {moving ? <TextField name="reason" label="Why is it moving?" help="Required for a move; recorded in the changelog" maxLength={500} /> : null}
        <FieldRow min={180}>
          <SelectField name={path('track')} label="Track" options={TRACK_OPTIONS} />
          <SelectField name={path('status')} label="Status" options={STATUS_OPTIONS} />
        </FieldRow>
        <FieldRow min={180}>
          <OwnerPicker name={path('ownerAccountId')} label="Owner" />
          <TextField name={path('effort')} label="Effort" help={`In ${unit}; the RICE score divides by it. Blank if not estimated.`} numeric="decimal" />
        </FieldRow>
      </FormSection>

      <FormSection
        id={`${idPrefix}-outcome`}
        title="Outcome and business goals"
        testId={`${idPrefix}-outcome`}
        collapsible
        defaultOpen={editing}
        summary={
          [
            metricTarget ? `Target ${metricTarget}${t.successMetric.unit.trim() ? ` ${t.successMetric.unit.trim()}` : ''}` : '',
            countText(goalsChosen, 'business goal'),
          ]
            .filter(Boolean)
            .join(' · ') || 'Optional'
        }
        attention={attentionOf([path('successMetric.target'), path('successMetric.current'), path('successMetric.unit'), path('businessGoalIds')])}
      >
        <FieldRow min={140}>
          <TextField name={path('successMetric.current')} label="Current" help="Where the metric is now" numeric="decimal" />
          <TextField name={path('successMetric.target')} label="Target" help="Where it should get to" numeric="decimal" />
          <TextField name={path('successMetric.unit')} label="Unit" help="e.g. ms, %, services" maxLength={30} />
        </FieldRow>
        {view.businessGoals.length === 0 ? (
          <div data-testid={`${idPrefix}-${key}-businessGoalIds-none`} style={muted}>
            No business goals yet. {view.permissions.canAdminister ? 'Add 3–5 in Settings' : 'A project admin adds them in Settings'}, then trace initiatives to
            them here.
          </div>
        ) : (
          <CheckboxField
            name={path('businessGoalIds')}
            label="Business goals"
            help="The goals this initiative serves"
            options={view.businessGoals.map((g) => ({ value: g.id, label: g.title, detail: g.metric || undefined }))}
          />
        )}
      </FormSection>

      <FormSection
        id={`${idPrefix}-rice`}
        title="Prioritisation"
        testId={`${idPrefix}-rice`}
        collapsible
        defaultOpen={editing}
        summary={score !== null ? `RICE ${score.toLocaleString('en')}` : riceIsBlank(t.rice) ? 'Not scored' : 'RICE incomplete'}
        attention={attentionOf([path('rice'), path('riskReduction'), path('reversibility')])}
      >
        <div style={muted}>RICE = reach × impact × confidence ÷ effort, with Effort from Basics. Leave reach, impact and confidence blank for no score.</div>
        <FieldRow min={150}>
          <TextField name={path('rice.reach')} label="Reach" help="People or events per quarter" numeric="decimal" />
          <SelectField name={path('rice.impact')} label="Impact" options={IMPACT_OPTIONS} />
          <TextField name={path('rice.confidence')} label="Confidence" help="0–100" after="%" numeric="decimal" />
        </FieldRow>
        <RiceScore score={score} blank={riceIsBlank(t.rice)} effortMissing={t.effort.trim() === ''} />
        {mismatch && !riceIsBlank(t.rice) ? (
          <SectionMessage appearance="information" testId="rice-effort-mismatch">
            <p>
              The stored RICE score divides by an effort of {amountWithUnit(mismatch.riceEffort, view.capacity.unit)}, but{' '}
              {mismatch.effort === null ? 'Effort was not set' : `Effort is ${amountWithUnit(mismatch.effort, view.capacity.unit)}`}. Saving scores RICE with
              Effort, so the two agree.
            </p>
          </SectionMessage>
        ) : null}
        <FieldRow min={180}>
          <SelectField name={path('riskReduction')} label="Risk reduction" options={RISK_OPTIONS} />
          <SelectField name={path('reversibility')} label="Reversibility" options={REVERSIBILITY_OPTIONS} />
        </FieldRow>
      </FormSection>

      <FormSection
        id={`${idPrefix}-dependencies`}
        title="Dependencies"
        testId={`${idPrefix}-dependencies`}
        collapsible
        defaultOpen={editing}
        summary={[t.dependsOn.length === 0 ? 'None' : `Depends on ${t.dependsOn.length}`, warnings.length > 0 ? countText(warnings.length, 'warning') : '']
          .filter(Boolean)
          .join(' · ')}
        attention={attentionOf([path('dependsOn')], warnings.map((w) => w.message).join('|'))}
      >
        {others.length === 0 ? (
          <div style={muted}>No other initiatives to depend on.</div>
        ) : (
          <>
            {others.length >= FILTER_FROM ? (
              <Field id={`${idPrefix}-dep-filter`} label="Filter dependencies">
                <TextInput id={`${idPrefix}-dep-filter`} value={depFilter} onChange={setDepFilter} placeholder="Type part of a title" />
              </Field>
            ) : null}
            <CheckboxField name={path('dependsOn')} label="Depends on" options={shownOthers} help="Initiatives that must land first" />
          </>
        )}
        {warnings.length > 0 ? (
          <SectionMessage appearance="warning" title="Check these dependencies before saving" testId="dependency-warnings">
            <ul style={{ margin: 0, paddingInlineStart: token('space.250') }}>
              {warnings.map((w) => (
                <li key={w.message} data-testid="dependency-warning" data-kind={w.kind}>
                  {w.message}
                </li>
              ))}
            </ul>
            <p>You can still save: the roadmap’s health lists dependency problems until they are fixed.</p>
          </SectionMessage>
        ) : null}
      </FormSection>

      <FormSection
        id={`${idPrefix}-epics`}
        title={editing ? 'Linked epics' : 'Epics'}
        testId={`${idPrefix}-epics`}
        collapsible
        defaultOpen={editing}
        summary={[countText(epicsKept, 'linked epic'), keysTyped > 0 ? `${keysTyped} to link` : ''].filter(Boolean).join(' · ') || 'None'}
        attention={attentionOf(['epicKeys', path('epicIds')])}
      >
        <EpicsField id={idPrefix} epicIdsPath={path('epicIds')} stored={stored?.epicIds ?? []} projectKey={view.project.key} creating={!editing} />
      </FormSection>
    </>
  );
}

/** "2 business goals"; '' for none. */
function countText(n: number, noun: string): string {
  return n === 0 ? '' : `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The live RICE score, announced politely as it changes. */
function RiceScore({ score, blank, effortMissing }: { score: number | null; blank: boolean; effortMissing: boolean }) {
  return (
    <div
      data-testid="rice-score"
      role="status"
      style={{
        display: 'flex',
        flexWrap: 'wrap',
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
      {score === null ? (
        <span style={muted}>
          {blank ? 'Not scored' : effortMissing ? 'Needs Effort (in Basics) to score' : 'Fill in reach, impact and confidence to see it'}
        </span>
      ) : null}
    </div>
  );
}

/** Every path in react-hook-form's nested errors that holds a message. */
function leafErrorPaths(errors: FieldErrors, prefix = ''): string[] {
  return Object.entries(errors).flatMap(([k, v]) => {
    const p = prefix ? `${prefix}.${k}` : k;
    if (!v || typeof v !== 'object') return [];
    return 'message' in v && typeof v.message === 'string' ? [p] : leafErrorPaths(v as FieldErrors, p);
  });
}

/** A checkbox list bound to the id list at payload path `name`. */
function CheckboxField({ name, label, options, help }: { name: string; label: string; options: readonly CheckOption[]; help?: string }) {
  const f = useLayerField(name);
  return <CheckboxList id={f.id} label={label} options={options} selected={f.value as unknown as string[]} onChange={f.onChange} error={f.error} help={help} />;
}

/** The linked epics (the ones that stay, at `epicIdsPath`) and the keys to add (`epicKeys`). */
function EpicsField({
  id,
  epicIdsPath,
  stored,
  projectKey,
  creating,
}: {
  id: string;
  epicIdsPath: string;
  stored: readonly string[];
  projectKey: string;
  creating: boolean;
}) {
  const kept = useLayerField(epicIdsPath);
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
      creating={creating}
    />
  );
}
