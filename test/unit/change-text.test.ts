import { changeLines, type ChangeNames, changeTouchesInitiative, diffLine, fieldLabel, settingsSummary } from '../../src/domain/change-text';
import type { FieldDiff } from '../../src/domain/changes';

const names: ChangeNames = {
  initiative: (id) => ({ 'I-1': 'Centralize logging', 'I-2': 'Upgrade Node.js' })[id],
  phase: (id) => ({ 'P-1': 'Foundation', 'P-2': 'Scale' })[id],
  goal: (id) => ({ 'G-1': 'Cut incident minutes' })[id],
  debt: (id) => ({ 'D-1': 'SHA-1 tokens' })[id],
  epic: (id) => ({ '10010': 'TR-10', '10032': 'TR-32' })[id],
  person: (id) => ({ 'acc-ada': 'Ada Admin' })[id],
  horizonRules: { nowQuarters: 1, nextQuarters: 1 },
};
const diff = (field: string, before: unknown, after: unknown, entity: FieldDiff['entity'] = 'initiative', id = 'I-1'): FieldDiff => ({
  entity,
  id,
  field,
  before,
  after,
});

describe('a change as people read it', () => {
  it('labels stored fields, never their names', () => {
    expect(fieldLabel('roadmap', 'reviewCadenceDays')).toBe('Review cadence');
    expect(fieldLabel('initiative', 'ownerAccountId')).toBe('Owner');
    expect(fieldLabel('initiative', 'someNewField')).toBe('Some New Field');
    expect(settingsSummary(['capacity', 'businessGoals', 'reviewCadenceDays'])).toBe('Changed roadmap settings (capacity, business goals, review cadence)');
  });

  it('says from → to with quarters, phases, statuses and people as they read', () => {
    expect(diffLine(diff('targetQuarter', '2027-Q2', '2026-Q4'), names)).toEqual({ label: 'Target quarter', text: 'Q2 2027 → Q4 2026' });
    expect(diffLine(diff('phaseId', 'P-1', 'P-2'), names).text).toBe('“Foundation” → “Scale”');
    expect(diffLine(diff('status', 'planned', 'in-progress'), names).text).toBe('Planned → In progress');
    expect(diffLine(diff('ownerAccountId', null, 'acc-ada'), names).text).toBe('(none) → Ada Admin');
    expect(diffLine(diff('reviewCadenceDays', 30, 14, 'roadmap', '10000'), names)).toEqual({ label: 'Review cadence', text: 'every 30 days → every 14 days' });
  });

  it('never shows an account id or an epic id, even when the name is unknown', () => {
    const text = [diffLine(diff('ownerAccountId', 'acc-unknown', null), names).text, diffLine(diff('epicIds', [], ['99999']), names).text].join(' ');
    expect(text).not.toContain('acc-unknown');
    expect(text).not.toContain('99999');
    expect(text).toBe('a Jira user → (none) linked an epic no longer shown');
  });

  it('names list changes as links, unlinks and dependencies by key and title', () => {
    expect(diffLine(diff('epicIds', ['10010'], ['10010', '10032']), names)).toEqual({ label: 'Epics', text: 'linked TR-32' });
    expect(diffLine(diff('epicIds', ['10010', '10032'], []), names).text).toBe('unlinked TR-10, TR-32');
    expect(diffLine(diff('dependsOn', [], ['I-2']), names).text).toBe('now depends on “Upgrade Node.js”');
    expect(diffLine(diff('businessGoalIds', ['G-1'], []), names).text).toBe('no longer serves “Cut incident minutes”');
  });

  it('adds the horizon a move crossed, seen from when it was made', () => {
    const [group] = changeLines({ at: '2026-11-15T10:00:00Z', diffs: [diff('targetQuarter', '2027-Q3', '2026-Q4')] }, names);
    expect(group.lines).toEqual([
      { label: 'Target quarter', text: 'Q3 2027 → Q4 2026' },
      { label: 'Horizon', text: 'Later → Now' },
    ]);
    // Within the same horizon, no horizon line.
    const [same] = changeLines({ at: '2026-11-15T10:00:00Z', diffs: [diff('targetQuarter', '2027-Q3', '2027-Q4')] }, names);
    expect(same.lines.map((l) => l.label)).toEqual(['Target quarter']);
  });

  it('a change touching several things heads each group; creations read as one line', () => {
    const created = ['title', 'phaseId', 'targetQuarter', 'status'].map((f) => diff(f, undefined, f === 'title' ? 'Adopt tracing' : 'x', 'initiative', 'I-9'));
    const promoted = diff('promotedTo', null, 'I-9', 'debt', 'D-1');
    const groups = changeLines({ at: '2026-11-15T10:00:00Z', diffs: [...created, promoted] }, names);
    expect(groups).toEqual([
      { heading: 'Initiative “Adopt tracing”', lines: [{ label: 'Initiative', text: 'added' }] },
      { heading: 'Debt item “SHA-1 tokens”', lines: [{ label: 'Promoted to', text: '(none) → an initiative no longer shown' }] },
    ]);
    expect(changeTouchesInitiative({ diffs: [promoted] }, 'I-9')).toBe(true);
    expect(changeTouchesInitiative({ diffs: created }, 'I-9')).toBe(true);
    expect(changeTouchesInitiative({ diffs: created }, 'I-1')).toBe(false);
  });
});
