/** The import form's rules (static/src/project-page/import-export/import-model.ts), checked without a browser. */
import { importRoadmapPayload } from '../../../src/domain/api';
import { exportRoadmap } from '../../../src/domain/import-export/export';
import { parseRoadmapTable } from '../../../src/domain/import-export/parse';
import { previewImport } from '../../../src/domain/import-export/preview';
import { templateRoadmap } from '../../../src/domain/template';
import { countsSummary, modeOptions, movesSummary, needsReason, toImportDraft } from '../../../static/src/project-page/import-export/import-model';
import { checkDraft } from '../../../static/src/shared/form/payload-check';

const today = new Date('2026-04-15T09:00:00Z');

describe('import form rules', () => {
  const { roadmap } = templateRoadmap('10001', 'Platform', { accountId: 'acc-1', now: today });
  const moved = exportRoadmap(roadmap, 'csv', today).replace(/Q2 2026,Now,/g, 'Q3 2026,Next,');
  const plan = previewImport(roadmap, parseRoadmapTable(moved, 'csv'), { mode: 'merge', today });

  it('offers Replace to project admins only', () => {
    expect(modeOptions(true).map((o) => o.value)).toEqual(['merge', 'replace']);
    expect(modeOptions(false).map((o) => o.value)).toEqual(['merge']);
  });

  it('asks for a reason when the preview moves initiatives, naming them', () => {
    expect(needsReason(plan)).toBe(true);
    expect(movesSummary(plan)).toBe(
      'Moves "Centralize logging", "Upgrade Node.js to v22 LTS" to another horizon, quarter or phase; the reason is recorded in the changelog.',
    );
    expect(countsSummary(plan)).toBe('6 rows read as CSV: 0 initiatives to create, 2 to update, 2 of them move, 4 unchanged.');
    const unchanged = previewImport(roadmap, parseRoadmapTable(exportRoadmap(roadmap, 'csv', today), 'csv'), { mode: 'merge', today });
    expect(needsReason(unchanged)).toBe(false);
  });

  it('the payload schema takes the reason and refuses a blank one', () => {
    const previewed = { text: moved, mode: 'merge' as const, plan };
    const fields = ['reason', 'confirmRemovals'];
    expect(checkDraft(importRoadmapPayload, toImportDraft({ reason: 'Vendor slipped', confirmRemovals: false }, previewed), fields)).toBeNull();
    expect(checkDraft(importRoadmapPayload, toImportDraft({ reason: '\u200B', confirmRemovals: false }, previewed), fields)?.byField).toMatchObject({
      reason: expect.any(String),
    });
  });
});
