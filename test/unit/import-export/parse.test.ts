import { MAX_IMPORT_ROWS, parseRoadmapTable } from '../../../src/domain/import-export/parse';
import { SEED_TEXT } from '../../support/seed-template';

const HEADER = 'Phase,Initiative,Goal,Success metric,Target quarter';

describe('parseRoadmapTable — the template table', () => {
  it('reads the seed article table (auto-detected as Markdown) into six rows', () => {
    const result = parseRoadmapTable(SEED_TEXT, 'auto');
    expect(result.format).toBe('markdown');
    expect(result.errors).toEqual([]);
    expect(result.columns.map((c) => c.key)).toEqual(['phase', 'initiative', 'goal', 'successMetric', 'targetQuarter']);
    expect(result.rows).toHaveLength(6);
    expect(result.rows[0]).toEqual({
      row: 1,
      phase: 'Foundation',
      title: 'Upgrade Node.js to v22 LTS',
      goal: 'Reduce security exposure, access new APIs',
      successMetric: 'All services running v22',
      targetQuarter: '2026-Q2',
    });
    expect(result.rows.map((r) => r.targetQuarter)).toEqual(['2026-Q2', '2026-Q2', '2026-Q3', '2026-Q3', '2026-Q4', '2026-Q4']);
    expect(result.rows[2].successMetric).toBe('Read queries served by replicas, primary load reduced 60%');
  });

  it('matches headers regardless of case, spacing and order, and warns about unknown columns', () => {
    const csv = 'target_QUARTER, INITIATIVE ,phase,Notes,successmetric\n2026 Q2,Centralize logging,Foundation,whatever,Logs in Datadog\n';
    const result = parseRoadmapTable(csv, 'auto');
    expect(result.format).toBe('csv');
    expect(result.columns).toEqual([
      { header: 'target_QUARTER', key: 'targetQuarter' },
      { header: 'INITIATIVE', key: 'initiative' },
      { header: 'phase', key: 'phase' },
      { header: 'Notes', key: null },
      { header: 'successmetric', key: 'successMetric' },
    ]);
    expect(result.rows).toEqual([{ row: 1, phase: 'Foundation', title: 'Centralize logging', targetQuarter: '2026-Q2', successMetric: 'Logs in Datadog' }]);
    expect(result.errors).toEqual([
      { row: 0, column: 'Notes', message: 'Unknown column "Notes" is ignored', severity: 'warning' },
      { row: 0, column: 'Goal', message: expect.stringContaining('No "Goal" column'), severity: 'warning' },
    ]);
  });

  it('refuses a table without a required column', () => {
    const result = parseRoadmapTable('Phase,Goal,Target quarter\nScale,x,Q3 2026\n', 'csv');
    expect(result.rows).toEqual([]);
    expect(result.errors).toContainEqual({ row: 0, column: 'Initiative', message: 'The table needs a "Initiative" column', severity: 'error' });
  });

  it('reports a text without any table', () => {
    expect(parseRoadmapTable('nothing here', 'markdown').errors).toEqual([{ row: 0, message: expect.stringContaining('No table found'), severity: 'error' }]);
    expect(parseRoadmapTable('  \n\n', 'csv').errors[0].message).toContain('No table found');
  });
});

describe('parseRoadmapTable — CSV', () => {
  it('handles quoted commas, doubled quotes, embedded newlines (kept as written: CRLF stays CRLF), CRLF and a BOM', () => {
    const csv =
      '\uFEFF' +
      `${HEADER}\r\n` +
      `Foundation,"Upgrade Node.js, npm and yarn","Say ""no"" to EOL runtimes","Line one\r\nline two",Q2 2026\r\n` +
      `\r\n` +
      `Scale,Plain,,metric,2026-Q3\r\n`;
    const result = parseRoadmapTable(csv, 'auto');
    expect(result.format).toBe('csv');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 1,
        phase: 'Foundation',
        title: 'Upgrade Node.js, npm and yarn',
        goal: 'Say "no" to EOL runtimes',
        successMetric: 'Line one\r\nline two',
        targetQuarter: '2026-Q2',
      },
      { row: 2, phase: 'Scale', title: 'Plain', goal: '', successMetric: 'metric', targetQuarter: '2026-Q3' },
    ]);
  });

  it('skips empty lines and rows of empty cells without counting them', () => {
    const result = parseRoadmapTable(`\n${HEADER}\n\n,,,,\nA,One,,m,Q1 2027\n\nA,,,m,Q1 2027\n`, 'csv');
    expect(result.rows.map((r) => r.title)).toEqual(['One']);
    expect(result.errors).toEqual([{ row: 2, column: 'Initiative', message: 'Initiative is required', severity: 'error' }]);
  });

  it('reports an unclosed quote against the data row it starts in', () => {
    const result = parseRoadmapTable(`${HEADER}\nA,One,,m,Q1 2027\nA,"Two,,m,Q1 2027\n`, 'csv');
    expect(result.rows.map((r) => r.title)).toEqual(['One']);
    expect(result.errors).toEqual([{ row: 2, message: expect.stringContaining('never closed'), severity: 'error' }]);
  });
});

describe('parseRoadmapTable — Markdown', () => {
  it('reads a table without outer pipes, with escaped pipes and <br>, between prose', () => {
    const md = [
      'Our plan for next year:',
      '',
      'Phase | Initiative | Goal | Success metric | Target quarter',
      '--- | --- | --- | --- | ---',
      'Foundation | Split read \\| write paths | Goal<br>on two lines | p95 < 200ms | 2026 Q2',
      '',
      'Thanks for reading.',
    ].join('\n');
    const result = parseRoadmapTable(md, 'auto');
    expect(result.format).toBe('markdown');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { row: 1, phase: 'Foundation', title: 'Split read | write paths', goal: 'Goal\non two lines', successMetric: 'p95 < 200ms', targetQuarter: '2026-Q2' },
    ]);
  });
});

describe('parseRoadmapTable — row errors', () => {
  const md = (rows: string[], header = '| Phase | Initiative | Goal | Success metric | Target quarter | Status | Track | Effort | Owner | Epics |') =>
    [header, '|---|---|---|---|---|---|---|---|---|---|', ...rows].join('\n');

  it('reports each bad cell with its data row number and column; good rows still parse', () => {
    const result = parseRoadmapTable(
      md([
        '| Foundation | Good | g | m | Q2 2026 | In progress | Security | 3.5 | 5b10a2844c20165700ede21g | 10001; 10002 |',
        '| | No phase | g | m | Q2 2026 | | | | | |',
        '| Scale | | g | m | Q2 2026 | | | | | |',
        '| Scale | Bad quarter | g | m | Q5 2026 | | | | | |',
        '| Scale | Bad status | g | m | Q3 2026 | Someday | Nonsense | lots | not an id! | PROJ-1; epic one |',
      ]),
      'markdown',
    );
    expect(result.rows.map((r) => r.title)).toEqual(['Good']);
    expect(result.rows[0]).toMatchObject({
      status: 'in-progress',
      track: 'security',
      effort: 3.5,
      ownerAccountId: '5b10a2844c20165700ede21g',
      epics: [
        { kind: 'id', id: '10001' },
        { kind: 'id', id: '10002' },
      ],
    });
    const brief = result.errors.map((e) => [e.row, e.column, e.severity]);
    expect(brief).toEqual([
      [2, 'Phase', 'error'],
      [3, 'Initiative', 'error'],
      [4, 'Target quarter', 'error'],
      [5, 'Status', 'error'],
      [5, 'Track', 'error'],
      [5, 'Owner', 'error'],
      [5, 'Effort', 'error'],
      [5, 'Epics', 'error'],
    ]);
    expect(result.errors[2].message).toBe('Not a quarter: "Q5 2026" (write Q2 2026 or 2026-Q2)');
    expect(result.errors[3].message).toContain('Unknown status "Someday"');
    expect(result.errors[6].message).toBe('Effort must be a number, not "lots"');
    expect(result.errors[7].message).toBe('Epics are Jira issue keys (TR-28) or ids (20006), not "epic one"');
  });

  it('accepts the quarter spellings the product knows', () => {
    const result = parseRoadmapTable(`${HEADER}\nA,a,,m,Q2 2026\nA,b,,m,2026-Q2\nA,c,,m,2026 Q2\nA,d,,m,q2-2026\n`, 'csv');
    expect(result.errors).toEqual([]);
    expect(result.rows.every((r) => r.targetQuarter === '2026-Q2')).toBe(true);
  });

  it('enforces the model’s maximum lengths', () => {
    const long = (n: number) => 'x'.repeat(n);
    const result = parseRoadmapTable(
      `${HEADER}\n${long(101)},t,,m,Q1 2026\nP,${long(201)},,m,Q1 2026\nP,t2,${long(1001)},m,Q1 2026\nP,t3,,${long(501)},Q1 2026\nP,${long(200)},${long(1000)},${long(500)},Q1 2026\n`,
      'csv',
    );
    expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [1, 'Phase', 'At most 100 characters (this cell has 101)'],
      [2, 'Initiative', 'At most 200 characters (this cell has 201)'],
      [3, 'Goal', 'At most 1000 characters (this cell has 1001)'],
      [4, 'Success metric', 'At most 500 characters (this cell has 501)'],
    ]);
    expect(result.rows.map((r) => r.row)).toEqual([5]);
  });

  it('warns (does not fail) on a duplicate title in the same phase, case-insensitively', () => {
    const result = parseRoadmapTable(`${HEADER}\nScale,Add CDN,,m,Q3 2026\nOther,Add CDN,,m,Q3 2026\nscale,add  cdn,,m,Q4 2026\n`, 'csv');
    expect(result.rows).toHaveLength(3);
    expect(result.errors).toEqual([{ row: 3, column: 'Initiative', message: '"add  cdn" is already in phase "scale" (row 1)', severity: 'warning' }]);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows and accepts exactly ${MAX_IMPORT_ROWS}`, () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `Scale,Item ${i + 1},,m,Q3 2026`).join('\n');
    const tooMany = parseRoadmapTable(`${HEADER}\n${rows(2001)}\n`, 'csv');
    expect(tooMany.rows).toEqual([]);
    expect(tooMany.errors).toEqual([{ row: 0, message: 'The table has 2001 rows; import at most 2000 at a time (split it)', severity: 'error' }]);
    const enough = parseRoadmapTable(`${HEADER}\n${rows(2000)}\n`, 'csv');
    expect(enough.errors).toEqual([]);
    expect(enough.rows).toHaveLength(2000);
  });
});
