import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

/**
 * The backend the Forge CLI would bundle: src/index.ts with its dependencies, for Node 22, as one CommonJS file.
 * (The CLI bundles with its own tooling at deploy; this proves the code and its imports bundle cleanly and that the
 * handlers named in manifest.yml exist and are functions.)
 */
const root = path.resolve(__dirname, '../..');

describe('the function bundle', () => {
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tech-roadmap-fn-')), 'index.js');

  it('bundles src/index.ts for nodejs22.x without errors or warnings', () => {
    const result = buildSync({
      entryPoints: [path.join(root, 'src/index.ts')],
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      outfile,
      logLevel: 'silent',
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    // Nothing from the local harness or test code ends up in the deployed function.
    expect(inputs.filter((f) => /(^|\/)(dev|test|static)\//.test(f) && !f.includes('node_modules'))).toEqual([]);
    expect(inputs.some((f) => f.includes('@forge/kvs'))).toBe(true);
  });

  it('exports every handler manifest.yml names', () => {
    const manifest = fs.readFileSync(path.join(root, 'manifest.yml'), 'utf8');
    const handlers = [...manifest.matchAll(/handler:\s*index\.(\w+)/g)].map((m) => m[1]);
    expect(handlers.sort()).toEqual(['dailyDigest', 'digestResume', 'issueEvents', 'resolver']);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(outfile) as Record<string, unknown>;
    for (const handler of handlers) expect(typeof bundle[handler]).toBe('function');
  });
});
