/**
 * Every Jira REST operation the app calls, in one place: the manifest's scopes are checked against
 * Jira's OpenAPI description for exactly these (test/contract/manifest-scopes.test.ts).
 */
export const JIRA_OPERATIONS = [
  { method: 'GET', path: '/rest/api/3/mypermissions' },
  { method: 'GET', path: '/rest/api/3/project/{projectIdOrKey}' },
  { method: 'GET', path: '/rest/api/3/project/search' },
  { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}' },
  { method: 'POST', path: '/rest/api/3/issue/bulkfetch' },
  { method: 'POST', path: '/rest/api/3/search/jql' },
  { method: 'GET', path: '/rest/api/3/field' },
  { method: 'GET', path: '/rest/api/3/user/bulk' },
  { method: 'GET', path: '/rest/api/3/user/search' },
] as const;

export type JiraOperation = (typeof JIRA_OPERATIONS)[number];
