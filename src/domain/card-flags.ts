import type { RoadmapView } from './api';
import { analyseDependencies, type DependencyFindingKind, type DependencyReport } from './rules/dependencies';
import { DRIFT_KINDS, type DriftKind, type DriftReport } from './rules/drift';
import { overdueInitiatives, type StalenessReport, untouchedInitiatives } from './rules/staleness';

/**
 * What a board card warns about: the health rules' findings for that one initiative, in a word or two, and where the
 * roadmap has drifted from Jira. The card shows the label; `detail` is the rule's own message (the same sentence the
 * Health and Drift views show).
 */
/** Drift kinds on a card: past-target is not among them, it is the overdue flag's detail (one warning, not two). */
export type CardDriftKind = Exclude<DriftKind, 'past-target'>;
export type CardFlagKind = 'in-cycle' | 'depends-on-missing' | 'depends-on-dropped' | 'depends-on-later' | 'overdue' | 'untouched' | CardDriftKind;

export interface CardFlag {
  kind: CardFlagKind;
  label: string;
  /** The findings' messages behind the flag, joined. */
  detail: string;
  /** Set on flags from the drift rules (the card marks them as coming from Jira). */
  drift?: true;
}

const CARD_DRIFT_KINDS = DRIFT_KINDS.filter((k): k is CardDriftKind => k !== 'past-target');

/** Order on the card: dependency problems first (they block work), then overdue work, drift from Jira, untouched work. */
const ORDER: readonly CardFlagKind[] = [
  'in-cycle',
  'depends-on-missing',
  'depends-on-dropped',
  'depends-on-later',
  'overdue',
  ...CARD_DRIFT_KINDS,
  'untouched',
];

/** A card label for several epic flags of one kind on one initiative: "2 epics missing". */
const SEVERAL: Partial<Record<CardDriftKind, (n: number) => string>> = {
  'epic-unavailable': (n) => `${n} epics missing`,
  'epic-moved': (n) => `${n} epics moved`,
};

/** A dependency finding's flag; the cycle itself is flagged from the report's cycles (every member, not only one). */
const DEPENDENCY_FLAG: Record<Exclude<DependencyFindingKind, 'cycle'>, { kind: CardFlagKind; label: string }> = {
  'missing-dependency': { kind: 'depends-on-missing', label: 'Depends on missing work' },
  'depends-on-dropped': { kind: 'depends-on-dropped', label: 'Depends on dropped work' },
  // Later horizon, phase or quarter: the rules already report only the coarsest of the three per dependency.
  'depends-on-later-horizon': { kind: 'depends-on-later', label: 'Depends on later work' },
  'depends-on-later-phase': { kind: 'depends-on-later', label: 'Depends on later work' },
  'depends-on-later-quarter': { kind: 'depends-on-later', label: 'Depends on later work' },
};

/** Flags by initiative id, from the dependency and staleness reports; initiatives without a finding are absent. */
export function cardFlags(
  dependencies: Pick<DependencyReport, 'findings' | 'cycles'>,
  staleness: Pick<StalenessReport, 'overdue' | 'untouched'>,
  drift: Pick<DriftReport, 'flags'> | null = null,
): Map<string, CardFlag[]> {
  const byId = new Map<string, Map<CardFlagKind, CardFlag>>();
  const add = (initiativeId: string, kind: CardFlagKind, label: string, message: string) => {
    let flags = byId.get(initiativeId);
    if (!flags) {
      flags = new Map<CardFlagKind, CardFlag>();
      byId.set(initiativeId, flags);
    }
    const flag = flags.get(kind);
    if (!flag) flags.set(kind, { kind, label, detail: message });
    else if (!flag.detail.split('; ').includes(message)) flag.detail = `${flag.detail}; ${message}`;
  };
  for (const cycle of dependencies.cycles) for (const id of cycle.members) add(id, 'in-cycle', 'In a cycle', cycle.message);
  for (const finding of dependencies.findings) {
    if (finding.kind === 'cycle') continue;
    const { kind, label } = DEPENDENCY_FLAG[finding.kind];
    add(finding.initiativeId, kind, label, finding.message);
  }
  for (const o of staleness.overdue) add(o.initiativeId, 'overdue', `Overdue ${o.quartersLate} ${o.quartersLate === 1 ? 'quarter' : 'quarters'}`, o.message);
  for (const u of staleness.untouched) add(u.initiativeId, 'untouched', `Untouched ${u.daysSinceUpdate} days`, u.message);
  // Epic flags of one kind on one initiative, counted for the card's label (one per epic in the report).
  const driftCounts = new Map<string, number>();
  for (const flag of drift?.flags ?? []) {
    if (flag.kind === 'past-target') {
      // The same lateness the overdue flag names; the drift sentence also says how much work is still open.
      const overdue = byId.get(flag.initiativeId)?.get('overdue');
      if (overdue) overdue.detail = flag.message;
      else add(flag.initiativeId, 'overdue', flag.label, flag.message);
      continue;
    }
    const kind = flag.kind;
    add(flag.initiativeId, kind, flag.label, flag.message);
    const card = byId.get(flag.initiativeId)!.get(kind)!;
    card.drift = true;
    const count = (driftCounts.get(flag.initiativeId + ' ' + kind) ?? 0) + 1;
    driftCounts.set(flag.initiativeId + ' ' + kind, count);
    const several = SEVERAL[kind];
    if (count > 1 && several) card.label = several(count);
  }
  const result = new Map<string, CardFlag[]>();
  for (const [id, flags] of byId)
    result.set(
      id,
      [...flags.values()].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind)),
    );
  return result;
}

/**
 * The cards' flags for a roadmap view as of `today` (only the rules the cards show are run), with the view's drift
 * when the surface has computed it (once per view and progress, not per card).
 */
export function cardFlagsOfView(
  view: Pick<RoadmapView, 'initiatives' | 'phases' | 'horizonRules' | 'reviewCadenceDays'>,
  today: Date,
  drift: Pick<DriftReport, 'flags'> | null = null,
): Map<string, CardFlag[]> {
  return cardFlags(
    analyseDependencies(view.initiatives, view.phases, today, view.horizonRules),
    {
      overdue: overdueInitiatives(view.initiatives, today),
      untouched: untouchedInitiatives(view.initiatives, view.reviewCadenceDays, today),
    },
    drift,
  );
}
