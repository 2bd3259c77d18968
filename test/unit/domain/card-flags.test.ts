/** The board cards' warnings: one flag per kind per initiative, from the dependency and staleness rules. */
import { cardFlags, cardFlagsOfView } from '../../../src/domain/card-flags';
import { driftOf } from '../../../src/domain/rules/drift';
import { initiative, phase, TODAY } from '../rules/fixtures';

const view = (initiatives: ReturnType<typeof initiative>[], reviewCadenceDays = 30) => ({
  initiatives: initiatives.map((i) => ({ ...i, horizon: 'now' as const })),
  phases: [phase({ id: 'P-1', order: 0 }), phase({ id: 'P-2', name: 'Scale', order: 1 })],
  horizonRules: { nowQuarters: 1, nextQuarters: 1 },
  reviewCadenceDays,
});
const fresh = TODAY.toISOString();

describe('card flags', () => {
  it('flags work that depends on later work, on dropped work and on work not on the roadmap', () => {
    const flags = cardFlagsOfView(
      view([
        initiative({ id: 'I-1', targetQuarter: '2026-Q4', dependsOn: ['I-2', 'I-3', 'I-9'], updatedAt: fresh }),
        initiative({ id: 'I-2', targetQuarter: '2027-Q1', updatedAt: fresh }),
        initiative({ id: 'I-3', status: 'dropped', updatedAt: fresh }),
      ]),
      TODAY,
    );
    expect(flags.get('I-1')?.map((f) => f.label)).toEqual(['Depends on missing work', 'Depends on dropped work', 'Depends on later work']);
    expect(flags.get('I-1')?.find((f) => f.kind === 'depends-on-later')?.detail).toContain('depends on “Initiative I-2” (I-2) in Next');
    expect(flags.has('I-2')).toBe(false);
    expect(flags.has('I-3')).toBe(false);
  });

  it('flags every member of a cycle, once', () => {
    const flags = cardFlagsOfView(
      view([
        initiative({ id: 'I-1', dependsOn: ['I-2'], updatedAt: fresh }),
        initiative({ id: 'I-2', dependsOn: ['I-3'], updatedAt: fresh }),
        initiative({ id: 'I-3', dependsOn: ['I-1'], updatedAt: fresh }),
        initiative({ id: 'I-4', dependsOn: ['I-1'], updatedAt: fresh }),
      ]),
      TODAY,
    );
    for (const id of ['I-1', 'I-2', 'I-3']) expect(flags.get(id)?.map((f) => f.kind)).toEqual(['in-cycle']);
    expect(flags.get('I-1')?.[0].detail).toBe('Dependency cycle: I-1 depends on I-2 depends on I-3 depends on I-1');
    expect(flags.has('I-4')).toBe(false);
  });

  it('flags overdue and untouched open work, by the staleness rules, and nothing done', () => {
    const flags = cardFlagsOfView(
      view([
        initiative({ id: 'I-1', targetQuarter: '2026-Q2', updatedAt: '2026-09-01T09:00:00.000Z' }),
        initiative({ id: 'I-2', targetQuarter: '2026-Q2', status: 'done', updatedAt: '2026-09-01T09:00:00.000Z' }),
        initiative({ id: 'I-3', targetQuarter: '2026-Q4', updatedAt: '2026-10-16T09:00:00.000Z' }),
      ]),
      TODAY,
    );
    expect(flags.get('I-1')?.map((f) => f.label)).toEqual(['Overdue 2 quarters', 'Untouched 75 days']);
    expect(flags.get('I-1')?.[0].detail).toContain('targeted Q2 2026 and is not done: 2 quarters late');
    expect(flags.has('I-2')).toBe(false);
    // Exactly one cadence (30 days) ago is not yet stale.
    expect(flags.has('I-3')).toBe(false);
  });

  it('joins several findings of one kind into one flag', () => {
    const flags = cardFlags(
      {
        cycles: [],
        findings: [
          { kind: 'depends-on-later-quarter', initiativeId: 'I-1', otherId: 'I-2', message: 'a' },
          { kind: 'depends-on-later-phase', initiativeId: 'I-1', otherId: 'I-3', message: 'b' },
        ],
      },
      { overdue: [], untouched: [] },
    );
    expect(flags.get('I-1')).toEqual([{ kind: 'depends-on-later', label: 'Depends on later work', detail: 'a; b' }]);
  });

  it('adds drift from Jira, folding past-target into the overdue flag’s detail instead of a second warning', () => {
    const initiatives = [
      initiative({ id: 'I-1', targetQuarter: '2026-Q3', status: 'in-progress', epicIds: ['1'], updatedAt: fresh, createdAt: fresh }),
      initiative({ id: 'I-2', status: 'in-progress', epicIds: ['2', '3', '4'], updatedAt: fresh, createdAt: fresh }),
    ];
    const v = view(initiatives);
    const progress = {
      pointsFieldId: null,
      epics: [
        { id: '1', state: 'ok' as const, key: 'TR-1', statusCategory: 'indeterminate' as const },
        { id: '2', state: 'unavailable' as const },
        { id: '3', state: 'unavailable' as const },
        { id: '4', state: 'ok' as const, key: 'TR-4', statusCategory: 'done' as const },
      ],
      initiatives: {},
    };
    const drift = driftOf({ ...v, capacity: { unit: 'person-weeks' } }, progress, TODAY);
    const flags = cardFlagsOfView(v, TODAY, drift);
    const pastTarget = drift.flags.find((f) => f.kind === 'past-target')!;
    expect(flags.get('I-1')).toEqual([{ kind: 'overdue', label: 'Overdue 1 quarter', detail: pastTarget.message }]);
    // Two missing epics are one flag on the card, counted; every flag from drift is marked as such.
    expect(flags.get('I-2')).toEqual([{ kind: 'epic-unavailable', label: '2 epics missing', detail: expect.stringContaining('linked epic 2'), drift: true }]);
    expect(flags.get('I-2')?.[0].detail).toContain('linked epic 3');
    // Without drift the cards are as before.
    expect(cardFlagsOfView(v, TODAY).get('I-2')).toBeUndefined();
  });

  it('a past-target flag with no overdue finding still shows, as overdue', () => {
    const flags = cardFlags(
      { cycles: [], findings: [] },
      { overdue: [], untouched: [] },
      {
        flags: [
          {
            key: 'past-target:I-1',
            kind: 'past-target',
            initiativeId: 'I-1',
            epicId: null,
            epicKey: null,
            epicIds: [],
            label: '1 quarter late',
            message: 'late',
            fix: null,
          },
        ],
      },
    );
    expect(flags.get('I-1')).toEqual([{ kind: 'overdue', label: '1 quarter late', detail: 'late' }]);
  });
});
