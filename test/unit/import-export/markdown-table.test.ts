import { escapeMarkdownCell, findMarkdownTable, writeMarkdownTable } from '../../../src/domain/import-export/markdown-table';

describe('findMarkdownTable', () => {
  it('finds the first table between prose lines', () => {
    const text = [
      'Intro | with a pipe but no delimiter row',
      '',
      '| A | B |',
      '|---|:---:|',
      '| 1 | 2 |',
      'Prose after.',
      '| C | D |',
      '|---|---|',
      '| 3 | 4 |',
    ].join('\n');
    expect(findMarkdownTable(text)).toEqual({ header: ['A', 'B'], rows: [['1', '2']] });
  });

  it('reads tables without outer pipes', () => {
    expect(findMarkdownTable('A | B\n--- | ---\n1 | 2\n')).toEqual({ header: ['A', 'B'], rows: [['1', '2']] });
  });

  it('unescapes \\| and \\\\, turns <br> into a line break, keeps other backslashes', () => {
    const table = findMarkdownTable('| A | B |\n|---|---|\n| a \\| b | one<br>two<BR/>three C:\\temp \\\\x |\n');
    expect(table?.rows).toEqual([['a | b', 'one\ntwo\nthree C:\\temp \\x']]);
  });

  it('skips empty lines inside the table and stops at a line without a pipe', () => {
    expect(findMarkdownTable('|A|B|\n|-|-|\n|1|2|\n\n|3|4|\nend\n|5|6|')?.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('does not take a horizontal rule for a delimiter row, and returns null without a table', () => {
    expect(findMarkdownTable('Title | x\n---\ntext')).toBeNull();
    expect(findMarkdownTable('just prose')).toBeNull();
  });
});

describe('writeMarkdownTable', () => {
  it('escapes pipes and backslashes and writes line breaks as <br>', () => {
    expect(escapeMarkdownCell('a|b\\c\nd')).toBe('a\\|b\\\\c<br>d');
    expect(writeMarkdownTable(['A', 'B'], [['x|y', '']])).toBe('| A | B |\n|---|---|\n| x\\|y |  |\n');
  });

  it('round-trips through findMarkdownTable', () => {
    const rows = [['a | b', 'line\nbreak', 'back\\slash', '\\|', '']];
    expect(findMarkdownTable(writeMarkdownTable(['A', 'B', 'C', 'D', 'E'], rows))?.rows).toEqual(rows);
  });
});
