import type { ChangeRecord, FieldDiff } from './changes';
import { horizonFor } from './horizon';
import { DEBT_CATEGORY_LABEL, HORIZON_LABEL, STATUS_LABEL, TRACK_LABEL } from './labels';
import type { CapacitySettings, DebtCategory, Horizon, HorizonRules, InitiativeStatus, Rice, Track } from './model';
import { quarterLabel } from './quarter';

/**
 * A changelog entry as people read it: field labels instead of stored names, names instead of ids, and from → to for
 * what moved. Pure: the caller says how ids read (from the view it shows), so the same record reads the same on every
 * surface and in exports.
 */

/** How the ids a change mentions read; undefined when the reader cannot know (deleted, or hidden from them). */
export interface ChangeNames {
  initiative: (id: string) => string | undefined;
  phase: (id: string) => string | undefined;
  goal: (id: string) => string | undefined;
  debt: (id: string) => string | undefined;
  /** An epic's issue key. */
  epic: (issueId: string) => string | undefined;
  /** A person's display name. */
  person: (accountId: string) => string | undefined;
  horizonRules: HorizonRules;
}

/** One readable line of a change: "Target quarter: Q2 2027 → Q4 2026", or "Epics: linked TR-32". */
export interface ChangeLine {
  label: string;
  text: string;
}

const FIELD_LABELS: Record<FieldDiff['entity'], Record<string, string>> = {
  initiative: {
    title: 'Title',
    phaseId: 'Phase',
    goal: 'Goal',
    successMetric: 'Success metric',
    targetQuarter: 'Target quarter',
    horizonPin: 'Pinned horizon',
    status: 'Status',
    ownerAccountId: 'Owner',
    track: 'Track',
    effort: 'Effort',
    rice: 'RICE',
    riskReduction: 'Risk reduction',
    reversibility: 'Reversibility',
    businessGoalIds: 'Business goals',
    dependsOn: 'Depends on',
    epicIds: 'Epics',
    fromDebtId: 'Promoted from debt',
  },
  phase: { name: 'Name', theme: 'Theme', startQuarter: 'Start quarter', endQuarter: 'End quarter', description: 'Description', order: 'Position' },
  debt: { title: 'Title', category: 'Category', description: 'Description', impact: 'Impact', urgency: 'Urgency', effort: 'Effort', promotedTo: 'Promoted to' },
  goal: { title: 'Title', metric: 'Metric' },
  roadmap: {
    title: 'Roadmap title',
    ownerAccountId: 'Roadmap owner',
    businessGoals: 'Business goals',
    reviewCadenceDays: 'Review cadence',
    lastReviewedAt: 'Last reviewed',
    capacity: 'Capacity',
    horizonRules: 'Horizon rules',
    phases: 'Phases',
  },
};

/** A stored field's label, e.g. `reviewCadenceDays` → "Review cadence"; an unknown field reads as words. */
export function fieldLabel(entity: FieldDiff['entity'], field: string): string {
  return FIELD_LABELS[entity][field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

const NONE = '(none)';
const clip = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const isQuarter = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-Q[1-4]$/.test(value);

function named(id: unknown, lookup: (id: string) => string | undefined, what: string): string {
  if (typeof id !== 'string' || id === '') return NONE;
  const name = lookup(id);
  return name ? `“${name}”` : `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} no longer shown`;
}

/** A value no label table knows, as it was stored. */
const plain = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);

/** One value of a field, as it reads. */
function valueText(entity: FieldDiff['entity'], field: string, value: unknown, names: ChangeNames): string {
  if (value === null || value === undefined || value === '') return NONE;
  if (field === 'phaseId') return named(value, names.phase, 'phase');
  if (field === 'promotedTo' || field === 'fromDebtId')
    return named(value, field === 'promotedTo' ? names.initiative : names.debt, field === 'promotedTo' ? 'initiative' : 'debt item');
  if (field === 'ownerAccountId') return typeof value === 'string' ? (names.person(value) ?? 'a Jira user') : NONE;
  if (isQuarter(value)) return quarterLabel(value);
  if (field === 'status') return STATUS_LABEL[value as InitiativeStatus] ?? plain(value);
  if (field === 'track') return TRACK_LABEL[value as Track] ?? plain(value);
  if (field === 'horizonPin') return HORIZON_LABEL[value as Horizon] ?? plain(value);
  if (field === 'category') return DEBT_CATEGORY_LABEL[value as DebtCategory] ?? plain(value);
  if (field === 'reviewCadenceDays' && typeof value === 'number') return value === 1 ? 'every day' : `every ${value} days`;
  if (field === 'lastReviewedAt' && typeof value === 'string') return value.slice(0, 10);
  if (field === 'rice' && typeof value === 'object') {
    const r = value as Rice;
    return `reach ${r.reach}, impact ${r.impact}, confidence ${r.confidence} %, effort ${r.effort}`;
  }
  if (field === 'capacity' && typeof value === 'object') {
    const c = value as CapacitySettings;
    return `${c.perQuarter} ${c.unit} per quarter, ${c.bufferPercent} % buffer`;
  }
  if (field === 'horizonRules' && typeof value === 'object') {
    const h = value as HorizonRules;
    return `Now ${h.nowQuarters} quarter${h.nowQuarters === 1 ? '' : 's'}, Next ${h.nextQuarters}`;
  }
  if (field === 'successMetric' && typeof value === 'object') {
    const m = value as { description?: string; current?: number; target?: number; unit?: string };
    const numbers = m.target !== undefined ? ` (${m.current ?? '?'} → ${m.target}${m.unit ? ` ${m.unit}` : ''})` : '';
    return clip(`${m.description ?? ''}${numbers}`);
  }
  if (field === 'businessGoals' && Array.isArray(value)) return value.map((g: { title?: string }) => `“${g.title ?? ''}”`).join(', ') || NONE;
  if (Array.isArray(value)) return value.length === 0 ? NONE : value.map((v) => itemText(field, v, names)).join(', ');
  if (typeof value === 'string') return `“${clip(value)}”`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return clip(JSON.stringify(value));
}

/** One member of a list field (epics, dependencies, goals). */
function itemText(field: string, id: unknown, names: ChangeNames): string {
  if (typeof id !== 'string') return String(id);
  if (field === 'epicIds') return names.epic(id) ?? 'an epic no longer shown';
  if (field === 'dependsOn') return named(id, names.initiative, 'initiative');
  if (field === 'businessGoalIds') return named(id, names.goal, 'business goal');
  return id;
}

const LIST_VERBS: Record<string, { added: string; removed: string }> = {
  epicIds: { added: 'linked', removed: 'unlinked' },
  dependsOn: { added: 'now depends on', removed: 'no longer depends on' },
  businessGoalIds: { added: 'now serves', removed: 'no longer serves' },
};

/** A list field reads as what was added and removed, not as two whole lists. */
function listLine(diff: FieldDiff, names: ChangeNames): string | null {
  const verbs = LIST_VERBS[diff.field];
  if (!verbs || !Array.isArray(diff.before ?? []) || !Array.isArray(diff.after ?? [])) return null;
  const before = (diff.before ?? []) as unknown[];
  const after = (diff.after ?? []) as unknown[];
  const added = after.filter((v) => !before.includes(v)).map((v) => itemText(diff.field, v, names));
  const removed = before.filter((v) => !after.includes(v)).map((v) => itemText(diff.field, v, names));
  const parts = [added.length ? `${verbs.added} ${added.join(', ')}` : '', removed.length ? `${verbs.removed} ${removed.join(', ')}` : ''].filter(Boolean);
  return parts.length ? parts.join('; ') : null;
}

/** One diff as a line. New and deleted things say so rather than listing every field. */
export function diffLine(diff: FieldDiff, names: ChangeNames): ChangeLine {
  const label = fieldLabel(diff.entity, diff.field);
  const list = listLine(diff, names);
  if (list) return { label, text: list };
  const from = valueText(diff.entity, diff.field, diff.before, names);
  const to = valueText(diff.entity, diff.field, diff.after, names);
  if (diff.before === undefined) return { label, text: `set to ${to}` };
  if (diff.after === undefined) return { label, text: `removed (was ${from})` };
  return { label, text: `${from} → ${to}` };
}

/** The horizon an initiative moved between, when its quarter or pin changed: "Later → Now". */
function horizonLine(diffs: FieldDiff[], at: Date, names: ChangeNames): ChangeLine | null {
  const quarter = diffs.find((d) => d.field === 'targetQuarter');
  const pin = diffs.find((d) => d.field === 'horizonPin');
  if (!quarter || !isQuarter(quarter.before) || !isQuarter(quarter.after)) return null;
  const pinBefore = (pin ? pin.before : null) as Horizon | null;
  const pinAfter = (pin ? pin.after : null) as Horizon | null;
  const from = horizonFor({ targetQuarter: quarter.before, horizonPin: pinBefore ?? null }, at, names.horizonRules);
  const to = horizonFor({ targetQuarter: quarter.after, horizonPin: pinAfter ?? null }, at, names.horizonRules);
  return from === to ? null : { label: 'Horizon', text: `${HORIZON_LABEL[from]} → ${HORIZON_LABEL[to]}` };
}

/** Creations and deletions carry every field as a diff; they read as one line each. */
function isWholeEntity(diffs: FieldDiff[]): 'created' | 'deleted' | null {
  if (diffs.length < 3) return null;
  if (diffs.every((d) => d.before === undefined)) return 'created';
  if (diffs.every((d) => d.after === undefined)) return 'deleted';
  return null;
}

const ENTITY_NOUN: Record<FieldDiff['entity'], string> = {
  initiative: 'Initiative',
  phase: 'Phase',
  debt: 'Debt item',
  goal: 'Business goal',
  roadmap: 'Roadmap',
};

/**
 * The readable lines of a change, grouped by what it touched: one heading per initiative, phase or debt item when
 * the change touched several, and from → to per field (a move adds the horizon it moved between).
 */
export function changeLines(change: Pick<ChangeRecord, 'diffs' | 'at'>, names: ChangeNames): Array<{ heading: string | null; lines: ChangeLine[] }> {
  const groups = new Map<string, FieldDiff[]>();
  for (const diff of change.diffs) {
    const key = `${diff.entity}:${diff.id}`;
    groups.set(key, [...(groups.get(key) ?? []), diff]);
  }
  const several = groups.size > 1;
  return [...groups.values()].map((diffs) => {
    const { entity, id } = diffs[0];
    const whole = isWholeEntity(diffs);
    const title =
      entity === 'initiative'
        ? names.initiative(id)
        : entity === 'phase'
          ? names.phase(id)
          : entity === 'debt'
            ? names.debt(id)
            : entity === 'goal'
              ? names.goal(id)
              : undefined;
    const nameDiff = diffs.find((d) => d.field === 'title' || d.field === 'name');
    const shownTitle = title ?? (typeof nameDiff?.after === 'string' ? nameDiff.after : typeof nameDiff?.before === 'string' ? nameDiff.before : undefined);
    const heading = several && entity !== 'roadmap' ? `${ENTITY_NOUN[entity]}${shownTitle ? ` “${shownTitle}”` : ''}` : null;
    if (whole) return { heading, lines: [{ label: ENTITY_NOUN[entity], text: whole === 'created' ? 'added' : 'deleted' }] };
    const lines = diffs.map((d) => diffLine(d, names));
    const horizon = entity === 'initiative' ? horizonLine(diffs, new Date(change.at), names) : null;
    return { heading, lines: horizon ? [...lines, horizon] : lines };
  });
}

/** Whether a change touched an initiative: its own fields, or a debt item promoted to it. */
export function changeTouchesInitiative(change: Pick<ChangeRecord, 'diffs'>, initiativeId: string): boolean {
  return change.diffs.some((d) => (d.entity === 'initiative' && d.id === initiativeId) || (d.field === 'promotedTo' && d.after === initiativeId));
}

/** The settings summary's field list, as labels: "Changed roadmap settings (review cadence, capacity)". */
export function settingsSummary(fields: readonly string[]): string {
  return `Changed roadmap settings (${fields.map((f) => fieldLabel('roadmap', f).toLowerCase()).join(', ')})`;
}
