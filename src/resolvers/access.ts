import type { ProjectRef } from '../domain/api';
import { macroConfigSchema } from '../domain/api';
import { AppError } from '../domain/errors';
import { projectIdSchema } from '../domain/model';
import type { ProjectPermission } from '../jira/jira-port';
import type { CallContext, Deps } from './deps';

/**
 * Which project a call is about comes from where it is made, never from the payload: the Jira surfaces carry
 * the project in their context, the Confluence macro in its saved config.
 */
export function projectIdFromContext(context: CallContext): string {
  const extension = context.extension ?? {};
  if (extension.type === 'macro') {
    const config = macroConfigSchema.safeParse(extension.config);
    if (!config.success) throw new AppError('NOT_FOUND', 'This macro has no roadmap chosen yet: choose a project in its settings');
    return config.data.projectId;
  }
  const id = projectIdSchema.safeParse(extension.project?.id === undefined ? undefined : String(extension.project.id));
  if (!id.success) throw new AppError('INVALID_INPUT', 'This view has no Jira project in its context');
  return id.data;
}

export interface ProjectAccess {
  project: ProjectRef;
  /** Edit initiatives, phases and debt items: people who may edit the project's issues, or its admins. */
  canEdit: boolean;
  /** Change roadmap settings (capacity, cadence, goals): project admins. */
  canAdminister: boolean;
}

/** Asks Jira, as the caller, what they may do on the project. Nothing is cached across calls or users. */
export async function accessTo(deps: Deps, projectId: string): Promise<ProjectAccess> {
  const [permissions, project] = await Promise.all([deps.jira.myProjectPermissions(projectId), deps.jira.getProject(projectId)]);
  const has = (p: ProjectPermission) => permissions[p];
  if (!has('BROWSE_PROJECTS') || !project) {
    // Same answer for "no such project" and "not yours to see", as Jira does: nothing leaks.
    throw new AppError('FORBIDDEN', "You don't have access to this project's roadmap");
  }
  const canAdminister = has('ADMINISTER_PROJECTS');
  return { project, canEdit: canAdminister || has('EDIT_ISSUES'), canAdminister };
}

export type Level = 'edit' | 'administer';

/** Edit = initiatives, phases, debt, reviews; administer = starting a roadmap and its settings. */
export function requireLevel(access: ProjectAccess, level: Level): void {
  if (level === 'administer' && !access.canAdminister) throw new AppError('FORBIDDEN', 'Only a project admin can do this');
  if (level === 'edit' && !access.canEdit) {
    throw new AppError('FORBIDDEN', "You can view this roadmap but not change it: you need permission to edit the project's issues");
  }
}
