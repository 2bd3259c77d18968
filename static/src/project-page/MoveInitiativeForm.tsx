import { token } from '@atlaskit/tokens';
import { type InitiativeView, moveInitiativePayload } from '../../../src/domain/api';
import type { Phase } from '../../../src/domain/model';
import { DomainFormFrame } from '../shared/form/DomainFormFrame';
import { FormButtons } from '../shared/form/FormButtons';
import { FormErrorLine } from '../shared/form/FormErrorLine';
import { TextField } from '../shared/form/inputs';
import { PhaseSelect } from '../shared/form/PhaseSelect';
import { QuarterPicker } from '../shared/form/QuarterPicker';
import { useDomainForm } from '../shared/form/use-domain-form';
import { WriteStatus } from '../shared/merge-notice';
import { MOVE_EQUALS, MOVE_LABELS, moveValues, toMoveDraft } from './move-model';

/**
 * Moves one initiative to another target quarter and/or phase, with the reason the changelog records. Inline in
 * the initiative's card; `onMoved` and `onCancel` close the form. Sends only what this user
 * changed; a CONFLICT rebases it three-way onto the newest version of the initiative.
 */
export function MoveInitiativeForm({
  initiative,
  phases,
  revision,
  onMoved,
  onCancel,
}: {
  initiative: InitiativeView;
  phases: Phase[];
  revision: number;
  /** Called once the move landed (the page already shows it): close the form. */
  onMoved: () => void;
  onCancel: () => void;
}) {
  const form = useDomainForm({
    resolver: 'moveInitiative',
    schema: moveInitiativePayload,
    source: initiative,
    revision,
    toValues: moveValues,
    toDraft: toMoveDraft,
    select: (view) => view.initiatives.find((i) => i.id === initiative.id),
    labels: MOVE_LABELS,
    describe: (path, value) => (path === 'to.phaseId' ? phases.find((p) => p.id === value)?.name : undefined),
    equals: MOVE_EQUALS,
    onDone: () => onMoved(),
    onCancel,
  });
  const idPrefix = `move-${initiative.id}`;
  return (
    <DomainFormFrame
      form={form}
      idPrefix={idPrefix}
      testId="move-form"
      label={`Move “${initiative.title}”`}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
        borderBlockStart: `${token('border.width', '1px')} solid ${token('color.border')}`,
        paddingBlockStart: token('space.100'),
      }}
    >
      <FormErrorLine testId="move-error" />
      <WriteStatus form={form} merge={form.merge} retryHint="Reload the roadmap, then move the initiative again." idPrefix={idPrefix} />
      <QuarterPicker name="to.targetQuarter" />
      <PhaseSelect name="to.phaseId" phases={phases} />
      <TextField name="reason" label="Why is it moving?" help="Recorded in the changelog" maxLength={500} />
      <FormButtons label="Move initiative" compact />
    </DomainFormFrame>
  );
}
