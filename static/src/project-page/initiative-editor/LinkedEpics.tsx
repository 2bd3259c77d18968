import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { EpicProgress } from '../../../../src/domain/api';
import { muted } from '../../shared/components';
import { useProgressQuery } from '../../shared/data/queries';
import { Field, TextInput } from '../../shared/fields';

/** "TR-3 Centralize logging" once Jira has answered; the issue id until then, or when the epic is gone or hidden. */
function EpicName({ epicId, epic }: { epicId: string; epic: EpicProgress | undefined }) {
  if (epic?.state === 'ok' && epic.key) {
    return (
      <>
        <span style={{ fontWeight: token('font.weight.semibold') }}>{epic.key}</span>
        {epic.summary ? <span> {epic.summary}</span> : null}
      </>
    );
  }
  return (
    <>
      Jira issue {epicId}
      {epic?.state === 'unavailable' ? <span style={{ color: token('color.text.warning') }}> (deleted, or hidden from you)</span> : null}
    </>
  );
}

/**
 * The initiative's linked epics, each with Remove (undone with Keep until the save), and a field to link more by
 * key. The view carries epic ids only: keys and summaries come from Jira through getProgress (asked once, as the
 * editor opens); until it answers, epics show as Jira issue ids.
 */
export function LinkedEpics({
  id,
  stored,
  kept,
  onChange,
  error,
  newKeys,
  onNewKeys,
  newKeysError,
  projectKey,
  creating = false,
}: {
  id: string;
  /** The epic ids linked now. */
  stored: readonly string[];
  /** The ones that stay linked after the save. */
  kept: readonly string[];
  onChange: (kept: string[]) => void;
  error?: string;
  newKeys: string;
  onNewKeys: (value: string) => void;
  newKeysError?: string;
  projectKey: string;
  /** A new initiative: nothing is linked yet, only keys to link. */
  creating?: boolean;
}) {
  const help = `Optional. Comma separated, e.g. ${projectKey}-12, ${projectKey}-15; checked in Jira as you save`;
  // The page's cached progress: epic keys and states without another request.
  const report = useProgressQuery();
  const epics = new Map((report.data?.epics ?? []).map((e) => [e.id, e]));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      {creating ? null : stored.length === 0 ? (
        <div style={muted} data-testid={`${id}-no-epics`}>
          No epics linked yet.
        </div>
      ) : (
        <ul
          data-testid={`${id}-epics`}
          aria-label="Linked epics"
          style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: token('space.050') }}
        >
          {stored.map((epicId) => {
            const removed = !kept.includes(epicId);
            const epic = epics.get(epicId);
            const name = epic?.state === 'ok' && epic.key ? epic.key : epicId;
            return (
              <li
                key={epicId}
                data-testid="linked-epic"
                data-epic-id={epicId}
                data-removed={removed || undefined}
                style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}
              >
                <span
                  style={{
                    font: token('font.body'),
                    color: removed ? token('color.text.subtlest') : token('color.text'),
                    textDecoration: removed ? 'line-through' : undefined,
                    overflowWrap: 'anywhere',
                    flex: '1 1 10rem',
                    minWidth: 0,
                  }}
                >
                  <EpicName epicId={epicId} epic={epic} />
                </span>
                {removed ? <span style={{ font: token('font.body.small'), color: token('color.text.warning') }}>unlinked on save</span> : null}
                <span>
                  {removed ? (
                    <Button appearance="subtle" spacing="compact" aria-label={`Keep epic ${name}`} onClick={() => onChange([...kept, epicId])}>
                      Keep
                    </Button>
                  ) : (
                    <Button appearance="subtle" spacing="compact" aria-label={`Remove epic ${name}`} onClick={() => onChange(kept.filter((k) => k !== epicId))}>
                      Remove
                    </Button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {error ? (
        <div role="alert" data-testid={`${id}-patch-epicIds-error`} style={{ font: token('font.body.small'), color: token('color.text.danger') }}>
          {error}
        </div>
      ) : null}
      <Field id={`${id}-epicKeys`} label={creating ? 'Epic keys' : 'Add epic keys'} error={newKeysError} help={help}>
        <TextInput id={`${id}-epicKeys`} value={newKeys} onChange={onNewKeys} error={newKeysError} help={help} placeholder={`${projectKey}-12`} />
      </Field>
    </div>
  );
}
