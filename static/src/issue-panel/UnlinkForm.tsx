import { token } from '@atlaskit/tokens';
import { useQueryClient } from '@tanstack/react-query';
import { unlinkEpicPayload } from '../../../src/domain/api';
import { DomainFormFrame } from '../shared/form/DomainFormFrame';
import { FormButtons } from '../shared/form/FormButtons';
import { FormErrorLine } from '../shared/form/FormErrorLine';
import { TextField } from '../shared/form/inputs';
import { useDomainForm } from '../shared/form/use-domain-form';
import { showEpicAnswer, toUnlinkDraft, type UnlinkValues, unlinkValues } from './link-model';
import { PanelWriteError } from './PanelWriteError';
import type { UnlinkProps } from './UnlinkEpic';

/** The unlink confirm: an optional reason and "Confirm unlink" (loaded when "Unlink" is first pressed). */
export function UnlinkForm({ revision, projectId, initiativeTitle, onUnlinked, onClose }: UnlinkProps & { onClose: () => void }) {
  const client = useQueryClient();
  const form = useDomainForm({
    resolver: 'unlinkEpic',
    schema: unlinkEpicPayload,
    source: projectId,
    revision,
    toValues: unlinkValues,
    // Against the revision the panel shows now (a Reload brings a newer one).
    toDraft: (values: UnlinkValues) => toUnlinkDraft(values, revision, projectId),
    onDone: (answer) => {
      showEpicAnswer(client, answer);
      onUnlinked();
    },
    onCancel: onClose,
  });
  const idPrefix = `unlink-${projectId}`;
  return (
    <DomainFormFrame
      form={form}
      idPrefix={idPrefix}
      testId="unlink-form"
      label={`Unlink this epic from “${initiativeTitle}”`}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
        borderBlockStart: `${token('border.width', '1px')} solid ${token('color.border')}`,
        paddingBlockStart: token('space.100'),
      }}
    >
      {form.apiError ? <PanelWriteError error={form.apiError} /> : null}
      <FormErrorLine testId="unlink-error" />
      <TextField
        name="reason"
        label="Why unlink?"
        help="Optional. Recorded in the roadmap changelog."
        placeholder="e.g. Split into two epics"
        maxLength={500}
      />
      <FormButtons label="Confirm unlink" compact />
    </DomainFormFrame>
  );
}
