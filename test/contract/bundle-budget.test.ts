/**
 * Each Custom UI surface's first download stays within its gzip budget (issue 11): read from the built
 * static/build/<surface>/index.html and the files it loads up front, measured exactly as scripts/build-ui.mjs measures
 * them (the same helper, scripts/bundle-budget.cjs). `npm test` builds the UI first; alone, run `npm run build:ui`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGETS_KIB, budgetViolations, initialFiles, initialSize } from '../../scripts/bundle-budget.cjs';
import { SURFACE_LIST } from '../../scripts/surfaces.cjs';

const ROOT = path.resolve(__dirname, '../..');

describe('bundle budgets', () => {
  it('gives every surface in manifest.yml a budget, and budgets only those', () => {
    expect(Object.keys(BUDGETS_KIB).sort()).toEqual(SURFACE_LIST.map((s) => s.key).sort());
  });

  it.each(SURFACE_LIST.map((s) => [s.key, s.path]))('%s: the initial JS and CSS are within the budget', (surface, outPath) => {
    const outDir = path.join(ROOT, outPath);
    if (!fs.existsSync(path.join(outDir, 'index.html'))) throw new Error(`${outPath}/index.html is missing: run \`npm run build:ui\` first`);
    const { gzip, files } = initialSize(outDir);
    // The page loads at least its entry script; every file it references is there.
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(gzip).toBeGreaterThan(0);
    expect(budgetViolations({ [surface]: gzip })).toEqual([]);
    expect(gzip / 1024).toBeLessThanOrEqual(BUDGETS_KIB[surface]);
  });
});

describe('the budget measure', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-budget-'));
    fs.mkdirSync(path.join(dir, 'assets'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts what index.html loads up front (script, preloads, stylesheet), each gzipped, and nothing loaded later', () => {
    const entry = Buffer.from('console.log("entry");'.repeat(50));
    const preload = Buffer.from('export const x = 1;'.repeat(30));
    const css = Buffer.from('body{color:red}'.repeat(20));
    fs.writeFileSync(path.join(dir, 'assets/index.js'), entry);
    fs.writeFileSync(path.join(dir, 'assets/runtime.js'), preload);
    fs.writeFileSync(path.join(dir, 'assets/index.css'), css);
    fs.writeFileSync(path.join(dir, 'assets/lazy-view.js'), Buffer.alloc(500_000, 'x'));
    const html =
      '<script type="module" crossorigin src="./assets/index.js"></script>' +
      '<link rel="modulepreload" crossorigin href="./assets/runtime.js"><link rel="stylesheet" crossorigin href="./assets/index.css">';
    fs.writeFileSync(path.join(dir, 'index.html'), html);
    expect(initialFiles(html)).toEqual(['assets/index.js', 'assets/runtime.js', 'assets/index.css']);
    expect(initialSize(dir)).toEqual({
      raw: entry.length + preload.length + css.length,
      gzip: gzipSync(entry).length + gzipSync(preload).length + gzipSync(css).length,
      files: ['assets/index.js', 'assets/runtime.js', 'assets/index.css'],
    });
  });

  it('names the surface, its size and its budget when a surface is over, and a surface with no budget', () => {
    const over = budgetViolations({ 'issue-panel': 81 * 1024, macro: 150 * 1024, 'new-surface': 1 });
    expect(over.map((v) => v.surface)).toEqual(['issue-panel', 'new-surface']);
    expect(over[0].message).toBe('issue-panel: initial JS+CSS is 81.0 KiB gzip, over its budget of 80 KiB (scripts/bundle-budget.cjs)');
    expect(over[1].message).toMatch(/new-surface: no bundle budget/);
  });
});
