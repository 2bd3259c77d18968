import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import { useFormLayer } from './layer-context';

/** A line in the danger colour: the one look of an error that is not beside a labelled input. */
export function ErrorText({ id, testId, children }: { id?: string; testId?: string; children: ReactNode }) {
  return (
    <div id={id} role="alert" data-testid={testId} style={{ font: token('font.body.small'), color: token('color.text.danger') }}>
      {children}
    </div>
  );
}

/** The form's one line for errors no field owns (the schema's or the server's). */
export function FormErrorLine({ testId }: { testId?: string }) {
  const { form } = useFormLayer();
  if (form.formLevel.length === 0) return null;
  return <ErrorText testId={testId}>{form.formLevel.join(' ')}</ErrorText>;
}
