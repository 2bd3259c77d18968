/**
 * Import and export of roadmap tables (the template's Markdown table, or CSV). The app's own export imports back
 * losslessly: export → import (merge) → export is byte-identical, and the import proposes no change and no warning
 * (test/unit/import-export/round-trip.property.test.ts checks it on generated roadmaps). How:
 *
 * - CSV is RFC 4180 (csv.ts): commas, quotes and line ends are quoted; a line end inside a cell is kept exactly as
 *   written (CR, LF or CRLF); cells a spreadsheet would run as a formula get one leading `'`, taken off on import.
 * - Markdown cells (markdown-table.ts): `\` escapes ASCII punctuation as in Markdown (`\\`, `\|`); LF is `<br>`, CR is
 *   `&#13;` (so CRLF is `&#13;<br>`); a literal `<br>` or `&#13;` in text is written `\<br>` / `\&#13;`.
 * - List cells — Business goals, Depends on, Epics (list-cell.ts): items separated by `;`; a name containing `;`,
 *   starting with `"` or shaped like an id/key is written in double quotes (`""` for a quote). Where a title is
 *   ambiguous (two initiatives or goals share it) the export writes the id instead (`I-7`, `G-2`), unquoted.
 * - The ID column (last) names the initiative a row came from: a row whose ID and title match a stored initiative
 *   updates it wherever it is (another Phase is a move); otherwise rows match by phase and title as before. An ID
 *   alone never renames or matches across roadmaps: the title must agree.
 * - Epics are exported by Jira key as the exporting user sees them (`ExportOptions.epicKeys`); an epic they cannot
 *   see, or that was deleted, is written as its issue id. The import takes keys and ids; keys are resolved through
 *   Jira as the importing user (`epicKeysOf` → `PreviewOptions.epicKeys`), and an unknown or hidden key (same
 *   message) or a non-epic is an error on its row.
 * - Owners are account ids, confirmed like epics: in one bulk lookup as the importing user (`ownersOf` →
 *   `PreviewOptions.owners`); a row that sets an owner Jira does not show them is an error on its row.
 * - Horizon: `Next (pinned)` pins; a horizon other than the one the row's target quarter gives today also pins (the
 *   table says where the team wants it); the derived horizon or an empty cell leaves it unpinned.
 * - An update that moves an initiative (horizon, target quarter or phase) is flagged in the preview (`moves`,
 *   `counts.toMove`); applying it needs a reason, recorded on the import's change record. Replace mode (deleting
 *   what the table leaves out) is for project admins, and the preview lists every initiative it deletes.
 */
export { applyImportPlan } from './apply';
export { exportCells, type ExportOptions, exportRoadmap } from './export';
export { METRIC_PLACEHOLDER } from './fields';
export { detectFormat, MAX_IMPORT_ROWS, parseRoadmapTable } from './parse';
export { epicKeysOf, ownersOf, previewImport, type PreviewOptions } from './preview';
export type * from './types';
