import { useCallback, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ApiError } from '../../../src/domain/api';
import type { ChangeRecord } from '../../../src/domain/changes';
import { call } from '../shared/client';
import { ErrorMessage, Loading, muted } from '../shared/components';
import { Panel } from '../shared/panel';
import { formatDay, relativeTime } from '../shared/time';

const PAGE_SIZE = 10;

interface Log {
  changes: ChangeRecord[];
  nextCursor?: string;
}

/**
 * The first page of the changelog, refetched whenever `revision` changes (after any write on the page), and
 * "Show more" pages after it. Answers to superseded requests are dropped.
 */
function useChangelog(revision: number) {
  const [log, setLog] = useState<Log | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    call('getChangelog', { limit: PAGE_SIZE }).then((result) => {
      if (request !== latest.current) return;
      if (result.ok) {
        setLog(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      latest.current += 1;
    };
  }, [revision]);

  const showMore = useCallback(async () => {
    const cursor = log?.nextCursor;
    if (!cursor) return;
    const request = ++latest.current;
    setLoadingMore(true);
    const result = await call('getChangelog', { limit: PAGE_SIZE, cursor });
    setLoadingMore(false);
    // A refetch of the first page (after a write) started meanwhile: its answer wins.
    if (request !== latest.current) return;
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setLog((prev) => {
      const seen = new Set((prev?.changes ?? []).map((c) => c.revision));
      return { changes: [...(prev?.changes ?? []), ...result.value.changes.filter((c) => !seen.has(c.revision))], nextCursor: result.value.nextCursor };
    });
  }, [log?.nextCursor]);

  return { log, error, loadingMore, showMore };
}

/** Who changed what, when and why: newest first. */
export function ChangelogPanel({ revision }: { revision: number }) {
  const { log, error, loadingMore, showMore } = useChangelog(revision);
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
      {log?.nextCursor ? (
        <div>
          <Button onClick={showMore} isLoading={loadingMore}>
            Show more
          </Button>
        </div>
      ) : null}
    </Panel>
  );
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
