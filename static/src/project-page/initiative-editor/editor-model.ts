import type { z } from 'zod';
import { type InitiativeView, deleteInitiativePayload, updateInitiativePayload } from '../../../../src/domain/api';
import { fieldErrors } from '../../../../src/domain/errors';
import {
  type Horizon,
  type InitiativePatch,
  type InitiativeStatus,
  type Rice,
  type Track,
  HORIZONS,
  INITIATIVE_STATUSES,
  REVERSIBILITY,
  RICE_IMPACTS,
  TRACKS,
} from '../../../../src/domain/model';
import { normaliseQuarter } from '../../../../src/domain/quarter';
import { HORIZON_LABEL, STATUS_LABEL, TRACK_LABEL } from '../../../../src/domain/labels';
import { riceScore } from '../../../../src/domain/rules/prioritisation';
import { type Equals, type FieldEquals, sameItems, sameText } from '../../shared/three-way-merge';
import { splitEpicKeys } from '../form-model';
import { parseNumber } from '../settings/settings-model';

export type UpdatePayload = z.input<typeof updateInitiativePayload>;
export type DeletePayload = z.input<typeof deleteInitiativePayload>;
type Reversibility = (typeof REVERSIBILITY)[number];

/** The editor's inputs, as typed: numbers stay text until the save, so a half-typed value is never lost. */
export interface EditorValues {
  title: string;
  goal: string;
  metricDescription: string;
  metricTarget: string;
  metricCurrent: string;
  metricUnit: string;
  status: InitiativeStatus;
  track: Track;
  ownerAccountId: string;
  effort: string;
  riceReach: string;
  /** '' while not scored; otherwise one of RICE_IMPACTS as text. */
  riceImpact: string;
  riceConfidence: string;
  riceEffort: string;
  riskReduction: string;
  reversibility: Reversibility;
  businessGoalIds: string[];
  dependsOn: string[];
  /** The linked epics that stay linked (removing one here unlinks it on save). */
  epicIds: string[];
  /** More epics to link, typed as keys (comma or space separated). */
  newEpicKeys: string;
  phaseId: string;
  targetQuarter: string;
  /** '' = derived from the target quarter. */
  horizonPin: '' | Horizon;
  reason: string;
}
export type EditorField = keyof EditorValues;

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
export const IMPACT_OPTIONS = [
  { value: '', label: 'Not scored' },
  ...RICE_IMPACTS.map((v) => ({ value: String(v), label: `${IMPACT_LABEL[v]} (${v})` })),
];
export const HORIZON_PIN_OPTIONS = [
  { value: '', label: 'From the target quarter' },
  ...HORIZONS.map((h) => ({ value: h, label: `Pinned to ${HORIZON_LABEL[h]}` })),
];

// ---------------------------------------------------------------- three-way merge (see useMergeForm)

/** The fields' names in the conflict notice, as the editor labels them. */
export const EDITOR_LABELS: Record<EditorField, string> = {
  title: 'Title',
  goal: 'Goal',
  metricDescription: 'Success metric',
  metricTarget: 'Metric target',
  metricCurrent: 'Metric current',
  metricUnit: 'Metric unit',
  status: 'Status',
  track: 'Track',
  ownerAccountId: 'Owner account id',
  effort: 'Effort',
  riceReach: 'Reach',
  riceImpact: 'Impact',
  riceConfidence: 'Confidence',
  riceEffort: 'RICE effort',
  riskReduction: 'Risk reduction',
  reversibility: 'Reversibility',
  businessGoalIds: 'Business goals',
  dependsOn: 'Depends on',
  epicIds: 'Linked epics',
  newEpicKeys: 'Add epic keys',
  phaseId: 'Phase',
  targetQuarter: 'Target quarter',
  horizonPin: 'Horizon',
  reason: 'Why is it moving?',
};

/** A typed number compares by its value ("6.0" is 6); anything else as trimmed text. */
const sameNumberText: Equals = (a, b) => {
  if (typeof a !== 'string' || typeof b !== 'string') return sameText(a, b);
  const x = parseNumber(a);
  const y = parseNumber(b);
  return x !== null && y !== null && !Number.isNaN(x) && !Number.isNaN(y) ? x === y : sameText(a, b);
};
const sameQuarterText: Equals = (a, b) =>
  typeof a === 'string' && typeof b === 'string' ? (normaliseQuarter(a.trim()) ?? a.trim()) === (normaliseQuarter(b.trim()) ?? b.trim()) : a === b;

/** How the merge compares the editor's fields: as saved (trimmed text, numbers by value, id lists as sets). */
export const EDITOR_EQUALS: FieldEquals<EditorValues> = {
  title: sameText,
  goal: sameText,
  metricDescription: sameText,
  metricTarget: sameNumberText,
  metricCurrent: sameNumberText,
  metricUnit: sameText,
  ownerAccountId: sameText,
  effort: sameNumberText,
  riceReach: sameNumberText,
  riceImpact: sameNumberText,
  riceConfidence: sameNumberText,
  riceEffort: sameNumberText,
  businessGoalIds: sameItems,
  dependsOn: sameItems,
  epicIds: sameItems,
  newEpicKeys: sameText,
  targetQuarter: sameQuarterText,
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
export function describeEditorValue(field: EditorField, value: unknown, names: NameSource): string | undefined {
  const names_ = (ids: unknown, list: ReadonlyArray<{ id: string; title: string }>) =>
    Array.isArray(ids) ? (ids.length === 0 ? '(none)' : ids.map((id) => list.find((x) => x.id === id)?.title ?? String(id)).join(', ')) : undefined;
  switch (field) {
    case 'status':
      return optionLabel(STATUS_OPTIONS, value);
    case 'track':
      return optionLabel(TRACK_OPTIONS, value);
    case 'riceImpact':
      return optionLabel(IMPACT_OPTIONS, value);
    case 'riskReduction':
      return optionLabel(RISK_OPTIONS, value);
    case 'reversibility':
      return optionLabel(REVERSIBILITY_OPTIONS, value);
    case 'horizonPin':
      return optionLabel(HORIZON_PIN_OPTIONS, value);
    case 'phaseId':
      return names.phases.find((p) => p.id === value)?.name;
    case 'businessGoalIds':
      return names_(value, names.businessGoals);
    case 'dependsOn':
      return names_(value, names.initiatives);
    case 'epicIds':
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
    title: initiative.title,
    goal: initiative.goal,
    metricDescription: m.description,
    metricTarget: numberText(m.target),
    metricCurrent: numberText(m.current),
    metricUnit: m.unit ?? '',
    status: initiative.status,
    track: initiative.track,
    ownerAccountId: initiative.ownerAccountId ?? '',
    effort: numberText(initiative.effort),
    riceReach: numberText(rice?.reach),
    riceImpact: rice ? String(rice.impact) : '',
    riceConfidence: numberText(rice?.confidence),
    riceEffort: numberText(rice?.effort),
    riskReduction: String(initiative.riskReduction),
    reversibility: initiative.reversibility,
    businessGoalIds: [...initiative.businessGoalIds],
    dependsOn: [...initiative.dependsOn],
    epicIds: [...initiative.epicIds],
    newEpicKeys: '',
    phaseId: initiative.phaseId,
    targetQuarter: initiative.targetQuarter,
    horizonPin: initiative.horizonPin ?? '',
    reason: '',
  };
}

/** The target quarter as it will be sent: "Q2 2027" is read too; blank keeps the stored one. */
export function typedQuarter(values: EditorValues, initiative: InitiativeView): string {
  const typed = values.targetQuarter.trim();
  return typed === '' ? initiative.targetQuarter : (normaliseQuarter(typed) ?? typed);
}

/**
 * Whether the edit moves the initiative (phase, target quarter or horizon pin): the server then requires a reason.
 * (A new quarter may leave the horizon as it was; it still counts as a move, as on the server.)
 */
export function isMoving(values: EditorValues, initiative: InitiativeView): boolean {
  return (
    values.phaseId !== initiative.phaseId ||
    typedQuarter(values, initiative) !== initiative.targetQuarter ||
    (values.horizonPin || null) !== initiative.horizonPin
  );
}

// ---------------------------------------------------------------- RICE

const RICE_FIELDS = ['riceReach', 'riceImpact', 'riceConfidence', 'riceEffort'] as const;
type RiceField = (typeof RICE_FIELDS)[number];

/** Blank for all four means "no RICE score"; otherwise each is required. */
export const riceIsBlank = (values: EditorValues) => RICE_FIELDS.every((f) => values[f].trim() === '');

/** The RICE inputs as typed, when every one reads as a number the schema takes (for the live score). */
export function typedRice(values: EditorValues): Rice | null {
  const reach = parseNumber(values.riceReach);
  const impact = parseNumber(values.riceImpact);
  const confidence = parseNumber(values.riceConfidence);
  const effort = parseNumber(values.riceEffort);
  if ([reach, impact, confidence, effort].some((n) => n === null || Number.isNaN(n))) return null;
  if (reach! < 0 || confidence! < 0 || confidence! > 100 || !(effort! > 0)) return null;
  if (!(RICE_IMPACTS as readonly number[]).includes(impact!)) return null;
  return { reach: reach!, impact: impact as Rice['impact'], confidence: confidence!, effort: effort! };
}

/** The live score: reach × impact × confidence / effort, to one decimal; null until the inputs are complete. */
export function liveRiceScore(values: EditorValues): number | null {
  const score = riceScore(typedRice(values));
  return score === null ? null : Math.round(score * 10) / 10;
}

// ---------------------------------------------------------------- the payload

export interface Draft {
  payload: UpdatePayload;
  /** The epic keys as sent, to name the key an `epicKeys.N` error is about. */
  epicKeys: string[];
  /** What the schema can't say better: blank or unreadable numbers, an incomplete RICE, a missing reason. */
  localErrors: Partial<Record<EditorField, string>>;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const trimmedOrNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Only the fields that differ from the stored initiative go in `patch`; the success metric travels whole. */
export function toUpdateDraft(values: EditorValues, initiative: InitiativeView, baseRevision: number, goalOrder: readonly string[]): Draft {
  const localErrors: Draft['localErrors'] = {};
  /** A typed number: blank → undefined, unreadable → NaN (with an error). */
  const num = (field: EditorField, { required = false } = {}): number | undefined => {
    const n = parseNumber(values[field] as string);
    if (n === null) {
      if (required) localErrors[field] = 'Required';
      return undefined;
    }
    if (Number.isNaN(n)) localErrors[field] = 'Enter a number';
    return n;
  };

  const patch: InitiativePatch = {};
  if (values.title.trim() !== initiative.title) patch.title = values.title;
  if (values.goal.trim() !== initiative.goal) patch.goal = values.goal;

  const metric = {
    description: values.metricDescription,
    target: num('metricTarget'),
    current: num('metricCurrent'),
    unit: trimmedOrNull(values.metricUnit) ?? undefined,
  };
  const m = initiative.successMetric;
  if (metric.description.trim() !== m.description || metric.target !== m.target || metric.current !== m.current || (metric.unit ?? '') !== (m.unit ?? '')) {
    patch.successMetric = Object.fromEntries(Object.entries(metric).filter(([, v]) => v !== undefined)) as InitiativePatch['successMetric'];
  }

  if (values.status !== initiative.status) patch.status = values.status;
  if (values.track !== initiative.track) patch.track = values.track;
  const owner = trimmedOrNull(values.ownerAccountId);
  if (owner !== initiative.ownerAccountId) patch.ownerAccountId = owner;
  const effort = num('effort') ?? null;
  if (effort !== initiative.effort) patch.effort = effort;

  let rice: Rice | null = null;
  if (!riceIsBlank(values)) {
    const r = Object.fromEntries(RICE_FIELDS.map((f) => [f, num(f, { required: true })])) as Record<RiceField, number | undefined>;
    rice = { reach: r.riceReach as number, impact: r.riceImpact as Rice['impact'], confidence: r.riceConfidence as number, effort: r.riceEffort as number };
  }
  if (JSON.stringify(rice) !== JSON.stringify(initiative.rice)) patch.rice = rice;

  const risk = Number(values.riskReduction);
  if (risk !== initiative.riskReduction) patch.riskReduction = risk;
  if (values.reversibility !== initiative.reversibility) patch.reversibility = values.reversibility;

  if (!sameSet(values.businessGoalIds, initiative.businessGoalIds)) {
    // In the settings' order, so the stored list reads like the settings.
    const ordered = goalOrder.filter((id) => values.businessGoalIds.includes(id));
    patch.businessGoalIds = [...ordered, ...values.businessGoalIds.filter((id) => !goalOrder.includes(id))];
  }
  if (!sameSet(values.dependsOn, initiative.dependsOn)) patch.dependsOn = values.dependsOn;
  if (!sameSet(values.epicIds, initiative.epicIds)) patch.epicIds = values.epicIds;

  if (values.phaseId !== initiative.phaseId) patch.phaseId = values.phaseId;
  const quarter = typedQuarter(values, initiative);
  if (quarter !== initiative.targetQuarter) patch.targetQuarter = quarter;
  const pin = values.horizonPin || null;
  if (pin !== initiative.horizonPin) patch.horizonPin = pin;

  const epicKeys = splitEpicKeys(values.newEpicKeys);
  const moving = isMoving(values, initiative);
  if (moving && values.reason.trim() === '') localErrors.reason = 'Say why it moves';
  const payload: UpdatePayload = { baseRevision, initiativeId: initiative.id, patch, epicKeys };
  if (moving && values.reason.trim() !== '') payload.reason = values.reason;
  return { payload, epicKeys, localErrors };
}

export const nothingChanged = (payload: UpdatePayload) => Object.keys(payload.patch).length === 0 && (payload.epicKeys ?? []).length === 0;

/** Checks the payload with the resolver's own schema, so the user sees the same messages without a round trip. */
export function validateUpdate(payload: UpdatePayload): Record<string, string> | null {
  const parsed = updateInitiativePayload.safeParse(payload);
  return parsed.success ? null : fieldErrors(parsed.error);
}

export function validateDelete(payload: DeletePayload): Record<string, string> | null {
  const parsed = deleteInitiativePayload.safeParse(payload);
  return parsed.success ? null : fieldErrors(parsed.error);
}

// ---------------------------------------------------------------- errors

export interface EditorErrors {
  byField: Partial<Record<EditorField, string>>;
  other: string[];
}
export const NO_EDITOR_ERRORS: EditorErrors = { byField: {}, other: [] };
export const hasEditorErrors = (e: EditorErrors) => Object.values(e.byField).some(Boolean) || e.other.length > 0;

/** `patch.<path>` → the input that owns it. Longest prefixes first. */
const PATCH_PATHS: Array<[string, EditorField]> = [
  ['successMetric.description', 'metricDescription'],
  ['successMetric.target', 'metricTarget'],
  ['successMetric.current', 'metricCurrent'],
  ['successMetric.unit', 'metricUnit'],
  ['successMetric', 'metricDescription'],
  ['rice.reach', 'riceReach'],
  ['rice.impact', 'riceImpact'],
  ['rice.confidence', 'riceConfidence'],
  ['rice.effort', 'riceEffort'],
  ['rice', 'riceReach'],
  ['title', 'title'],
  ['goal', 'goal'],
  ['status', 'status'],
  ['track', 'track'],
  ['ownerAccountId', 'ownerAccountId'],
  ['effort', 'effort'],
  ['riskReduction', 'riskReduction'],
  ['reversibility', 'reversibility'],
  ['businessGoalIds', 'businessGoalIds'],
  ['dependsOn', 'dependsOn'],
  ['epicIds', 'epicIds'],
  ['phaseId', 'phaseId'],
  ['targetQuarter', 'targetQuarter'],
  ['horizonPin', 'horizonPin'],
];

/** The schema's number messages ("Too big: expected number to be <=100") said the way the editor asks. */
const NUMBER_HINT: Partial<Record<EditorField, string>> = {
  effort: 'Enter a number from 0 to 10,000, or leave it blank',
  riceReach: 'Enter a number of people or events, 0 or more',
  riceConfidence: 'Enter a percentage from 0 to 100',
  riceEffort: 'Enter an effort of more than 0',
  metricTarget: 'Enter a number, or leave it blank',
  metricCurrent: 'Enter a number, or leave it blank',
};
const HINTED = /expected number|Too (big|small)|Invalid input/i;

/**
 * Dot-path field errors onto the editor: `patch.title`, `patch.rice.impact`, `patch.dependsOn.2`, `epicKeys.0`
 * (named by its key unless the message already says it), `reason`. `patch` alone is the server's "nothing to change".
 */
export function mapEditorErrors(fields: Record<string, string>, epicKeys: readonly string[]): EditorErrors {
  const byField: EditorErrors['byField'] = {};
  const other: string[] = [];
  const put = (field: EditorField, message: string) => {
    byField[field] = byField[field] ? `${byField[field]} ${message}` : message;
  };
  for (const [path, message] of Object.entries(fields)) {
    if (path === 'reason') {
      put('reason', message);
      continue;
    }
    const epic = /^epicKeys(?:\.(\d+))?/.exec(path);
    if (epic) {
      const key = epic[1] === undefined ? undefined : epicKeys[Number(epic[1])];
      put('newEpicKeys', key && !message.includes(key) ? `${key}: ${message}` : message);
      continue;
    }
    if (path === 'patch') {
      other.push('Nothing to save: no field differs from the stored initiative.');
      continue;
    }
    if (path.startsWith('patch.')) {
      const rest = path.slice('patch.'.length);
      const match = PATCH_PATHS.find(([prefix]) => rest === prefix || rest.startsWith(`${prefix}.`));
      if (match) {
        const field = match[1];
        if (!byField[field]) put(field, NUMBER_HINT[field] && HINTED.test(message) ? NUMBER_HINT[field]! : message);
        continue;
      }
    }
    other.push(path === '(payload)' || path === 'initiativeId' ? message : `${path}: ${message}`);
  }
  return { byField, other: [...new Set(other)] };
}

/** The first field with an error, in the editor's order, to focus after a refused save. */
export const FIELD_ORDER: readonly EditorField[] = [
  'title',
  'goal',
  'metricDescription',
  'metricTarget',
  'metricCurrent',
  'metricUnit',
  'status',
  'track',
  'ownerAccountId',
  'effort',
  'phaseId',
  'targetQuarter',
  'horizonPin',
  'reason',
  'riceReach',
  'riceImpact',
  'riceConfidence',
  'riceEffort',
  'riskReduction',
  'reversibility',
  'businessGoalIds',
  'dependsOn',
  'epicIds',
  'newEpicKeys',
];
