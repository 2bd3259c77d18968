import { horizonFor } from '../horizon';
import type { Initiative, Roadmap } from '../model';
import { compareQuarters, quarterLabel } from '../quarter';
import { roundTo } from '../rules/numbers';
import { riceScore } from '../rules/prioritisation';
import { COLUMNS, LIST_SEPARATOR, horizonLabel, statusLabel, trackLabel } from './columns';
import { writeCsv } from './csv';
import { writeMarkdownTable } from './markdown-table';

const formatScore = (score: number | null) => (score === null ? '' : String(roundTo(score, 2)));

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Initiatives in table order: by phase order, then target quarter, then title (then id, so ties are stable). */
export function exportOrder(roadmap: Roadmap): Initiative[] {
  const phaseOrder = new Map(roadmap.meta.phases.map((p) => [p.id, p.order]));
  const orderOf = (i: Initiative) => phaseOrder.get(i.phaseId) ?? Number.MAX_SAFE_INTEGER;
  return [...roadmap.initiatives].sort(
    (a, b) =>
      orderOf(a) - orderOf(b) ||
      compareQuarters(a.targetQuarter, b.targetQuarter) ||
      a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) ||
      byText(a.title, b.title) ||
      byText(a.id, b.id),
  );
}

/** The table as cells: a header row (every column, template columns first), then one row per initiative. */
export function exportCells(roadmap: Roadmap, today: Date): { header: string[]; rows: string[][] } {
  const phaseName = new Map(roadmap.meta.phases.map((p) => [p.id, p.name]));
  const goalTitle = new Map(roadmap.meta.businessGoals.map((g) => [g.id, g.title]));
  const initiativeTitle = new Map(roadmap.initiatives.map((i) => [i.id, i.title]));
  const rows = exportOrder(roadmap).map((i) => [
    phaseName.get(i.phaseId) ?? '',
    i.title,
    i.goal,
    i.successMetric.description,
    quarterLabel(i.targetQuarter),
    horizonLabel(horizonFor(i, today, roadmap.meta.horizonRules)),
    statusLabel(i.status),
    trackLabel(i.track),
    i.ownerAccountId ?? '',
    i.effort === null ? '' : String(i.effort),
    formatScore(riceScore(i.rice)),
    i.businessGoalIds.map((id) => goalTitle.get(id) ?? id).join(LIST_SEPARATOR),
    i.dependsOn.map((id) => initiativeTitle.get(id) ?? id).join(LIST_SEPARATOR),
    i.epicIds.join(LIST_SEPARATOR),
  ]);
  return { header: COLUMNS.map((c) => c.header), rows };
}

/** The roadmap as a CSV (RFC 4180, CRLF) or Markdown table that `parseRoadmapTable` reads back. */
export function exportRoadmap(roadmap: Roadmap, format: 'csv' | 'markdown', today: Date): string {
  const { header, rows } = exportCells(roadmap, today);
  return format === 'csv' ? writeCsv([header, ...rows]) : writeMarkdownTable(header, rows);
}
