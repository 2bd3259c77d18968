import type { Horizon, InitiativeStatus, SuccessMetric, Track } from '../model';
import type { Quarter } from '../quarter';
import type { ColumnKey } from './columns';
import type { ListItem } from './list-cell';

export type TableFormat = 'markdown' | 'csv';

/**
 * A problem found while reading or planning an import. `row` is the 1-based data row (the header and empty lines
 * are not counted); row 0 means the table as a whole (its header, its size). Errors block the import, warnings
 * do not.
 */
export interface RowError {
  row: number;
  column?: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedColumn {
  /** The header as written in the table. */
  header: string;
  /** The column it was matched to; null for a column the app does not know (ignored, with a warning). */
  key: ColumnKey | null;
}

/**
 * One valid data row. A field is `undefined` when the table has no such column, so a merge leaves that field
 * alone; an empty cell in a present column is `''`, `null` or `[]` (it clears the field where the model allows it).
 */
export interface ParsedRow {
  row: number;
  phase: string;
  title: string;
  targetQuarter: Quarter;
  goal?: string;
  successMetric?: string;
  /**
   * The Horizon cell: null when empty (the horizon follows the target quarter). A horizon other than the one the
   * target quarter gives, or one marked `(pinned)`, pins the initiative there.
   */
  horizon?: { horizon: Horizon; pinned: boolean } | null;
  status?: InitiativeStatus;
  track?: Track;
  ownerAccountId?: string | null;
  effort?: number | null;
  /** Read for validation only: the score is derived from the RICE inputs, never imported. */
  riceScore?: number | null;
  /** Business goal titles (or unquoted `G-n` ids), resolved against the roadmap's goals by the preview. */
  businessGoals?: ListItem[];
  /** Initiative titles (or unquoted `I-n` ids), resolved by the preview. */
  dependsOn?: ListItem[];
  /** Epics by Jira key (`TR-28`, upper-cased) or issue id (`20006`); the preview turns keys into ids. */
  epics?: EpicRef[];
  /** The ID cell (`I-7`) of a table the app exported: with the same title, the row updates that initiative. */
  id?: string;
}

export type EpicRef = { kind: 'id'; id: string } | { kind: 'key'; key: string };

/** What Jira said about an epic key, asked as the importing user: null when it does not exist or they cannot see it. */
export type EpicKeyAnswer = { id: string; issueType: string } | null;

export interface ParseResult {
  format: TableFormat;
  columns: ParsedColumn[];
  /** Rows without errors (rows with only warnings are included). */
  rows: ParsedRow[];
  errors: RowError[];
}

/** A phase or initiative the plan points at: one already stored, or one the plan creates (by its `ref`). */
export type PlanTarget = { kind: 'existing'; id: string } | { kind: 'new'; ref: string };

/** Every field an import can set on an initiative. */
export interface ImportedFields {
  goal: string;
  successMetric: SuccessMetric;
  targetQuarter: Quarter;
  horizonPin: Horizon | null;
  status: InitiativeStatus;
  track: Track;
  ownerAccountId: string | null;
  effort: number | null;
  businessGoalIds: string[];
  dependsOn: PlanTarget[];
  epicIds: string[];
}

export type ImportedField = keyof ImportedFields;

/** What an update changes: importable fields, and the phase when the row (matched by its ID) names another one. */
export type UpdatePatch = Partial<ImportedFields> & { phase?: PlanTarget };

/** One field of an update, before and after, as the table shows it (`Q3 2026`, `In progress`, titles). */
export interface FieldChange {
  field: ImportedField | 'phase';
  column: string;
  before: string;
  after: string;
}

export interface PlannedPhase {
  ref: string;
  name: string;
  order: number;
  startQuarter: Quarter;
  endQuarter: Quarter;
  /** The data rows that put initiatives in it. */
  rows: number[];
}

export interface PlannedCreate {
  ref: string;
  row: number;
  title: string;
  phase: PlanTarget;
  phaseName: string;
  fields: ImportedFields;
}

export interface PlannedUpdate {
  id: string;
  row: number;
  title: string;
  phaseId: string;
  /** Only the fields that change. */
  patch: UpdatePatch;
  changes: FieldChange[];
  /**
   * The update moves the initiative to another horizon, target quarter or phase: the import then needs a reason
   * (one for the whole import, recorded on its change record), like every other move.
   */
  moves: boolean;
}

export interface PlannedUnchanged {
  id: string;
  row: number;
  title: string;
}

export interface PlannedRemoval {
  id: string;
  title: string;
  phaseId: string;
}

export interface ImportCounts {
  rows: number;
  phasesToCreate: number;
  toCreate: number;
  toUpdate: number;
  /** Updates that move an initiative (see PlannedUpdate.moves): more than 0 means the import needs a reason. */
  toMove: number;
  unchanged: number;
  toRemove: number;
  errors: number;
  warnings: number;
}

/**
 * What an import would do, computed without writing anything. Plain JSON (no dates, maps or functions), so a
 * resolver can return it for review and later hand it back to `applyImportPlan`, which refuses it when the
 * roadmap moved on (`baseRevision`) or when it carries errors.
 */
export interface ImportPlan {
  mode: 'merge' | 'replace';
  format: TableFormat;
  projectId: string;
  baseRevision: number;
  phasesToCreate: PlannedPhase[];
  initiativesToCreate: PlannedCreate[];
  initiativesToUpdate: PlannedUpdate[];
  initiativesUnchanged: PlannedUnchanged[];
  /** Replace mode only: stored initiatives the table does not list. Applying the plan deletes them. */
  initiativesToRemove: PlannedRemoval[];
  errors: RowError[];
  counts: ImportCounts;
}
