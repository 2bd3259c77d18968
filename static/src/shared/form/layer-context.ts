import { createContext, useContext } from 'react';
import type { DomainForm } from './use-domain-form';

/** What the shared inputs and buttons need of the form they sit in: ids, errors, the submit state, closing. */
export interface FormLayer {
  idPrefix: string;
  form: DomainForm;
}

export const FormLayerContext = createContext<FormLayer | null>(null);

export function useFormLayer(): FormLayer {
  const layer = useContext(FormLayerContext);
  if (!layer) throw new Error('A form input outside a <DomainFormFrame>');
  return layer;
}
