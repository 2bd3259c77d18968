import { token } from '@atlaskit/tokens';
import { useFormLayer } from './layer-context';

/** The form's one line for errors no field owns (the schema's or the server's), in the danger colour. */
export function FormErrorLine({ testId }: { testId?: string }) {
  const { form } = useFormLayer();
  if (form.formLevel.length === 0) return null;
  return (
    <div role="alert" data-testid={testId} style={{ font: token('font.body.small'), color: token('color.text.danger') }}>
      {form.formLevel.join(' ')}
    </div>
  );
}
