/** The "Since last review" agenda: summary line, sections in words, reasons, drift against now, and what it cannot compare. */
import type { InitiativeView, RoadmapView } from '../../../src/domain/api';
import { compareSnapshots } from '../../../src/domain/review/compare';
import type { ReviewComparisonResult } from '../../../src/domain/review-api';
import type { DriftReport } from '../../../src/domain/rules/drift';
import { reviewAgenda, reviewLabel } from '../../../static/src/project-page/review/review-model';

const item = (id: string, patch: Record<string, unknown> = {}) => ({
  id,
  horizon: 'next' as const,
  targetQuarter: '2027-Q1',
  phaseId: 'P-1',
  status: 'planned' as const,
  metricCurrent: 10,
  metricTarget: 50,
  ...patch,
});
const initiative = (id: string, title: string, patch: Record<string, unknown> = {}) =>
  ({
    id,
    title,
    horizon: 'next',
    targetQuarter: '2027-Q1',
    phaseId: 'P-1',
    successMetric: { description: 'm', unit: '%' },
    ...patch,
  }) as unknown as InitiativeView;
const view = {
  phases: [
    { id: 'P-1', name: 'Foundation' },
    { id: 'P-2', name: 'Scale' },
  ],
  initiatives: [
    initiative('I-1', 'Read replicas'),
    initiative('I-2', 'CDN'),
    initiative('I-3', 'Tracing'),
    initiative('I-9', 'New work', { horizon: 'now', targetQuarter: '2026-Q4' }),
  ],
} as unknown as RoadmapView;

const summary = { seq: 3, revision: 40, reviewedAt: '2026-11-02T10:00:00Z', reviewer: 'acc-ada', note: 'Monthly', initiatives: 4, drift: 'recorded' as const };
function comparison(patch: Partial<ReviewComparisonResult> = {}): ReviewComparisonResult {
  const changes = compareSnapshots(
    { items: [item('I-1'), item('I-2'), item('I-3'), item('I-4')] },
    {
      items: [
        item('I-1', { horizon: 'later', targetQuarter: '2027-Q3' }),
        item('I-2', { phaseId: 'P-2' }),
        item('I-3', { metricCurrent: 40 }),
        item('I-9', { horizon: 'now', targetQuarter: '2026-Q4' }),
      ],
    },
  );
  return {
    from: summary,
    to: null,
    asOf: '2026-11-23T12:00:00Z',
    changes,
    titles: { 'I-4': 'Old flags' },
    phases: { 'P-1': 'Foundation', 'P-2': 'Scale' },
    reasons: { 'I-1': [44], 'I-4': [45] },
    changelog: {
      read: 2,
      total: 2,
      truncated: false,
      changes: [
        { revision: 45, at: '2026-11-10T09:00:00Z', accountId: 'acc-max', summary: 'Deleted initiative "Old flags"', reason: 'Comes with the platform' },
        { revision: 44, at: '2026-11-05T09:00:00Z', accountId: 'acc-ada', summary: 'Moved "Read replicas"', reason: 'Vendor late' },
      ],
    },
    drift: { from: { state: 'recorded', keys: ['now-not-started:I-2', 'past-target:I-4'], uncovered: [] }, to: null },
    ...patch,
  };
}
const NAMES: Record<string, string> = { 'acc-ada': 'Ada Admin', 'acc-max': 'Max Member' };
const options = { nameOf: (id: string | null) => (id ? NAMES[id] : 'Tech Roadmap app'), formatDay: (iso: string) => iso.slice(0, 10) };
const report = (keys: string[]) => ({ flags: keys.map((key) => ({ key, message: `msg ${key}` })) }) as unknown as DriftReport;

describe('the review agenda', () => {
  it('sums up what changed since the review, by whom it was reviewed, and drift against now', () => {
    const agenda = reviewAgenda(comparison(), view, { state: 'ready', report: report(['later-in-progress:I-1']) }, options);
    expect(agenda.summary).toBe(
      'Since the review on 2026-11-02 by Ada Admin: 1 added, 1 removed, 2 moved, 1 slipped, 1 metric moved, drift: 1 appeared, 1 cleared.',
    );
    expect(agenda.drift).toBe('compared');
    const section = (id: string) => agenda.sections.find((s) => s.id === id)!;
    expect(section('moved').entries.map((e) => [e.title, e.detail])).toEqual([
      ['Read replicas', 'Next → Later'],
      ['CDN', 'phase Foundation → Scale'],
    ]);
    expect(section('moved').entries[0].reasons).toEqual([
      { revision: 44, reason: 'Vendor late', summary: 'Moved "Read replicas"', by: 'Ada Admin', on: '2026-11-05' },
    ]);
    expect(section('slipped').entries[0].detail).toBe('Q1 2027 → Q3 2027 (2 quarters later)');
    expect(section('metrics').entries[0].detail).toBe('10 → 40 %, target 50 % — toward the target');
    // A removed initiative is named from the changelog and cannot be opened; an added one says where it is now.
    expect(section('removed').entries[0]).toMatchObject({
      title: 'Old flags',
      onRoadmap: false,
      reasons: [{ reason: 'Comes with the platform', by: 'Max Member' }],
    });
    expect(section('added').entries[0]).toMatchObject({ title: 'New work', onRoadmap: true, detail: 'Now · Q4 2026 · Foundation' });
    // Drift: now-not-started on I-2 cleared; a removed initiative's flag is not "cleared"; a new one appeared.
    expect(section('drift-appeared').entries.map((e) => [e.flag, e.detail])).toEqual([
      ['later-in-progress:I-1', 'Planned for Later, already under way in Jira'],
    ]);
    expect(section('drift-cleared').entries.map((e) => e.flag)).toEqual(['now-not-started:I-2']);
    expect(agenda.notes).toEqual([]);
  });

  it('waits for Jira progress before comparing drift, and says when it cannot', () => {
    expect(reviewAgenda(comparison(), view, { state: 'loading' }, options).drift).toBe('loading');
    const down = reviewAgenda(comparison(), view, { state: 'unavailable' }, options);
    expect(down.drift).toBe('unavailable');
    expect(down.notes).toEqual(['Jira progress could not be loaded, so drift is not compared with now.']);
    const unrecorded = reviewAgenda(
      comparison({ drift: { from: { state: 'unavailable', keys: [], uncovered: [] }, to: null } }),
      view,
      { state: 'ready', report: report([]) },
      options,
    );
    expect(unrecorded.notes[0]).toMatch(/^Drift was not recorded/);
    expect(unrecorded.summary).not.toContain('drift');
  });

  it('compares two reviews by their recorded drift, and says when the changelog was read in part', () => {
    const later = { ...summary, seq: 4, revision: 60, reviewedAt: '2026-12-01T10:00:00Z' };
    const agenda = reviewAgenda(
      comparison({
        to: later,
        drift: { from: { state: 'recorded', keys: ['past-target:I-1'], uncovered: [] }, to: { state: 'recorded', keys: [], uncovered: [] } },
        changelog: { ...comparison().changelog, read: 200, total: 250, truncated: true },
      }),
      view,
      { state: 'loading' },
      options,
    );
    expect(agenda.summary).toMatch(/^From review #3 \(2026-11-02, Ada Admin\) to review #4 \(2026-12-01\): /);
    expect(agenda.sections.find((s) => s.id === 'drift-cleared')!.entries.map((e) => e.flag)).toEqual(['past-target:I-1']);
    expect(agenda.notes).toEqual(['Reasons come from the newest 200 of the 250 changes since the review; older ones are in the Changelog.']);
  });

  it('labels a review for the picker', () => {
    expect(reviewLabel(summary, options.nameOf, options.formatDay)).toBe('Review #3 · 2026-11-02 · Ada Admin');
  });
});
