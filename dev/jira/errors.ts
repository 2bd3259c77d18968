/** Jira's error envelope and the canned messages the fake answers with. */
import type { EmulatedResponse } from '../http-types';

export interface ErrorCollection {
  errorMessages: string[];
  errors: Record<string, string>;
}

export function jiraError(status: number, messages: string[], errors: Record<string, string> = {}, headers?: Record<string, string>): EmulatedResponse {
  const body: ErrorCollection = { errorMessages: messages, errors };
  return { status, headers: { 'content-type': 'application/json;charset=UTF-8', ...headers }, body };
}

export function ok(body: unknown, status = 200): EmulatedResponse {
  return { status, headers: { 'content-type': 'application/json;charset=UTF-8' }, body };
}

export const MESSAGES = {
  unauthenticated: 'You are not authenticated. Authentication required to perform this operation.',
  issueNotFound: 'Issue does not exist or you do not have permission to see it.',
  searchRemoved:
    'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
  unbounded: 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
  badPageToken: 'The provided next page token is invalid or expired.',
  permissionsRequired: 'The permissions query parameter is required.',
  rateLimited: 'Rate limit exceeded.',
  notFound: 'null for uri',
} as const;
