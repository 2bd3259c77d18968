import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { RoadmapView } from '../../../../src/domain/api';
import type { ReviewComparisonAnswer } from '../../../../src/domain/review-api';
import { driftOf } from '../../../../src/domain/rules/drift';
import type { RoadmapHealth } from '../../../../src/domain/rules/health';
import { call } from '../../shared/client';
import { ErrorMessage, Loading, muted } from '../../shared/components';
import { usePeople, useProgressQuery } from '../../shared/data/queries';
import { apiErrorOf, unwrap } from '../../shared/data/query-client';
import { NativeSelect } from '../../shared/fields';
import { CappedList, Panel, PanelSection } from '../../shared/panel';
import { formatDay } from '../../shared/time';
import { titleButton } from '../../shared/views/title-button';
import { ReviewStatus } from '../ReviewStatus';
import { type AgendaEntry, type CurrentDrift, reviewAgenda, reviewLabel } from './review-model';

/** Which reviews are compared: `from` (default the latest) with `to` (default now). */
interface Selection {
  from?: number;
  to?: number;
}

/**
 * One invoke per view: the comparison and the list of kept reviews. Keyed by the roadmap's revision, so a write
 * (a move, a new review) brings a fresh comparison with now.
 */
function useReviewComparison(selection: Selection, revision: number) {
  return useQuery({
    queryKey: ['review-comparison', selection.from ?? 'latest', selection.to ?? 'now', revision],
    queryFn: async (): Promise<ReviewComparisonAnswer> =>
      unwrap(
        await call('getReviewComparison', {
          ...(selection.from !== undefined ? { from: selection.from } : {}),
          ...(selection.to !== undefined ? { to: selection.to } : {}),
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * "Since last review": the agenda of the 30-minute review — what was added, removed, moved (with the changelog's
 * reasons), slipped or pulled in, which statuses and success metrics changed, and which drift appeared or cleared
 * since the last review (or between two earlier ones). Editors mark the roadmap reviewed here, with a note.
 */
export function ReviewView({ view, health, openInitiative }: { view: RoadmapView; health: RoadmapHealth; openInitiative?: (id: string) => void }) {
  const [selection, setSelection] = useState<Selection>({});
  const query = useReviewComparison(selection, view.revision);
  const progress = useProgressQuery();
  const answer = query.data;
  const comparison = answer?.comparison ?? null;

  // Drift now, as this reader sees it: from the view and Jira progress (only needed when comparing with now).
  const current: CurrentDrift = useMemo(() => {
    if (progress.isError) return { state: 'unavailable' };
    if (!progress.data) return { state: 'loading' };
    return { state: 'ready', report: driftOf(view, progress.data, new Date()) };
  }, [progress.isError, progress.data, view]);

  const mentioned = useMemo(
    () => [...(answer?.baselines.map((b) => b.reviewer) ?? []), ...(comparison?.changelog.changes.map((c) => c.accountId) ?? [])],
    [answer, comparison],
  );
  const people = usePeople(mentioned);
  const nameOf = useMemo(
    () => (accountId: string | null) => (accountId ? (people.get(accountId)?.displayName ?? 'A Jira user') : 'Tech Roadmap app'),
    [people],
  );
  const agenda = useMemo(
    () => (comparison ? reviewAgenda(comparison, view, current, { nameOf, formatDay, epics: progress.data?.epics }) : null),
    [comparison, view, current, nameOf, progress.data],
  );

  // Sections with nothing in them go on one line, so the agenda is only what there is to discuss.
  const driftOpen = agenda?.drift === 'compared' || agenda?.drift === 'partial';
  const quiet = (agenda?.sections ?? []).filter((section) => section.entries.length === 0 && (driftOpen || !section.id.startsWith('drift')));
  const fromSeq = comparison?.from.seq;
  const toSeq = comparison?.to?.seq;
  const baselines = answer?.baselines ?? [];
  const fromOptions = baselines.map((b) => ({ value: String(b.seq), label: reviewLabel(b, nameOf, formatDay) }));
  const toOptions = [
    { value: 'now', label: 'Now' },
    ...baselines.filter((b) => fromSeq !== undefined && b.seq > fromSeq).map((b) => ({ value: String(b.seq), label: reviewLabel(b, nameOf, formatDay) })),
  ];
  const chooseFrom = (value: string) => {
    const from = Number(value);
    // A later review stays the end point; one no longer later falls back to now.
    setSelection({ from, to: toSeq !== undefined && toSeq > from ? toSeq : undefined });
  };
  const chooseTo = (value: string) => setSelection({ from: fromSeq, to: value === 'now' ? undefined : Number(value) });

  return (
    <Panel testId="review" title="Since last review">
      <ReviewStatus review={health.staleness.review} revision={view.revision} canEdit={view.permissions.canEdit} withNote />
      {query.isPending ? <Loading label="Loading the review comparison" /> : null}
      {query.isError ? (
        <ErrorMessage error={apiErrorOf(query.error)} title="Couldn't compare the reviews">
          {selection.from !== undefined ? (
            <button type="button" style={titleButton('small')} onClick={() => setSelection({})}>
              Compare the latest review with now
            </button>
          ) : null}
        </ErrorMessage>
      ) : null}
      {answer && !comparison ? (
        <div data-testid="review-empty">
          <EmptyState
            header="No review to compare with yet"
            description={
              view.permissions.canEdit
                ? 'Mark the roadmap reviewed to start comparing: each review keeps what was planned, and this view shows what changed since — the agenda for the next review.'
                : 'Once someone marks the roadmap reviewed, this view shows what changed since: the agenda for the next review.'
            }
          />
        </div>
      ) : null}
      {comparison && agenda ? (
        <>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200'), alignItems: 'flex-end' }}>
            <Picker id="review-from" label="Compare review" value={String(fromSeq)} options={fromOptions} onChange={chooseFrom} />
            <Picker id="review-to" label="with" value={toSeq === undefined ? 'now' : String(toSeq)} options={toOptions} onChange={chooseTo} />
            {answer && answer.baselines.length > 0 ? (
              <span style={muted}>
                The {answer.keep} most recent reviews are kept ({answer.baselines.length} so far).
              </span>
            ) : null}
          </div>
          <p data-testid="review-summary" data-drift={agenda.drift} style={{ margin: 0, font: token('font.body'), fontWeight: token('font.weight.semibold') }}>
            {agenda.summary}
          </p>
          {comparison.from.note ? (
            <div data-testid="review-note-shown" style={muted}>
              Review #{comparison.from.seq} noted: “{comparison.from.note}”
            </div>
          ) : null}
          {agenda.notes.map((note) => (
            <SectionMessage key={note} appearance="information" testId="review-notice">
              <p>{note}</p>
            </SectionMessage>
          ))}
          {agenda.sections
            .filter((section) => section.entries.length > 0)
            .map((section) => (
              <PanelSection key={section.id} testId={`review-${section.id}`} title={section.title} count={section.entries.length}>
                <CappedList
                  testId={`review-${section.id}-list`}
                  items={section.entries}
                  itemKey={(entry) => entry.key}
                  empty={section.empty}
                  render={(entry) => <Entry entry={entry} section={section.id} openInitiative={openInitiative} />}
                />
              </PanelSection>
            ))}
          {agenda.drift === 'loading' ? <div style={muted}>Checking Jira for drift since the review…</div> : null}
          {quiet.length > 0 ? (
            <div data-testid="review-quiet" style={muted}>
              Nothing to discuss under {listInWords(quiet.map((section) => section.title))}.
            </div>
          ) : null}
        </>
      ) : null}
    </Panel>
  );
}

/** "A, B and C". */
function listInWords(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function Picker(props: {
  id: string;
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050'), minWidth: '260px' }}>
      <label htmlFor={props.id} style={{ font: token('font.body.small'), fontWeight: token('font.weight.semibold'), color: token('color.text.subtle') }}>
        {props.label}
      </label>
      <NativeSelect id={props.id} value={props.value} onChange={props.onChange} options={props.options} />
    </div>
  );
}

/** One initiative on the agenda: its title (opens it, while it is on the roadmap), what changed, and why. */
function Entry({ entry, section, openInitiative }: { entry: AgendaEntry; section: string; openInitiative?: (id: string) => void }) {
  return (
    <div data-testid="review-entry" data-section={section} data-initiative-id={entry.initiativeId} data-flag={entry.flag}>
      {entry.onRoadmap && openInitiative ? (
        <button type="button" style={titleButton('small')} onClick={() => openInitiative(entry.initiativeId)}>
          {entry.title}
        </button>
      ) : (
        <span style={{ fontWeight: token('font.weight.medium') }}>{entry.title}</span>
      )}{' '}
      <span data-testid="review-detail">— {entry.detail}</span>
      {entry.reasons.length > 0 ? (
        <ul style={{ margin: 0, paddingInlineStart: token('space.200'), listStyle: 'none' }}>
          {entry.reasons.map((reason) => (
            <li key={reason.revision} data-testid="review-reason" style={muted}>
              {reason.reason ? `Why: “${reason.reason}”` : reason.summary} · {reason.by}, {reason.on}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
