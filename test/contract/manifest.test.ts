import fs from 'node:fs';
import path from 'node:path';
import { checkManifest, forgeLintMissing } from '../../dev/manifest-check';
import { SURFACE_LIST } from '../../scripts/surfaces.cjs';

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(root, 'test/fixtures');

describe('manifest.yml passes Atlassian’s own offline validation', () => {
  it('has its Custom UI resources built (run npm run build first)', () => {
    expect(SURFACE_LIST.length).toBeGreaterThan(0);
    for (const resource of SURFACE_LIST) {
      expect({ resource: resource.key, built: fs.existsSync(path.join(root, resource.path, 'index.html')) }).toEqual({ resource: resource.key, built: true });
      // Each surface is shown by a module, and has its source under static/src/<key>/.
      expect(resource.module).not.toBeNull();
      expect(fs.existsSync(path.join(root, 'static/src', resource.key, 'index.html'))).toBe(true);
    }
  });

  it('the app manifest: full @forge/manifest validation and client-side @forge/lint report nothing', async () => {
    const problems = await checkManifest('manifest.yml', root);
    expect(problems).toEqual([]);
  }, 180_000);

  it('a broken manifest fails with the expected messages', async () => {
    const problems = await checkManifest('manifest.yml', path.join(fixtures, 'manifest-broken'));
    const messages = problems.filter((p) => p.level === 'error').map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "invalid value 'confluence:macro' in modules",
        "function handler property 'missing.handler' cannot find associated file with name 'missing.(tsx|jsx|ts|js|cjs)'",
        "missing resource 'static/not-built' is being referenced by 'missing-build' in resources",
      ]),
    );
  }, 180_000);

  it('says clearly whether Atlassian’s linters ran (CI installs them and requires them)', () => {
    const missing = forgeLintMissing();
    if (process.env.REQUIRE_FORGE_LINT === '1') expect(missing).toBeNull();
    else expect(missing === null || /libsecret-1-dev/.test(missing)).toBe(true);
  });

  // Runs wherever @forge/lint is installed — always in CI (.ci/run sets REQUIRE_FORGE_LINT=1 and installs libsecret).
  (forgeLintMissing() ? it.skip : it)(
    'the linters flag a missing scope and a runtime that no longer deploys',
    async () => {
      const problems = await checkManifest('manifest.yml', path.join(fixtures, 'manifest-lint'));
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            level: 'error',
            reference: 'permission-scope-required',
            message: "Trigger event: 'avi:jira:updated:issue' requires 'read:jira-work' scope",
          }),
          expect.objectContaining({ level: 'warning', reference: 'deprecated-property', message: expect.stringContaining('nodejs20.x runtime is deprecated') }),
        ]),
      );
    },
    180_000,
  );
});
