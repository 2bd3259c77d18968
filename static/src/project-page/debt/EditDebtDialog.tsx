import { type RoadmapView, updateDebtItemPayload } from '../../../../src/domain/api';
import type { DebtItem } from '../../../../src/domain/model';
import { FormButtons } from '../../shared/form/FormButtons';
import { FormErrorLine } from '../../shared/form/FormErrorLine';
import { ModalForm } from '../../shared/form/ModalForm';
import { useDomainForm } from '../../shared/form/use-domain-form';
import { WriteStatus } from '../../shared/merge-notice';
import { DEBT_EQUALS, DEBT_LABELS, debtValues, type EditDebtValues, toUpdateDebtDraft } from './debt-model';
import { DebtFields } from './DebtFields';

/**
 * Edits every field of a debt item (updateDebtItem) in a dialog: only what changed since the version it is based on
 * is sent; a CONFLICT rebases it three-way onto the newest item, as the initiative and phase editors do. `item` is
 * the item as opened; the dialog follows the page's newer versions of it.
 */
export function EditDebtDialog({ view, item, onClose }: { view: RoadmapView; item: DebtItem; onClose: () => void }) {
  const current = view.debtItems.find((d) => d.id === item.id);
  const form = useDomainForm({
    resolver: 'updateDebtItem',
    schema: updateDebtItemPayload,
    source: current,
    revision: view.revision,
    toValues: debtValues,
    toDraft: (values: EditDebtValues, base) => toUpdateDebtDraft(values, base),
    select: (fresh) => fresh.debtItems.find((d) => d.id === item.id),
    labels: DEBT_LABELS,
    equals: DEBT_EQUALS,
    onDone: onClose,
    onCancel: onClose,
  });
  const id = `debt-edit-${item.id}`;
  return (
    <ModalForm form={form} idPrefix={id} title={`Edit “${(current ?? item).title}”`} testId="edit-debt-form" footer={<FormButtons label="Save debt item" />}>
      <FormErrorLine testId="edit-debt-error" />
      <WriteStatus form={form} merge={form.merge} retryHint="Reload the roadmap, then save again — what you typed is kept." idPrefix={id} />
      <DebtFields path="patch" unit={view.capacity.unit} />
    </ModalForm>
  );
}
