/**
 * nextPageToken for search/jql: opaque to callers, bound to the query it came from (reusing it with other JQL is a
 * 400, as Jira's tokens are), carrying the offset of the next page.
 */
import { createHash } from 'node:crypto';

interface TokenBody {
  q: string;
  o: number;
}

function fingerprint(jql: string): string {
  return createHash('sha256').update(jql.trim()).digest('base64url').slice(0, 16);
}

export function encodePageToken(jql: string, offset: number): string {
  const body: TokenBody = { q: fingerprint(jql), o: offset };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** The offset the token points at, or null when it is malformed or belongs to another query. */
export function decodePageToken(jql: string, token: string): number | null {
  try {
    const body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenBody>;
    if (body.q !== fingerprint(jql) || typeof body.o !== 'number' || !Number.isInteger(body.o) || body.o < 0) return null;
    return body.o;
  } catch {
    return null;
  }
}
