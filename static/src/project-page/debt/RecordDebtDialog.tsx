import { createDebtItemPayload, type RoadmapView } from '../../../../src/domain/api';
import { FormButtons } from '../../shared/form/FormButtons';
import { FormErrorLine } from '../../shared/form/FormErrorLine';
import { ModalForm } from '../../shared/form/ModalForm';
import { useDomainForm } from '../../shared/form/use-domain-form';
import { WriteStatus } from '../../shared/merge-notice';
import { emptyDebt, toDebtDraft } from './debt-model';
import { DebtFields } from './DebtFields';

const ID = 'debt-new';

/**
 * Records one piece of technical debt (createDebtItem) in a dialog, checked in the browser with the resolver's own
 * schema. The data layer shows the new item (and announces it); `onClose` closes the dialog, saved or cancelled.
 */
export function RecordDebtDialog({ view, onClose }: { view: RoadmapView; onClose: () => void }) {
  const form = useDomainForm({
    resolver: 'createDebtItem',
    schema: createDebtItemPayload,
    source: view,
    revision: view.revision,
    toValues: emptyDebt,
    // Against the revision the page shows now (after a CONFLICT the data layer shows the newest).
    toDraft: (values) => toDebtDraft(values, view.revision),
    onDone: onClose,
    onCancel: onClose,
  });
  return (
    <ModalForm form={form} idPrefix={ID} title="Record technical debt" testId="record-debt-form" footer={<FormButtons label="Record debt" />}>
      <FormErrorLine testId="record-debt-error" />
      <WriteStatus form={form} retryHint="Reload the roadmap, then record the item again — what you typed is kept." idPrefix={ID} />
      <DebtFields path="item" unit={view.capacity.unit} />
    </ModalForm>
  );
}
