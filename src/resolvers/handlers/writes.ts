import { type CreateInitiativeResult, type MutationResult, type RoadmapView } from '../../domain/api';
import type { PayloadOf } from '../../domain/contract';
import { addDebtItem, deleteDebtItem, promoteDebtItem, updateDebtItem } from '../../domain/edits/debt';
import { addInitiative, deleteInitiative, updateInitiative } from '../../domain/edits/initiatives';
import { addPhase, deletePhase, movePhase, updatePhase } from '../../domain/edits/phases';
import { markReviewed, updateSettings } from '../../domain/edits/settings';
import { AppError } from '../../domain/errors';
import { LIMITS } from '../../domain/model';
import { templateRoadmap } from '../../domain/template';
import { commitEdit } from '../../storage/commit-edit';
import { accessTo, projectIdFromContext, requireLevel } from '../access';
import type { Call, Deps } from '../deps';
import { resolveEpicKeys } from '../epics';
import { mutate, runMutation } from '../mutation';
import { confirmOwner } from '../owners';
import { driftAtReview } from '../review-drift';
import { toRoadmapView } from '../view';

/** Ids given directly plus ids from keys: still within the per-initiative limit, reported on the keys' field. */
function mergeEpicIds(ids: readonly string[], fromKeys: readonly string[], field: string): string[] {
  const merged = [...new Set([...ids, ...fromKeys])];
  if (merged.length > LIMITS.epicsPerInitiative) {
    throw new AppError('INVALID_INPUT', `At most ${LIMITS.epicsPerInitiative} epics per initiative`, {
      [field]: `At most ${LIMITS.epicsPerInitiative} epics per initiative (${merged.length} given)`,
    });
  }
  return merged;
}

/** Starts a project's roadmap from the template; refused with CONFLICT when it already has one. */
export async function startRoadmap(deps: Deps, payload: PayloadOf<'startRoadmap'>, call: Call): Promise<RoadmapView> {
  const { withExamples } = payload;
  const projectId = projectIdFromContext(call.context);
  const access = await accessTo(deps, projectId);
  requireLevel(access, 'administer');
  const now = deps.now();
  const edit = templateRoadmap(projectId, `${access.project.name} technical roadmap`, { accountId: call.context.accountId ?? null, now }, { withExamples });
  await commitEdit(deps.store, projectId, null, edit);
  return toRoadmapView(edit.roadmap, access, now);
}

export async function createInitiative(deps: Deps, payload: PayloadOf<'createInitiative'>, call: Call): Promise<CreateInitiativeResult> {
  const { result, next } = await mutate(deps, call, {
    level: 'edit',
    input: payload,
    apply: async (roadmap, input, actor) => {
      await confirmOwner(deps, input.initiative.ownerAccountId, null, 'initiative.ownerAccountId');
      const epicIds = await resolveEpicKeys(deps, roadmap, input.epicKeys, null);
      return addInitiative(roadmap, { ...input.initiative, epicIds: mergeEpicIds(input.initiative.epicIds, epicIds, 'epicKeys') }, actor);
    },
  });
  // addInitiative appends: the last one is the new one.
  return { ...result, initiativeId: next.initiatives[next.initiatives.length - 1].id };
}

export const updateInitiativeHandler = (deps: Deps, payload: PayloadOf<'updateInitiative'>, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    input: payload,
    apply: async (roadmap, input, actor, _access, hidden) => {
      const patch = { ...input.patch };
      const stored = roadmap.initiatives.find((i) => i.id === input.initiativeId);
      await confirmOwner(deps, patch.ownerAccountId, stored?.ownerAccountId ?? null, 'patch.ownerAccountId');
      // The editor sent the epics it was shown; the ones from projects the caller cannot browse stay linked.
      if (patch.epicIds) {
        const kept = (roadmap.initiatives.find((i) => i.id === input.initiativeId)?.epicIds ?? []).filter(
          (id) => hidden.has(id) && !patch.epicIds!.includes(id),
        );
        if (kept.length > 0) patch.epicIds = [...patch.epicIds, ...kept];
      }
      if (input.epicKeys.length > 0) {
        const current = patch.epicIds ?? roadmap.initiatives.find((i) => i.id === input.initiativeId)?.epicIds ?? [];
        patch.epicIds = mergeEpicIds(current, await resolveEpicKeys(deps, roadmap, input.epicKeys, input.initiativeId), 'epicKeys');
      }
      return updateInitiative(roadmap, input.initiativeId, patch, actor, input.reason ?? null);
    },
  });

export const moveInitiativeHandler = (deps: Deps, payload: PayloadOf<'moveInitiative'>, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    input: payload,
    apply: (roadmap, input, actor) => updateInitiative(roadmap, input.initiativeId, input.to, actor, input.reason, 'to'),
  });

export const deleteInitiativeHandler = (deps: Deps, payload: PayloadOf<'deleteInitiative'>, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    input: payload,
    apply: (roadmap, input, actor) => deleteInitiative(roadmap, input.initiativeId, actor, input.reason ?? null),
  });

export const createPhaseHandler = (deps: Deps, payload: PayloadOf<'createPhase'>, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'edit', input: payload, apply: (roadmap, input, actor) => addPhase(roadmap, input.phase, actor) });

export const updatePhaseHandler = (deps: Deps, payload: PayloadOf<'updatePhase'>, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    input: payload,
    apply: (roadmap, input, actor) => updatePhase(roadmap, input.phaseId, input.patch, actor, input.reason ?? null),
  });

export const movePhaseHandler = (deps: Deps, payload: PayloadOf<'movePhase'>, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    input: payload,
    apply: (roadmap, input, actor) => movePhase(roadmap, input.phaseId, input.toIndex, actor, input.reason ?? null),
  });

export const deletePhaseHandler = (deps: Deps, payload: PayloadOf<'deletePhase'>, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    input: payload,
    apply: (roadmap, input, actor) => deletePhase(roadmap, input.phaseId, input.moveInitiativesTo, actor, input.reason ?? null),
  });

export const saveSettingsHandler = (deps: Deps, payload: PayloadOf<'saveSettings'>, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'administer',
    input: payload,
    apply: async (roadmap, input, actor) => {
      await confirmOwner(deps, input.settings.ownerAccountId, roadmap.meta.ownerAccountId, 'settings.ownerAccountId');
      return updateSettings(roadmap, input.settings, actor);
    },
  });

export const createDebtItemHandler = (deps: Deps, payload: PayloadOf<'createDebtItem'>, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'edit', input: payload, apply: (roadmap, input, actor) => addDebtItem(roadmap, input.item, actor) });

export const updateDebtItemHandler = (deps: Deps, payload: PayloadOf<'updateDebtItem'>, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'edit', input: payload, apply: (roadmap, input, actor) => updateDebtItem(roadmap, input.debtId, input.patch, actor) });

export const deleteDebtItemHandler = (deps: Deps, payload: PayloadOf<'deleteDebtItem'>, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, { level: 'edit', input: payload, apply: (roadmap, input, actor) => deleteDebtItem(roadmap, input.debtId, actor) });

export const promoteDebtItemHandler = (deps: Deps, payload: PayloadOf<'promoteDebtItem'>, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    input: payload,
    apply: async (roadmap, input, actor) => {
      // The new initiative may name its owner: confirmed in Jira as the caller, as when an initiative is created.
      await confirmOwner(deps, input.initiative.ownerAccountId, null, 'initiative.ownerAccountId');
      return promoteDebtItem(roadmap, input.debtId, input.initiative, actor);
    },
  });

/**
 * Marks the roadmap reviewed and stores the review's baseline with it (one transaction): the plan, and the drift open
 * now as the reviewer sees it in Jira (without it when Jira fails or is slow: the review still lands).
 */
export const markReviewedHandler = (deps: Deps, payload: PayloadOf<'markReviewed'>, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    input: payload,
    apply: async (roadmap, input, actor, _access, hidden) =>
      markReviewed(roadmap, actor, input.note ?? null, await driftAtReview(deps, roadmap, hidden, actor)),
  });
