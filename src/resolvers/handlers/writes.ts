import {
  createDebtItemPayload,
  createInitiativePayload,
  createPhasePayload,
  deleteDebtItemPayload,
  deleteInitiativePayload,
  deletePhasePayload,
  markReviewedPayload,
  moveInitiativePayload,
  movePhasePayload,
  promoteDebtItemPayload,
  saveSettingsPayload,
  startRoadmapPayload,
  updateDebtItemPayload,
  updateInitiativePayload,
  updatePhasePayload,
  type CreateInitiativeResult,
  type MutationResult,
  type RoadmapView,
} from '../../domain/api';
import { addDebtItem, deleteDebtItem, promoteDebtItem, updateDebtItem } from '../../domain/edits/debt';
import { addInitiative, deleteInitiative, updateInitiative } from '../../domain/edits/initiatives';
import { addPhase, deletePhase, movePhase, updatePhase } from '../../domain/edits/phases';
import { markReviewed, updateSettings } from '../../domain/edits/settings';
import { AppError } from '../../domain/errors';
import { templateRoadmap } from '../../domain/template';
import { accessTo, projectIdFromContext, requireLevel } from '../access';
import type { Call, Deps } from '../deps';
import { mutate, parse, runMutation } from '../mutation';
import { toInitiativeView, toRoadmapView } from '../view';
import { commitEdit } from '../../storage/commit-edit';

/** Starts a project's roadmap from the template; refused with CONFLICT when it already has one. */
export async function startRoadmap(deps: Deps, call: Call): Promise<RoadmapView> {
  const { withExamples } = parse(startRoadmapPayload, call.payload);
  const projectId = projectIdFromContext(call.context);
  const access = await accessTo(deps, projectId);
  requireLevel(access, 'administer');
  const now = deps.now();
  const edit = templateRoadmap(projectId, `${access.project.name} technical roadmap`, { accountId: call.context.accountId ?? null, now }, { withExamples });
  await commitEdit(deps.store, projectId, null, edit);
  return toRoadmapView(edit.roadmap, access, now);
}

/** Epic keys → ids, as the caller: each must exist, be visible to them, be an epic, and serve no other initiative. */
async function resolveEpics(deps: Deps, keys: string[], forInitiative: string | null): Promise<string[]> {
  const unique = [...new Set(keys)];
  const issues = await Promise.all(unique.map((key) => deps.jira.getIssue(key)));
  const links = await Promise.all(issues.map((issue) => (issue ? deps.store.getEpicLink(issue.id) : null)));
  const fields: Record<string, string> = {};
  unique.forEach((key, index) => {
    const issue = issues[index];
    const link = links[index];
    const field = `epicKeys.${keys.indexOf(key)}`;
    if (!issue) fields[field] = `${key} does not exist or you cannot see it`;
    else if (issue.issueType !== 'Epic') fields[field] = `${key} is a ${issue.issueType}, not an epic`;
    else if (link && link.initiativeId !== forInitiative) fields[field] = `${key} already serves initiative ${link.initiativeId}`;
  });
  if (Object.keys(fields).length > 0) throw new AppError('INVALID_INPUT', Object.values(fields)[0], fields);
  return issues.map((issue) => issue!.id);
}

export async function createInitiative(deps: Deps, call: Call): Promise<CreateInitiativeResult> {
  const { result, next, now } = await mutate(deps, call, {
    level: 'edit',
    schema: createInitiativePayload,
    apply: async (roadmap, input, actor) => {
      const epicIds = await resolveEpics(deps, input.epicKeys, null);
      return addInitiative(roadmap, { ...input.initiative, epicIds: [...new Set([...input.initiative.epicIds, ...epicIds])] }, actor);
    },
  });
  const created = next.initiatives[next.initiatives.length - 1];
  return { initiative: toInitiativeView(created, now, next.meta.horizonRules), revision: result.revision };
}

export const updateInitiativeHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: updateInitiativePayload,
    apply: async (roadmap, input, actor) => {
      const patch = { ...input.patch };
      if (input.epicKeys.length > 0) {
        const current = patch.epicIds ?? roadmap.initiatives.find((i) => i.id === input.initiativeId)?.epicIds ?? [];
        patch.epicIds = [...new Set([...current, ...(await resolveEpics(deps, input.epicKeys, input.initiativeId))])];
      }
      return updateInitiative(roadmap, input.initiativeId, patch, actor, input.reason ?? null);
    },
  });

export const moveInitiativeHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: moveInitiativePayload,
    apply: (roadmap, input, actor) => updateInitiative(roadmap, input.initiativeId, input.to, actor, input.reason, 'to'),
  });

export const deleteInitiativeHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: deleteInitiativePayload,
    apply: (roadmap, input, actor) => deleteInitiative(roadmap, input.initiativeId, actor, input.reason ?? null),
  });

export const createPhaseHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'edit', schema: createPhasePayload, apply: (roadmap, input, actor) => addPhase(roadmap, input.phase, actor) });

export const updatePhaseHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: updatePhasePayload,
    apply: (roadmap, input, actor) => updatePhase(roadmap, input.phaseId, input.patch, actor, input.reason ?? null),
  });

export const movePhaseHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: movePhasePayload,
    apply: (roadmap, input, actor) => movePhase(roadmap, input.phaseId, input.toIndex, actor, input.reason ?? null),
  });

export const deletePhaseHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: deletePhasePayload,
    apply: (roadmap, input, actor) => deletePhase(roadmap, input.phaseId, input.moveInitiativesTo, actor, input.reason ?? null),
  });

export const saveSettingsHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'administer', schema: saveSettingsPayload, apply: (roadmap, input, actor) => updateSettings(roadmap, input.settings, actor) });

export const createDebtItemHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'edit', schema: createDebtItemPayload, apply: (roadmap, input, actor) => addDebtItem(roadmap, input.item, actor) });

export const updateDebtItemHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'edit', schema: updateDebtItemPayload, apply: (roadmap, input, actor) => updateDebtItem(roadmap, input.debtId, input.patch, actor) });

export const deleteDebtItemHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'edit', schema: deleteDebtItemPayload, apply: (roadmap, input, actor) => deleteDebtItem(roadmap, input.debtId, actor) });

export const promoteDebtItemHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: promoteDebtItemPayload,
    apply: (roadmap, input, actor) => promoteDebtItem(roadmap, input.debtId, input.initiative, actor),
  });

export const markReviewedHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'edit', schema: markReviewedPayload, apply: (roadmap, input, actor) => markReviewed(roadmap, actor, input.note ?? null) });
