import type { z } from 'zod';
import type { RoadmapView, saveSettingsPayload } from '../../../../src/domain/api';
import type { CapacitySettings, HorizonRules } from '../../../../src/domain/model';
import { MAX_BUSINESS_GOALS } from '../../../../src/domain/rules/traceability';
import type { Draft } from '../../shared/form/payload-check';
import { deepEqual, type Equals, sameText } from '../../shared/three-way-merge';

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

/**
 * The settings form's inputs, shaped like the payload (`settings.capacity.bufferPercent`, …), as typed. The goal
 * list is one field (`settings.businessGoals`): it merges as a whole, while its rows' errors land by their own path
 * (`settings.businessGoals.2.title`, see `goalFieldNames`).
 */
export interface SettingsValues {
  settings: {
    title: string;
    /** The roadmap's owner's account id, or '' for none (picked by name, never typed). */
    ownerAccountId: string;
    reviewCadenceDays: string;
    capacity: { perQuarter: string; unit: CapacityUnit; bufferPercent: string };
    horizonRules: { nowQuarters: string; nextQuarters: string };
    businessGoals: GoalRow[];
  };
}

/** The goal list's payload path. */
export const GOALS = 'settings.businessGoals';

let rowSeq = 0;
export const newGoalRow = (): GoalRow => ({ key: `new-${++rowSeq}`, title: '', metric: '' });

export function settingsValues(view: RoadmapView): SettingsValues {
  return {
    settings: {
      title: view.title,
      ownerAccountId: view.ownerAccountId ?? '',
      reviewCadenceDays: String(view.reviewCadenceDays),
      capacity: { perQuarter: String(view.capacity.perQuarter), unit: view.capacity.unit, bufferPercent: String(view.capacity.bufferPercent) },
      horizonRules: { nowQuarters: String(view.horizonRules.nowQuarters), nextQuarters: String(view.horizonRules.nextQuarters) },
      businessGoals: view.businessGoals.map((g) => ({ key: g.id, id: g.id, title: g.title, metric: g.metric })),
    },
  };
}

export const canAddGoal = (goals: readonly GoalRow[]) => goals.length < MAX_BUSINESS_GOALS;

/** The rows' own field names, by position (what the schema and the server name them): where their errors land. */
export const goalFieldNames = (values: SettingsValues): string[] =>
  values.settings.businessGoals.flatMap((_, i) => [`${GOALS}.${i}.title`, `${GOALS}.${i}.metric`]);

/** A typed number, or null when blank; NaN when it is not a number at all. */
export function parseNumber(raw: string): number | null {
  const text = raw.trim();
  if (text === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}

/** The buffer as typed, when it is a number the schema could take (for the live 20–30 % guidance). */
export function typedBuffer(values: SettingsValues): number | null {
  const n = parseNumber(values.settings.capacity.bufferPercent);
  return n === null || Number.isNaN(n) || n < 0 || n > 100 ? null : n;
}

const normalGoal = (g: { id?: string; title: string; metric: string }) => ({ id: g.id ?? null, title: g.title.trim(), metric: g.metric.trim() });

/** The goal lists as saved: ids, trimmed text, in order (row keys are local). */
const sameGoals: Equals = (a, b) => deepEqual((a as GoalRow[]).map(normalGoal), (b as GoalRow[]).map(normalGoal));

/** How the three-way merge compares the settings' fields, by path: as saved (trimmed text, the goals without keys). */
export const SETTINGS_EQUALS: Record<string, Equals> = {
  'settings.title': sameText,
  'settings.reviewCadenceDays': sameText,
  'settings.capacity.perQuarter': sameText,
  'settings.capacity.bufferPercent': sameText,
  'settings.horizonRules.nowQuarters': sameText,
  'settings.horizonRules.nextQuarters': sameText,
  [GOALS]: sameGoals,
};

/** The fields' names in the conflict notice, as the form labels them, by path. */
export const SETTINGS_LABELS: Record<string, string> = {
  'settings.title': 'Roadmap title',
  'settings.ownerAccountId': 'Roadmap owner',
  'settings.reviewCadenceDays': 'Review cadence (days)',
  'settings.capacity.perQuarter': 'Capacity per quarter',
  'settings.capacity.unit': 'Unit',
  'settings.capacity.bufferPercent': 'Buffer %',
  'settings.horizonRules.nowQuarters': 'Quarters in Now',
  'settings.horizonRules.nextQuarters': 'Quarters in Next',
  [GOALS]: 'Business goals',
};

/** A value as the conflict notice shows it: the unit's label, the buffer with its %, the goals one per line. */
export function describeSetting(path: string, value: unknown): string | undefined {
  if (path === 'settings.capacity.unit') return UNIT_OPTIONS.find((o) => o.value === value)?.label;
  if (path === 'settings.capacity.bufferPercent' && typeof value === 'string' && value.trim() !== '') return `${value.trim()} %`;
  if (path === GOALS) {
    const rows = value as GoalRow[];
    if (rows.length === 0) return '(no goals)';
    return rows.map((g, i) => `${i + 1}. ${g.title.trim() || '(blank)'}${g.metric.trim() ? ` — ${g.metric.trim()}` : ''}`).join('\n');
  }
  return undefined;
}

export function goalsChanged(goals: readonly GoalRow[], view: RoadmapView): boolean {
  return JSON.stringify(goals.map(normalGoal)) !== JSON.stringify(view.businessGoals.map(normalGoal));
}

/**
 * The settings form's one transform to the payload, against the stored version `view` it is based on: only what
 * changed goes in `settings`. Capacity and horizon rules travel whole (their schemas fill defaults for missing keys,
 * which would reset what the user left alone); business goals travel as the full list, ids kept. A blank or
 * unreadable number comes back as a local error by path (the schema could only say "expected number").
 */
export function toSettingsDraft(values: SettingsValues, view: RoadmapView): Draft<SettingsPayload> {
  const v = values.settings;
  const localErrors: Record<string, string> = {};
  const num = (path: string, typed: string): number => {
    const n = parseNumber(typed);
    if (n === null) localErrors[path] = 'Required';
    else if (Number.isNaN(n)) localErrors[path] = 'Enter a number';
    return n ?? Number.NaN;
  };
  const reviewCadenceDays = num('settings.reviewCadenceDays', v.reviewCadenceDays);
  const capacity: CapacitySettings = {
    perQuarter: num('settings.capacity.perQuarter', v.capacity.perQuarter),
    unit: v.capacity.unit,
    bufferPercent: num('settings.capacity.bufferPercent', v.capacity.bufferPercent),
  };
  const horizonRules: HorizonRules = {
    nowQuarters: num('settings.horizonRules.nowQuarters', v.horizonRules.nowQuarters),
    nextQuarters: num('settings.horizonRules.nextQuarters', v.horizonRules.nextQuarters),
  };

  const settings: SettingsPatch = {};
  if (v.title.trim() !== view.title) settings.title = v.title;
  const owner = v.ownerAccountId || null;
  if (owner !== view.ownerAccountId) settings.ownerAccountId = owner;
  if (reviewCadenceDays !== view.reviewCadenceDays) settings.reviewCadenceDays = reviewCadenceDays;
  const c = view.capacity;
  if (capacity.perQuarter !== c.perQuarter || capacity.unit !== c.unit || capacity.bufferPercent !== c.bufferPercent) settings.capacity = capacity;
  const h = view.horizonRules;
  if (horizonRules.nowQuarters !== h.nowQuarters || horizonRules.nextQuarters !== h.nextQuarters) settings.horizonRules = horizonRules;
  if (goalsChanged(v.businessGoals, view)) {
    settings.businessGoals = v.businessGoals.map((g) => (g.id ? { id: g.id, title: g.title, metric: g.metric } : { title: g.title, metric: g.metric }));
  }
  const nothing = Object.keys(settings).length === 0;
  return { payload: { baseRevision: view.revision, settings }, localErrors, refusal: nothing ? 'Nothing to save: no setting changed.' : undefined };
}

/**
 * A refusal's sentence worth showing beside the goals: the settings edit's own (e.g. which initiative still traces a
 * removed goal), when its fields are about the goal list. The schema's "Invalid input — …" only repeats a field.
 */
export function goalsRefusalDetail(error: { message: string; fields?: Record<string, string> }): string | null {
  if (!error.message || error.message.startsWith('Invalid input')) return null;
  return Object.keys(error.fields ?? {}).some((path) => path === GOALS || path.startsWith(`${GOALS}.`)) ? error.message : null;
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
