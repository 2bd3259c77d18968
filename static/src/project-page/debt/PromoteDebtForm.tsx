import { token } from '@atlaskit/tokens';
import { promoteDebtItemPayload } from '../../../../src/domain/api';
import type { DebtItem, Phase } from '../../../../src/domain/model';
import { DomainFormFrame } from '../../shared/form/DomainFormFrame';
import { FormButtons } from '../../shared/form/FormButtons';
import { FormErrorLine } from '../../shared/form/FormErrorLine';
import { TextField } from '../../shared/form/inputs';
import { PhaseSelect } from '../../shared/form/PhaseSelect';
import { QuarterPicker } from '../../shared/form/QuarterPicker';
import { useDomainForm } from '../../shared/form/use-domain-form';
import { WriteStatus } from '../../shared/merge-notice';
import { upcomingQuarters } from '../form-model';
import { promoteValues, toPromoteDraft } from './debt-model';

/**
 * Promotes a debt item to an initiative (promoteDebtItem): the initiative takes the item's title, description,
 * effort and a track from its category; the form asks for what it cannot give — phase, target quarter, success
 * metric. Inline under the item. The data layer shows the new initiative; `onPromoted` only closes the form.
 */
export function PromoteDebtForm({
  item,
  phases,
  revision,
  onPromoted,
  onCancel,
}: {
  item: DebtItem;
  phases: Phase[];
  revision: number;
  onPromoted: () => void;
  onCancel: () => void;
}) {
  const form = useDomainForm({
    resolver: 'promoteDebtItem',
    schema: promoteDebtItemPayload,
    source: item,
    revision,
    toValues: () => promoteValues(phases),
    // Against the revision the page shows now (after a CONFLICT the data layer shows the newest).
    toDraft: (values) => toPromoteDraft(values, item.id, revision),
    onDone: () => onPromoted(),
    onCancel,
    focus: 'select',
  });
  const idPrefix = `promote-${item.id}`;
  const quarters = upcomingQuarters().map((q) => q.value);
  return (
    <DomainFormFrame
      form={form}
      idPrefix={idPrefix}
      testId="promote-form"
      label={`Promote “${item.title}” to an initiative`}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
        borderBlockStart: `${token('border.width', '1px')} solid ${token('color.border')}`,
        paddingBlockStart: token('space.100'),
        maxWidth: '640px',
      }}
    >
      <FormErrorLine testId="promote-error" />
      <WriteStatus form={form} retryHint="Reload the roadmap, then promote the item again." idPrefix={idPrefix} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: token('space.100') }}>
        <PhaseSelect name="initiative.phaseId" phases={phases} />
        <QuarterPicker name="initiative.targetQuarter" suggestions={quarters} />
      </div>
      <TextField name="initiative.successMetric.description" label="Success metric" help="How you will know the debt is paid down" maxLength={500} />
      <FormButtons label="Promote to initiative" compact />
    </DomainFormFrame>
  );
}
