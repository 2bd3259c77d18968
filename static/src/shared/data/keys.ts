/** The cache's keys: a surface shows one project's roadmap, so the project is implicit (the resolvers take it from the context). */
export const QUERY_KEYS = {
  context: ['context'] as const,
  view: ['roadmap-view'] as const,
  changelog: ['changelog'] as const,
  progress: ['progress'] as const,
  epicContext: ['epic-context'] as const,
  people: ['people'] as const,
};
