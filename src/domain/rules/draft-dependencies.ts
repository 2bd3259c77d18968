import { DEFAULT_HORIZON_RULES, horizonFor } from '../horizon';
import { HORIZON_LABEL } from '../labels';
import type { Horizon, HorizonRules, Initiative, InitiativeStatus, Phase } from '../model';
import { QUARTER_PATTERN, quarterLabel } from '../quarter';
import { analyseDependencies, type DependencyFinding } from './dependencies';
import { buildDependencyGraph, findCycles } from './dependency-graph';

/**
 * Dependency warnings for an initiative that is being created or edited, before it is saved: the roadmap's own
 * dependency rules (`analyseDependencies`) applied to the roadmap with the draft in place of the stored initiative
 * (or added, for a new one). Only what concerns the draft is kept: a cycle it is part of, a dependency of its on
 * later or dropped work, and work that depends on it but would now come first. Messages name initiatives by title.
 */

/** What the form holds that decides the draft's dependency findings. */
export interface DependencyDraft {
  /** The stored initiative being edited; null for one not created yet. */
  id: string | null;
  title: string;
  phaseId: string;
  /** As the form reads it: possibly not (yet) a quarter while the user types. */
  targetQuarter: string;
  horizonPin: Horizon | null;
  status: InitiativeStatus;
  dependsOn: readonly string[];
}

export type DraftDependencyWarningKind = 'cycle' | 'later-horizon' | 'later-phase' | 'later-quarter' | 'dropped';

export interface DraftDependencyWarning {
  kind: DraftDependencyWarningKind;
  /** `depends-on`: the draft waits for the other one; `needed-by`: the other one waits for the draft. */
  direction: 'depends-on' | 'needed-by';
  /** The other initiatives the warning is about (for a cycle: the others in it, in dependency order). */
  otherIds: string[];
  message: string;
}

export interface DraftRoadmap {
  initiatives: readonly Initiative[];
  phases: readonly Pick<Phase, 'id' | 'name' | 'order'>[];
  horizonRules?: HorizonRules;
}

/** The id a new initiative stands under while it has none (never a stored id: those are `I-<n>`). */
export const DRAFT_ID = 'I-draft';

const KIND_OF: Partial<Record<DependencyFinding['kind'], Exclude<DraftDependencyWarningKind, 'cycle'>>> = {
  'depends-on-later-horizon': 'later-horizon',
  'depends-on-later-phase': 'later-phase',
  'depends-on-later-quarter': 'later-quarter',
  'depends-on-dropped': 'dropped',
};

export function draftDependencyWarnings(roadmap: DraftRoadmap, draft: DependencyDraft, today: Date): DraftDependencyWarning[] {
  const rules = roadmap.horizonRules ?? DEFAULT_HORIZON_RULES;
  const stored = draft.id === null ? undefined : roadmap.initiatives.find((i) => i.id === draft.id);
  const id = stored?.id ?? DRAFT_ID;
  // A quarter still being typed does not count: the stored one stands until it reads (or none, for a new one).
  const quarter = QUARTER_PATTERN.test(draft.targetQuarter) ? draft.targetQuarter : stored?.targetQuarter;
  const applied: Initiative = {
    ...(stored ?? newInitiativeShell(id)),
    title: draft.title,
    phaseId: draft.phaseId,
    targetQuarter: quarter ?? '',
    horizonPin: draft.horizonPin,
    status: draft.status,
    // Only initiatives on the roadmap, each once: the form offers no others, a stale id is the server's to refuse.
    dependsOn: [...new Set(draft.dependsOn)].filter((d) => d === id || roadmap.initiatives.some((i) => i.id === d)),
  };
  const initiatives = stored ? roadmap.initiatives.map((i) => (i.id === id ? applied : i)) : [...roadmap.initiatives, applied];
  const byId = new Map(initiatives.map((i) => [i.id, i]));
  const name = (otherId: string) => (otherId === id ? titleOf(applied.title) : titleOf(byId.get(otherId)?.title ?? otherId));

  if (quarter === undefined) {
    // Without a quarter nothing can be said about sequencing, but a cycle is a cycle.
    return findCycles(buildDependencyGraph(initiatives))
      .filter((c) => c.members.includes(id))
      .map((c) => cycleWarning(c.cycle, c.members, id, name));
  }

  const report = analyseDependencies(initiatives, roadmap.phases, today, rules);
  const warnings = report.cycles.filter((c) => c.members.includes(id)).map((c) => cycleWarning(c.initiativeIds, c.members, id, name));
  const horizon = (i: Initiative) => HORIZON_LABEL[horizonFor(i, today, rules)];
  const phaseName = (phaseId: string) => roadmap.phases.find((p) => p.id === phaseId)?.name ?? phaseId;
  for (const finding of report.findings) {
    const kind = KIND_OF[finding.kind];
    if (!kind || finding.otherId === undefined) continue;
    const mine = finding.initiativeId === id;
    if (!mine && finding.otherId !== id) continue;
    const dependent = byId.get(finding.initiativeId)!;
    const dependency = byId.get(finding.otherId)!;
    const who = name(dependent.id);
    const what = name(dependency.id);
    const message =
      kind === 'later-horizon'
        ? `${who} is in ${horizon(dependent)} but depends on ${what}, which is in ${horizon(dependency)}.`
        : kind === 'later-phase'
          ? `${who} (${phaseName(dependent.phaseId)}) depends on ${what}, which is in a later phase (${phaseName(dependency.phaseId)}).`
          : kind === 'later-quarter'
            ? `${who} targets ${quarterLabel(dependent.targetQuarter)} but depends on ${what}, which targets ${quarterLabel(dependency.targetQuarter)}.`
            : `${who} depends on ${what}, which was dropped.`;
    warnings.push({ kind, direction: mine ? 'depends-on' : 'needed-by', otherIds: [mine ? dependency.id : dependent.id], message });
  }
  return warnings;
}

/** `“Centralize logging”`; a draft without a title yet is "This initiative". */
function titleOf(title: string): string {
  return title.trim() === '' ? 'This initiative' : `“${title.trim()}”`;
}

/** The cycle from the draft round to it again (`“A” → “B” → “A”`), or the knot it is tangled in. */
function cycleWarning(cycle: readonly string[], members: readonly string[], id: string, name: (id: string) => string): DraftDependencyWarning {
  if (cycle.length === 1 && cycle[0] === id) {
    return { kind: 'cycle', direction: 'depends-on', otherIds: [], message: `${name(id)} depends on itself.` };
  }
  const at = cycle.indexOf(id);
  if (at === -1) {
    const others = members.filter((m) => m !== id);
    return {
      kind: 'cycle',
      direction: 'depends-on',
      otherIds: others,
      message: `${name(id)} is caught in a dependency cycle with ${others.map(name).join(', ')}: none of them can start first.`,
    };
  }
  const round = [...cycle.slice(at), ...cycle.slice(0, at)];
  return {
    kind: 'cycle',
    direction: 'depends-on',
    otherIds: round.slice(1),
    message: `Dependency cycle: ${[...round, id].map(name).join(' → ')}. None of them can start first.`,
  };
}

/** The fields a new initiative has before the form fills in the ones the rules read. */
function newInitiativeShell(id: string): Initiative {
  return {
    id,
    title: '',
    phaseId: '',
    goal: '',
    successMetric: { description: '' },
    targetQuarter: '',
    horizonPin: null,
    status: 'proposed',
    ownerAccountId: null,
    track: 'feature-enabling',
    effort: null,
    rice: null,
    riskReduction: 0,
    reversibility: 'reversible',
    businessGoalIds: [],
    dependsOn: [],
    epicIds: [],
    fromDebtId: null,
    metricUpdatedAt: null,
    revision: 1,
    createdAt: '',
    updatedAt: '',
  };
}
