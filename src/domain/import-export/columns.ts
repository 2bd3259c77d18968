import { HORIZON_LABEL, STATUS_LABEL, TRACK_LABEL } from '../labels';
import type { Horizon, InitiativeStatus, Track } from '../model';

/**
 * The table's columns: the five of the technical-roadmap template first, then the extra columns the export adds.
 * Headers match case-, space- and punctuation-insensitively (`Target quarter`, `target_quarter`, `TARGET QUARTER`).
 */
export const COLUMNS = [
  { key: 'phase', header: 'Phase', aliases: [], required: true },
  { key: 'initiative', header: 'Initiative', aliases: ['Title'], required: true },
  { key: 'goal', header: 'Goal', aliases: [], required: false },
  { key: 'successMetric', header: 'Success metric', aliases: ['Metric'], required: false },
  { key: 'targetQuarter', header: 'Target quarter', aliases: ['Quarter'], required: true },
  { key: 'horizon', header: 'Horizon', aliases: [], required: false },
  { key: 'status', header: 'Status', aliases: [], required: false },
  { key: 'track', header: 'Track', aliases: [], required: false },
  { key: 'owner', header: 'Owner', aliases: ['Owner account id'], required: false },
  { key: 'effort', header: 'Effort', aliases: [], required: false },
  { key: 'riceScore', header: 'RICE score', aliases: ['RICE'], required: false },
  { key: 'businessGoals', header: 'Business goals', aliases: [], required: false },
  { key: 'dependsOn', header: 'Depends on', aliases: ['Dependencies'], required: false },
  { key: 'epics', header: 'Epics', aliases: ['Epic keys', 'Epic ids'], required: false },
  { key: 'id', header: 'ID', aliases: ['Initiative id'], required: false },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];

/** The five columns of the template, which an import is expected to have. */
export const TEMPLATE_COLUMNS: readonly ColumnKey[] = ['phase', 'initiative', 'goal', 'successMetric', 'targetQuarter'];

export function headerOf(key: ColumnKey): string {
  return COLUMNS.find((c) => c.key === key)!.header;
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The column a header names, or null for a column the app does not know. */
export function matchHeader(header: string): ColumnKey | null {
  const wanted = squash(header);
  if (!wanted) return null;
  const found = COLUMNS.find((c) => squash(c.header) === wanted || c.aliases.some((a: string) => squash(a) === wanted));
  return found ? found.key : null;
}

/** Case- and space-insensitive identity of a phase name or initiative title. */
export function nameKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

export const statusLabel = (status: InitiativeStatus): string => STATUS_LABEL[status];
export const trackLabel = (track: Track): string => TRACK_LABEL[track];
export const horizonLabel = (horizon: Horizon): string => HORIZON_LABEL[horizon];

/** Reads a label or a stored value (`In progress`, `in-progress`, `IN_PROGRESS`); null when it is neither. */
function readEnum<T extends string>(labels: Record<T, string>, text: string): T | null {
  const wanted = squash(text);
  const values = Object.keys(labels) as T[];
  return values.find((value) => squash(value) === wanted || squash(labels[value]) === wanted) ?? null;
}

export const readStatus = (text: string): InitiativeStatus | null => readEnum(STATUS_LABEL, text);
export const readTrack = (text: string): Track | null => readEnum(TRACK_LABEL, text);
export const readHorizon = (text: string): Horizon | null => readEnum(HORIZON_LABEL, text);

/** How the export writes a pinned horizon: `Next (pinned)`. */
export const PINNED_SUFFIX = ' (pinned)';

/** A Horizon cell: `Next`, or `Next (pinned)` / `next pinned` for a pin; null when it is neither. */
export function readHorizonCell(text: string): { horizon: Horizon; pinned: boolean } | null {
  const squashed = squash(text);
  const pinned = squashed.endsWith('pinned');
  const horizon = readHorizon(pinned ? squashed.slice(0, -'pinned'.length) : squashed);
  return horizon === null ? null : { horizon, pinned };
}

export const STATUS_CHOICES = Object.values(STATUS_LABEL).join(', ');
export const TRACK_CHOICES = Object.values(TRACK_LABEL).join(', ');
