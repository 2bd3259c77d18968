import fs from 'node:fs';
import path from 'node:path';

/** Platform facts that bite (DESIGN.md §1), checked over the app's own code: src/ and static/src/. */
const root = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

const sources = [...files(path.join(root, 'src')), ...files(path.join(root, 'static/src'))].map((f) => ({
  file: path.relative(root, f),
  text: fs.readFileSync(f, 'utf8'),
}));

describe('the app code respects the platform facts', () => {
  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it('never imports the retired UI Kit 1 (@forge/ui)', () => {
    expect(sources.filter((s) => /from ['"]@forge\/ui['"]/.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('never takes storage from @forge/api (removed in v8): @forge/kvs only', () => {
    const offenders = sources.filter((s) => /import\s*{[^}]*\bstorage\b[^}]*}\s*from ['"]@forge\/api['"]/.test(s.text));
    expect(offenders.map((s) => s.file)).toEqual([]);
  });

  it('never calls the removed /rest/api/3/search endpoint (only /search/jql)', () => {
    const offenders = sources.filter((s) => /\/rest\/api\/3\/search(?!\/jql)\b/.test(s.text));
    expect(offenders.map((s) => s.file)).toEqual([]);
  });

  it('keeps the domain free of Forge, Jira and React imports', () => {
    const domain = sources.filter((s) => s.file.startsWith('src/domain/'));
    expect(domain.length).toBeGreaterThan(3);
    const offenders = domain.filter((s) => /from ['"](@forge\/|react|\.\.\/(storage|jira|resolvers))/.test(s.text));
    expect(offenders.map((s) => s.file)).toEqual([]);
  });

  it('package.json does not depend on @forge/cli', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<'dependencies' | 'devDependencies', Record<string, string>>;
    expect({ ...pkg.dependencies, ...pkg.devDependencies }['@forge/cli']).toBeUndefined();
  });
});
