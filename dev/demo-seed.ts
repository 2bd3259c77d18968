import { templateRoadmap } from '../src/domain/template';
import { commitEdit } from '../src/storage/commit-edit';
import { DEMO_EPICS, DEMO_PROJECTS } from './jira';
import type { LocalForge } from './local-forge';

/**
 * Seeds the demo roadmap (the template's Foundation / Scale / Velocity phases) into the TR project, linking
 * each template initiative to the demo epic of the same name. Does nothing when a roadmap is already stored,
 * so data added locally survives restarts.
 */
export async function seedDemoRoadmap(forge: LocalForge): Promise<boolean> {
  const project = DEMO_PROJECTS.TR;
  if (await forge.deps.store.load(project.id)) return false;
  const epicIdsByTitle: Record<string, string[]> = {};
  for (const epic of DEMO_EPICS.filter((e) => e.projectKey === project.key)) epicIdsByTitle[epic.summary] = [epic.id];
  const edit = templateRoadmap(project.id, `${project.name} technical roadmap`, { accountId: null, now: forge.deps.now() }, { epicIdsByTitle });
  // The demo epics exist by construction; the app confirms them like any write that links epics.
  await commitEdit(forge.deps.store, project.id, null, edit, {
    confirmAddedEpics: async (ids) => {
      const found = await forge.deps.appJira.getIssues(ids);
      if (found.length !== ids.length) throw new Error('A demo epic is missing from the Jira fake');
      return found.map((issue) => ({ id: issue.id, projectId: issue.projectId }));
    },
  });
  return true;
}
