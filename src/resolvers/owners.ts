import { AppError } from '../domain/errors';
import type { Deps } from './deps';

/**
 * An owner a write names must be a person Jira knows, as the caller sees it — like an epic, a reference is confirmed
 * before it is stored. Unchanged owners are not asked about again (someone who left stays until replaced).
 */
export async function confirmOwner(deps: Deps, accountId: string | null | undefined, current: string | null, field: string): Promise<void> {
  if (!accountId || accountId === current) return;
  const [person] = await deps.jira.getUsers([accountId]);
  if (!person)
    throw new AppError('INVALID_INPUT', 'That owner is not a Jira user you can see', { [field]: 'No Jira user with this account id; pick the owner by name' });
}

/**
 * The account ids among `accountIds` that name a person Jira shows the caller, in one bulk lookup as them (pages of
 * 100). An unknown id and one the caller may not see are both simply absent, so callers word them the same.
 */
export async function visiblePeople(deps: Deps, accountIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(accountIds)];
  if (unique.length === 0) return new Set();
  return new Set((await deps.jira.getUsers(unique)).map((person) => person.accountId));
}
