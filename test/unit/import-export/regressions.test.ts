/** Issue 6, items 7 and 12: each way the app's own export used to lose data on re-import, and the new columns. */
import { applyImportPlan } from '../../../src/domain/import-export/apply';
import { exportRoadmap } from '../../../src/domain/import-export/export';
import { readList, writeList } from '../../../src/domain/import-export/list-cell';
import { decodeCell, escapeMarkdownCell } from '../../../src/domain/import-export/markdown-table';
import { parseRoadmapTable } from '../../../src/domain/import-export/parse';
import { epicKeysOf, previewImport } from '../../../src/domain/import-export/preview';
import type { EpicKeyAnswer } from '../../../src/domain/import-export/types';
import type { Initiative, Roadmap } from '../../../src/domain/model';
import { templateRoadmap } from '../../../src/domain/template';

const today = new Date('2026-04-15T09:00:00Z'); // 2026-Q2: Q2 is Now, Q3 Next, later Later
const actor = { accountId: 'acc-1', now: today };
const FORMATS = ['csv', 'markdown'] as const;

/** The template roadmap (I-1..I-6 over Foundation, Scale, Velocity) with the given initiatives and goals changed. */
function roadmapWith(
  patch: Record<string, Partial<Initiative>>,
  goals = [
    { id: 'G-1', title: 'Enterprise; SOC 2', metric: '' },
    { id: 'G-2', title: 'Speed', metric: '' },
  ],
): Roadmap {
  const { roadmap } = templateRoadmap('10001', 'Platform', { accountId: 'acc-1', now: today });
  return {
    ...roadmap,
    meta: { ...roadmap.meta, businessGoals: goals, nextGoalSeq: goals.length + 1 },
    initiatives: roadmap.initiatives.map((i) => ({ ...i, ...patch[i.id] })),
  };
}

const reimport = (roadmap: Roadmap, format: 'csv' | 'markdown', epicKeys = new Map<string, string>(), answers = new Map<string, EpicKeyAnswer>()) => {
  const text = exportRoadmap(roadmap, format, today, { epicKeys });
  const plan = previewImport(roadmap, parseRoadmapTable(text, 'auto'), { mode: 'merge', today, epicKeys: answers });
  const again = exportRoadmap(applyImportPlan(roadmap, plan, actor).roadmap, format, today, { epicKeys });
  return { text, plan, again };
};

describe('the export re-imports as no change (defects found by the audit)', () => {
  const awkward = roadmapWith({
    'I-1': { title: 'Upgrade; then migrate', goal: 'Line one\r\nline two\rthree\nfour', businessGoalIds: ['G-1', 'G-2'] },
    'I-2': { title: 'Literal <br> and &#13; and a | pipe', dependsOn: ['I-1'], successMetric: { description: 'He said "fast", then "faster"' } },
    'I-3': { title: 'Title with\r\nCRLF', dependsOn: ['I-1', 'I-2'], goal: '=SUM(A1) \\ back\\slash \\| \\;' },
    'I-4': { title: '"Quoted" start, and commas', dependsOn: ['I-3', 'I-2'], businessGoalIds: ['G-1'] },
    'I-5': { title: 'I-1', dependsOn: ['I-4', 'I-1'], goal: 'مرحبا 👩‍💻 emoji and RTL' },
    'I-6': { dependsOn: ['I-5'] },
  });

  it.each(FORMATS)('%s: dependencies and goals containing ";", CR/CRLF, literal <br>, pipes, quotes survive', (format) => {
    const { plan, again, text } = reimport(awkward, format);
    expect(plan.errors).toEqual([]);
    expect(plan.counts).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 6, warnings: 0, errors: 0 });
    expect(again).toBe(text);
  });

  it('writes names that need it in quotes inside list cells, and titles that look like ids quoted too', () => {
    const md = exportRoadmap(awkward, 'markdown', today);
    expect(md).toContain('| "Enterprise; SOC 2"; Speed |');
    expect(md).toContain('| "Upgrade; then migrate"; "Literal \\<br> and \\&#13; and a \\| pipe" |');
    expect(md).toContain('| """Quoted"" start, and commas"; "Upgrade; then migrate" |'); // I-5 (titled "I-1") depends on I-4, I-1
    expect(md).toContain('|  | "I-1" |  | I-6 |'); // I-6 depends on the initiative titled "I-1", not on I-1
    expect(md).toContain('| Line one&#13;<br>line two&#13;three<br>four |');
  });

  it('names an initiative by id where its title is ambiguous, and reads the id back', () => {
    const twins = roadmapWith({ 'I-2': { title: 'Twin' }, 'I-4': { title: 'Twin' }, 'I-6': { dependsOn: ['I-2', 'I-4'] } });
    const csv = exportRoadmap(twins, 'csv', today);
    expect(csv).toMatch(/,I-2; I-4,,I-6\r\n/);
    for (const format of FORMATS) expect(reimport(twins, format).plan.counts).toMatchObject({ toUpdate: 0, warnings: 0, errors: 0 });
  });

  it('names a business goal by id where two goals share a title', () => {
    const goals = [
      { id: 'G-1', title: 'Speed', metric: '' },
      { id: 'G-2', title: 'speed', metric: '' },
    ];
    const roadmap = roadmapWith({ 'I-1': { businessGoalIds: ['G-2', 'G-1'] } }, goals);
    expect(exportRoadmap(roadmap, 'csv', today)).toContain(',G-2; G-1,');
    for (const format of FORMATS) expect(reimport(roadmap, format).plan.counts).toMatchObject({ toUpdate: 0, warnings: 0, errors: 0 });
  });
});

describe('list cells', () => {
  it('quote names with ";", a leading quote, or the shape of a reference; read quoted and bare pieces', () => {
    expect(writeList([{ name: 'a; b' }, { name: '"q" x' }, { name: 'TR-1' }, { reference: 'I-7' }, { name: 'plain "mid" quote' }])).toBe(
      '"a; b"; """q"" x"; "TR-1"; I-7; plain "mid" quote',
    );
    expect(readList('"a; b"; """q"" x"; "TR-1"; I-7; plain "mid" quote;;')).toEqual([
      { text: 'a; b', quoted: true },
      { text: '"q" x', quoted: true },
      { text: 'TR-1', quoted: true },
      { text: 'I-7', quoted: false },
      { text: 'plain "mid" quote', quoted: false },
    ]);
  });

  it('reads a broken quote as plain text (hand-written tables)', () => {
    expect(readList('"never closed; b')).toEqual([
      { text: '"never closed', quoted: false },
      { text: 'b', quoted: false },
    ]);
    expect(readList('"a" tail; b')).toEqual([
      { text: '"a" tail', quoted: false },
      { text: 'b', quoted: false },
    ]);
  });
});

describe('Markdown cells', () => {
  it('encode LF as <br>, CR as &#13;, and escape a literal <br> and &#13;', () => {
    const text = 'a\r\nb\rc\nd <br> <BR/> &#13; & < \\ |';
    const cell = escapeMarkdownCell(text);
    expect(cell).toBe('a&#13;<br>b&#13;c<br>d \\<br> \\<BR/> \\&#13; & < \\\\ \\|');
    expect(decodeCell(cell)).toBe(text);
  });
});

describe('the Horizon column', () => {
  const csv = (horizon: string, quarter = 'Q4 2026') =>
    `Phase,Initiative,Success metric,Target quarter,Horizon\nVelocity,Adopt feature flags,m,${quarter},${horizon}\n`;
  const base = roadmapWith({ 'I-5': { targetQuarter: '2026-Q4', successMetric: { description: 'm' } } });
  const planFor = (roadmap: Roadmap, text: string) => previewImport(roadmap, parseRoadmapTable(text, 'csv'), { mode: 'merge', today });

  it('pins a horizon other than the target quarter gives', () => {
    const plan = planFor(base, csv('Now'));
    expect(plan.initiativesToUpdate).toEqual([
      expect.objectContaining({
        id: 'I-5',
        patch: { horizonPin: 'now' },
        moves: true,
        changes: [{ field: 'horizonPin', column: 'Horizon', before: 'Not pinned (follows the target quarter)', after: 'Now (pinned)' }],
      }),
    ]);
    expect(plan.counts.toMove).toBe(1);
    expect(applyImportPlan(base, plan, actor, 'Pulled in for the launch').roadmap.initiatives.find((i) => i.id === 'I-5')!.horizonPin).toBe('now');
  });

  it('leaves the horizon derived when the cell says what the quarter gives, and pins on "(pinned)"', () => {
    expect(planFor(base, csv('Later')).counts).toMatchObject({ toUpdate: 0, unchanged: 1 });
    expect(planFor(base, csv('later pinned')).initiativesToUpdate[0]).toMatchObject({ patch: { horizonPin: 'later' }, moves: false });
  });

  it('unpins on an empty cell or on the derived horizon; refuses an unknown horizon per row', () => {
    const pinned = roadmapWith({ 'I-5': { targetQuarter: '2026-Q4', horizonPin: 'now', successMetric: { description: 'm' } } });
    expect(planFor(pinned, csv('')).initiativesToUpdate[0]).toMatchObject({ patch: { horizonPin: null }, moves: true });
    expect(planFor(pinned, csv('Later')).initiativesToUpdate[0]).toMatchObject({ patch: { horizonPin: null }, moves: true });
    expect(planFor(pinned, csv('Now (pinned)')).counts).toMatchObject({ toUpdate: 0 });
    expect(planFor(pinned, csv('Soonish')).errors.filter((e) => e.row > 0)).toEqual([
      expect.objectContaining({ row: 1, column: 'Horizon', severity: 'error' }),
    ]);
  });
});

describe('moves need a reason', () => {
  const base = roadmapWith({});
  const text = exportRoadmap(base, 'csv', today).replace('Q2 2026,Now,In progress,Security', 'Q3 2026,Next,In progress,Security');

  it('the preview says which rows move; applying without a reason is refused, with one it is recorded', () => {
    const plan = previewImport(base, parseRoadmapTable(text, 'csv'), { mode: 'merge', today });
    expect(plan.initiativesToUpdate).toEqual([expect.objectContaining({ id: 'I-1', moves: true })]);
    expect(plan.counts).toMatchObject({ toUpdate: 1, toMove: 1 });
    expect(() => applyImportPlan(base, plan, actor)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', fields: { reason: expect.any(String) } }));
    expect(applyImportPlan(base, plan, actor, 'Vendor slipped').change.reason).toBe('Vendor slipped');
  });

  it('an update that moves nothing needs no reason', () => {
    const plan = previewImport(base, parseRoadmapTable(text.replace('Q3 2026,Next,', 'Q2 2026,Now,').replace('Security,,,,', 'Security,,7,,'), 'csv'), {
      mode: 'merge',
      today,
    });
    expect(plan.counts).toMatchObject({ toUpdate: 1, toMove: 0 });
    expect(applyImportPlan(base, plan, actor).change.reason).toBeNull();
  });

  it('a row matched by its ID moves to the phase it names (a move), keeping its identity', () => {
    const moved = exportRoadmap(base, 'csv', today).replace('Foundation,Centralize logging,', 'Scale,Centralize logging,');
    const plan = previewImport(base, parseRoadmapTable(moved, 'csv'), { mode: 'merge', today });
    expect(plan.initiativesToUpdate).toEqual([
      expect.objectContaining({
        id: 'I-2',
        patch: { phase: { kind: 'existing', id: 'P-2' } },
        moves: true,
        changes: [{ field: 'phase', column: 'Phase', before: 'Foundation', after: 'Scale' }],
      }),
    ]);
    const after = applyImportPlan(base, plan, actor, 'Belongs with scaling').roadmap;
    expect(after.initiatives.find((i) => i.id === 'I-2')).toMatchObject({ phaseId: 'P-2', title: 'Centralize logging' });
  });

  it('a row matched by its ID may move to a phase the import creates', () => {
    const moved = exportRoadmap(base, 'csv', today).replace('Foundation,Centralize logging,', 'Hardening,Centralize logging,');
    const plan = previewImport(base, parseRoadmapTable(moved, 'csv'), { mode: 'merge', today });
    expect(plan.phasesToCreate).toEqual([expect.objectContaining({ ref: 'phase-1', name: 'Hardening' })]);
    expect(plan.initiativesToUpdate).toEqual([expect.objectContaining({ id: 'I-2', patch: { phase: { kind: 'new', ref: 'phase-1' } }, moves: true })]);
    const after = applyImportPlan(base, plan, actor, 'Its own phase').roadmap;
    const hardening = after.meta.phases.find((p) => p.name === 'Hardening')!;
    expect(after.initiatives.find((i) => i.id === 'I-2')!.phaseId).toBe(hardening.id);
  });

  it('an ID whose title differs is not trusted (another roadmap’s export): the row matches by phase and title, with a warning', () => {
    const renamed = exportRoadmap(base, 'csv', today).replace('Foundation,Centralize logging,', 'Foundation,Central logging,');
    const plan = previewImport(base, parseRoadmapTable(renamed, 'csv'), { mode: 'merge', today });
    expect(plan.counts).toMatchObject({ toCreate: 1, toUpdate: 0 });
    expect(plan.errors).toEqual([
      expect.objectContaining({ column: 'ID', severity: 'warning', message: expect.stringContaining('I-2 is "Centralize logging"') }),
    ]);
  });
});

describe('epics by key', () => {
  const base = roadmapWith({ 'I-1': { epicIds: ['20001', '20002'] } });
  const answers = new Map<string, EpicKeyAnswer>([
    ['TR-1', { id: '20001', issueType: 'Epic' }],
    ['TR-9', { id: '20009', issueType: 'Epic' }],
    ['TR-2', { id: '20050', issueType: 'Story' }],
  ]);

  it('exports keys the exporter can resolve and ids for the rest; re-imports both as no change', () => {
    const { text, plan, again } = reimport(base, 'csv', new Map([['20001', 'TR-1']]), answers);
    expect(text).toContain(',TR-1; 20002,I-1\r\n');
    expect(plan.counts).toMatchObject({ toUpdate: 0, errors: 0, warnings: 0 });
    expect(again).toBe(text);
  });

  it('resolves keys (any case) to ids; unknown or hidden keys and non-epics are row errors', () => {
    const table = 'Phase,Initiative,Target quarter,Epics\nFoundation,Upgrade Node.js to v22 LTS,Q2 2026,tr-9; 20001\nScale,New one,Q3 2026,TR-404; TR-2\n';
    const parsed = parseRoadmapTable(table, 'csv');
    expect(epicKeysOf(parsed)).toEqual(['TR-9', 'TR-404', 'TR-2']);
    const plan = previewImport(base, parsed, { mode: 'merge', today, epicKeys: answers });
    expect(plan.initiativesToUpdate[0]).toMatchObject({ id: 'I-1', patch: { epicIds: ['20009', '20001'] } });
    expect(plan.errors.filter((e) => e.row > 0)).toEqual([
      { row: 2, column: 'Epics', message: 'TR-404 does not exist or you cannot see it', severity: 'error' },
      { row: 2, column: 'Epics', message: 'TR-2 is a Story, not an epic', severity: 'error' },
    ]);
  });

  it('refuses an epic claimed by two initiatives of the roadmap (one initiative per epic per roadmap)', () => {
    const table = 'Phase,Initiative,Target quarter,Epics\nScale,Implement CDN for static assets,Q3 2026,TR-1\n';
    const plan = previewImport(base, parseRoadmapTable(table, 'csv'), { mode: 'merge', today, epicKeys: answers });
    expect(plan.errors.filter((e) => e.row > 0)).toEqual([
      expect.objectContaining({
        row: 1,
        column: 'Epics',
        severity: 'error',
        message: expect.stringContaining('Epic TR-1 already serves "Upgrade Node.js to v22 LTS"'),
      }),
    ]);
    // moving it in the same table is fine
    const both = `${table}Foundation,Upgrade Node.js to v22 LTS,Q2 2026,20002\n`;
    expect(previewImport(base, parseRoadmapTable(both, 'csv'), { mode: 'merge', today, epicKeys: answers }).counts.errors).toBe(0);
  });
});

describe('format detection', () => {
  it('a CSV whose cells hold pipes and dashes is still CSV', () => {
    const roadmap = roadmapWith({ 'I-1': { title: 'a | b', goal: 'x\n---|---\ny' } });
    expect(parseRoadmapTable(exportRoadmap(roadmap, 'csv', today), 'auto').format).toBe('csv');
  });
});
