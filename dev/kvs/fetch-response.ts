/** Turns an emulator answer into a WHATWG fetch Response, as `global.__forge_fetch__` must return. */
import type { EmulatedResponse } from '../http-types';

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

export function toFetchResponse(r: EmulatedResponse): Response {
  const body = r.body === undefined || NULL_BODY_STATUS.has(r.status) ? null : JSON.stringify(r.body);
  const headers: Record<string, string> = { ...(body === null ? {} : { 'content-type': 'application/json' }), ...r.headers };
  return new Response(body, { status: r.status, headers });
}
