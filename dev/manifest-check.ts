import fs from 'node:fs';
import path from 'node:path';
import { validate, type ManifestSchema } from '@forge/manifest';
import { getClientSideLintersOnly, lint, PermissionLinter } from '@forge/lint';

/**
 * Offline stand-in for `forge lint`: the full @forge/manifest validation plus @forge/lint's client-side
 * linters, minus the permission linter (it downloads API specs; scopes are checked against Jira's OpenAPI
 * file in test/contract/manifest-scopes.test.ts instead). Paths in the manifest resolve from `cwd`.
 */
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
  getDeprecatedRuntimes: async () => DEPRECATED_RUNTIMES,
  checkGate: async () => false,
  getDynamicConfig: async () => undefined,
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
    const manifest = result.manifestObject.typedContent as ManifestSchema;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const flags = offlineFlags as any;
    const linters = (await getClientSideLintersOnly(manifest, 'development', silentLogger, flags)).filter(
      (linter) => !(linter instanceof PermissionLinter),
    );
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
