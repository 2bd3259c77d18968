import type { z } from 'zod';
import { type RoadmapView, saveSettingsPayload } from '../../../../src/domain/api';
import { fieldErrors } from '../../../../src/domain/errors';
import type { CapacitySettings, HorizonRules } from '../../../../src/domain/model';
import { MAX_BUSINESS_GOALS } from '../../../../src/domain/rules/traceability';
import { type Equals, type FieldEquals, deepEqual, sameText } from '../../shared/three-way-merge';

export type SettingsPayload = z.input<typeof saveSettingsPayload>;
export type SettingsPatch = SettingsPayload['settings'];
export type CapacityUnit = CapacitySettings['unit'];

export const UNIT_OPTIONS: ReadonlyArray<{ value: CapacityUnit; label: string }> = [
  { value: 'person-weeks', label: 'Person-weeks' },
  { value: 'person-days', label: 'Person-days' },
  { value: 'points', label: 'Points' },
];

/** One business goal row as typed; `key` is local (stable across removals), `id` is the stored goal's, if any. */
export interface GoalRow {
  key: string;
  id?: string;
  title: string;
  metric: string;
}

/** The settings form's inputs, as typed. */
export interface SettingsValues {
  title: string;
  reviewCadenceDays: string;
  perQuarter: string;
  unit: CapacityUnit;
  bufferPercent: string;
  nowQuarters: string;
  nextQuarters: string;
  goals: GoalRow[];
}
export type SettingsField = Exclude<keyof SettingsValues, 'goals'>;

let rowSeq = 0;
export const newGoalRow = (): GoalRow => ({ key: `new-${++rowSeq}`, title: '', metric: '' });

export function settingsValues(view: RoadmapView): SettingsValues {
  return {
    title: view.title,
    reviewCadenceDays: String(view.reviewCadenceDays),
    perQuarter: String(view.capacity.perQuarter),
    unit: view.capacity.unit,
    bufferPercent: String(view.capacity.bufferPercent),
    nowQuarters: String(view.horizonRules.nowQuarters),
    nextQuarters: String(view.horizonRules.nextQuarters),
    goals: view.businessGoals.map((g) => ({ key: g.id, id: g.id, title: g.title, metric: g.metric })),
  };
}

export const canAddGoal = (values: SettingsValues) => values.goals.length < MAX_BUSINESS_GOALS;

/** Field errors split between the form's inputs, the goal rows (by row key) and what no input owns. */
export interface SettingsErrors {
  byField: Partial<Record<SettingsField, string>>;
  goals: Record<string, { title?: string; metric?: string }>;
  /** About the goal list as a whole (too many, a removed goal still traced). */
  goalList?: string;
  other: string[];
}
export const NO_SETTINGS_ERRORS: SettingsErrors = { byField: {}, goals: {}, other: [] };
export const hasErrors = (e: SettingsErrors) =>
  Object.values(e.byField).some(Boolean) || Object.keys(e.goals).length > 0 || Boolean(e.goalList) || e.other.length > 0;

const NUMBER_FIELDS = ['reviewCadenceDays', 'perQuarter', 'bufferPercent', 'nowQuarters', 'nextQuarters'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

/** A typed number, or null when blank; NaN when it is not a number at all. */
export function parseNumber(raw: string): number | null {
  const text = raw.trim();
  if (text === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}

/** The buffer as typed, when it is a number the schema could take (for the live 20–30 % guidance). */
export function typedBuffer(values: SettingsValues): number | null {
  const n = parseNumber(values.bufferPercent);
  return n === null || Number.isNaN(n) || n < 0 || n > 100 ? null : n;
}

const normalGoal = (g: { id?: string; title: string; metric: string }) => ({ id: g.id ?? null, title: g.title.trim(), metric: g.metric.trim() });

/** The goal lists as saved: ids, trimmed text, in order (row keys are local). */
const sameGoals: Equals = (a, b) => deepEqual((a as GoalRow[]).map(normalGoal), (b as GoalRow[]).map(normalGoal));

/** How the three-way merge compares the settings' fields (see useMergeForm). */
export const SETTINGS_EQUALS: FieldEquals<SettingsValues> = {
  title: sameText,
  reviewCadenceDays: sameText,
  perQuarter: sameText,
  bufferPercent: sameText,
  nowQuarters: sameText,
  nextQuarters: sameText,
  goals: sameGoals,
};

/** The fields' names in the conflict notice, as the form labels them. */
export const SETTINGS_LABELS: Record<keyof SettingsValues, string> = {
  title: 'Roadmap title',
  reviewCadenceDays: 'Review cadence (days)',
  perQuarter: 'Capacity per quarter',
  unit: 'Unit',
  bufferPercent: 'Buffer %',
  nowQuarters: 'Quarters in Now',
  nextQuarters: 'Quarters in Next',
  goals: 'Business goals',
};

/** A value as the conflict notice shows it: the unit's label, the goals one per line. */
export function describeSetting(field: keyof SettingsValues, value: unknown): string | undefined {
  if (field === 'unit') return UNIT_OPTIONS.find((o) => o.value === value)?.label;
  if (field === 'bufferPercent' && typeof value === 'string' && value.trim() !== '') return `${value.trim()} %`;
  if (field === 'goals') {
    const rows = value as GoalRow[];
    if (rows.length === 0) return '(no goals)';
    return rows.map((g, i) => `${i + 1}. ${g.title.trim() || '(blank)'}${g.metric.trim() ? ` — ${g.metric.trim()}` : ''}`).join('\n');
  }
  return undefined;
}

export function goalsChanged(values: SettingsValues, view: RoadmapView): boolean {
  return JSON.stringify(values.goals.map(normalGoal)) !== JSON.stringify(view.businessGoals.map(normalGoal));
}

export interface Draft {
  payload: SettingsPayload;
  /** Blank or non-numeric number inputs: caught here, because the schema can't say it better than "expected number". */
  numberErrors: Partial<Record<NumberField, string>>;
}

/**
 * Only what changed goes in `settings`. Capacity and horizon rules travel whole (their schemas fill defaults for
 * missing keys, which would reset what the user left alone); business goals travel as the full list, ids kept.
 */
export function toSettingsDraft(values: SettingsValues, view: RoadmapView): Draft {
  const numberErrors: Draft['numberErrors'] = {};
  const num = (field: NumberField): number => {
    const n = parseNumber(values[field]);
    if (n === null) numberErrors[field] = 'Required';
    else if (Number.isNaN(n)) numberErrors[field] = 'Enter a number';
    return n ?? Number.NaN;
  };
  const reviewCadenceDays = num('reviewCadenceDays');
  const capacity: CapacitySettings = { perQuarter: num('perQuarter'), unit: values.unit, bufferPercent: num('bufferPercent') };
  const horizonRules: HorizonRules = { nowQuarters: num('nowQuarters'), nextQuarters: num('nextQuarters') };

  const settings: SettingsPatch = {};
  if (values.title.trim() !== view.title) settings.title = values.title;
  if (reviewCadenceDays !== view.reviewCadenceDays) settings.reviewCadenceDays = reviewCadenceDays;
  const c = view.capacity;
  if (capacity.perQuarter !== c.perQuarter || capacity.unit !== c.unit || capacity.bufferPercent !== c.bufferPercent) settings.capacity = capacity;
  const h = view.horizonRules;
  if (horizonRules.nowQuarters !== h.nowQuarters || horizonRules.nextQuarters !== h.nextQuarters) settings.horizonRules = horizonRules;
  if (goalsChanged(values, view)) {
    settings.businessGoals = values.goals.map((g) => (g.id ? { id: g.id, title: g.title, metric: g.metric } : { title: g.title, metric: g.metric }));
  }
  return { payload: { baseRevision: view.revision, settings }, numberErrors };
}

export const nothingChanged = (payload: SettingsPayload) => Object.keys(payload.settings).length === 0;

/** Checks the payload with the resolver's own schema, so the user sees the same messages without a round trip. */
export function validateSettings(payload: SettingsPayload): Record<string, string> | null {
  const parsed = saveSettingsPayload.safeParse(payload);
  return parsed.success ? null : fieldErrors(parsed.error);
}

const FIELD_PATHS: Record<string, SettingsField> = {
  title: 'title',
  reviewCadenceDays: 'reviewCadenceDays',
  capacity: 'perQuarter',
  'capacity.perQuarter': 'perQuarter',
  'capacity.unit': 'unit',
  'capacity.bufferPercent': 'bufferPercent',
  horizonRules: 'nowQuarters',
  'horizonRules.nowQuarters': 'nowQuarters',
  'horizonRules.nextQuarters': 'nextQuarters',
};

/**
 * Dot-path field errors onto the form. The schema names paths under `settings.` (`settings.capacity.bufferPercent`,
 * `settings.businessGoals.1.title`); the settings edit names goal paths without it (`businessGoals.0.id`,
 * `businessGoals`). Goal indexes are positions in the list sent, i.e. in `rows`.
 */
export function mapSettingsErrors(fields: Record<string, string>, rows: readonly GoalRow[]): SettingsErrors {
  const byField: SettingsErrors['byField'] = {};
  const goals: SettingsErrors['goals'] = {};
  const goalList: string[] = [];
  const other: string[] = [];
  for (const [rawPath, message] of Object.entries(fields)) {
    const path = rawPath.startsWith('settings.') ? rawPath.slice('settings.'.length) : rawPath;
    const field = FIELD_PATHS[path];
    if (field) {
      byField[field] = byField[field] ?? message;
      continue;
    }
    const goal = /^businessGoals\.(\d+)(?:\.(\w+))?/.exec(path);
    const row = goal ? rows[Number(goal[1])] : undefined;
    if (goal && row) {
      const part = goal[2] === 'metric' ? 'metric' : 'title';
      const entry = (goals[row.key] = goals[row.key] ?? {});
      entry[part] = entry[part] ?? message;
      continue;
    }
    if (path === 'businessGoals' || goal) {
      goalList.push(message);
      continue;
    }
    if (path === '(payload)' || path === 'settings' || path === '') other.push(message);
    else other.push(`${rawPath}: ${message}`);
  }
  return { byField, goals, goalList: goalList.length > 0 ? [...new Set(goalList)].join(' ') : undefined, other: [...new Set(other)] };
}

const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);

/** "Now = this quarter, Next = the following quarter", for any rules. */
export function horizonRulesText(rules: HorizonRules): string {
  const now = rules.nowQuarters;
  const next = rules.nextQuarters;
  const nowText = now === 1 ? 'this quarter' : now === 2 ? 'this quarter and the next' : `this quarter and the next ${now - 1}`;
  const nextText = next === 1 ? 'the following quarter' : `the following ${next} quarters`;
  return `Now = ${nowText}, Next = ${nextText}`;
}

export const cadenceText = (days: number) => `Reviewed every ${days} ${plural(days, 'day')}`;
