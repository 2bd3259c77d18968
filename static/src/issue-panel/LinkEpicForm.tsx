import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type EpicContext, linkEpicPayload } from '../../../src/domain/api';
import { muted } from '../shared/components';
import { DomainFormFrame } from '../shared/form/DomainFormFrame';
import { FormErrorLine } from '../shared/form/FormErrorLine';
import { SelectField } from '../shared/form/inputs';
import { useDomainForm } from '../shared/form/use-domain-form';
import { CHOOSE_INITIATIVE, type LinkValues, linkValues, optionLabel, showEpicAnswer, stillOffered, toLinkDraft } from './link-model';
import { PanelWriteError } from './PanelWriteError';

/**
 * Links the panel's epic to an open initiative of its project's roadmap (linkEpic). The answer carries the panel's
 * epic as it now stands, which the panel shows at once; `onLinked` gets the chosen title, for the announcement.
 * A CONFLICT shows the error with a Reload: the panel shows no roadmap to rebase onto.
 */
export function LinkEpicForm({ linking, busy, onLinked }: { linking: NonNullable<EpicContext['linking']>; busy: boolean; onLinked: (title: string) => void }) {
  const client = useQueryClient();
  const { initiatives } = linking;
  const form = useDomainForm({
    resolver: 'linkEpic',
    schema: linkEpicPayload,
    source: linking,
    revision: linking.revision,
    toValues: linkValues,
    // Against the revision the panel shows now (a Reload brings a newer one).
    toDraft: (values: LinkValues) => toLinkDraft(values, linking.revision),
    onDone: (answer, payload) => {
      showEpicAnswer(client, answer);
      onLinked(initiatives.find((i) => i.id === payload.initiativeId)?.title ?? '');
    },
    onCancel: () => form.form.reset(),
    focus: 'none',
  });

  // An initiative that is no longer offered (done, dropped, deleted) cannot stay selected.
  const chosen = form.form.watch('initiativeId');
  const { setValue } = form.form;
  useEffect(() => {
    if (!stillOffered(chosen, initiatives)) setValue('initiativeId', '');
  }, [chosen, initiatives, setValue]);

  if (initiatives.length === 0) {
    return (
      <p data-testid="no-initiatives" style={{ ...muted, margin: 0 }}>
        This project's roadmap has no open initiatives yet. Add one on the project's Tech Roadmap page, then link this epic to it here.
      </p>
    );
  }

  const working = form.submitting || busy;
  return (
    <DomainFormFrame
      // Always on the panel, with nothing to discard: Escape does nothing here.
      form={{ ...form, onKeyDown: () => undefined }}
      idPrefix="link"
      testId="link-form"
      label="Link this epic to a roadmap initiative"
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}
    >
      {form.apiError ? <PanelWriteError error={form.apiError} /> : null}
      <FormErrorLine testId="link-error" />
      <SelectField
        name="initiativeId"
        label="Initiative"
        options={[{ value: '', label: `${CHOOSE_INITIATIVE}…` }, ...initiatives.map((i) => ({ value: i.id, label: optionLabel(i) }))]}
      />
      <div>
        <Button type="submit" appearance="primary" spacing="compact" isLoading={working}>
          Link to initiative
        </Button>
      </div>
    </DomainFormFrame>
  );
}
