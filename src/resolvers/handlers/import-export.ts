import {
  exportRoadmapPayload,
  importRoadmapPayload,
  previewImportPayload,
  type ExportResult,
  type ImportPreview,
  type MutationResult,
} from '../../domain/api';
import { AppError } from '../../domain/errors';
import { applyImportPlan, exportRoadmap, parseRoadmapTable, previewImport } from '../../domain/import-export';
import { emptyRoadmap } from '../../domain/roadmap-ops';
import { accessTo, projectIdFromContext, requireLevel } from '../access';
import type { Call, Deps } from '../deps';
import { parse, runMutation } from '../mutation';

/** What an import would do, row by row, without writing anything. */
export async function previewImportHandler(deps: Deps, call: Call): Promise<ImportPreview> {
  const input = parse(previewImportPayload, call.payload);
  const projectId = projectIdFromContext(call.context);
  const access = await accessTo(deps, projectId);
  requireLevel(access, 'edit');
  const roadmap = (await deps.store.load(projectId)) ?? emptyRoadmap(projectId, `${access.project.name} technical roadmap`, deps.now());
  return previewImport(roadmap, parseRoadmapTable(input.text, input.format), { mode: input.mode });
}

/** Applies an import; the table is parsed and planned again here, never taken from the client's preview. */
export const importRoadmapHandler = (deps: Deps, call: Call): Promise<MutationResult> =>
  runMutation(deps, call, {
    level: 'edit',
    schema: importRoadmapPayload,
    apply: (roadmap, input, actor) => {
      const plan = previewImport(roadmap, parseRoadmapTable(input.text, input.format), { mode: input.mode });
      if (plan.initiativesToRemove.length > 0 && !input.confirmRemovals) {
        throw new AppError('INVALID_INPUT', `This import would remove ${plan.initiativesToRemove.length} initiative(s) not in the table; confirm to go ahead`, {
          confirmRemovals: 'Confirm the removals shown in the preview',
        });
      }
      return applyImportPlan(roadmap, plan, actor);
    },
  });

export async function exportRoadmapHandler(deps: Deps, call: Call): Promise<ExportResult> {
  const { format } = parse(exportRoadmapPayload, call.payload);
  const projectId = projectIdFromContext(call.context);
  const access = await accessTo(deps, projectId);
  const roadmap = await deps.store.load(projectId);
  if (!roadmap) throw new AppError('NOT_FOUND', 'This project has no roadmap yet');
  const extension = format === 'csv' ? 'csv' : 'md';
  return {
    filename: `${access.project.key}-technical-roadmap.${extension}`,
    mimeType: format === 'csv' ? 'text/csv' : 'text/markdown',
    content: exportRoadmap(roadmap, format, deps.now()),
  };
}
