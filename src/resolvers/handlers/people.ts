import type { PeopleAnswer } from '../../domain/api';
import type { PayloadOf } from '../../domain/contract';
import { accessTo, projectIdFromContext } from '../access';
import type { Call, Deps } from '../deps';

/**
 * Names and avatars for the account ids a roadmap shows (owners, changelog authors), in one bulk lookup asked of
 * Jira as the caller, so Jira decides what they may see. Only for someone who may browse the surface's project: the
 * lookup serves its roadmap, not a directory of the site.
 */
export async function getPeople(deps: Deps, payload: PayloadOf<'getPeople'>, call: Call): Promise<PeopleAnswer> {
  await accessTo(deps, projectIdFromContext(call.context));
  const people = payload.accountIds.length === 0 ? [] : await deps.jira.getUsers(payload.accountIds);
  return { people };
}
