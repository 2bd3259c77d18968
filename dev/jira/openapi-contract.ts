/**
 * Validates the fake's answers against Atlassian's published OpenAPI description of Jira Cloud REST v3.
 * The spec is loaded and converted once per process; validators are compiled lazily and cached.
 *
 * OpenAPI 3.0 → JSON Schema (draft-07) conversion: `nullable: true` becomes a `null` type/enum member, `$ref`s point
 * into the spec registered under one id, and OpenAPI-only keywords (xml, example, discriminator, externalDocs) are
 * dropped. `readOnly`/`writeOnly` are annotations Ajv already knows. Ajv runs with `strict: false` so unknown formats
 * and keywords are ignored rather than fatal.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const SPEC_PATH = path.resolve(__dirname, '../../../shared/specs/jira-platform-v3.openapi.json');
const SPEC_ID = 'jira-platform-v3';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

interface Operation {
  operationId?: string;
  deprecated?: boolean;
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { description?: string; content?: Record<string, { schema?: JsonObject }> }>;
  requestBody?: { content?: Record<string, { schema?: JsonObject }> };
  'x-atlassian-oauth2-scopes'?: Array<{ scheme: string; state: string; scopes: string[] }>;
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonObject> };
}

const DROP = new Set(['xml', 'example', 'discriminator', 'externalDocs']);

/** Converts one OpenAPI 3.0 schema node (recursively) to JSON Schema draft-07. */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (DROP.has(k) || k === 'nullable') continue;
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) out[k] = `${SPEC_ID}${v}`;
    else if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) {
      // property names are data, not keywords: convert each value but keep every name (even "example")
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, toJsonSchema(s)]));
    } else out[k] = toJsonSchema(v);
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.type === undefined && out.enum === undefined) return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

let cached: { spec: Spec; ajv: Ajv } | undefined;
const validators = new Map<string, ValidateFunction>();

function load(): { spec: Spec; ajv: Ajv } {
  if (cached) return cached;
  const spec = JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8')) as Spec;
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: toJsonSchema(spec.components.schemas) } }, SPEC_ID);
  cached = { spec, ajv };
  return cached;
}

export interface ResponseCheck {
  valid: boolean;
  /** Human-readable Ajv errors (`/path message`), empty when valid. */
  errors: string[];
  /** Where the schema came from. */
  schemaSource: string;
}

export type ResponseValidator = (body: unknown) => ResponseCheck;

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`.trim());
}

function compiled(cacheKey: string, schema: () => Json): ValidateFunction {
  let v = validators.get(cacheKey);
  if (!v) {
    v = load().ajv.compile(schema() as JsonObject);
    validators.set(cacheKey, v);
  }
  return v;
}

function wrap(v: ValidateFunction, schemaSource: string): ResponseValidator {
  return (body) => {
    const valid = v(body);
    return { valid, errors: valid ? [] : formatErrors(v.errors), schemaSource };
  };
}

export function operation(method: string, pathTemplate: string): Operation {
  const op = load().spec.paths[pathTemplate]?.[method.toLowerCase()];
  if (!op) throw new Error(`The OpenAPI description has no operation ${method.toUpperCase()} ${pathTemplate}`);
  return op;
}

/** Statuses the spec documents for an operation (e.g. ['200', '400', '401']). */
export function documentedStatuses(method: string, pathTemplate: string): string[] {
  return Object.keys(operation(method, pathTemplate).responses);
}

/** The OAuth 2.0 (3LO / Forge) scopes an operation needs, classic and granular. */
export function operationScopes(method: string, pathTemplate: string): { classic: string[]; granular: string[] } {
  const op = operation(method, pathTemplate);
  const classic = (op.security ?? []).flatMap((s) => s.OAuth2 ?? []);
  const granular = (op['x-atlassian-oauth2-scopes'] ?? []).filter((s) => s.state === 'Beta' || s.state === 'Current').flatMap((s) => s.scopes);
  return { classic, granular };
}

/** A validator for one component schema, e.g. 'ErrorCollection' or 'StatusDetails'. */
export function componentValidator(name: string): ResponseValidator {
  if (!load().spec.components.schemas[name]) throw new Error(`The OpenAPI description has no schema '${name}'`);
  return wrap(
    compiled(`component:${name}`, () => ({ $ref: `${SPEC_ID}#/components/schemas/${name}` })),
    `components.schemas.${name}`,
  );
}

/**
 * A validator for the JSON body of one documented response. A documented error status whose description carries no
 * body schema (common in Jira's spec) is checked against ErrorCollection, the envelope every Jira REST error uses;
 * an undocumented status throws, so a test cannot pass by accident.
 */
export function responseValidator(method: string, pathTemplate: string, status: number | string): ResponseValidator {
  const op = operation(method, pathTemplate);
  const response = op.responses[String(status)] ?? op.responses.default;
  if (!response) {
    throw new Error(`${method.toUpperCase()} ${pathTemplate} does not document status ${status} (documented: ${Object.keys(op.responses).join(', ')})`);
  }
  const schema = response.content?.['application/json']?.schema;
  if (schema) {
    return wrap(
      compiled(`response:${method.toUpperCase()} ${pathTemplate} ${status}`, () => toJsonSchema(schema)),
      `${op.operationId ?? pathTemplate} ${status}`,
    );
  }
  if (Number(status) >= 400) {
    const v = componentValidator('ErrorCollection');
    return (body) => ({ ...v(body), schemaSource: `${op.operationId ?? pathTemplate} ${status} (no body schema documented; ErrorCollection)` });
  }
  throw new Error(`${method.toUpperCase()} ${pathTemplate} ${status} documents no JSON body schema`);
}

/** A validator for an operation's JSON request body (to check what tests send). */
export function requestBodyValidator(method: string, pathTemplate: string): ResponseValidator {
  const op = operation(method, pathTemplate);
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${pathTemplate} documents no JSON request body`);
  return wrap(
    compiled(`request:${method.toUpperCase()} ${pathTemplate}`, () => toJsonSchema(schema)),
    `${op.operationId ?? pathTemplate} request body`,
  );
}
