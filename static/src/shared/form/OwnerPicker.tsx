import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { PersonName } from '../board';
import { muted } from '../components';
import { usePeople, usePeopleSearch } from '../data/queries';
import { Field, TextInput } from '../fields';
import { useDebounced } from '../use-debounced';
import { useLayerField } from './inputs';

/** How long typing pauses before the search asks Jira. */
const SEARCH_PAUSE_MS = 250;

/**
 * An owner, chosen by name: type part of a name, pick from the people Jira lets the caller find. The field holds the
 * account id (the payload path `name`); nobody types or sees one.
 */
export function OwnerPicker({ name, label }: { name: string; label: string }) {
  const f = useLayerField(name);
  const chosen = f.value || null;
  const people = usePeople(chosen ? [chosen] : []);
  const [typed, setTyped] = useState('');
  const query = useDebounced(typed.trim(), SEARCH_PAUSE_MS);
  const search = usePeopleSearch(query);
  const searchId = `${f.id}-search`;
  const found = query.length > 0 && typed.trim() === query ? (search.data ?? []) : [];
  // Said under the search input and read with it (aria-describedby), like any field's help.
  const help = chosen ? undefined : 'Nobody owns it yet';
  return (
    <Field id={searchId} label={label} error={f.error} help={help}>
      {chosen ? (
        <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), font: token('font.body') }} data-testid={`${f.id}-chosen`}>
          <PersonName person={people.get(chosen)} />
          <Button appearance="subtle" spacing="compact" onClick={() => f.onChange('')} aria-label={`Remove ${people.get(chosen)?.displayName ?? 'the owner'}`}>
            Remove
          </Button>
        </div>
      ) : null}
      <TextInput
        id={searchId}
        value={typed}
        onChange={setTyped}
        placeholder={chosen ? 'Type a name to change the owner' : 'Type a name'}
        error={f.error}
        help={help}
        maxLength={100}
      />
      {query.length > 0 && search.isFetching ? <div style={muted}>Searching…</div> : null}
      {query.length > 0 && search.isSuccess && found.length === 0 && typed.trim() === query ? <div style={muted}>No one found for “{query}”.</div> : null}
      {found.length > 0 ? (
        <ul aria-label="People found" style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
          {found.map((person) => (
            <li key={person.accountId}>
              <Button
                appearance="subtle"
                spacing="compact"
                aria-label={`Choose ${person.displayName}`}
                onClick={() => {
                  f.onChange(person.accountId);
                  setTyped('');
                }}
              >
                {person.displayName}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </Field>
  );
}
