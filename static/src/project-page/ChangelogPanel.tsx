import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { type ReactNode, useMemo, useState } from 'react';
import type { Person, RoadmapView } from '../../../src/domain/api';
import { changeLines, type ChangeNames, changeTouchesInitiative } from '../../../src/domain/change-text';
import type { ChangeRecord } from '../../../src/domain/changes';
import { ErrorMessage, Loading, muted } from '../shared/components';
import { useChangelogQuery, usePeople, useProgressQuery } from '../shared/data/queries';
import { apiErrorOf } from '../shared/data/query-client';
import { NativeSelect } from '../shared/fields';
import { Panel } from '../shared/panel';
import { usePageRoute } from '../shared/route/PageRouteProvider';
import { formatDay, relativeTime } from '../shared/time';

/**
 * Who changed what, when and why: newest first, each change in words (labels and names, from → to). The filter by
 * initiative is part of the route (`/changelog?initiative=I-3`), so a link opens it filtered and back undoes a choice.
 */
export function ChangelogPanel({ view }: { view: RoadmapView }) {
  const changelog = useChangelogQuery();
  const progress = useProgressQuery();
  const { route, navigate } = usePageRoute();
  // An id the roadmap does not hold (deleted since the link was made) filters nothing away: everything shows.
  const initiativeId = route.initiative && view.initiatives.some((i) => i.id === route.initiative) ? route.initiative : '';
  const setInitiativeId = (id: string) => navigate({ view: 'changelog', filters: {}, ...(id ? { initiative: id } : {}) });
  // Pages can overlap when changes land between "Show more" requests: show each change once.
  const all = useMemo(() => uniqueByRevision(changelog.data?.pages.flatMap((p) => p.changes) ?? []), [changelog.data]);
  const changes = useMemo(() => (initiativeId ? all.filter((c) => changeTouchesInitiative(c, initiativeId)) : all), [all, initiativeId]);
  // Authors and owners by name: every account id the loaded changes and the view mention, in one lookup.
  const mentioned = useMemo(
    () => [...all.map((c) => c.accountId), ...view.initiatives.map((i) => i.ownerAccountId), view.ownerAccountId, ...accountIdsIn(all)],
    [all, view],
  );
  const people = usePeople(mentioned);
  const names = useMemo(() => changeNames(view, progress.data?.epics ?? [], people), [view, progress.data, people]);
  const log = changelog.data ? { changes } : null;
  const error = changelog.error ? apiErrorOf(changelog.error) : null;
  const filtered = view.initiatives.find((i) => i.id === initiativeId);
  return (
    <Panel testId="changelog" title="Changelog">
      {view.initiatives.length > 0 ? (
        <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050'), maxWidth: '420px' }}>
          <label
            htmlFor="changelog-initiative"
            style={{ font: token('font.body.small'), fontWeight: token('font.weight.semibold'), color: token('color.text.subtle') }}
          >
            Show changes to
          </label>
          <NativeSelect
            id="changelog-initiative"
            value={initiativeId}
            onChange={setInitiativeId}
            options={[{ value: '', label: 'All initiatives and settings' }, ...view.initiatives.map((i) => ({ value: i.id, label: i.title }))]}
          />
        </div>
      ) : null}
      {log === null && error === null ? <Loading label="Loading changelog" /> : null}
      {log && log.changes.length === 0 ? (
        <div style={muted}>{filtered ? `No changes to “${filtered.title}” among those loaded.` : 'No changes recorded yet.'}</div>
      ) : null}
      {log && log.changes.length > 0 ? (
        <ol style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column' }}>
          {log.changes.map((change) => (
            <ChangeEntry key={change.revision} change={change} names={names} />
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

/** How the ids in a change read, from what the page shows; what it does not show reads as "no longer shown". */
/** The owners a change set or cleared (ownerAccountId diffs), so they are named too. */
function accountIdsIn(changes: readonly ChangeRecord[]): string[] {
  return changes
    .flatMap((c) => c.diffs.filter((d) => d.field === 'ownerAccountId').flatMap((d) => [d.before, d.after]))
    .filter((v): v is string => typeof v === 'string');
}

function changeNames(view: RoadmapView, epics: ReadonlyArray<{ id: string; key?: string | null }>, people: Map<string, Person>): ChangeNames {
  const byId = <T extends { id: string }>(items: readonly T[], name: (item: T) => string) => {
    const map = new Map(items.map((item) => [item.id, name(item)]));
    return (id: string) => map.get(id);
  };
  return {
    initiative: byId(view.initiatives, (i) => i.title),
    phase: byId(view.phases, (p) => p.name),
    goal: byId(view.businessGoals, (g) => g.title),
    debt: byId(view.debtItems, (d) => d.title),
    epic: byId(epics, (e) => e.key ?? ''),
    person: (accountId) => people.get(accountId)?.displayName,
    horizonRules: view.horizonRules,
  };
}

/** Lines shown before "Show all": a move reads in two or three, a bulk import would fill the panel. */
const LINES_SHOWN = 4;

function ChangeDetails({ change, names }: { change: ChangeRecord; names: ChangeNames }) {
  const [expanded, setExpanded] = useState(false);
  const groups = useMemo(() => changeLines(change, names), [change, names]);
  const total = groups.reduce((n, g) => n + g.lines.length + (g.heading ? 1 : 0), 0);
  if (total === 0) return null;
  let budget = expanded ? Infinity : LINES_SHOWN;
  const shown = groups.flatMap((group, g) => {
    const rows: ReactNode[] = [];
    if (group.heading && budget-- > 0)
      rows.push(
        <li key={`${g}-h`} style={{ fontWeight: token('font.weight.medium') }}>
          {group.heading}
        </li>,
      );
    for (const [l, line] of group.lines.entries()) {
      if (budget-- <= 0) break;
      rows.push(
        <li key={`${g}-${l}`} data-testid="change-line" style={{ paddingInlineStart: group.heading ? token('space.150') : undefined }}>
          <span style={{ color: token('color.text.subtle') }}>{line.label}: </span>
          {line.text}
        </li>,
      );
    }
    return rows;
  });
  const hidden = total - shown.length + (change.omittedDiffs ?? 0);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
      <ul data-testid="change-details" style={{ margin: 0, padding: 0, listStyle: 'none', font: token('font.body.small'), overflowWrap: 'anywhere' }}>
        {shown}
      </ul>
      {hidden > 0 && !expanded && total > LINES_SHOWN ? (
        <div>
          <Button appearance="subtle" spacing="compact" onClick={() => setExpanded(true)} aria-label={`Show all changes of r${change.revision}`}>
            Show {hidden} more
          </Button>
        </div>
      ) : null}
      {expanded && change.omittedDiffs ? <div style={muted}>{change.omittedDiffs} more field changes were too many to record.</div> : null}
    </div>
  );
}

function ChangeEntry({ change, names }: { change: ChangeRecord; names: ChangeNames }) {
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
      <ChangeDetails change={change} names={names} />
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
        · <span data-testid="change-author">{change.accountId ? (names.person(change.accountId) ?? 'A Jira user') : 'Tech Roadmap app'}</span> · r
        {change.revision}
      </span>
    </li>
  );
}
