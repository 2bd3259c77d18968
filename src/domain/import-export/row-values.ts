import { accountIdSchema, initiativeIdSchema, isBlankText, isCleanText, issueIdSchema, LIMITS as MODEL_LIMITS } from '../model';
import { normaliseQuarter } from '../quarter';
import { type ColumnKey, headerOf, readHorizonCell, readStatus, readTrack, STATUS_CHOICES, TRACK_CHOICES } from './columns';
import { type ListItem, readList } from './list-cell';
import type { EpicRef, ParsedRow, RowError } from './types';

/** The model's limits, repeated here as numbers so messages can name them (the schemas enforce them again). */
export const LIMITS = {
  phase: 100,
  initiative: 200,
  goal: 1000,
  successMetric: 500,
  businessGoals: MODEL_LIMITS.goalsPerInitiative,
  dependsOn: MODEL_LIMITS.dependsOnPerInitiative,
  epics: MODEL_LIMITS.epicsPerInitiative,
  effort: 10000,
} as const;

/** A Jira issue key as Jira writes it (project key, dash, number); lower case is accepted and upper-cased. */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,9}-\d{1,9}$/;

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
    if (value !== undefined && !isCleanText(value)) fail(key, 'Contains control characters or an invalid character');
    return value;
  };
  const required = (key: ColumnKey, max: number): string => {
    const value = text(key, max) ?? '';
    if (isBlankText(value)) fail(key, `${headerOf(key)} is required`);
    return value;
  };
  const list = (key: ColumnKey, max: number): ListItem[] | undefined => {
    const value = cells[key];
    if (value === undefined) return undefined;
    const items = readList(value);
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
  const horizon = horizonCell === undefined ? undefined : horizonCell === '' ? null : choice('horizon', readHorizonCell, 'Now, Next, Later, or Next (pinned)');
  const status = choice('status', readStatus, STATUS_CHOICES);
  const track = choice('track', readTrack, TRACK_CHOICES);
  const owner = cells.owner;
  if (owner !== undefined && owner !== '' && !accountIdSchema.safeParse(owner).success) fail('owner', `Not an Atlassian account id: "${owner}"`);
  const effort = number('effort', 0, LIMITS.effort);
  const riceScore = number('riceScore', 0, Number.MAX_VALUE);
  const businessGoals = list('businessGoals', LIMITS.businessGoals);
  const dependsOn = list('dependsOn', LIMITS.dependsOn);
  const epicItems = list('epics', LIMITS.epics);
  const epics = epicItems?.map((item): EpicRef | null => {
    if (issueIdSchema.safeParse(item.text).success) return { kind: 'id', id: item.text };
    const key = item.text.toUpperCase();
    return ISSUE_KEY.test(key) ? { kind: 'key', key } : null;
  });
  const badEpic = epicItems?.find((_, index) => epics?.[index] === null);
  if (badEpic !== undefined) fail('epics', `Epics are Jira issue keys (TR-28) or ids (20006), not "${badEpic.text}"`);
  for (const [key, names] of [
    ['businessGoals', businessGoals],
    ['dependsOn', dependsOn],
  ] as const) {
    if (names?.some((name) => name.text.length > LIMITS.initiative)) fail(key, `Each title has at most ${LIMITS.initiative} characters`);
  }
  const idCell = cells.id;
  if (idCell !== undefined && idCell !== '' && !initiativeIdSchema.safeParse(idCell).success) {
    issues.push({ row, column: headerOf('id'), message: `Not an initiative id: "${idCell}" (like I-7); matched by phase and title`, severity: 'warning' });
  }
  const id = idCell !== undefined && initiativeIdSchema.safeParse(idCell).success ? idCell : undefined;

  if (issues.some((issue) => issue.severity === 'error') || targetQuarter === null) return { value: null, issues };
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
      epics: epics?.filter((e): e is EpicRef => e !== null),
      id,
    },
    issues,
  };
}
