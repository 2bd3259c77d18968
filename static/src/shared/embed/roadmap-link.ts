import { router } from '@forge/bridge';

/** The project page's module key in manifest.yml: where "open in Jira" leads. */
export const PROJECT_PAGE_MODULE = 'tech-roadmap-project-page';

/**
 * Where a roadmap lives in Jira: the project page of its project, at one of its sub-routes (`/executive`,
 * `/board?initiative=I-3`). Forge resolves the module to the page's URL in whichever product the link is clicked.
 */
export function roadmapLocation(projectKey: string, path = '/') {
  return { target: 'module' as const, moduleKey: PROJECT_PAGE_MODULE, projectKey, path };
}

/** Opens the roadmap in Jira in a new tab (a Confluence reader keeps their page). */
export function openRoadmapInJira(projectKey: string, path = '/'): Promise<void> {
  return router.open(roadmapLocation(projectKey, path));
}

/** The roadmap's URL in Jira, for a real link (copy, middle-click); null until the product answers or if it cannot. */
export async function roadmapUrl(projectKey: string, path = '/'): Promise<string | null> {
  try {
    return (await router.getUrl(roadmapLocation(projectKey, path)))?.toString() ?? null;
  } catch {
    return null;
  }
}
