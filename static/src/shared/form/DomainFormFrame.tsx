import type { CSSProperties, ReactNode } from 'react';
import { FormProvider } from 'react-hook-form';
import { FormLayerContext } from './layer-context';
import type { DomainForm } from './use-domain-form';

/** The <form> of a domain form: its submit, Escape, and the context the shared inputs read (ids by path, errors). */
export function DomainFormFrame({
  form,
  idPrefix,
  label,
  testId,
  style,
  dataset,
  children,
}: {
  form: DomainForm;
  /** Prefixes every input's id, so two forms on one page never share one. */
  idPrefix: string;
  label?: string;
  testId?: string;
  style?: CSSProperties;
  /** `data-*` attributes of the <form>, by name without the prefix. */
  dataset?: Record<string, string>;
  children: ReactNode;
}) {
  return (
    <FormLayerContext.Provider value={{ idPrefix, form }}>
      <FormProvider {...form.methods}>
        <form
          ref={form.formRef}
          noValidate
          onSubmit={(event) => void form.onSubmit(event)}
          onKeyDown={form.onKeyDown}
          aria-label={label}
          data-testid={testId}
          style={style}
          {...Object.fromEntries(Object.entries(dataset ?? {}).map(([key, value]) => [`data-${key}`, value]))}
        >
          {children}
        </form>
      </FormProvider>
    </FormLayerContext.Provider>
  );
}
