import type { Phase } from '../../../../src/domain/model';
import { phasesInOrder } from '../phases';
import { SelectField } from './inputs';

/** The phase of the payload path `name`, offered in the roadmap's order. */
export function PhaseSelect({ name, phases, label = 'Phase' }: { name: string; phases: Phase[]; label?: string }) {
  return <SelectField name={name} label={label} options={phasesInOrder(phases).map((p) => ({ value: p.id, label: p.name }))} />;
}
