import type { PeopleAnswer } from '../../domain/api';
import type { PayloadOf } from '../../domain/contract';
import { accessTo, projectIdFromContext } from '../access';
import type { Call, Deps } from '../deps';

/**
 * Names and avatars for the account ids a roadmap shows (owners, changelog authors), in one bulk lookup asked of
 * Jira as the caller, so Jira decides what they may see. Only for someone who may browse the surface's project: the
 * lookup serves its roadmap, not a directory of the site.
 */
/** How many people the owner picker offers at once. */
const PICKER_RESULTS = 10;

/** The owner picker: people Jira lets the caller find, for someone who may browse the roadmap's project. */
export async function findPeople(deps: Deps, payload: PayloadOf<'findPeople'>, call: Call): Promise<PeopleAnswer> {
  await accessTo(deps, projectIdFromContext(call.context));
  return { people: await deps.jira.searchUsers(payload.query, PICKER_RESULTS) };
}

export async function getPeople(deps: Deps, payload: PayloadOf<'getPeople'>, call: Call): Promise<PeopleAnswer> {
  await accessTo(deps, projectIdFromContext(call.context));
  const people = payload.accountIds.length === 0 ? [] : await deps.jira.getUsers(payload.accountIds);
  return { people };
}
