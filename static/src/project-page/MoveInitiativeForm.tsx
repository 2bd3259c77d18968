import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useEffect, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { type InitiativeView, moveInitiativePayload, type RoadmapView } from '../../../src/domain/api';
import { proposeQuarter } from '../../../src/domain/horizon';
import { type Horizon, HORIZONS } from '../../../src/domain/model';
import { quarterLabel } from '../../../src/domain/quarter';
import { phaseName } from '../shared/board';
import { HorizonLozenge } from '../shared/components';
import { FormButtons } from '../shared/form/FormButtons';
import { FormErrorLine } from '../shared/form/FormErrorLine';
import { TextField, useLayerField } from '../shared/form/inputs';
import { useFormLayer } from '../shared/form/layer-context';
import { ModalForm } from '../shared/form/ModalForm';
import { fieldId } from '../shared/form/paths';
import { PhaseSelect } from '../shared/form/PhaseSelect';
import { QuarterPicker } from '../shared/form/QuarterPicker';
import { type DomainForm, useDomainForm } from '../shared/form/use-domain-form';
import { HORIZON_LABEL } from '../shared/labels';
import { WriteStatus } from '../shared/merge-notice';
import { upcomingQuarters } from './form-model';
import {
  describeHorizon,
  droppedValues,
  followQuarter,
  horizonFit,
  MOVE_EQUALS,
  MOVE_LABELS,
  type MoveContext,
  type MoveValues,
  moveValues,
  toMoveDraft,
} from './move-model';

/**
 * Moves one initiative to another horizon, target quarter and/or phase, with the reason the changelog records, in a
 * dialog. Choosing a horizon (or dropping the card on its column: `toHorizon`) proposes the quarter that puts it
 * there; the quarter stays editable, and a quarter outside the chosen horizon pins it, as the dialog says. Sends only
 * what changes; a CONFLICT rebases it three-way onto the newest version of the initiative.
 */
export function MoveInitiativeForm({
  initiative,
  view,
  toHorizon,
  onMoved,
  onCancel,
}: {
  initiative: InitiativeView;
  view: RoadmapView;
  /** The column the card was dropped on: the dialog opens set to it. */
  toHorizon?: Horizon;
  /** Called once the move landed (the page already shows it): close the dialog. */
  onMoved: () => void;
  onCancel: () => void;
}) {
  // Today as of opening: the quarter proposed and the pin decided must not shift while the dialog is open.
  const [today] = useState(() => new Date());
  const context: MoveContext = { horizonRules: view.horizonRules, today };
  const contextRef = useRef(context);
  contextRef.current = context;
  const form = useDomainForm({
    resolver: 'moveInitiative',
    schema: moveInitiativePayload,
    source: initiative,
    revision: view.revision,
    toValues: moveValues,
    toDraft: (values, base) => toMoveDraft(values, base, contextRef.current),
    select: (fresh) => fresh.initiatives.find((i) => i.id === initiative.id),
    labels: MOVE_LABELS,
    describe: (path, value) =>
      path === 'to.phaseId' ? view.phases.find((p) => p.id === value)?.name : path === 'to.horizonPin' ? describeHorizon(value) : undefined,
    equals: MOVE_EQUALS,
    focus: 'none',
    onDone: () => onMoved(),
    onCancel,
  });

  const idPrefix = `move-${initiative.id}`;
  // A drop opens the dialog on the dropped-on column with its proposed quarter: all that is left is the reason.
  const preset = useRef<MoveValues['to'] | null>(null);
  const dropped = toHorizon !== undefined && toHorizon !== initiative.horizon;
  useEffect(() => {
    if (dropped) {
      const to = droppedValues(initiative, toHorizon, contextRef.current);
      preset.current = to;
      form.form.setValue('to.horizonPin', to.horizonPin, { shouldDirty: true });
      form.form.setValue('to.targetQuarter', to.targetQuarter, { shouldDirty: true });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the dialog opens
  }, []);
  // Until someone chooses a horizon (a drop counts), it follows the quarter they type.
  const horizonChosen = useRef(dropped);
  useEffect(() => {
    const subscription = form.form.watch((values, { name, type }) => {
      if (name !== 'to.targetQuarter' || type !== 'change' || horizonChosen.current) return;
      const follow = followQuarter(values as MoveValues, form.merge.base.source, contextRef.current);
      if (follow) form.form.setValue('to.horizonPin', follow, { shouldDirty: true });
    });
    return () => subscription.unsubscribe();
  }, [form.form, form.merge.base.source]);
  /** Nothing typed since the drop: Cancel or Escape just closes, as if the drag had not happened. */
  const untouchedSinceDrop = () => {
    const p = preset.current;
    const v = form.form.getValues();
    return p !== null && v.reason.trim() === '' && v.to.horizonPin === p.horizonPin && v.to.targetQuarter === p.targetQuarter && v.to.phaseId === p.phaseId;
  };
  const dialogForm: DomainForm = {
    ...form,
    discard: { ...form.discard, request: () => (untouchedSinceDrop() ? onCancel() : form.discard.request()) },
    onKeyDown: (event) => {
      if (event.key === 'Escape' && !form.submitting && !form.discard.confirming && untouchedSinceDrop()) {
        event.preventDefault();
        onCancel();
      } else form.onKeyDown(event);
    },
  };

  const stored = form.merge.base.source;
  return (
    <ModalForm
      form={dialogForm}
      idPrefix={idPrefix}
      title={`Move “${initiative.title}”`}
      testId="move-form"
      footer={<FormButtons label="Move initiative" />}
      // After a drop all that is left is the reason; from the Move button, the horizon as it is.
      initialFocus={dropped ? `#${CSS.escape(fieldId(idPrefix, 'reason'))}` : 'input[type="radio"]:checked'}
    >
      <FormErrorLine testId="move-error" />
      <WriteStatus form={form} merge={form.merge} retryHint="Reload the roadmap, then move the initiative again." idPrefix={idPrefix} />
      <div
        data-testid="move-from"
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: token('space.075'),
          font: token('font.body'),
          color: token('color.text.subtle'),
        }}
      >
        <span>Currently</span>
        <HorizonLozenge horizon={stored.horizon} />
        <span>
          {quarterLabel(stored.targetQuarter)} · {phaseName(view.phases, stored.phaseId)}
          {stored.horizonPin ? ' · pinned' : ''}
        </span>
      </div>
      <HorizonChoice stored={stored} context={context} onChosen={() => (horizonChosen.current = true)} />
      {/* Quarter and phase side by side: the dialog stays short enough to show whole in a small frame. */}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: token('space.150'), alignItems: 'start' }}>
        <QuarterPicker name="to.targetQuarter" suggestions={upcomingQuarters(today).map((q) => q.value)} />
        <PhaseSelect name="to.phaseId" phases={view.phases} />
      </div>
      <HorizonNote stored={stored} context={context} />
      <TextField name="reason" label="Why is it moving?" help="Recorded in the changelog" maxLength={500} />
    </ModalForm>
  );
}

/** Now / Next / Later as radio buttons; choosing one proposes the quarter that puts the initiative there. */
function HorizonChoice({ stored, context, onChosen }: { stored: InitiativeView; context: MoveContext; onChosen: () => void }) {
  const f = useLayerField('to.horizonPin');
  const { form } = useFormLayer();
  const choose = (horizon: Horizon) => {
    onChosen();
    f.onChange(horizon);
    form.methods.setValue('to.targetQuarter', proposeQuarter(horizon, stored.targetQuarter, context.horizonRules, context.today), { shouldDirty: true });
  };
  return (
    <fieldset
      style={{ border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.050') }}
      aria-describedby={f.error ? `${f.id}-error` : undefined}
    >
      <legend
        style={{
          font: token('font.body.small'),
          fontWeight: token('font.weight.semibold'),
          color: token('color.text.subtle'),
          padding: 0,
          marginBlockEnd: token('space.050'),
        }}
      >
        Move to
      </legend>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200') }}>
        {HORIZONS.map((h) => (
          <label
            key={h}
            style={{
              display: 'inline-flex',
              alignItems: 'center',
              gap: token('space.075'),
              font: token('font.body'),
              color: token('color.text'),
              cursor: 'pointer',
            }}
          >
            <input
              type="radio"
              name={f.id}
              value={h}
              checked={f.value === h}
              onChange={() => choose(h)}
              style={{ accentColor: token('color.background.selected.bold'), margin: 0, width: 16, height: 16 }}
            />
            {HORIZON_LABEL[h]}
          </label>
        ))}
      </div>
      {f.error ? (
        <div id={`${f.id}-error`} role="alert" style={{ font: token('font.body.small'), color: token('color.text.danger') }}>
          {f.error}
        </div>
      ) : null}
    </fieldset>
  );
}

/** What the quarter means for the horizon: proposed for it, in it, or outside it (and so pinned), with a way back. */
function HorizonNote({ stored, context }: { stored: InitiativeView; context: MoveContext }) {
  const { form } = useFormLayer();
  const values = useWatch({ control: form.methods.control }) as MoveValues;
  if (!values.to) return null;
  const fit = horizonFit(values, stored, context);
  if (fit.quarter === null || fit.derived === null) return null;
  const chosen = HORIZON_LABEL[fit.chosen];
  const quarter = quarterLabel(fit.quarter);
  let text: string;
  let goByQuarter = false;
  if (fit.derived === fit.chosen) {
    const proposed =
      fit.quarter !== stored.targetQuarter && fit.quarter === proposeQuarter(fit.chosen, stored.targetQuarter, context.horizonRules, context.today);
    text = proposed ? `${quarter} is the nearest quarter in ${chosen}.` : `${quarter} is in ${chosen}.`;
    if (fit.pin === null) text += ` The pin to ${HORIZON_LABEL[stored.horizonPin ?? fit.chosen]} is removed: the quarter places it now.`;
  } else {
    text = `${quarter} is in ${HORIZON_LABEL[fit.derived]} by this roadmap's horizon rules, so the initiative ${fit.pin === undefined ? 'stays' : 'will be'} pinned to ${chosen}.`;
    goByQuarter = true;
  }
  return (
    <div
      data-testid="move-horizon-note"
      aria-live="polite"
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: token('space.100'),
        font: token('font.body.small'),
        color: token('color.text.subtle'),
      }}
    >
      <span>{text}</span>
      {goByQuarter ? (
        <Button appearance="subtle" spacing="compact" onClick={() => form.methods.setValue('to.horizonPin', fit.derived, { shouldDirty: true })}>
          {`Move to ${HORIZON_LABEL[fit.derived]} instead`}
        </Button>
      ) : null}
    </div>
  );
}
