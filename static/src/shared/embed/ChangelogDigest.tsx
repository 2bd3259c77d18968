import { token } from '@atlaskit/tokens';
import { useMemo } from 'react';
import type { RoadmapView } from '../../../../src/domain/api';
import type { ChangeRecord } from '../../../../src/domain/changes';
import { usePeople } from '../data/queries';
import { muted } from '../page';
import { formatDay, relativeTime } from '../time';

/** How far back the digest looks: a month, about one review cadence. */
const DIGEST_DAYS = 30;
const DAY_MS = 86_400_000;

/** The changes a digest shows: those of the last DIGEST_DAYS days, newest first (what the page has loaded). */
export function recentChanges(changes: readonly ChangeRecord[], today: Date): ChangeRecord[] {
  const since = today.getTime() - DIGEST_DAYS * DAY_MS;
  return changes.filter((c) => Date.parse(c.at) >= since);
}

/** A digest of what changed on the roadmap lately and why, for readers who do not follow the changelog. */
export function ChangelogDigest({ view, changes, hasMore }: { view: RoadmapView; changes: readonly ChangeRecord[]; hasMore: boolean }) {
  const recent = useMemo(() => recentChanges(changes, new Date()), [changes]);
  const people = usePeople(useMemo(() => recent.map((c) => c.accountId), [recent]));
  return (
    <section data-testid="changelog-digest" aria-label="Recent changes" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div style={muted}>
        {recent.length === 0
          ? `No changes to ${view.title} in the last ${DIGEST_DAYS} days.`
          : hasMore && recent.length === changes.length
            ? // Every loaded change is recent and more exist: the count would understate the month.
              `The ${recent.length} newest changes, newest first; the full changelog in Jira has the rest of the last ${DIGEST_DAYS} days.`
            : `${recent.length === 1 ? '1 change' : `${recent.length} changes`} in the last ${DIGEST_DAYS} days, newest first.`}
      </div>
      <ol style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
        {recent.map((change) => (
          <li
            key={change.revision}
            data-testid="digest-entry"
            data-revision={change.revision}
            style={{ paddingBlockEnd: token('space.100'), borderBlockEnd: `${token('border.width', '1px')} solid ${token('color.border')}` }}
          >
            <div style={{ fontWeight: token('font.weight.medium'), overflowWrap: 'anywhere' }}>{change.summary}</div>
            {change.reason ? (
              <div style={{ font: token('font.body.small'), overflowWrap: 'anywhere' }}>
                <span style={{ color: token('color.text.subtlest') }}>Why: </span>
                {change.reason}
              </div>
            ) : null}
            <div style={muted}>
              <time dateTime={change.at} title={formatDay(change.at)}>
                {relativeTime(change.at)}
              </time>{' '}
              · {change.accountId ? (people.get(change.accountId)?.displayName ?? 'A Jira user') : 'Tech Roadmap app'}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
