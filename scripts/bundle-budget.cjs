/**
 * The UI's bundle budgets and the one way their sizes are measured, shared by the build (scripts/build-ui.mjs, which
 * fails over budget) and its test (test/contract/bundle-budget.test.ts, which checks the built files again), so both
 * say the same number.
 *
 * A surface's initial size is what its page loads before anything else: the files static/build/<surface>/index.html
 * references (entry script, module preloads, stylesheet), each gzipped on its own with Node's default level, summed,
 * in KiB (1024 bytes) as the build prints them. Chunks loaded later (views, forms, theme files) are not counted.
 *
 * CommonJS so that the ESM build script, tsx and Jest (ts-jest, CommonJS) can all load it as is.
 */
const fs = require('node:fs');
const path = require('node:path');
const { gzipSync } = require('node:zlib');

/**
 * Initial JS + CSS per surface, KiB gzip (issue 11). A new surface gets one here or the build refuses it.
 * macro-config: its size after issue 11 (165.6), rounded up to the next 5, so it cannot grow unnoticed.
 */
const BUDGETS_KIB = {
  'project-page': 300,
  'issue-panel': 80,
  macro: 150,
  'macro-config': 170,
};

/** The files index.html loads up front, relative to the surface's build directory. */
function initialFiles(html) {
  return [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
}

/** Raw and gzip bytes of a surface's initial files, read from its build directory (the one holding index.html). */
function initialSize(outDir) {
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  let raw = 0;
  let gzip = 0;
  const files = initialFiles(html);
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(outDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip, files };
}

const kib = (bytes) => bytes / 1024;

/**
 * The surfaces over their budget (or with none), each with a message naming it, its size and its budget.
 * `sizes`: surface key -> initial gzip bytes.
 */
function budgetViolations(sizes, budgets = BUDGETS_KIB) {
  return Object.entries(sizes).flatMap(([surface, gzip]) => {
    const budget = budgets[surface];
    if (budget === undefined) {
      return [{ surface, gzip, budget: null, message: `${surface}: no bundle budget (add one to scripts/bundle-budget.cjs)` }];
    }
    if (kib(gzip) <= budget) return [];
    return [
      {
        surface,
        gzip,
        budget,
        message: `${surface}: initial JS+CSS is ${kib(gzip).toFixed(1)} KiB gzip, over its budget of ${budget} KiB (scripts/bundle-budget.cjs)`,
      },
    ];
  });
}

module.exports = { BUDGETS_KIB, initialFiles, initialSize, budgetViolations };
