import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The import boundaries in eslint.config.mjs fire: a forbidden import in each zone is reported by no-restricted-imports,
 * and an allowed one passes. (test/contract/import-graph.test.ts checks the same boundaries on the code as it is.)
 *
 * ESLint loads its config with a dynamic import(), which Jest's module sandbox cannot run, so the lint runs in a child
 * Node process. The snippets are files that do not exist, so type information is switched off for them.
 */
const root = path.resolve(__dirname, '../..');

interface Case {
  file: string;
  code: string;
}

const LINT = `
const { ESLint } = require('eslint');
const tseslint = require('typescript-eslint');
(async () => {
  const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked, ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' });
  const out = [];
  for (const c of cases) {
    const [result] = await eslint.lintText(c.code, { filePath: c.file });
    out.push(result.messages.map((m) => m.ruleId ?? m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

function lint(cases: Case[]): string[][] {
  return JSON.parse(execFileSync(process.execPath, ['-e', LINT], { cwd: root, input: JSON.stringify(cases), encoding: 'utf8' })) as string[][];
}

const FORBIDDEN: Case[] = [
  { file: 'src/domain/x.ts', code: "import api from '@forge/api';\n" },
  { file: 'src/domain/x.ts', code: "import { kvs } from '@forge/kvs';\n" },
  { file: 'src/domain/rules/x.ts', code: "import { chunkKey } from '../../storage/keys';\n" },
  { file: 'src/domain/x.ts', code: "import type { JiraPort } from '../jira/jira-port';\n" },
  { file: 'src/domain/x.ts', code: "import { RESOLVER_TABLE } from '../resolvers/define';\n" },
  { file: 'src/domain/x.ts', code: "import { handleIssueEvent } from '../triggers/issue-events';\n" },
  { file: 'src/domain/x.ts', code: "import { helper } from '../util';\n" },
  { file: 'static/src/shared/x.ts', code: "import { createKvsRoadmapStore } from '../../../src/storage/kvs-roadmap-store';\n" },
  { file: 'static/src/project-page/debt/x.tsx', code: "import { createForgeJira } from '../../../../src/jira/forge-jira';\n" },
  { file: 'static/src/shared/x.ts', code: "import { RESOLVER_TABLE } from '../../../src/resolvers/define';\n" },
  { file: 'static/src/shared/x.ts', code: "import { JiraFake } from '../../../dev/jira';\n" },
  { file: 'static/src/shared/x.ts', code: "import api from '@forge/api';\n" },
  { file: 'static/src/shared/x.ts', code: "import Resolver from '@forge/resolver';\n" },
  { file: 'src/resolvers/x.ts', code: "import { JiraFake } from '../../dev/jira';\n" },
  { file: 'src/x.ts', code: "import { LocalForge } from '../dev/local-forge';\n" },
];

const ALLOWED: Case[] = [
  { file: 'src/domain/rules/x.ts', code: "import { z } from 'zod';\nimport { LIMITS } from '../model';\n" },
  {
    file: 'src/resolvers/x.ts',
    code: "import api from '@forge/api';\nimport { LIMITS } from '../domain/model';\nimport { chunkKey } from '../storage/keys';\n",
  },
  {
    file: 'static/src/shared/x.ts',
    code: "import { invoke } from '@forge/bridge';\nimport { LIMITS } from '../../../src/domain/model';\nimport { other } from './other';\n",
  },
  {
    file: 'static/src/project-page/debt/x.tsx',
    code: "import type { RoadmapView } from '../../../../src/domain/api';\nimport { Board } from '../../shared/board';\n",
  },
  { file: 'dev/x.ts', code: "import { buildResolver } from '../src/resolvers/forge-resolver';\n" },
];

describe('import boundaries as lint rules', () => {
  const results = lint([...FORBIDDEN, ...ALLOWED]);

  it.each(FORBIDDEN.map((c, i) => [c.file, c.code.trim(), i] as const))('%s: %s is reported', (_file, _code, i) => {
    expect(results[i].length).toBeGreaterThan(0);
    expect(new Set(results[i])).toEqual(new Set(['no-restricted-imports']));
  });

  it.each(ALLOWED.map((c, i) => [c.file, c.code.trim(), FORBIDDEN.length + i] as const))('%s: allowed imports pass', (_file, _code, i) => {
    expect(results[i]).toEqual([]);
  });
});
