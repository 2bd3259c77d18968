import type { Person, RoadmapView } from '../../../../src/domain/api';
import { type InitiativeFilter, NO_OWNER } from '../../../../src/domain/board-filter';
import { TRACKS } from '../../../../src/domain/model';
import { TRACK_LABEL } from '../../shared/labels';
import { phasesInOrder } from '../../shared/phases';

export interface Option {
  value: string;
  label: string;
}

/** The choices of each select in the filter bar; the first ("All …", value '') clears that filter. */
export interface FilterOptions {
  phase: Option[];
  track: Option[];
  owner: Option[];
  goal: Option[];
}

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);

/**
 * The filter bar's choices for a view: its phases in order, every track, the people who own an initiative (by name,
 * A–Z, then "Nobody"), its business goals. A value the route names that is not among them (a link to a deleted phase)
 * is offered as "Unknown …", so the select shows what filters the board and can be cleared.
 */
export function filterOptions(
  view: Pick<RoadmapView, 'phases' | 'initiatives' | 'businessGoals'>,
  people: ReadonlyMap<string, Person>,
  filter: InitiativeFilter,
): FilterOptions {
  const ownerIds = new Set(view.initiatives.map((i) => i.ownerAccountId).filter((id): id is string => Boolean(id)));
  const owners = [...ownerIds].map((id) => ({ value: id, label: people.get(id)?.displayName ?? 'Someone' })).sort(byLabel);
  if (view.initiatives.some((i) => !i.ownerAccountId)) owners.push({ value: NO_OWNER, label: 'Nobody' });
  const options: FilterOptions = {
    phase: [{ value: '', label: 'All phases' }, ...phasesInOrder(view.phases).map((p) => ({ value: p.id, label: p.name }))],
    track: [{ value: '', label: 'All tracks' }, ...TRACKS.map((t) => ({ value: t, label: TRACK_LABEL[t] }))],
    owner: [{ value: '', label: 'Anyone' }, ...owners],
    goal: [{ value: '', label: 'All goals' }, ...view.businessGoals.map((g) => ({ value: g.id, label: g.title }))],
  };
  const unknown: Record<keyof FilterOptions, string> = { phase: 'Unknown phase', track: 'Unknown track', owner: 'Someone else', goal: 'Unknown goal' };
  for (const key of Object.keys(options) as Array<keyof FilterOptions>) {
    const value = filter[key];
    if (value && !options[key].some((o) => o.value === value)) options[key].push({ value, label: `${unknown[key]} (${value})` });
  }
  return options;
}
