import { horizonFor } from '../horizon';
import type { Initiative, Roadmap } from '../model';
import { compareQuarters, quarterLabel } from '../quarter';
import { roundTo } from '../rules/numbers';
import { riceScore } from '../rules/prioritisation';
import { COLUMNS, horizonLabel, PINNED_SUFFIX, statusLabel, trackLabel } from './columns';
import { writeCsv } from './csv';
import { writeList } from './list-cell';
import { writeMarkdownTable } from './markdown-table';
import { dependencyLookup, goalLookup } from './references';

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

export interface ExportOptions {
  /**
   * Jira keys of the linked epics, by issue id, as the exporting user sees them. An epic missing here (hidden from
   * them, deleted, or no longer an epic) is written as its id, so nothing is lost and nothing leaks.
   */
  epicKeys?: ReadonlyMap<string, string>;
}

/**
 * The table as cells: a header row (every column, template columns first, ID last), then one row per initiative.
 * Lists name things by title; where a title would be ambiguous on import (two initiatives or goals share it) the
 * cell names it by id instead (`I-7`, `G-2`); see list-cell.ts. A pinned horizon reads `Next (pinned)`.
 */
export function exportCells(roadmap: Roadmap, today: Date, options: ExportOptions = {}): { header: string[]; rows: string[][] } {
  const phaseName = new Map(roadmap.meta.phases.map((p) => [p.id, p.name]));
  const goalTitle = new Map(roadmap.meta.businessGoals.map((g) => [g.id, g.title]));
  const initiativeTitle = new Map(roadmap.initiatives.map((i) => [i.id, i.title]));
  const lookupIn = dependencyLookup(roadmap.initiatives.map((i) => ({ target: { kind: 'existing', id: i.id }, phaseKey: `e:${i.phaseId}`, title: i.title })));
  const findGoal = goalLookup(roadmap.meta.businessGoals);
  const epicKeys = options.epicKeys ?? new Map<string, string>();

  const goalItem = (id: string) => {
    const title = goalTitle.get(id);
    const found = title === undefined ? null : findGoal(title);
    return found?.kind === 'found' && found.value === id ? { name: title! } : { reference: id };
  };
  const dependencyItem = (from: Initiative, id: string) => {
    const title = initiativeTitle.get(id);
    const found = title === undefined ? null : lookupIn(`e:${from.phaseId}`)(title);
    return found?.kind === 'found' && found.value.kind === 'existing' && found.value.id === id ? { name: title! } : { reference: id };
  };
  const rows = exportOrder(roadmap).map((i) => [
    phaseName.get(i.phaseId) ?? '',
    i.title,
    i.goal,
    i.successMetric.description,
    quarterLabel(i.targetQuarter),
    i.horizonPin ? `${horizonLabel(i.horizonPin)}${PINNED_SUFFIX}` : horizonLabel(horizonFor(i, today, roadmap.meta.horizonRules)),
    statusLabel(i.status),
    trackLabel(i.track),
    i.ownerAccountId ?? '',
    i.effort === null ? '' : String(i.effort),
    formatScore(riceScore(i.rice)),
    writeList(i.businessGoalIds.map(goalItem)),
    writeList(i.dependsOn.map((id) => dependencyItem(i, id))),
    writeList(i.epicIds.map((id) => ({ reference: epicKeys.get(id) ?? id }))),
    i.id,
  ]);
  return { header: COLUMNS.map((c) => c.header), rows };
}

/** The roadmap as a CSV (RFC 4180, CRLF) or Markdown table that `parseRoadmapTable` reads back exactly. */
export function exportRoadmap(roadmap: Roadmap, format: 'csv' | 'markdown', today: Date, options: ExportOptions = {}): string {
  const { header, rows } = exportCells(roadmap, today, options);
  return format === 'csv' ? writeCsv([header, ...rows]) : writeMarkdownTable(header, rows);
}
