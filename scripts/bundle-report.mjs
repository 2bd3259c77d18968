#!/usr/bin/env node
/**
 * What weighs in each surface's initial JS: builds the surface(s) with Vite and lists, per package (node_modules) or
 * app folder, the rendered bytes in the chunks index.html loads up front (raw, and gzip of the group's modules together —
 * an upper bound of its share, since gzip across groups shares its dictionary). A measuring tool, not part of `npm test`.
 *
 *   node scripts/bundle-report.mjs issue-panel macro [--top 25] [--modules]
 */
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { SURFACES } from './surfaces.cjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
const byModule = args.includes('--modules');
const whyAt = args.indexOf('--why');
const why = whyAt >= 0 ? args[whyAt + 1] : null;
const valueAt = new Set([topAt + 1, whyAt + 1].filter((i) => i > 0));
const surfaces = args.filter((a, i) => !a.startsWith('--') && !valueAt.has(i));

/** A module id as a group: the npm package under node_modules, else the app folder it sits in. */
function groupOf(id) {
  const clean = id.replace(/^\0/, '').split('?')[0];
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    return byModule ? `${pkg}/${rest.slice(pkg.split('/').length).join('/')}` : pkg;
  }
  const rel = relative(ROOT, clean);
  return byModule ? rel : dirname(rel);
}

/** `--why <text>`: the shortest static import path from the entry to the first module whose id contains the text. */
function printWhy(ctx, text) {
  const ids = [...ctx.getModuleIds()];
  const entry = ids.find((id) => ctx.getModuleInfo(id)?.isEntry);
  const seen = new Map([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const id = queue.shift();
    if (id.includes(text)) {
      const path = [];
      for (let at = id; at; at = seen.get(at)) path.unshift(relative(ROOT, at.replace(/^\0/, '')));
      console.log(`why ${text}:\n  ${path.join('\n  ')}`);
      return;
    }
    for (const next of ctx.getModuleInfo(id)?.importedIds ?? []) {
      if (!seen.has(next)) {
        seen.set(next, id);
        queue.push(next);
      }
    }
  }
  console.log(`why ${text}: not imported statically`);
}

for (const surface of surfaces.length > 0 ? surfaces : SURFACES) {
  process.env.SURFACE = surface;
  let chunks = [];
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    mode: 'production',
    build: { write: false },
    plugins: [
      {
        name: 'bundle-report',
        generateBundle(_, bundle) {
          chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
          if (why) printWhy(this, why);
        },
      },
    ],
  });
  // The initial chunks: the entry and everything it imports statically.
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set();
  const visit = (c) => {
    if (!c || initial.has(c.fileName)) return;
    initial.add(c.fileName);
    for (const f of c.imports) visit(byName.get(f));
  };
  for (const c of chunks) if (c.isEntry) visit(c);
  const groups = new Map();
  for (const name of initial) {
    for (const [id, m] of Object.entries(byName.get(name).modules)) {
      const g = groupOf(id);
      const entry = groups.get(g) ?? { raw: 0, code: [] };
      entry.raw += m.renderedLength;
      entry.code.push(m.code ?? '');
      groups.set(g, entry);
    }
  }
  for (const entry of groups.values()) entry.gzip = gzipSync(entry.code.join('\n')).length;
  const rows = [...groups.entries()].sort((a, b) => b[1].gzip - a[1].gzip);
  const total = rows.reduce((s, [, v]) => ({ raw: s.raw + v.raw, gzip: s.gzip + v.gzip }), { raw: 0, gzip: 0 });
  console.log(`\n## ${surface}: initial chunks ${[...initial].join(', ')}`);
  console.log(`| module group | raw KiB | gzip KiB (group alone) |\n| --- | ---: | ---: |`);
  for (const [g, v] of rows.slice(0, top)) console.log(`| ${g} | ${(v.raw / 1024).toFixed(1)} | ${(v.gzip / 1024).toFixed(1)} |`);
  console.log(`| (all ${rows.length}) | ${(total.raw / 1024).toFixed(1)} | ${(total.gzip / 1024).toFixed(1)} |`);
}
