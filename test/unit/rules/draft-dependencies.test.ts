import type { Initiative } from '../../../src/domain/model';
import { type DependencyDraft, DRAFT_ID, draftDependencyWarnings } from '../../../src/domain/rules/draft-dependencies';
import { initiative, phase, TODAY } from './fixtures';

/** TODAY is in 2026-Q4; default horizon rules: this quarter is Now, the next one Next, later ones Later. */
const phases = [phase({ id: 'P-1', name: 'Foundation', order: 0 }), phase({ id: 'P-2', name: 'Scale', order: 1 })];
const logging = initiative({ id: 'I-1', title: 'Centralize logging', phaseId: 'P-1', targetQuarter: '2026-Q4' });
const tracing = initiative({ id: 'I-2', title: 'Distributed tracing', phaseId: 'P-1', targetQuarter: '2026-Q4', dependsOn: ['I-1'] });
const replicas = initiative({ id: 'I-3', title: 'Read replicas', phaseId: 'P-2', targetQuarter: '2027-Q1' });
const mesh = initiative({ id: 'I-4', title: 'Service mesh', phaseId: 'P-1', targetQuarter: '2027-Q3', horizonPin: 'now' });
const roadmap = { initiatives: [logging, tracing, replicas, mesh], phases };

/** The form's draft of a stored initiative, with some fields changed. */
const editing = (stored: Initiative, change: Partial<DependencyDraft> = {}): DependencyDraft => ({
  id: stored.id,
  title: stored.title,
  phaseId: stored.phaseId,
  targetQuarter: stored.targetQuarter,
  horizonPin: stored.horizonPin,
  status: stored.status,
  dependsOn: stored.dependsOn,
  ...change,
});
const creating = (change: Partial<DependencyDraft> = {}): DependencyDraft => ({
  id: null,
  title: 'Retire the legacy auth service',
  phaseId: 'P-1',
  targetQuarter: '2026-Q4',
  horizonPin: null,
  status: 'proposed',
  dependsOn: [],
  ...change,
});

describe('draftDependencyWarnings', () => {
  it('says nothing for a dependency on earlier or parallel work', () => {
    expect(draftDependencyWarnings(roadmap, editing(tracing), TODAY)).toEqual([]);
    expect(draftDependencyWarnings(roadmap, creating({ dependsOn: ['I-1', 'I-2'] }), TODAY)).toEqual([]);
  });

  it('warns when a dependency closes a cycle, naming the initiatives by title round the cycle', () => {
    const warnings = draftDependencyWarnings(roadmap, editing(logging, { dependsOn: ['I-2'] }), TODAY);
    expect(warnings).toEqual([
      {
        kind: 'cycle',
        direction: 'depends-on',
        otherIds: ['I-2'],
        message: 'Dependency cycle: “Centralize logging” → “Distributed tracing” → “Centralize logging”. None of them can start first.',
      },
    ]);
  });

  it('finds a longer cycle through the stored dependencies, starting from the draft', () => {
    const chain = { initiatives: [logging, tracing, { ...replicas, dependsOn: ['I-2'] }], phases };
    // I-1 → I-3 → I-2 → I-1. I-3 is in a later phase and quarter than I-1 too, so that is said as well.
    const warnings = draftDependencyWarnings(chain, editing(logging, { dependsOn: ['I-3'] }), TODAY);
    expect(warnings.map((w) => w.kind)).toEqual(['cycle', 'later-horizon']);
    expect(warnings[0].message).toBe(
      'Dependency cycle: “Centralize logging” → “Read replicas” → “Distributed tracing” → “Centralize logging”. None of them can start first.',
    );
    expect(warnings[0].otherIds).toEqual(['I-3', 'I-2']);
  });

  it('warns about a dependency in a later phase', () => {
    const sameQuarter = { ...roadmap, initiatives: [logging, { ...replicas, targetQuarter: '2026-Q4' }] };
    expect(draftDependencyWarnings(sameQuarter, editing(logging, { dependsOn: ['I-3'] }), TODAY)).toEqual([
      {
        kind: 'later-phase',
        direction: 'depends-on',
        otherIds: ['I-3'],
        message: '“Centralize logging” (Foundation) depends on “Read replicas”, which is in a later phase (Scale).',
      },
    ]);
  });

  it('warns about a dependency in a later horizon, and about one with a later quarter when the horizons agree', () => {
    expect(draftDependencyWarnings(roadmap, creating({ dependsOn: ['I-3'] }), TODAY)[0].message).toBe(
      '“Retire the legacy auth service” is in Now but depends on “Read replicas”, which is in Next.',
    );
    // The mesh is pinned to Now but targets 2027-Q3: same horizon and phase, later quarter.
    expect(draftDependencyWarnings(roadmap, creating({ dependsOn: ['I-4'] }), TODAY)).toEqual([
      {
        kind: 'later-quarter',
        direction: 'depends-on',
        otherIds: ['I-4'],
        message: '“Retire the legacy auth service” targets Q4 2026 but depends on “Service mesh”, which targets Q3 2027.',
      },
    ]);
  });

  it('follows the draft’s placement as typed: moving earlier than its dependency warns, a pin counts', () => {
    const later = editing(replicas, { dependsOn: ['I-1'] });
    expect(draftDependencyWarnings(roadmap, later, TODAY)).toEqual([]);
    const movedBefore = draftDependencyWarnings(roadmap, { ...later, dependsOn: ['I-4'], targetQuarter: '2026-Q4', phaseId: 'P-1', horizonPin: null }, TODAY);
    expect(movedBefore.map((w) => w.kind)).toEqual(['later-quarter']);
  });

  it('warns when the draft moves after work that depends on it (needed-by)', () => {
    const warnings = draftDependencyWarnings(roadmap, editing(logging, { targetQuarter: '2027-Q2' }), TODAY);
    expect(warnings).toEqual([
      {
        kind: 'later-horizon',
        direction: 'needed-by',
        otherIds: ['I-2'],
        message: '“Distributed tracing” is in Now but depends on “Centralize logging”, which is in Later.',
      },
    ]);
  });

  it('warns about a dependency on dropped work; done work is never late', () => {
    const dropped = {
      ...roadmap,
      initiatives: [
        { ...replicas, status: 'dropped' as const },
        { ...mesh, status: 'done' as const },
      ],
    };
    expect(draftDependencyWarnings(dropped, creating({ dependsOn: ['I-3', 'I-4'] }), TODAY)).toEqual([
      {
        kind: 'dropped',
        direction: 'depends-on',
        otherIds: ['I-3'],
        message: '“Retire the legacy auth service” depends on “Read replicas”, which was dropped.',
      },
    ]);
  });

  it('a done or dropped draft has no sequencing warnings, but still a cycle', () => {
    const done = editing(logging, { status: 'done', dependsOn: ['I-2', 'I-3'] });
    expect(draftDependencyWarnings(roadmap, done, TODAY).map((w) => w.kind)).toEqual(['cycle']);
  });

  it('a quarter still being typed keeps the stored one; a new initiative without one is checked for cycles only', () => {
    expect(draftDependencyWarnings(roadmap, editing(tracing, { targetQuarter: '2027-Q' }), TODAY)).toEqual([]);
    expect(draftDependencyWarnings(roadmap, creating({ targetQuarter: 'someday', dependsOn: ['I-3'] }), TODAY)).toEqual([]);
  });

  it('names a draft without a title “This initiative”, and ignores ids not on the roadmap', () => {
    const warnings = draftDependencyWarnings(roadmap, creating({ title: '  ', dependsOn: ['I-3', 'I-99'] }), TODAY);
    expect(warnings.map((w) => w.message)).toEqual(['This initiative is in Now but depends on “Read replicas”, which is in Next.']);
    expect(warnings.every((w) => !w.otherIds.includes(DRAFT_ID))).toBe(true);
  });

  it('a dependency on itself is a cycle of one', () => {
    expect(draftDependencyWarnings(roadmap, editing(logging, { dependsOn: ['I-1'] }), TODAY)).toEqual([
      { kind: 'cycle', direction: 'depends-on', otherIds: [], message: '“Centralize logging” depends on itself.' },
    ]);
  });

  it('leaves the roadmap it was given as it was', () => {
    const before = JSON.stringify(roadmap);
    draftDependencyWarnings(roadmap, editing(logging, { dependsOn: ['I-2'], title: 'Renamed' }), TODAY);
    expect(JSON.stringify(roadmap)).toBe(before);
  });
});
