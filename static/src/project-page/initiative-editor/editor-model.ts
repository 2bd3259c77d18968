import type { z } from 'zod';
import { type InitiativeView, updateInitiativePayload } from '../../../../src/domain/api';
import { HORIZON_LABEL, STATUS_LABEL, TRACK_LABEL } from '../../../../src/domain/labels';
import {
  type Horizon,
  type HorizonRules,
  HORIZONS,
  INITIATIVE_STATUSES,
  type InitiativePatch,
  type InitiativeStatus,
  REVERSIBILITY,
  type Rice,
  RICE_IMPACTS,
  type Track,
  TRACKS,
} from '../../../../src/domain/model';
import { isPlacementMove } from '../../../../src/domain/moves';
import { riceScore } from '../../../../src/domain/rules/prioritisation';
import type { Draft } from '../../shared/form/payload-check';
import { readQuarter, sameQuarter } from '../../shared/form/quarter-input';
import { type Equals, sameItems, sameText } from '../../shared/three-way-merge';
import { splitEpicKeys } from '../form-model';
import { parseNumber } from '../settings/settings-model';

export type UpdatePayload = z.input<typeof updateInitiativePayload>;
type Reversibility = (typeof REVERSIBILITY)[number];

/**
 * The editor's inputs, shaped like updateInitiative's payload so each field's name is its payload path
 * (`patch.rice.reach`, `epicKeys`, `reason`). Numbers stay text until the save, so a half-typed value is never lost;
 * `epicKeys` is the typed text of the keys to add; `patch.epicIds` the linked epics that stay linked.
 */
export interface EditorValues {
  patch: {
    title: string;
    goal: string;
    successMetric: { description: string; target: string; current: string; unit: string };
    status: InitiativeStatus;
    track: Track;
    ownerAccountId: string;
    effort: string;
    /** impact is '' while not scored; otherwise one of RICE_IMPACTS as text. */
    rice: { reach: string; impact: string; confidence: string; effort: string };
    riskReduction: string;
    reversibility: Reversibility;
    businessGoalIds: string[];
    dependsOn: string[];
    epicIds: string[];
    phaseId: string;
    targetQuarter: string;
    /** '' = derived from the target quarter. */
    horizonPin: '' | Horizon;
  };
  epicKeys: string;
  reason: string;
}

// ---------------------------------------------------------------- options

export const STATUS_OPTIONS = INITIATIVE_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }));
export const TRACK_OPTIONS = TRACKS.map((t) => ({ value: t, label: TRACK_LABEL[t] }));
export const REVERSIBILITY_LABEL: Record<Reversibility, string> = {
  reversible: 'Reversible',
  'costly-to-reverse': 'Costly to reverse',
  irreversible: 'Irreversible',
};
export const REVERSIBILITY_OPTIONS = REVERSIBILITY.map((r) => ({ value: r, label: REVERSIBILITY_LABEL[r] }));
export const RISK_OPTIONS = [
  { value: '0', label: '0 — none' },
  { value: '1', label: '1 — low' },
  { value: '2', label: '2 — medium' },
  { value: '3', label: '3 — high' },
];
/** Intercom's RICE impact scale. */
export const IMPACT_LABEL: Record<(typeof RICE_IMPACTS)[number], string> = { 0.25: 'Minimal', 0.5: 'Low', 1: 'Medium', 2: 'High', 3: 'Massive' };
export const IMPACT_OPTIONS = [{ value: '', label: 'Not scored' }, ...RICE_IMPACTS.map((v) => ({ value: String(v), label: `${IMPACT_LABEL[v]} (${v})` }))];
export const HORIZON_PIN_OPTIONS = [
  { value: '', label: 'From the target quarter' },
  ...HORIZONS.map((h) => ({ value: h, label: `Pinned to ${HORIZON_LABEL[h]}` })),
];

// ---------------------------------------------------------------- three-way merge (see useRebase)

/** The fields' names in the conflict notice, as the editor labels them, by payload path. */
export const EDITOR_LABELS: Record<string, string> = {
  'patch.title': 'Title',
  'patch.goal': 'Goal',
  'patch.successMetric.description': 'Success metric',
  'patch.successMetric.target': 'Metric target',
  'patch.successMetric.current': 'Metric current',
  'patch.successMetric.unit': 'Metric unit',
  'patch.status': 'Status',
  'patch.track': 'Track',
  'patch.ownerAccountId': 'Owner',
  'patch.effort': 'Effort',
  'patch.rice.reach': 'Reach',
  'patch.rice.impact': 'Impact',
  'patch.rice.confidence': 'Confidence',
  'patch.rice.effort': 'RICE effort',
  'patch.riskReduction': 'Risk reduction',
  'patch.reversibility': 'Reversibility',
  'patch.businessGoalIds': 'Business goals',
  'patch.dependsOn': 'Depends on',
  'patch.epicIds': 'Linked epics',
  epicKeys: 'Add epic keys',
  'patch.phaseId': 'Phase',
  'patch.targetQuarter': 'Target quarter',
  'patch.horizonPin': 'Horizon',
  reason: 'Why is it moving?',
};

/** A typed number compares by its value ("6.0" is 6); anything else as trimmed text. */
const sameNumberText: Equals = (a, b) => {
  if (typeof a !== 'string' || typeof b !== 'string') return sameText(a, b);
  const x = parseNumber(a);
  const y = parseNumber(b);
  return x !== null && y !== null && !Number.isNaN(x) && !Number.isNaN(y) ? x === y : sameText(a, b);
};

/** How the merge compares the editor's fields, by path: as saved (trimmed text, numbers by value, id lists as sets). */
export const EDITOR_EQUALS: Record<string, Equals> = {
  'patch.title': sameText,
  'patch.goal': sameText,
  'patch.successMetric.description': sameText,
  'patch.successMetric.target': sameNumberText,
  'patch.successMetric.current': sameNumberText,
  'patch.successMetric.unit': sameText,
  'patch.ownerAccountId': sameText,
  'patch.effort': sameNumberText,
  'patch.rice.reach': sameNumberText,
  'patch.rice.impact': sameNumberText,
  'patch.rice.confidence': sameNumberText,
  'patch.rice.effort': sameNumberText,
  'patch.businessGoalIds': sameItems,
  'patch.dependsOn': sameItems,
  'patch.epicIds': sameItems,
  epicKeys: sameText,
  'patch.targetQuarter': sameQuarter,
  reason: sameText,
};

/** What the conflict notice needs to name ids: the view's phases, goals and initiatives. */
export interface NameSource {
  phases: ReadonlyArray<{ id: string; name: string }>;
  businessGoals: ReadonlyArray<{ id: string; title: string }>;
  initiatives: ReadonlyArray<{ id: string; title: string }>;
}

const optionLabel = (options: ReadonlyArray<{ value: string; label: string }>, value: unknown) => options.find((o) => o.value === value)?.label;

/** A value as the conflict notice shows it: labels for choices, names for ids; undefined for plain text. */
export function describeEditorValue(path: string, value: unknown, names: NameSource): string | undefined {
  const names_ = (ids: unknown, list: ReadonlyArray<{ id: string; title: string }>) =>
    Array.isArray(ids) ? (ids.length === 0 ? '(none)' : ids.map((id) => list.find((x) => x.id === id)?.title ?? String(id)).join(', ')) : undefined;
  switch (path) {
    case 'patch.status':
      return optionLabel(STATUS_OPTIONS, value);
    case 'patch.track':
      return optionLabel(TRACK_OPTIONS, value);
    case 'patch.rice.impact':
      return optionLabel(IMPACT_OPTIONS, value);
    case 'patch.riskReduction':
      return optionLabel(RISK_OPTIONS, value);
    case 'patch.reversibility':
      return optionLabel(REVERSIBILITY_OPTIONS, value);
    case 'patch.horizonPin':
      return optionLabel(HORIZON_PIN_OPTIONS, value);
    case 'patch.phaseId':
      return names.phases.find((p) => p.id === value)?.name;
    case 'patch.businessGoalIds':
      return names_(value, names.businessGoals);
    case 'patch.dependsOn':
      return names_(value, names.initiatives);
    case 'patch.epicIds':
      return Array.isArray(value) ? (value.length === 0 ? '(none)' : value.map((id) => `epic ${String(id)}`).join(', ')) : undefined;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- values

const numberText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function editorValues(initiative: InitiativeView): EditorValues {
  const { successMetric: m, rice } = initiative;
  return {
    patch: {
      title: initiative.title,
      goal: initiative.goal,
      successMetric: { description: m.description, target: numberText(m.target), current: numberText(m.current), unit: m.unit ?? '' },
      status: initiative.status,
      track: initiative.track,
      ownerAccountId: initiative.ownerAccountId ?? '',
      effort: numberText(initiative.effort),
      rice: {
        reach: numberText(rice?.reach),
        impact: rice ? String(rice.impact) : '',
        confidence: numberText(rice?.confidence),
        effort: numberText(rice?.effort),
      },
      riskReduction: String(initiative.riskReduction),
      reversibility: initiative.reversibility,
      businessGoalIds: [...initiative.businessGoalIds],
      dependsOn: [...initiative.dependsOn],
      epicIds: [...initiative.epicIds],
      phaseId: initiative.phaseId,
      targetQuarter: initiative.targetQuarter,
      horizonPin: initiative.horizonPin ?? '',
    },
    epicKeys: '',
    reason: '',
  };
}

/** What the view knows that decides whether an edit is a move: the roadmap's horizon rules and today. */
export interface MoveContext {
  horizonRules: HorizonRules;
  today: Date;
}

/**
 * Whether the edit moves the initiative, by the domain's own rule (phase, target quarter or effective horizon): the
 * server then requires a reason, so the editor asks for one exactly then.
 */
export function isMoving(values: EditorValues, initiative: InitiativeView, context: MoveContext): boolean {
  const after = {
    phaseId: values.patch.phaseId,
    targetQuarter: readQuarter(values.patch.targetQuarter, initiative.targetQuarter),
    horizonPin: values.patch.horizonPin || null,
  };
  return isPlacementMove(initiative, after, context.horizonRules, context.today);
}

// ---------------------------------------------------------------- RICE

type RiceText = EditorValues['patch']['rice'];

/** Blank for all four means "no RICE score"; otherwise each is required. */
export const riceIsBlank = (rice: RiceText) => Object.values(rice).every((v) => v.trim() === '');

/** The RICE inputs as typed, when every one reads as a number the schema takes (for the live score). */
export function typedRice(rice: RiceText): Rice | null {
  const [reach, impact, confidence, effort] = [rice.reach, rice.impact, rice.confidence, rice.effort].map(parseNumber);
  if ([reach, impact, confidence, effort].some((n) => n === null || Number.isNaN(n))) return null;
  if (reach! < 0 || confidence! < 0 || confidence! > 100 || !(effort! > 0)) return null;
  if (!(RICE_IMPACTS as readonly number[]).includes(impact!)) return null;
  return { reach: reach!, impact: impact as Rice['impact'], confidence: confidence!, effort: effort! };
}

/** The live score: reach × impact × confidence / effort, to one decimal; null until the inputs are complete. */
export function liveRiceScore(rice: RiceText): number | null {
  const score = riceScore(typedRice(rice));
  return score === null ? null : Math.round(score * 10) / 10;
}

// ---------------------------------------------------------------- the payload

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const trimmedOrNull = (s: string) => (s.trim() === '' ? null : s.trim());

/**
 * The editor's one transform to the payload: only the fields that differ from the stored initiative go in `patch`
 * (the success metric and RICE travel whole); typed numbers are read, and what the schema cannot see — a number that
 * does not read, an incomplete RICE, a move without a reason — comes back as local errors by path.
 */
export function toUpdateDraft(
  values: EditorValues,
  initiative: InitiativeView,
  baseRevision: number,
  goalOrder: readonly string[],
  context: MoveContext,
): Draft<UpdatePayload> {
  const localErrors: Record<string, string> = {};
  const v = values.patch;
  /** A typed number: blank → undefined, unreadable → NaN (with an error). */
  const num = (path: string, text: string, { required = false } = {}): number | undefined => {
    const n = parseNumber(text);
    if (n === null) {
      if (required) localErrors[path] = 'Required';
      return undefined;
    }
    if (Number.isNaN(n)) localErrors[path] = 'Enter a number';
    return n;
  };

  const patch: InitiativePatch = {};
  if (v.title.trim() !== initiative.title) patch.title = v.title;
  if (v.goal.trim() !== initiative.goal) patch.goal = v.goal;

  const metric = {
    description: v.successMetric.description,
    target: num('patch.successMetric.target', v.successMetric.target),
    current: num('patch.successMetric.current', v.successMetric.current),
    unit: trimmedOrNull(v.successMetric.unit) ?? undefined,
  };
  const m = initiative.successMetric;
  if (metric.description.trim() !== m.description || metric.target !== m.target || metric.current !== m.current || (metric.unit ?? '') !== (m.unit ?? '')) {
    patch.successMetric = Object.fromEntries(Object.entries(metric).filter(([, x]) => x !== undefined)) as InitiativePatch['successMetric'];
  }

  if (v.status !== initiative.status) patch.status = v.status;
  if (v.track !== initiative.track) patch.track = v.track;
  const owner = trimmedOrNull(v.ownerAccountId);
  if (owner !== initiative.ownerAccountId) patch.ownerAccountId = owner;
  const effort = num('patch.effort', v.effort) ?? null;
  if (effort !== initiative.effort) patch.effort = effort;

  let rice: Rice | null = null;
  if (!riceIsBlank(v.rice)) {
    const part = (key: keyof RiceText) => num(`patch.rice.${key}`, v.rice[key], { required: true }) as number;
    rice = { reach: part('reach'), impact: part('impact') as Rice['impact'], confidence: part('confidence'), effort: part('effort') };
  }
  if (JSON.stringify(rice) !== JSON.stringify(initiative.rice)) patch.rice = rice;

  const risk = Number(v.riskReduction);
  if (risk !== initiative.riskReduction) patch.riskReduction = risk;
  if (v.reversibility !== initiative.reversibility) patch.reversibility = v.reversibility;

  if (!sameSet(v.businessGoalIds, initiative.businessGoalIds)) {
    // In the settings' order, so the stored list reads like the settings.
    const ordered = goalOrder.filter((id) => v.businessGoalIds.includes(id));
    patch.businessGoalIds = [...ordered, ...v.businessGoalIds.filter((id) => !goalOrder.includes(id))];
  }
  if (!sameSet(v.dependsOn, initiative.dependsOn)) patch.dependsOn = v.dependsOn;
  if (!sameSet(v.epicIds, initiative.epicIds)) patch.epicIds = v.epicIds;

  if (v.phaseId !== initiative.phaseId) patch.phaseId = v.phaseId;
  const quarter = readQuarter(v.targetQuarter, initiative.targetQuarter);
  if (quarter !== initiative.targetQuarter) patch.targetQuarter = quarter;
  const pin = v.horizonPin || null;
  if (pin !== initiative.horizonPin) patch.horizonPin = pin;

  const epicKeys = splitEpicKeys(values.epicKeys);
  const moving = isMoving(values, initiative, context);
  if (moving && values.reason.trim() === '') localErrors.reason = 'Say why it moves';
  const payload: UpdatePayload = { baseRevision, initiativeId: initiative.id, patch, epicKeys };
  if (moving && values.reason.trim() !== '') payload.reason = values.reason;
  const nothing = Object.keys(patch).length === 0 && epicKeys.length === 0;
  return { payload, localErrors, refusal: nothing ? 'Nothing to save: no field changed.' : undefined };
}
