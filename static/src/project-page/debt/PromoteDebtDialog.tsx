import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { promoteDebtItemPayload } from '../../../../src/domain/api';
import type { DebtItem, Phase } from '../../../../src/domain/model';
import { quarterLabel } from '../../../../src/domain/quarter';
import { FormButtons } from '../../shared/form/FormButtons';
import { FormErrorLine } from '../../shared/form/FormErrorLine';
import { TextField } from '../../shared/form/inputs';
import { ModalForm } from '../../shared/form/ModalForm';
import { PhaseSelect } from '../../shared/form/PhaseSelect';
import { QuarterPicker } from '../../shared/form/QuarterPicker';
import { useDomainForm } from '../../shared/form/use-domain-form';
import { WriteStatus } from '../../shared/merge-notice';
import { upcomingQuarters } from '../form-model';
import { isProposedQuarter, promoteValues, promotionFor, toPromoteDraft } from './debt-model';

/**
 * Promotes a debt item to an initiative (promoteDebtItem) in a dialog. The form starts from the domain's proposal —
 * the item's title, the target quarter its urgency band gives and the phase spanning it — and says why that quarter;
 * the user may change each. The initiative also takes the item's description, effort and a track from its category.
 * The data layer shows the new initiative; `onClose` closes the dialog, promoted or cancelled.
 */
export function PromoteDebtDialog({ item, phases, revision, onClose }: { item: DebtItem; phases: Phase[]; revision: number; onClose: () => void }) {
  const [proposal] = useState(() => promotionFor(item, phases));
  const form = useDomainForm({
    resolver: 'promoteDebtItem',
    schema: promoteDebtItemPayload,
    source: proposal,
    revision,
    toValues: promoteValues,
    // Against the revision the page shows now (after a CONFLICT the data layer shows the newest).
    toDraft: (values) => toPromoteDraft(values, item.id, revision),
    onDone: onClose,
    onCancel: onClose,
  });
  const idPrefix = `promote-${item.id}`;
  const quarters = upcomingQuarters().map((q) => q.value);
  const typedQuarter = form.form.watch('initiative.targetQuarter');
  const proposed = quarterLabel(proposal.targetQuarter);
  return (
    <ModalForm
      form={form}
      idPrefix={idPrefix}
      title={`Promote “${item.title}” to an initiative`}
      testId="promote-form"
      footer={<FormButtons label="Promote to initiative" />}
    >
      <FormErrorLine testId="promote-error" />
      <WriteStatus form={form} retryHint="Reload the roadmap, then promote the item again." idPrefix={idPrefix} />
      <TextField name="initiative.title" label="Initiative title" help="Starts as the debt item's title" maxLength={200} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))', gap: token('space.150'), alignItems: 'start' }}>
        <PhaseSelect name="initiative.phaseId" phases={phases} />
        <QuarterPicker name="initiative.targetQuarter" suggestions={quarters} />
      </div>
      <div
        data-testid="promote-proposal"
        data-proposed-quarter={proposal.targetQuarter}
        style={{
          font: token('font.body.small'),
          color: token('color.text.subtle'),
          padding: token('space.100'),
          borderRadius: token('radius.small', '3px'),
          backgroundColor: token('color.background.neutral.subtle.hovered'),
        }}
      >
        {isProposedQuarter(typedQuarter, proposal) ? `Proposed quarter: ${proposed}. ` : `The proposed quarter was ${proposed}. `}
        {proposal.reason}
      </div>
      <TextField name="initiative.successMetric.description" label="Success metric" help="How you will know the debt is paid down" maxLength={500} />
    </ModalForm>
  );
}
