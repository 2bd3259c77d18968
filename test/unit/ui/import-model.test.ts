/** The import forms' drafts and rules (static/src/project-page/import-export/import-model.ts). */
import { importRoadmapPayload, previewImportPayload } from '../../../src/domain/api';
import { exportRoadmap } from '../../../src/domain/import-export/export';
import { parseRoadmapTable } from '../../../src/domain/import-export/parse';
import { previewImport } from '../../../src/domain/import-export/preview';
import { templateRoadmap } from '../../../src/domain/template';
import {
  CONFIRM_REMOVALS,
  importBlocked,
  importedSummary,
  importValues,
  previewState,
  previewValues,
  toImportDraft,
  toPreviewDraft,
} from '../../../static/src/project-page/import-export/import-model';
import { checkDraft } from '../../../static/src/shared/form/payload-check';

const today = new Date('2026-04-15T09:00:00Z');
const { roadmap } = templateRoadmap('10001', 'Platform', { accountId: 'acc-1', now: today });
const table = exportRoadmap(roadmap, 'csv', today);
const plan = (text: string, mode: 'merge' | 'replace' = 'merge') => previewImport(roadmap, parseRoadmapTable(text, 'csv'), { mode, today });
const IMPORT_FIELDS = ['reason', 'confirmRemovals'];

describe('the preview form', () => {
  it('says "Paste a table to import" beside the table while it is empty', () => {
    expect(checkDraft(previewImportPayload, toPreviewDraft(previewValues()), ['text', 'mode'])).toEqual({
      byField: { text: 'Paste a table to import' },
      formLevel: [],
    });
  });

  it('sends the table as pasted, in the chosen mode, the format told apart by the server', () => {
    expect(toPreviewDraft({ text: table, mode: 'replace' }).payload).toEqual({ text: table, format: 'auto', mode: 'replace' });
  });

  it('stands for its table and mode on its revision only', () => {
    const previewed = { text: table, mode: 'merge' as const, plan: plan(table) };
    const revision = previewed.plan.baseRevision;
    expect(previewState(previewed, table, 'merge', revision)).toBe('current');
    expect(previewState(previewed, `${table}\n`, 'merge', revision)).toBe('edited');
    expect(previewState(previewed, table, 'replace', revision)).toBe('edited');
    expect(previewState(previewed, table, 'merge', revision + 1)).toBe('outdated');
  });
});

describe('the import form', () => {
  it('sends the previewed table against the preview’s revision, with no reason when nothing moves', () => {
    const p = plan(table.replace('Reduce security exposure', 'Patch faster'));
    const draft = toImportDraft(importValues(), { text: 'T', mode: 'merge', plan: p });
    expect(draft).toEqual({ payload: { text: 'T', format: 'auto', mode: 'merge', baseRevision: p.baseRevision, confirmRemovals: false } });
    expect(checkDraft(importRoadmapPayload, draft, IMPORT_FIELDS)).toBeNull();
    expect(importBlocked(p, 'current', importValues())).toBe('');
    expect(importedSummary(p)).toBe('Imported the table: 0 created, 1 updated.');
  });

  it('asks why when the import moves initiatives', () => {
    const moved = table.replace(/Q2 2026,Now,/g, 'Q3 2026,Next,');
    const p = plan(moved);
    expect(importBlocked(p, 'current', importValues())).toBe('Say why the initiatives move to import.');
    const blank = checkDraft(importRoadmapPayload, toImportDraft(importValues(), { text: moved, mode: 'merge', plan: p }), IMPORT_FIELDS);
    expect(Object.keys(blank?.byField ?? {})).toEqual(['reason']);
    const values = { reason: 'Vendor slipped', confirmRemovals: false };
    expect(importBlocked(p, 'current', values)).toBe('');
    expect(toImportDraft(values, { text: moved, mode: 'merge', plan: p }).payload.reason).toBe('Vendor slipped');
  });

  it('imports a replace that removes only once the removals are acknowledged', () => {
    const lines = table.trimEnd().split('\n');
    const p = plan(lines.slice(0, -1).join('\n'), 'replace');
    expect(p.counts.toRemove).toBe(1);
    expect(importBlocked(p, 'current', importValues())).toBe(CONFIRM_REMOVALS);
    const previewed = { text: 'T', mode: 'replace' as const, plan: p };
    expect(checkDraft(importRoadmapPayload, toImportDraft(importValues(), previewed), IMPORT_FIELDS)?.byField).toEqual({ confirmRemovals: CONFIRM_REMOVALS });
    const confirmed = { reason: '', confirmRemovals: true };
    expect(importBlocked(p, 'current', confirmed)).toBe('');
    expect(toImportDraft(confirmed, previewed).payload.confirmRemovals).toBe(true);
    expect(importedSummary(p)).toBe('Imported the table: 0 created, 0 updated, 1 removed.');
  });

  it('is blocked by a stale preview, errors in the table, or a table that changes nothing', () => {
    const p = plan(table);
    expect(importBlocked(p, 'edited', importValues())).toBe('Preview again first.');
    expect(importBlocked(p, 'current', importValues())).toBe('Nothing to import: the roadmap already matches this table.');
    const bad = plan(table.replace('Q2 2026', 'someday'));
    expect(importBlocked(bad, 'current', importValues())).toBe('Fix the errors in the table, then preview again.');
  });
});
