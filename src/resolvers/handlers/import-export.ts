import { type ExportResult, type ImportPreview, type MutationResult } from '../../domain/api';
import type { PayloadOf } from '../../domain/contract';
import { AppError } from '../../domain/errors';
import {
  applyImportPlan,
  type EpicKeyAnswer,
  epicKeysOf,
  exportRoadmap,
  type ImportPlan,
  ownersOf,
  parseRoadmapTable,
  previewImport,
} from '../../domain/import-export';
import type { Roadmap } from '../../domain/model';
import { emptyRoadmap } from '../../domain/roadmap-ops';
import { accessTo, type Level, projectIdFromContext, requireLevel } from '../access';
import type { Call, Deps } from '../deps';
import { issuesByKey } from '../epics';
import { hiddenEpics, keepHiddenEpics, roadmapWithoutHiddenEpics } from '../hidden-epics';
import { runMutation } from '../mutation';
import { visiblePeople } from '../owners';

/** Replace deletes what the table leaves out: a mass deletion, so it takes the settings-level permission. */
const importLevel = (mode: 'merge' | 'replace'): Level => (mode === 'replace' ? 'administer' : 'edit');

/**
 * The table's epic keys → what Jira says about them, asked as the caller (one bulk fetch): keys that do not exist
 * and keys the caller cannot see are both simply absent, so the preview words them the same.
 */
async function resolveEpicKeys(deps: Deps, keys: readonly string[]): Promise<Map<string, EpicKeyAnswer>> {
  const issues = await issuesByKey(deps, keys);
  return new Map([...issues].map(([key, issue]) => [key, issue ? { id: issue.id, issueType: issue.issueType } : null]));
}

/** Keys are resolved in bulk fetches of 100: ten of them stay well inside a resolver's 25 seconds. */
const MAX_EPIC_KEYS_PER_IMPORT = 1000;
/** Owners are confirmed in bulk lookups of 100, likewise. */
const MAX_OWNERS_PER_IMPORT = 1000;

async function planImport(
  deps: Deps,
  roadmap: Roadmap,
  input: { text: string; format: 'markdown' | 'csv' | 'auto'; mode: 'merge' | 'replace' },
): Promise<ImportPlan> {
  const parsed = parseRoadmapTable(input.text, input.format);
  const keys = epicKeysOf(parsed);
  if (keys.length > MAX_EPIC_KEYS_PER_IMPORT) {
    throw new AppError('INVALID_INPUT', `The table names ${keys.length} epic keys; import at most ${MAX_EPIC_KEYS_PER_IMPORT} at a time (split it)`, {
      text: `At most ${MAX_EPIC_KEYS_PER_IMPORT} epic keys per import`,
    });
  }
  const owners = ownersOf(parsed);
  if (owners.length > MAX_OWNERS_PER_IMPORT) {
    throw new AppError('INVALID_INPUT', `The table names ${owners.length} owners; import at most ${MAX_OWNERS_PER_IMPORT} at a time (split it)`, {
      text: `At most ${MAX_OWNERS_PER_IMPORT} different owners per import`,
    });
  }
  // Every owner the table names is confirmed in Jira as the caller, like an owner picked in the editor.
  const [epicKeys, people] = await Promise.all([resolveEpicKeys(deps, keys), visiblePeople(deps, owners)]);
  return previewImport(roadmap, parsed, { mode: input.mode, today: deps.now(), epicKeys, owners: people });
}

/** What an import would do, row by row, without writing anything. */
export async function previewImportHandler(deps: Deps, input: PayloadOf<'previewImport'>, call: Call): Promise<ImportPreview> {
  const projectId = projectIdFromContext(call.context);
  const access = await accessTo(deps, projectId);
  requireLevel(access, importLevel(input.mode));
  const roadmap = (await deps.store.load(projectId)) ?? emptyRoadmap(projectId, `${access.project.name} technical roadmap`, deps.now());
  // Planned against what the caller can see: the table cannot mention epics they may not see, nor drop them.
  return planImport(deps, roadmapWithoutHiddenEpics(roadmap, await hiddenEpics(deps, roadmap)), input);
}

/**
 * Applies an import; the table is parsed and planned again here (epic keys and owners confirmed again, as the caller), never
 * taken from the client's preview. Removals must be confirmed, and moves need the import's reason.
 */
export const importRoadmapHandler = (deps: Deps, payload: PayloadOf<'importRoadmap'>, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    // Replace deletes what the table leaves out: checked before the revision, so nobody learns more than FORBIDDEN.
    level: (input) => importLevel(input.mode),
    input: payload,
    apply: async (roadmap, input, actor, _access, hidden) => {
      const visible = roadmapWithoutHiddenEpics(roadmap, hidden);
      const plan = await planImport(deps, visible, input);
      if (plan.initiativesToRemove.length > 0 && !input.confirmRemovals) {
        throw new AppError('INVALID_INPUT', `This import would remove ${plan.initiativesToRemove.length} initiative(s) not in the table; confirm to go ahead`, {
          confirmRemovals: 'Confirm the removals shown in the preview',
        });
      }
      const edit = applyImportPlan(visible, plan, actor, input.reason ?? null);
      // Epics from projects the caller cannot browse stay where they were (every chunk written keeps them).
      return { ...edit, roadmap: keepHiddenEpics(roadmap, edit.roadmap, hidden) };
    },
  });

/**
 * The roadmap as a file. Epics are written by key, as the caller sees them in Jira (one bulk fetch, as them); an
 * epic they cannot see, or that was deleted or is no longer an epic, is written as its issue id.
 */
export async function exportRoadmapHandler(deps: Deps, payload: PayloadOf<'exportRoadmap'>, call: Call): Promise<ExportResult> {
  const { format } = payload;
  const projectId = projectIdFromContext(call.context);
  const access = await accessTo(deps, projectId);
  const stored = await deps.store.load(projectId);
  if (!stored) throw new AppError('NOT_FOUND', 'This project has no roadmap yet');
  const roadmap = roadmapWithoutHiddenEpics(stored, await hiddenEpics(deps, stored));
  const epicIds = [...new Set(roadmap.initiatives.flatMap((i) => i.epicIds))];
  const visible = epicIds.length === 0 ? [] : await deps.jira.getIssues(epicIds);
  const epicKeys = new Map(visible.filter((issue) => issue.issueType === 'Epic').map((issue) => [issue.id, issue.key]));
  const extension = format === 'csv' ? 'csv' : 'md';
  return {
    filename: `${access.project.key}-technical-roadmap.${extension}`,
    mimeType: format === 'csv' ? 'text/csv' : 'text/markdown',
    content: exportRoadmap(roadmap, format, deps.now(), { epicKeys }),
  };
}
