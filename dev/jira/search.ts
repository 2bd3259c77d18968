/** GET/POST /rest/api/3/search/jql: JQL subset, field selection, nextPageToken paging, browse filtering. */
import type { EmulatedResponse } from '../http-types';
import { jiraError, MESSAGES, ok } from './errors';
import { type FieldDef, idsOnly, selectFields } from './fields';
import { JqlError, parseJql } from './jql';
import { runJql } from './jql-eval';
import type { JiraData } from './model';
import { decodePageToken, encodePageToken } from './paging';
import type { Caller } from './permissions';
import { issueShape } from './shapes';

export interface SearchInput {
  jql?: string;
  fields?: string[];
  maxResults?: number;
  nextPageToken?: string;
  expand?: string;
}

export const MAX_RESULTS_DEFAULT = 50;
/** Jira returns up to 5000 issues per page when only ids/keys are asked for, and fewer with fields. */
export const MAX_RESULTS_IDS_ONLY = 5000;
export const MAX_RESULTS_WITH_FIELDS = 100;

const POST_KEYS = new Set(['jql', 'fields', 'maxResults', 'nextPageToken', 'expand', 'properties', 'fieldsByKeys', 'reconcileIssues', 'failFast']);

/** Reads GET query parameters; a malformed one yields an error response. */
export function searchInputFromQuery(q: URLSearchParams): SearchInput | EmulatedResponse {
  const input: SearchInput = {};
  if (q.has('jql')) input.jql = q.get('jql') ?? '';
  if (q.has('nextPageToken')) input.nextPageToken = q.get('nextPageToken') ?? '';
  if (q.has('expand')) input.expand = q.get('expand') ?? '';
  const fields = q.getAll('fields');
  if (fields.length > 0) input.fields = fields;
  if (q.has('maxResults')) {
    const raw = q.get('maxResults') ?? '';
    if (!/^-?\d+$/.test(raw)) return jiraError(400, [`The value '${raw}' is not a valid number for the parameter 'maxResults'.`]);
    input.maxResults = Number(raw);
  }
  return input;
}

/** Reads a POST body (SearchAndReconcileRequestBean); unknown properties are refused as Jira's JSON binding does. */
export function searchInputFromBody(body: unknown): SearchInput | EmulatedResponse {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    return jiraError(400, ['The request body must be a JSON object.']);
  }
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b)) if (!POST_KEYS.has(k)) return jiraError(400, [`Unrecognized field "${k}" in the request body.`]);
  const input: SearchInput = {};
  if (b.jql !== undefined) {
    if (typeof b.jql !== 'string') return jiraError(400, ['jql must be a string.']);
    input.jql = b.jql;
  }
  if (b.fields !== undefined) {
    if (!Array.isArray(b.fields) || b.fields.some((f) => typeof f !== 'string')) return jiraError(400, ['fields must be an array of strings.']);
    input.fields = b.fields as string[];
  }
  if (b.maxResults !== undefined) {
    if (typeof b.maxResults !== 'number' || !Number.isInteger(b.maxResults)) return jiraError(400, ['maxResults must be an integer.']);
    input.maxResults = b.maxResults;
  }
  if (b.nextPageToken !== undefined && b.nextPageToken !== null) {
    if (typeof b.nextPageToken !== 'string') return jiraError(400, ['nextPageToken must be a string.']);
    input.nextPageToken = b.nextPageToken;
  }
  if (b.expand !== undefined) {
    if (typeof b.expand !== 'string') return jiraError(400, ['expand must be a comma-separated string.']);
    input.expand = b.expand;
  }
  return input;
}

export function search(data: JiraData, caller: Caller, catalogue: FieldDef[], input: SearchInput): EmulatedResponse {
  const jql = input.jql ?? '';
  if (jql.trim() === '') return jiraError(400, [MESSAGES.unbounded]);
  let matched;
  try {
    matched = runJql(data, caller, parseJql(jql));
  } catch (e) {
    if (e instanceof JqlError) return jiraError(400, [e.message]);
    throw e;
  }

  const onlyIds = idsOnly(input.fields);
  const requested = input.maxResults ?? MAX_RESULTS_DEFAULT;
  if (requested < 1) return jiraError(400, ['maxResults must be greater than 0.']);
  const pageSize = Math.min(requested, onlyIds || isKeyOnly(input.fields) ? MAX_RESULTS_IDS_ONLY : MAX_RESULTS_WITH_FIELDS);

  let offset = 0;
  if (input.nextPageToken !== undefined && input.nextPageToken !== '') {
    const decoded = decodePageToken(jql, input.nextPageToken);
    if (decoded === null) return jiraError(400, [MESSAGES.badPageToken]);
    offset = decoded;
  }

  const page = matched.slice(offset, offset + pageSize);
  const selected = selectFields(input.fields, ['id'], catalogue);
  const expand = (input.expand ?? '').split(',').map((s) => s.trim());
  const body: Record<string, unknown> = {
    issues: page.map((i) => issueShape(data, i, selected, { idOnly: onlyIds, expand: '' })),
  };
  if (expand.includes('names') && !onlyIds) {
    body.names = Object.fromEntries(catalogue.filter((f) => selected.has(f.id)).map((f) => [f.id, f.name]));
  }
  const nextOffset = offset + page.length;
  if (nextOffset < matched.length) body.nextPageToken = encodePageToken(jql, nextOffset);
  body.isLast = nextOffset >= matched.length;
  return ok(body);
}

function isKeyOnly(fields: string[] | undefined): boolean {
  const tokens = (fields ?? [])
    .flatMap((v) => v.split(','))
    .map((t) => t.trim())
    .filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => t === 'id' || t === 'key');
}
