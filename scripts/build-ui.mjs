#!/usr/bin/env node
/**
 * Builds every Custom UI surface (or the ones named on the command line) with Vite's JS API, one after the other,
 * into static/build/<surface>/ (the resource paths in manifest.yml, whose `resources` list the surfaces), and prints
 * raw and gzip sizes. Works offline.
 *
 *   node scripts/build-ui.mjs                 # all surfaces
 *   node scripts/build-ui.mjs macro issue-panel
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
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
  // What the page loads up front: the files index.html references (theme chunks load on demand).
  let initialRaw = 0;
  let initialGzip = 0;
  for (const [, ref] of html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) {
    const bytes = readFileSync(join(outDir, ref));
    initialRaw += bytes.length;
    initialGzip += gzipSync(bytes).length;
  }
  console.log(
    `${surface.padEnd(13)} initial ${kib(initialRaw).padStart(10)} raw ${kib(initialGzip).padStart(9)} gzip | ` +
      `all files ${kib(raw).padStart(10)} raw ${kib(gzip).padStart(9)} gzip -> static/build/${surface}`,
  );
}
