/** What an emulated upstream (KVS, Jira) answers: the harness turns it into a fetch Response. */
export interface EmulatedResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialisable body; undefined means an empty body. */
  body?: unknown;
}

/** A request as the Forge runtime would forward it to a product API. */
export interface ProductRequest {
  method: string;
  /** Path with query string, e.g. `/rest/api/3/search/jql?jql=...`. */
  path: string;
  /** The Atlassian account the call is made as; null when the app calls as itself (asApp). */
  accountId: string | null;
  body?: unknown;
}
