import type { RoadmapView } from './api';
import { analyseDependencies, type DependencyFindingKind, type DependencyReport } from './rules/dependencies';
import { overdueInitiatives, type StalenessReport, untouchedInitiatives } from './rules/staleness';

/**
 * What a board card warns about: the health rules' findings for that one initiative, in a word or two. The card shows
 * the label; `detail` is the rule's own message (the same sentence the Health view shows).
 */
export type CardFlagKind = 'in-cycle' | 'depends-on-missing' | 'depends-on-dropped' | 'depends-on-later' | 'overdue' | 'untouched';

export interface CardFlag {
  kind: CardFlagKind;
  label: string;
  /** The findings' messages behind the flag, joined. */
  detail: string;
}

/** Order on the card: dependency problems first (they block work), then staleness. */
const ORDER: readonly CardFlagKind[] = ['in-cycle', 'depends-on-missing', 'depends-on-dropped', 'depends-on-later', 'overdue', 'untouched'];

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
  const result = new Map<string, CardFlag[]>();
  for (const [id, flags] of byId)
    result.set(
      id,
      [...flags.values()].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind)),
    );
  return result;
}

/** The cards' flags for a roadmap view as of `today` (only the two rules the cards show are run). */
export function cardFlagsOfView(
  view: Pick<RoadmapView, 'initiatives' | 'phases' | 'horizonRules' | 'reviewCadenceDays'>,
  today: Date,
): Map<string, CardFlag[]> {
  return cardFlags(analyseDependencies(view.initiatives, view.phases, today, view.horizonRules), {
    overdue: overdueInitiatives(view.initiatives, today),
    untouched: untouchedInitiatives(view.initiatives, view.reviewCadenceDays, today),
  });
}
