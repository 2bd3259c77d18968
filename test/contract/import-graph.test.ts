import fs from 'node:fs';
import path from 'node:path';

/**
 * The code's shape, checked: no import cycle in src/domain, and the boundaries DESIGN.md §2 draws — the domain imports
 * no Forge package and nothing of ours outside itself; the Custom UI takes only the domain from the backend; nothing
 * deployed or shipped imports the local harness.
 */
const root = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'build' || entry.name === 'node_modules' ? [] : files(rel);
    return /\.(ts|tsx)$/.test(entry.name) ? [rel] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** A relative specifier → the repo-relative file it names (index.ts for folders). */
function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.join(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (fs.existsSync(path.join(root, candidate))) return candidate;
  return null;
}

describe('import graph', () => {
  it('src/domain has no import cycle (type imports included)', () => {
    const domain = files('src/domain');
    const edges = new Map(
      domain.map((f) => [
        f,
        importsOf(f)
          .map((s) => resolve(f, s))
          .filter((t): t is string => t !== null && t.startsWith('src/domain')),
      ]),
    );
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of edges.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    domain.forEach((f) => visit(f, []));
    expect(cycles).toEqual([]);
  });

  it('the domain imports no Forge package and nothing of ours outside src/domain', () => {
    const offending = files('src/domain').flatMap((f) =>
      importsOf(f)
        .filter((s) => s.startsWith('@forge/') || (s.startsWith('.') && !(resolve(f, s) ?? 'src/domain').startsWith('src/domain')))
        .map((s) => `${f} imports ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it('the Custom UI takes only src/domain from the backend, and nothing shipped imports dev/', () => {
    const ui = files('static/src').flatMap((f) =>
      importsOf(f)
        .map((s) => ({ s, target: resolve(f, s) }))
        .filter(({ target }) => target !== null && !target.startsWith('static/src') && !target.startsWith('src/domain'))
        .map(({ s }) => `${f} imports ${s}`),
    );
    const shipped = files('src').flatMap((f) =>
      importsOf(f)
        .filter((s) => (resolve(f, s) ?? '').startsWith('dev/'))
        .map((s) => `${f} imports ${s}`),
    );
    expect([...ui, ...shipped]).toEqual([]);
  });
});
