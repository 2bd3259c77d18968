/**
 * An in-process fake of the Jira Cloud REST API v3: routes a ProductRequest to the endpoint that serves it, with fault
 * injection and per-endpoint call counts. Answers use Jira's JSON shapes (checked against Atlassian's OpenAPI
 * description by test/contract/jira-fake-openapi.test.ts).
 */
import type { EmulatedResponse, ProductRequest } from '../http-types';
import { demoJiraData } from './demo-data';
import { jiraError, MESSAGES } from './errors';
import { FaultInjector } from './faults';
import { fieldCatalogue, type FieldDef } from './fields';
import type { JiraData, JiraIssueRecord, JiraUserRecord, StatusCategoryKey } from './model';
import type { Caller } from './permissions';
import { bulkFetchIssues, getFields, getIssue, getMyPermissions, getMyself, getProject, getUsersBulk, searchProjects, searchUsers } from './resources';
import { search, searchInputFromBody, searchInputFromQuery } from './search';
import { CallStats } from './stats';
import { JiraStore, type NewIssue } from './store';

export { FaultInjector } from './faults';
export type { NewIssue } from './store';

interface CallContext {
  store: JiraStore;
  caller: Caller;
  user: JiraUserRecord;
  catalogue: FieldDef[];
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

interface Route {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  handle: (ctx: CallContext) => EmulatedResponse;
}

function route(method: string, template: string, handle: Route['handle']): Route {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, n: string) => {
    names.push(n);
    return '([^/]+)';
  });
  return { method, template, regex: new RegExp(`^${pattern}$`), names, handle };
}

const gone = (): EmulatedResponse => jiraError(410, [MESSAGES.searchRemoved]);

const ROUTES: Route[] = [
  route('GET', '/rest/api/3/search/jql', (c) => {
    const input = searchInputFromQuery(c.query);
    return 'status' in input ? input : search(c.store.data, c.caller, c.catalogue, input);
  }),
  route('POST', '/rest/api/3/search/jql', (c) => {
    const input = searchInputFromBody(c.body);
    return 'status' in input ? input : search(c.store.data, c.caller, c.catalogue, input);
  }),
  route('GET', '/rest/api/3/search', gone),
  route('POST', '/rest/api/3/search', gone),
  route('POST', '/rest/api/3/issue/bulkfetch', (c) => bulkFetchIssues(c.store, c.caller, c.catalogue, c.body)),
  route('GET', '/rest/api/3/issue/{issueIdOrKey}', (c) => getIssue(c.store, c.caller, c.catalogue, c.params.issueIdOrKey, c.query)),
  route('GET', '/rest/api/3/field', (c) => getFields(c.catalogue)),
  route('GET', '/rest/api/3/mypermissions', (c) => getMyPermissions(c.store, c.caller, c.query)),
  route('GET', '/rest/api/3/project/search', (c) => searchProjects(c.store, c.caller, c.query)),
  route('GET', '/rest/api/3/project/{projectIdOrKey}', (c) => getProject(c.store, c.caller, c.params.projectIdOrKey)),
  route('GET', '/rest/api/3/myself', (c) => getMyself(c.store.data, c.user)),
  route('GET', '/rest/api/3/user/bulk', (c) => getUsersBulk(c.store.data, c.query)),
  route('GET', '/rest/api/3/user/search', (c) => searchUsers(c.store.data, c.caller, c.query)),
];

export interface JiraFakeOptions {
  /** Clock for `updated`/`created` on mutation (default: real time). */
  now?: () => Date;
}

export class JiraFake {
  readonly faults = new FaultInjector();
  private readonly calls = new CallStats();
  private readonly store: JiraStore;

  constructor(data: JiraData = demoJiraData(), options: JiraFakeOptions = {}) {
    this.store = new JiraStore(data, options.now ?? (() => new Date()));
  }

  /** The live data (mutations through the methods below are reflected in later answers). */
  get data(): JiraData {
    return this.store.data;
  }

  /** Calls per endpoint since the last reset, keyed `METHOD /rest/api/3/path/{template}` (unmatched: the raw path). */
  get stats(): Record<string, number> {
    return this.calls.snapshot();
  }

  get totalCalls(): number {
    return this.calls.total();
  }

  resetStats(): void {
    this.calls.reset();
  }

  /** Most requests in flight at once since the last reset (a request is in flight until answered, latency included). */
  get maxInFlight(): number {
    return this.calls.maxInFlight();
  }

  async handle(req: ProductRequest): Promise<EmulatedResponse> {
    this.calls.begin();
    try {
      return await this.serve(req);
    } finally {
      this.calls.end();
    }
  }

  private async serve(req: ProductRequest): Promise<EmulatedResponse> {
    const method = req.method.toUpperCase();
    const url = new URL(req.path, 'http://jira.invalid');
    const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const match = matchRoute(method, pathname);
    this.calls.record(match ? `${method} ${match.route.template}` : `${method} ${pathname}`);

    const fault = this.faults.apply(pathname);
    if (fault.delayMs > 0) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault.response) return fault.response;

    const user = this.authenticate(req.accountId);
    if (!user) return jiraError(401, [MESSAGES.unauthenticated]);
    if (!match) return jiraError(404, [`${MESSAGES.notFound}: ${this.store.data.baseUrl}${pathname}`]);

    return match.route.handle({
      store: this.store,
      caller: req.accountId ?? null,
      user,
      catalogue: fieldCatalogue(this.store.data.storyPointsFieldId),
      params: match.params,
      query: url.searchParams,
      body: req.body,
    });
  }

  // ---- mutators for tests and the harness ----

  deleteIssue(idOrKey: string): boolean {
    return this.store.deleteIssue(idOrKey);
  }

  setIssueStatus(idOrKey: string, statusCategoryKey: StatusCategoryKey): JiraIssueRecord {
    return this.store.setIssueStatus(idOrKey, statusCategoryKey);
  }

  addIssue(input: NewIssue): JiraIssueRecord {
    return this.store.addIssue(input);
  }

  updateIssue(idOrKey: string, patch: Partial<Omit<JiraIssueRecord, 'id' | 'key' | 'projectId'>>): JiraIssueRecord {
    return this.store.updateIssue(idOrKey, patch);
  }

  /** Replaces a user's project permissions (e.g. to revoke BROWSE_PROJECTS mid-test). */
  setProjectPermissions(accountId: string, projectIdOrKey: string, permissions: string[]): void {
    const project = this.store.project(projectIdOrKey);
    if (!project) throw new Error(`unknown project '${projectIdOrKey}'`);
    (this.store.data.grants[accountId] ??= {})[project.id] = [...permissions];
  }

  private authenticate(accountId: string | null | undefined): JiraUserRecord | undefined {
    if (accountId === null) return this.store.data.appUser;
    if (typeof accountId !== 'string') return undefined;
    return this.store.data.users.find((u) => u.accountId === accountId && u.active);
  }
}

function matchRoute(method: string, pathname: string): { route: Route; params: Record<string, string> } | undefined {
  for (const r of ROUTES) {
    if (r.method !== method) continue;
    const m = r.regex.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    r.names.forEach((n, i) => {
      params[n] = decodeURIComponent(m[i + 1]);
    });
    return { route: r, params };
  }
  return undefined;
}
