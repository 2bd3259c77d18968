import { accountIdSchema, issueIdSchema } from '../model';
import { normaliseQuarter } from '../quarter';
import {
  STATUS_CHOICES,
  TRACK_CHOICES,
  headerOf,
  readHorizon,
  readStatus,
  readTrack,
  splitList,
  type ColumnKey,
} from './columns';
import type { ParsedRow, RowError } from './types';

/** The model's limits, repeated here as numbers so messages can name them (the schemas enforce them again). */
export const LIMITS = {
  phase: 100,
  initiative: 200,
  goal: 1000,
  successMetric: 500,
  businessGoals: 10,
  dependsOn: 20,
  epics: 50,
  effort: 10000,
} as const;

export type RowCells = Partial<Record<ColumnKey, string>>;

/** Reads one data row's cells (already unescaped and trimmed) into a row, or the reasons it cannot be used. */
export function readRow(row: number, cells: RowCells): { value: ParsedRow | null; issues: RowError[] } {
  const issues: RowError[] = [];
  const fail = (key: ColumnKey, message: string) => {
    issues.push({ row, column: headerOf(key), message, severity: 'error' });
  };
  const text = (key: ColumnKey, max: number): string | undefined => {
    const value = cells[key];
    if (value !== undefined && value.length > max) fail(key, `At most ${max} characters (this cell has ${value.length})`);
    return value;
  };
  const required = (key: ColumnKey, max: number): string => {
    const value = text(key, max) ?? '';
    if (value.length === 0) fail(key, `${headerOf(key)} is required`);
    return value;
  };
  const list = (key: ColumnKey, max: number): string[] | undefined => {
    const value = cells[key];
    if (value === undefined) return undefined;
    const items = splitList(value);
    if (items.length > max) fail(key, `At most ${max} entries (this cell has ${items.length})`);
    return items;
  };
  const number = (key: ColumnKey, min: number, max: number): number | null | undefined => {
    const value = cells[key];
    if (value === undefined) return undefined;
    if (value === '') return null;
    const parsed = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Number(value) : NaN;
    if (!Number.isFinite(parsed)) fail(key, `${headerOf(key)} must be a number, not "${value}"`);
    else if (parsed < min || parsed > max) fail(key, `${headerOf(key)} must be between ${min} and ${max}`);
    return parsed;
  };
  const choice = <T>(key: ColumnKey, read: (text: string) => T | null, choices: string): T | undefined => {
    const value = cells[key];
    if (value === undefined || value === '') return undefined;
    const parsed = read(value);
    if (parsed === null) fail(key, `Unknown ${headerOf(key).toLowerCase()} "${value}" (use ${choices})`);
    return parsed ?? undefined;
  };

  const phase = required('phase', LIMITS.phase);
  const title = required('initiative', LIMITS.initiative);
  const quarterText = cells.targetQuarter ?? '';
  const targetQuarter = normaliseQuarter(quarterText);
  if (quarterText === '') fail('targetQuarter', 'Target quarter is required');
  else if (targetQuarter === null) fail('targetQuarter', `Not a quarter: "${quarterText}" (write Q2 2026 or 2026-Q2)`);

  const goal = text('goal', LIMITS.goal);
  const successMetric = text('successMetric', LIMITS.successMetric);
  const horizonCell = cells.horizon;
  const horizon = horizonCell === undefined ? undefined : horizonCell === '' ? null : choice('horizon', readHorizon, 'Now, Next, Later');
  const status = choice('status', readStatus, STATUS_CHOICES);
  const track = choice('track', readTrack, TRACK_CHOICES);
  const owner = cells.owner;
  if (owner !== undefined && owner !== '' && !accountIdSchema.safeParse(owner).success) fail('owner', `Not an Atlassian account id: "${owner}"`);
  const effort = number('effort', 0, LIMITS.effort);
  const riceScore = number('riceScore', 0, Number.MAX_VALUE);
  const businessGoals = list('businessGoals', LIMITS.businessGoals);
  const dependsOn = list('dependsOn', LIMITS.dependsOn);
  const epicIds = list('epics', LIMITS.epics);
  const badEpic = epicIds?.find((id) => !issueIdSchema.safeParse(id).success);
  if (badEpic !== undefined) fail('epics', `Epics are Jira issue ids (numbers), not "${badEpic}"`);
  for (const [key, names] of [['businessGoals', businessGoals], ['dependsOn', dependsOn]] as const) {
    if (names?.some((name) => name.length > LIMITS.initiative)) fail(key, `Each title has at most ${LIMITS.initiative} characters`);
  }

  if (issues.length > 0 || targetQuarter === null) return { value: null, issues };
  return {
    value: {
      row,
      phase,
      title,
      targetQuarter,
      goal,
      successMetric,
      horizon,
      status,
      track,
      ownerAccountId: owner === undefined ? undefined : owner === '' ? null : owner,
      effort,
      riceScore,
      businessGoals,
      dependsOn,
      epicIds,
    },
    issues,
  };
}
