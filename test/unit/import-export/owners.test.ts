import { applyImportPlan } from '../../../src/domain/import-export/apply';
import { parseRoadmapTable } from '../../../src/domain/import-export/parse';
import { ownersOf, previewImport } from '../../../src/domain/import-export/preview';
import type { Roadmap } from '../../../src/domain/model';
import { emptyRoadmap } from '../../../src/domain/roadmap-ops';

/**
 * Owners in an imported table are account ids, confirmed like epics: the resolver asks Jira about `ownersOf(parsed)`
 * as the importer (one bulk lookup) and hands the known ones to the preview as `owners`.
 */
const now = new Date('2026-04-15T09:00:00Z');
const actor = { accountId: 'acc-1', now };
const ADA = '557058:aaaa-admin';
const MAX = '557058:bbbb-member';
const GONE = '557058:left-the-company';
const csv = (...rows: string[]) => `Phase,Initiative,Success metric,Target quarter,Owner\n${rows.join('\n')}\n`;
/** The rows' errors (the table as a whole only warns that it has no Goal column). */
const errorsOf = (plan: ReturnType<typeof previewImport>) => plan.errors.filter((e) => e.severity === 'error');
const preview = (roadmap: Roadmap, text: string, owners?: ReadonlySet<string>) =>
  previewImport(roadmap, parseRoadmapTable(text, 'csv'), { mode: 'merge', today: now, owners });

/** One initiative, "Upgrade Node", owned by someone Jira no longer knows. */
function roadmapOwnedBy(owner: string): Roadmap {
  const empty = emptyRoadmap('10001', 'Platform', now);
  const plan = preview(empty, csv(`Foundation,Upgrade Node,All on v22,Q2 2026,${owner}`), new Set([owner]));
  return applyImportPlan(empty, plan, actor).roadmap;
}

describe('owners in an imported table', () => {
  it('ownersOf lists each account id a row sets, once, and never an empty cell', () => {
    const parsed = parseRoadmapTable(csv(`F,A,m,Q2 2026,${ADA}`, `F,B,m,Q2 2026,${MAX}`, `F,C,m,Q2 2026,${ADA}`, 'F,D,m,Q2 2026,'), 'csv');
    expect(ownersOf(parsed)).toEqual([ADA, MAX]);
    expect(ownersOf(parseRoadmapTable('Phase,Initiative,Success metric,Target quarter\nF,A,m,Q2 2026\n', 'csv'))).toEqual([]);
  });

  it('keeps an owner Jira confirmed, and refuses one it did not on that row, worded the same for unknown and hidden', () => {
    const empty = emptyRoadmap('10001', 'Platform', now);
    const plan = preview(empty, csv(`Foundation,Upgrade Node,All on v22,Q2 2026,${ADA}`, `Foundation,Logging,In Datadog,Q2 2026,${GONE}`), new Set([ADA]));
    expect(errorsOf(plan)).toEqual([{ row: 2, column: 'Owner', message: `No Jira user you can see has the account id "${GONE}"`, severity: 'error' }]);
    expect(plan.initiativesToCreate.find((c) => c.row === 1)?.fields.ownerAccountId).toBe(ADA);
    expect(() => applyImportPlan(empty, plan, actor)).toThrow(/row 2: No Jira user you can see/);
  });

  it('without confirmed owners accepts no new owner (fails closed)', () => {
    const plan = preview(emptyRoadmap('10001', 'Platform', now), csv(`Foundation,Upgrade Node,All on v22,Q2 2026,${ADA}`));
    expect(plan.counts.errors).toBe(1);
    expect(errorsOf(plan)[0]).toMatchObject({ row: 1, column: 'Owner' });
  });

  it('leaves an unchanged owner alone even when Jira no longer knows them, and lets a row clear or replace them', () => {
    const roadmap = roadmapOwnedBy(GONE);
    const same = preview(roadmap, csv(`Foundation,Upgrade Node,All on v22,Q2 2026,${GONE}`), new Set());
    expect(errorsOf(same)).toEqual([]);
    expect(same.counts.unchanged).toBe(1);
    const cleared = preview(roadmap, csv('Foundation,Upgrade Node,All on v22,Q2 2026,'), new Set());
    expect(errorsOf(cleared)).toEqual([]);
    expect(cleared.initiativesToUpdate[0].patch).toEqual({ ownerAccountId: null });
    const replaced = preview(roadmap, csv(`Foundation,Upgrade Node,All on v22,Q2 2026,${MAX}`), new Set([MAX]));
    expect(errorsOf(replaced)).toEqual([]);
    expect(replaced.initiativesToUpdate[0].patch).toEqual({ ownerAccountId: MAX });
    // A new initiative with that same departed owner is a new reference: refused.
    const copied = preview(roadmap, csv(`Foundation,Upgrade Node,All on v22,Q2 2026,${GONE}`, `Foundation,Second,m,Q2 2026,${GONE}`), new Set());
    expect(errorsOf(copied).map((e) => e.row)).toEqual([2]);
  });
});
