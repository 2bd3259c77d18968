/** Import and export of roadmap tables (the template's Markdown table, or CSV). */
export { parseRoadmapTable, detectFormat, MAX_IMPORT_ROWS } from './parse';
export { previewImport, epicKeysOf, type PreviewOptions } from './preview';
export { applyImportPlan } from './apply';
export { exportRoadmap, exportCells, type ExportOptions } from './export';
export { METRIC_PLACEHOLDER } from './fields';
export type * from './types';
