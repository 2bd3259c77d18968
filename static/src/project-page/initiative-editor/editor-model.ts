import type { z } from 'zod';
import type { createInitiativePayload, InitiativeView, updateInitiativePayload } from '../../../../src/domain/api';
import { HORIZON_LABEL, STATUS_LABEL, TRACK_LABEL } from '../../../../src/domain/labels';
import {
  type Horizon,
  type HorizonRules,
  HORIZONS,
  INITIATIVE_STATUSES,
  type InitiativePatch,
  type InitiativeStatus,
  type NewInitiativeInput,
  REVERSIBILITY,
  type Rice,
  RICE_IMPACTS,
  type Track,
  TRACKS,
} from '../../../../src/domain/model';
import { isPlacementMove } from '../../../../src/domain/moves';
import { addQuarters, quarterOf } from '../../../../src/domain/quarter';
import { riceScore } from '../../../../src/domain/rules/prioritisation';
import type { Draft } from '../../shared/form/payload-check';
import { readQuarter, sameQuarter } from '../../shared/form/quarter-input';
import { type Equals, sameItems, sameText } from '../../shared/three-way-merge';
import { splitEpicKeys } from '../form-model';
import { parseNumber } from '../settings/settings-model';

/**
 * The one form model of the initiative dialog, for creating (createInitiative) and editing (updateInitiative).
 * Both hold the same fields as text (`InitiativeText`), under the payload's own key — `initiative.*` to create,
 * `patch.*` to edit — so each input's name is its payload path and every error lands beside it. One reading turns
 * the text into the model's fields (numbers, the RICE estimate, the owner); creating sends them all, editing only
 * those that differ from the stored initiative.
 *
 * One effort: the model keeps `effort` and `rice.effort` in the same capacity unit. The form asks for Effort once,
 * and a RICE score divides by it (`rice.effort := effort`); RICE without an effort estimate is an error on Effort.
 */

export type CreatePayload = z.input<typeof createInitiativePayload>;
export type UpdatePayload = z.input<typeof updateInitiativePayload>;
type Reversibility = (typeof REVERSIBILITY)[number];

/** An initiative's fields as typed. Numbers stay text until the save, so a half-typed value is never lost. */
export interface InitiativeText {
  title: string;
  goal: string;
  successMetric: { description: string; target: string; current: string; unit: string };
  status: InitiativeStatus;
  track: Track;
  /** An account id, chosen by name in the owner picker; '' for nobody. */
  ownerAccountId: string;
  /** In the roadmap's capacity unit; also RICE's effort. */
  effort: string;
  /** RICE's other three inputs; impact is '' while not scored, else one of RICE_IMPACTS as text. */
  rice: { reach: string; impact: string; confidence: string };
  riskReduction: string;
  reversibility: Reversibility;
  businessGoalIds: string[];
  dependsOn: string[];
  /** The linked epics that stay linked (editing); new ones come as keys in `epicKeys`. */
  epicIds: string[];
  phaseId: string;
  targetQuarter: string;
  /** '' = derived from the target quarter. */
  horizonPin: '' | Horizon;
}

/** Editing: shaped like updateInitiative's payload (`patch.rice.reach`, `epicKeys`, `reason`). */
export interface EditorValues {
  patch: InitiativeText;
  /** The typed keys of epics to add. */
  epicKeys: string;
  reason: string;
}

/** Creating: shaped like createInitiative's payload (`initiative.title`, `epicKeys`). */
export interface CreateValues {
  initiative: InitiativeText;
  epicKeys: string;
}

export type FormMode = 'create' | 'edit';
/** Where the fields sit in each mode's payload: the prefix of every field's path. */
export const FIELDS_KEY = { create: 'initiative', edit: 'patch' } as const satisfies Record<FormMode, string>;

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

// ---------------------------------------------------------------- three-way merge (editing; see useRebase)

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

/**
 * A stored initiative as the form shows it. Effort is the estimate the roadmap uses (`effortOf`): the explicit
 * effort, else the RICE effort — so an initiative scored before Effort existed keeps its estimate.
 */
export function initiativeText(initiative: InitiativeView): InitiativeText {
  const { successMetric: m, rice } = initiative;
  return {
    title: initiative.title,
    goal: initiative.goal,
    successMetric: { description: m.description, target: numberText(m.target), current: numberText(m.current), unit: m.unit ?? '' },
    status: initiative.status,
    track: initiative.track,
    ownerAccountId: initiative.ownerAccountId ?? '',
    effort: numberText(initiative.effort ?? rice?.effort),
    rice: { reach: numberText(rice?.reach), impact: rice ? String(rice.impact) : '', confidence: numberText(rice?.confidence) },
    riskReduction: String(initiative.riskReduction),
    reversibility: initiative.reversibility,
    businessGoalIds: [...initiative.businessGoalIds],
    dependsOn: [...initiative.dependsOn],
    epicIds: [...initiative.epicIds],
    phaseId: initiative.phaseId,
    targetQuarter: initiative.targetQuarter,
    horizonPin: initiative.horizonPin ?? '',
  };
}

export function editorValues(initiative: InitiativeView): EditorValues {
  return { patch: initiativeText(initiative), epicKeys: '', reason: '' };
}

/** A new initiative: in the given phase, next quarter, proposed, on the feature-enabling track; the rest blank. */
export function createValues(phaseId: string, today = new Date()): CreateValues {
  return {
    initiative: {
      title: '',
      goal: '',
      successMetric: { description: '', target: '', current: '', unit: '' },
      status: 'proposed',
      track: 'feature-enabling',
      ownerAccountId: '',
      effort: '',
      rice: { reach: '', impact: '', confidence: '' },
      riskReduction: '0',
      reversibility: 'reversible',
      businessGoalIds: [],
      dependsOn: [],
      epicIds: [],
      phaseId,
      targetQuarter: addQuarters(quarterOf(today), 1),
      horizonPin: '',
    },
    epicKeys: '',
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

// ---------------------------------------------------------------- RICE and effort

type RiceText = InitiativeText['rice'];

/** Reach, impact and confidence all blank means "no RICE score"; otherwise each is required, and Effort too. */
export const riceIsBlank = (rice: RiceText) => Object.values(rice).every((v) => v.trim() === '');

/** The RICE inputs as typed, with Effort as its effort, when every one reads as a number the schema takes. */
export function typedRice(rice: RiceText, effortText: string): Rice | null {
  const [reach, impact, confidence, effort] = [rice.reach, rice.impact, rice.confidence, effortText].map(parseNumber);
  if ([reach, impact, confidence, effort].some((n) => n === null || Number.isNaN(n))) return null;
  if (reach! < 0 || confidence! < 0 || confidence! > 100 || !(effort! > 0)) return null;
  if (!(RICE_IMPACTS as readonly number[]).includes(impact!)) return null;
  return { reach: reach!, impact: impact as Rice['impact'], confidence: confidence!, effort: effort! };
}

/** The live score: reach × impact × confidence ÷ effort, to one decimal; null until the inputs are complete. */
export function liveRiceScore(rice: RiceText, effort: string): number | null {
  const score = riceScore(typedRice(rice, effort));
  return score === null ? null : Math.round(score * 10) / 10;
}

/**
 * A stored RICE score that divided by another effort than the initiative's Effort (recorded before the two were one
 * field): the dialog says so, and saving scores RICE with Effort. Null when they agree or there is no score.
 */
export function riceEffortMismatch(initiative: Pick<InitiativeView, 'effort' | 'rice'>): { riceEffort: number; effort: number | null } | null {
  const { rice, effort } = initiative;
  return rice && rice.effort !== effort ? { riceEffort: rice.effort, effort } : null;
}

// ---------------------------------------------------------------- the payloads

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const trimmedOrNull = (s: string) => (s.trim() === '' ? null : s.trim());
const sameRice = (a: Rice | null, b: Rice | null) =>
  a === b || (a !== null && b !== null && a.reach === b.reach && a.impact === b.impact && a.confidence === b.confidence && a.effort === b.effort);

/** Every field of an initiative as the model takes it (what createInitiative's `initiative` holds). */
type InitiativeFields = Required<Omit<NewInitiativeInput, 'epicIds'>>;

/**
 * The form's one reading of the typed fields (`prefix` is where they sit in the payload): numbers read, the owner
 * trimmed, the quarter normalised ("Q3 2027" is 2027-Q3; blank keeps `keepQuarter`), goals in the settings' order,
 * RICE with Effort as its effort. What the schema cannot see — a number that does not read, an incomplete RICE, a
 * RICE without an effort — comes back as local errors by path.
 */
export function readInitiativeText(
  t: InitiativeText,
  prefix: string,
  { keepQuarter, goalOrder }: { keepQuarter: string; goalOrder: readonly string[] },
): { fields: InitiativeFields; localErrors: Record<string, string> } {
  const localErrors: Record<string, string> = {};
  /** A typed number: blank → undefined, unreadable → NaN (with an error). */
  const num = (path: string, text: string, { required = false } = {}): number | undefined => {
    const n = parseNumber(text);
    if (n === null) {
      if (required) localErrors[`${prefix}.${path}`] = 'Required';
      return undefined;
    }
    if (Number.isNaN(n)) localErrors[`${prefix}.${path}`] = 'Enter a number';
    return n;
  };

  const metric = {
    description: t.successMetric.description,
    target: num('successMetric.target', t.successMetric.target),
    current: num('successMetric.current', t.successMetric.current),
    unit: trimmedOrNull(t.successMetric.unit) ?? undefined,
  };
  const effort = num('effort', t.effort);

  let rice: Rice | null = null;
  if (!riceIsBlank(t.rice)) {
    const part = (key: keyof RiceText) => num(`rice.${key}`, t.rice[key], { required: true }) as number;
    const [reach, impact, confidence] = [part('reach'), part('impact'), part('confidence')];
    if (effort === undefined) localErrors[`${prefix}.effort`] = 'Estimate the effort: the RICE score divides by it';
    else if (effort === 0) localErrors[`${prefix}.effort`] = 'More than 0 for a RICE score (it divides by the effort)';
    // While Effort cannot serve, its own error stops the save; 1 only lets the schema check the other three.
    const usable = effort !== undefined && effort > 0;
    rice = { reach, impact: impact as Rice['impact'], confidence, effort: usable ? effort : 1 };
  }

  // In the settings' order, so the stored list reads like the settings.
  const goals = [...goalOrder.filter((id) => t.businessGoalIds.includes(id)), ...t.businessGoalIds.filter((id) => !goalOrder.includes(id))];
  const fields: InitiativeFields = {
    title: t.title,
    phaseId: t.phaseId,
    goal: t.goal,
    successMetric: Object.fromEntries(Object.entries(metric).filter(([, x]) => x !== undefined)) as InitiativeFields['successMetric'],
    targetQuarter: readQuarter(t.targetQuarter, keepQuarter),
    horizonPin: t.horizonPin || null,
    status: t.status,
    ownerAccountId: trimmedOrNull(t.ownerAccountId),
    track: t.track,
    effort: effort ?? null,
    rice,
    riskReduction: Number(t.riskReduction),
    reversibility: t.reversibility,
    businessGoalIds: goals,
    dependsOn: [...t.dependsOn],
  };
  return { fields, localErrors };
}

/** Creating: every field, and the epic keys split ("tr-12, TR-15" → TR-12, TR-15). */
export function toCreateDraft(values: CreateValues, baseRevision: number, goalOrder: readonly string[]): Draft<CreatePayload> {
  const { fields, localErrors } = readInitiativeText(values.initiative, FIELDS_KEY.create, { keepQuarter: '', goalOrder });
  return { payload: { baseRevision, initiative: fields, epicKeys: splitEpicKeys(values.epicKeys) }, localErrors };
}

/**
 * Editing: only the fields that differ from the stored initiative go in `patch` (the success metric and RICE travel
 * whole); a move without a reason is a local error. A RICE score stored with another effort than Effort differs, so
 * saving aligns it.
 */
export function toUpdateDraft(
  values: EditorValues,
  initiative: InitiativeView,
  baseRevision: number,
  goalOrder: readonly string[],
  context: MoveContext,
): Draft<UpdatePayload> {
  const { fields: f, localErrors } = readInitiativeText(values.patch, FIELDS_KEY.edit, { keepQuarter: initiative.targetQuarter, goalOrder });
  const patch: InitiativePatch = {};
  if (f.title.trim() !== initiative.title) patch.title = f.title;
  if (f.goal.trim() !== initiative.goal) patch.goal = f.goal;
  const m = initiative.successMetric;
  const metric = f.successMetric;
  if (metric.description.trim() !== m.description || metric.target !== m.target || metric.current !== m.current || (metric.unit ?? '') !== (m.unit ?? '')) {
    patch.successMetric = metric;
  }
  if (f.status !== initiative.status) patch.status = f.status;
  if (f.track !== initiative.track) patch.track = f.track;
  if (f.ownerAccountId !== initiative.ownerAccountId) patch.ownerAccountId = f.ownerAccountId;
  if (f.effort !== initiative.effort) patch.effort = f.effort;
  if (!sameRice(f.rice, initiative.rice)) patch.rice = f.rice;
  if (f.riskReduction !== initiative.riskReduction) patch.riskReduction = f.riskReduction;
  if (f.reversibility !== initiative.reversibility) patch.reversibility = f.reversibility;
  if (!sameSet(f.businessGoalIds, initiative.businessGoalIds)) patch.businessGoalIds = f.businessGoalIds;
  if (!sameSet(f.dependsOn, initiative.dependsOn)) patch.dependsOn = f.dependsOn;
  if (!sameSet(values.patch.epicIds, initiative.epicIds)) patch.epicIds = [...values.patch.epicIds];
  if (f.phaseId !== initiative.phaseId) patch.phaseId = f.phaseId;
  if (f.targetQuarter !== initiative.targetQuarter) patch.targetQuarter = f.targetQuarter;
  if (f.horizonPin !== initiative.horizonPin) patch.horizonPin = f.horizonPin;

  const epicKeys = splitEpicKeys(values.epicKeys);
  const moving = isMoving(values, initiative, context);
  if (moving && values.reason.trim() === '') localErrors.reason = 'Say why it moves';
  const payload: UpdatePayload = { baseRevision, initiativeId: initiative.id, patch, epicKeys };
  if (moving && values.reason.trim() !== '') payload.reason = values.reason;
  const nothing = Object.keys(patch).length === 0 && epicKeys.length === 0;
  return { payload, localErrors, refusal: nothing ? 'Nothing to save: no field changed.' : undefined };
}
