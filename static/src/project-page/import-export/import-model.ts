import type { z } from 'zod';
import type { ExportResult, ImportPreview, importRoadmapPayload, previewImportPayload } from '../../../../src/domain/api';
import type { RowError } from '../../../../src/domain/import-export';
import type { Draft } from '../../shared/form/payload-check';

export type ImportMode = 'merge' | 'replace';
export type PreviewPayload = z.input<typeof previewImportPayload>;
export type ImportPayload = z.input<typeof importRoadmapPayload>;

export const MODE_OPTIONS: ReadonlyArray<{ value: ImportMode; label: string }> = [
  { value: 'merge', label: 'Merge' },
  { value: 'replace', label: 'Replace' },
];
/** Replace deletes what the table leaves out: the server allows it to project admins only, so only they see it. */
export const modeOptions = (canAdminister: boolean) => (canAdminister ? MODE_OPTIONS : MODE_OPTIONS.filter((o) => o.value === 'merge'));
export const MODE_HELP: Record<ImportMode, string> = {
  merge: 'Adds new rows and updates the initiatives the table names (by ID, or by phase and title); keeps everything else.',
  replace: 'Also deletes the initiatives the table does not list (project admins only).',
};

export const TEMPLATE_TABLE = [
  '| Phase | Initiative | Goal | Success metric | Target quarter |',
  '|---|---|---|---|---|',
  '| Foundation | Upgrade Node.js to v22 LTS | Reduce security exposure | All services running v22 | Q2 2026 |',
].join('\n');

/** The preview form's inputs, shaped like previewImport's payload: the pasted `text` and the `mode`. */
export interface PreviewValues {
  text: string;
  mode: ImportMode;
}
export const previewValues = (): PreviewValues => ({ text: '', mode: 'merge' });

/** The preview payload: the table as pasted, its format told apart by the server. */
export const toPreviewDraft = (values: PreviewValues): Draft<PreviewPayload> => ({ payload: { text: values.text, format: 'auto', mode: values.mode } });

/** The import form's inputs, shaped like importRoadmap's payload: the reason a move needs, the removals acknowledged. */
export interface ImportValues {
  reason: string;
  confirmRemovals: boolean;
}
export const importValues = (): ImportValues => ({ reason: '', confirmRemovals: false });

export const CONFIRM_REMOVALS = 'Confirm the removals to import.';

/**
 * The import payload: the previewed table and mode, against the revision the preview was planned on (if anything
 * changed since, the server says CONFLICT). The reason goes only when the plan moves initiatives — then the schema
 * requires it — and removals count as confirmed only when the plan removes any.
 */
export function toImportDraft(values: ImportValues, previewed: Previewed): Draft<ImportPayload> {
  const { plan } = previewed;
  const removes = plan.counts.toRemove > 0;
  const payload: ImportPayload = {
    text: previewed.text,
    format: 'auto',
    mode: previewed.mode,
    baseRevision: plan.baseRevision,
    confirmRemovals: removes ? values.confirmRemovals : false,
    ...(needsReason(plan) ? { reason: values.reason } : {}),
  };
  return removes && !values.confirmRemovals ? { payload, localErrors: { confirmRemovals: CONFIRM_REMOVALS } } : { payload };
}

/** Why Import is not offered yet, or '' when it is. */
export function importBlocked(plan: ImportPreview, state: PreviewState, values: ImportValues): string {
  if (state !== 'current') return 'Preview again first.';
  if (plan.counts.errors > 0) return 'Fix the errors in the table, then preview again.';
  if (!changesSomething(plan)) return 'Nothing to import: the roadmap already matches this table.';
  if (plan.counts.toRemove > 0 && !values.confirmRemovals) return CONFIRM_REMOVALS;
  if (needsReason(plan) && values.reason.trim() === '') return 'Say why the initiatives move to import.';
  return '';
}

/** What the success message says an import did. */
export function importedSummary(plan: ImportPreview): string {
  const c = plan.counts;
  const parts = [`${c.toCreate} created`, `${c.toUpdate} updated`];
  if (c.toRemove > 0) parts.push(`${c.toRemove} removed`);
  if (c.phasesToCreate > 0) parts.push(`${c.phasesToCreate} new ${c.phasesToCreate === 1 ? 'phase' : 'phases'}`);
  return `Imported the table: ${parts.join(', ')}.`;
}

/** A preview, and what it was computed from: it only stands for that text, that mode, on that revision. */
export interface Previewed {
  text: string;
  mode: ImportMode;
  plan: ImportPreview;
}

export type PreviewState = 'current' | 'edited' | 'outdated';

/**
 * Whether the preview still describes what Import would do: not when the table or mode changed since, and not when
 * the page shows a newer roadmap than the one the preview was planned on (someone saved since).
 */
export function previewState(previewed: Previewed, text: string, mode: ImportMode, viewRevision: number): PreviewState {
  if (previewed.text !== text || previewed.mode !== mode) return 'edited';
  if (viewRevision > previewed.plan.baseRevision) return 'outdated';
  return 'current';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The import moves initiatives (another horizon, quarter or phase): it needs a reason, recorded on the change. */
export const needsReason = (plan: ImportPreview) => plan.counts.toMove > 0;

/** The initiatives the import moves, for the reason prompt (the first few by title, then how many more). */
export function movesSummary(plan: ImportPreview, shownTitles = 5): string {
  const titles = plan.initiativesToUpdate.filter((u) => u.moves).map((u) => `"${u.title}"`);
  const more = titles.length - shownTitles;
  return `Moves ${titles.slice(0, shownTitles).join(', ')}${more > 0 ? ` and ${more} more` : ''} to another horizon, quarter or phase; the reason is recorded in the changelog.`;
}

/** How many initiatives the import writes (creates or updates). */
export const initiativesWritten = (plan: ImportPreview) => plan.counts.toCreate + plan.counts.toUpdate;

/** Whether applying the plan changes anything at all. */
export const changesSomething = (plan: ImportPreview) => plan.counts.toCreate + plan.counts.toUpdate + plan.counts.toRemove + plan.counts.phasesToCreate > 0;

/** "Import N initiatives" (created or updated); for a replace that only removes, what it removes. */
export function importButtonLabel(plan: ImportPreview): string {
  const written = initiativesWritten(plan);
  if (written === 0 && plan.counts.toRemove > 0) return `Remove ${plural(plan.counts.toRemove, 'initiative')}`;
  return `Import ${plural(written, 'initiative')}`;
}

export const removalConfirmLabel = (plan: ImportPreview) => `I understand ${plural(plan.counts.toRemove, 'initiative')} will be removed`;

/** One sentence for the plan's counts. */
export function countsSummary(plan: ImportPreview): string {
  const c = plan.counts;
  const parts = [
    `${plural(c.toCreate, 'initiative')} to create`,
    `${c.toUpdate} to update`,
    ...(c.toMove > 0 ? [`${c.toMove} of them ${c.toMove === 1 ? 'moves' : 'move'}`] : []),
    `${c.unchanged} unchanged`,
  ];
  if (plan.mode === 'replace') parts.push(`${c.toRemove} to remove`);
  if (c.phasesToCreate > 0) parts.push(plural(c.phasesToCreate, 'new phase'));
  return `${plural(c.rows, 'row')} read as ${plan.format === 'csv' ? 'CSV' : 'Markdown'}: ${parts.join(', ')}.`;
}

export function problemsSummary(plan: ImportPreview): string {
  const { errors, warnings } = plan.counts;
  if (errors === 0 && warnings === 0) return 'No problems found.';
  return [errors > 0 ? plural(errors, 'error') : null, warnings > 0 ? plural(warnings, 'warning') : null].filter(Boolean).join(' and ');
}

/** Errors first, then by row (the table as a whole, row 0, first), then column. */
export function sortProblems(errors: readonly RowError[]): RowError[] {
  const weight = (e: RowError) => (e.severity === 'error' ? 0 : 1);
  return [...errors].sort((a, b) => weight(a) - weight(b) || a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
}

export const whereOf = (e: RowError) => `${e.row === 0 ? 'Table' : `Row ${e.row}`}${e.column ? ` · ${e.column}` : ''}`;

/** How an empty cell reads in a before → after line. */
export const shown = (text: string) => (text.trim() === '' ? '(empty)' : text);

/**
 * Saves an export as a file: a Blob behind an object URL, clicked through a temporary `<a download>` (Custom UI
 * frames allow downloads). The URL is revoked once the click has been handled.
 */
export function downloadExport(file: ExportResult, doc: Document = document): void {
  const blob = new Blob([file.content], { type: `${file.mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
