import fs from 'node:fs';
import path from 'node:path';
import { type ManifestSchema, validate } from '@forge/manifest';

/**
 * Offline stand-in for `forge lint`: the full @forge/manifest validation plus @forge/lint's client-side
 * linters, minus the permission linter (it downloads API specs; scopes are checked against Jira's OpenAPI
 * file in test/contract/manifest-scopes.test.ts instead). Paths in the manifest resolve from `cwd`.
 *
 * @forge/lint is an optional dependency: it pulls in keytar, whose native build needs Debian's libsecret-1-dev, and
 * `npm install` must work on a machine without it. When it is absent, only @forge/manifest's validation runs and
 * `forgeLintMissing()` says so (`npm run check:manifest` prints it); CI installs libsecret and requires the linters.
 */
type ForgeLint = typeof import('@forge/lint');
let forgeLint: ForgeLint | null | undefined;
function loadForgeLint(): ForgeLint | null {
  if (forgeLint === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      forgeLint = require('@forge/lint') as ForgeLint;
    } catch {
      forgeLint = null;
    }
  }
  return forgeLint;
}

/** Why Atlassian's linters did not run, or null when they are installed. */
export function forgeLintMissing(): string | null {
  return loadForgeLint()
    ? null
    : "Atlassian's @forge/lint is not installed (an optional dependency: its keytar module needs `apt-get install libsecret-1-dev` to build), so only @forge/manifest's full validation ran.";
}
export interface ManifestProblem {
  source: 'manifest' | 'lint';
  level: 'error' | 'warning';
  message: string;
  reference?: string;
  line?: number;
  file?: string;
}

/** Runtimes Forge no longer deploys (the CLI fetches this list online; DESIGN.md §1 records it). */
export const DEPRECATED_RUNTIMES = ['nodejs18.x', 'nodejs20.x'];

const offlineFlags = {
  getDeprecatedRuntimes: () => Promise.resolve(DEPRECATED_RUNTIMES),
  checkGate: () => Promise.resolve(false),
  getDynamicConfig: () => Promise.resolve(undefined),
};

const silentLogger = { info: () => undefined, debug: () => undefined, warn: () => undefined, error: () => undefined, trace: () => undefined };

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

export async function checkManifest(manifestFile: string, cwd: string): Promise<ManifestProblem[]> {
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const result = await validate(false, manifestFile);
    const problems: ManifestProblem[] = (result.errors ?? []).map((e) => ({
      source: 'manifest' as const,
      level: e.level === 'warning' ? ('warning' as const) : ('error' as const),
      message: e.message,
      reference: e.reference,
      line: e.line,
    }));
    if (!result.success || !result.manifestObject) return problems;
    const linting = loadForgeLint();
    if (!linting) return problems;
    const { getClientSideLintersOnly, lint, PermissionLinter } = linting;
    const manifest = result.manifestObject.typedContent as ManifestSchema;
    // The linters take Forge's feature-flag client (a class); they call only these three methods.
    const flags = offlineFlags as unknown as Parameters<ForgeLint['lint']>[4];
    const linters = (await getClientSideLintersOnly(manifest, 'development', silentLogger, flags)).filter((linter) => !(linter instanceof PermissionLinter));
    const files = sourceFiles('src').map((f) => path.relative(cwd, path.resolve(f)));
    const results = await lint(files, manifest, 'development', silentLogger, flags, { linter: { mode: 'client-side' }, linters });
    for (const r of results) {
      for (const e of r.errors) problems.push({ source: 'lint', level: 'error', message: e.message, reference: e.reference, line: e.line, file: r.file });
      for (const w of r.warnings) problems.push({ source: 'lint', level: 'warning', message: w.message, reference: w.reference, line: w.line, file: r.file });
    }
    return problems;
  } finally {
    process.chdir(previous);
  }
}

/** `npm run check:manifest`: prints what the checks found, and whether Atlassian's linters ran. */
if (require.main === module) {
  void (async () => {
    const problems = await checkManifest('manifest.yml', path.resolve(__dirname, '..'));
    for (const p of problems)
      console.log(`${p.level} [${p.source}${p.reference ? ` ${p.reference}` : ''}] ${p.message}${p.file ? ` (${p.file}${p.line ? `:${p.line}` : ''})` : ''}`);
    const missing = forgeLintMissing();
    if (missing) console.log(`note: ${missing}`);
    console.log(problems.some((p) => p.level === 'error') ? 'manifest.yml has errors' : 'manifest.yml is valid');
    process.exitCode = problems.some((p) => p.level === 'error') ? 1 : 0;
  })();
}
