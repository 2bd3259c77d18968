import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { operationScopes } from '../../dev/jira/openapi-contract';
import { userAvatarUrls } from '../../dev/jira/shapes';
import { JIRA_OPERATIONS } from '../../src/jira/operations';

const root = path.resolve(__dirname, '../..');

function manifestScopes(): string[] {
  const text = fs.readFileSync(path.join(root, 'manifest.yml'), 'utf8');
  const block = /permissions:\s*\n\s+scopes:\s*\n((?:\s+- .+\n)+)/.exec(text);
  if (!block) throw new Error('manifest.yml has no permissions.scopes list');
  return block[1]
    .split('\n')
    .map((l) => l.trim().replace(/^- /, ''))
    .filter(Boolean);
}

function jiraPathsInSource(): string[] {
  const dir = path.join(root, 'src');
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  const found = new Set<string>();
  for (const file of walk(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('operations.ts'))) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/route`(\/rest\/api\/3\/[^`?]*)/g)) {
      found.add(m[1].replace(/\$\{[^}]+\}/g, '{}'));
    }
  }
  return [...found].sort();
}

describe('the manifest asks for exactly the scopes the code needs', () => {
  it('every Jira route in src/ is listed in src/jira/operations.ts', () => {
    const listed = JIRA_OPERATIONS.map((op) => op.path.replace(/\{[^}]+\}/g, '{}')).sort();
    expect(jiraPathsInSource()).toEqual(listed);
  });

  it('manifest scopes = storage:app + the current OAuth scopes Jira’s OpenAPI lists for those operations', () => {
    const needed = new Set<string>(['storage:app']);
    for (const op of JIRA_OPERATIONS) {
      const { classic } = operationScopes(op.method, op.path);
      expect(classic.length).toBeGreaterThan(0);
      classic.forEach((s) => needed.add(s));
    }
    // Jira issue events need read:jira-work too (the trigger linter checks that separately).
    needed.add('read:jira-work');
    expect(manifestScopes().sort()).toEqual([...needed].sort());
  });

  it('the UI may load images only from where Jira serves avatars (and the fake serves them from the same host)', () => {
    const manifest = parse(fs.readFileSync(path.join(root, 'manifest.yml'), 'utf8')) as { permissions: { external?: Record<string, unknown> } };
    expect(manifest.permissions.external).toEqual({ images: [{ address: 'https://*.atl-paas.net' }, { address: 'https://secure.gravatar.com' }] });
    const fakeAvatar = new URL(userAvatarUrls({ accountId: 'x', displayName: 'Ada Admin' } as Parameters<typeof userAvatarUrls>[0])['48x48']);
    expect(fakeAvatar.protocol).toBe('https:');
    expect(fakeAvatar.hostname.endsWith('.atl-paas.net')).toBe(true);
  });
});
