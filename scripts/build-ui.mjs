#!/usr/bin/env node
/**
 * Builds every Custom UI surface (or the ones named on the command line) with Vite's JS API, one after the other,
 * into static/build/<surface>/ (the resource paths in manifest.yml, whose `resources` list the surfaces), and prints
 * raw and gzip sizes. Fails (exit 1) when a surface's initial JS+CSS is over its gzip budget (scripts/bundle-budget.cjs,
 * measured the way test/contract/bundle-budget.test.ts measures it). Works offline.
 *
 *   node scripts/build-ui.mjs                 # all surfaces
 *   node scripts/build-ui.mjs macro issue-panel
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { budgetViolations, initialSize } from './bundle-budget.cjs';
import { SURFACE_LIST, SURFACES } from './surfaces.cjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The config is a .ts file in a CommonJS package: Vite bundles it (the default loader), which is fine.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';

const requested = process.argv.slice(2);
const unknown = requested.filter((s) => !SURFACES.includes(s));
if (unknown.length > 0) {
  console.error(`Unknown surface(s): ${unknown.join(', ')}. Known: ${SURFACES.join(', ')}`);
  process.exit(2);
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

const initialGzipBySurface = {};
for (const surface of requested.length > 0 ? requested : SURFACES) {
  process.env.SURFACE = surface;
  await build({ configFile: join(ROOT, 'vite.config.ts'), mode: 'production' });
  const outDir = join(ROOT, SURFACE_LIST.find((s) => s.key === surface).path);
  let raw = 0;
  let gzip = 0;
  for (const file of filesUnder(outDir)) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) {
    console.error(`${surface}: index.html contains an inline script, which Forge's CSP refuses`);
    process.exit(1);
  }
  // What the page loads up front: the files index.html references (views, forms and theme chunks load on demand).
  const { raw: initialRaw, gzip: initialGzip } = initialSize(outDir);
  initialGzipBySurface[surface] = initialGzip;
  console.log(
    `${surface.padEnd(13)} initial ${kib(initialRaw).padStart(10)} raw ${kib(initialGzip).padStart(9)} gzip | ` +
      `all files ${kib(raw).padStart(10)} raw ${kib(gzip).padStart(9)} gzip -> static/build/${surface}`,
  );
}

const over = budgetViolations(initialGzipBySurface);
if (over.length > 0) {
  for (const violation of over) console.error(`Bundle budget: ${violation.message}`);
  process.exit(1);
}
