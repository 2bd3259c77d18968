import { useMemo } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ChangeRecord } from '../../../src/domain/changes';
import { useChangelogQuery } from '../shared/data/queries';
import { apiErrorOf } from '../shared/data/query-client';
import { ErrorMessage, Loading, muted } from '../shared/components';
import { Panel } from '../shared/panel';
import { formatDay, relativeTime } from '../shared/time';

/** Who changed what, when and why: newest first. */
export function ChangelogPanel() {
  const changelog = useChangelogQuery();
  // Pages can overlap when changes land between "Show more" requests: show each change once.
  const changes = useMemo(() => uniqueByRevision(changelog.data?.pages.flatMap((p) => p.changes) ?? []), [changelog.data]);
  const log = changelog.data ? { changes } : null;
  const error = changelog.error ? apiErrorOf(changelog.error) : null;
  return (
    <Panel testId="changelog" title="Changelog">
      {log === null && error === null ? <Loading label="Loading changelog" /> : null}
      {log && log.changes.length === 0 ? <div style={muted}>No changes recorded yet.</div> : null}
      {log && log.changes.length > 0 ? (
        <ol style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column' }}>
          {log.changes.map((change) => (
            <ChangeEntry key={change.revision} change={change} />
          ))}
        </ol>
      ) : null}
      {error ? <ErrorMessage error={error} title="Couldn't load the changelog" /> : null}
      {changelog.hasNextPage ? (
        <div>
          <Button onClick={() => void changelog.fetchNextPage()} isLoading={changelog.isFetchingNextPage}>
            Show more
          </Button>
        </div>
      ) : null}
    </Panel>
  );
}

function uniqueByRevision(changes: ChangeRecord[]): ChangeRecord[] {
  const seen = new Set<number>();
  return changes.filter((c) => !seen.has(c.revision) && seen.add(c.revision));
}

function ChangeEntry({ change }: { change: ChangeRecord }) {
  return (
    <li
      data-testid="change-entry"
      data-revision={change.revision}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.025'),
        paddingBlock: token('space.100'),
        borderBlockEnd: `${token('border.width', '1px')} solid ${token('color.border')}`,
      }}
    >
      <span data-testid="change-summary" style={{ fontWeight: token('font.weight.medium'), overflowWrap: 'anywhere' }}>
        {change.summary}
      </span>
      {change.reason ? (
        <span data-testid="change-reason" style={{ font: token('font.body.small'), overflowWrap: 'anywhere' }}>
          <span style={{ color: token('color.text.subtlest') }}>Why: </span>
          {change.reason}
        </span>
      ) : null}
      <span style={muted}>
        <time dateTime={change.at} title={formatDay(change.at)}>
          {relativeTime(change.at)}
        </time>{' '}
        · {change.accountId ?? 'Tech Roadmap app'} · r{change.revision}
      </span>
    </li>
  );
}
