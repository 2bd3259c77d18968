import api from '@forge/api';
import { createForgeJira } from '../src/jira/forge-jira';
import type { Deps } from '../src/resolvers/deps';
import { buildResolver } from '../src/resolvers/forge-resolver';
import { createKvsDigestStore } from '../src/storage/digest-store';
import { createKvsProgressCacheStore } from '../src/storage/kvs-progress-cache-store';
import { createKvsRoadmapStore, META_ENTITY } from '../src/storage/kvs-roadmap-store';
import { type DigestRunOptions, type DigestRunOutcome, runDailyDigest } from '../src/triggers/daily-digest';
import { handleIssueEvent, type IssueEventOutcome } from '../src/triggers/issue-events';
import { JiraFake } from './jira';
import { KvsEmulator } from './kvs';
import { installForgeRuntime } from './runtime/forge-runtime';
import { runInvocation } from './runtime/invocation';

export interface LocalForgeOptions {
  /** SQLite file for the KVS emulator; ':memory:' (default) forgets on exit. */
  dataFile?: string;
  now?: () => Date;
  jira?: JiraFake;
  /** Jira requests in flight at once for one progress read (default: the app's own, MAX_IN_FLIGHT). */
  jiraMaxInFlight?: number;
}

export interface InvokeContext {
  accountId: string;
  extension: Record<string, unknown>;
  localId?: string;
  moduleKey?: string;
}

type ResolverFunction = ReturnType<typeof buildResolver>;

/**
 * The app's real backend running locally: the real resolver definitions (@forge/resolver), the real
 * @forge/kvs and @forge/api clients, served by the KVS emulator and the Jira fake through __forge_fetch__.
 */
export class LocalForge {
  readonly kvs: KvsEmulator;
  readonly jira: JiraFake;
  readonly deps: Deps;
  private readonly resolver: ResolverFunction;
  private readonly uninstall: () => void;

  constructor(options: LocalForgeOptions = {}) {
    // The custom-entity indexes manifest.yml declares (app.storage.entities), for entity queries.
    this.kvs = new KvsEmulator({ filename: options.dataFile ?? ':memory:', entities: { [META_ENTITY]: { indexes: { projectId: { range: 'projectId' } } } } });
    this.jira = options.jira ?? new JiraFake();
    this.uninstall = installForgeRuntime({ kvs: this.kvs, jira: this.jira });
    this.deps = {
      store: createKvsRoadmapStore(),
      jira: createForgeJira(undefined, { maxInFlight: options.jiraMaxInFlight }),
      appJira: createForgeJira((path, init) => api.asApp().requestJira(path, init)),
      progressCache: createKvsProgressCacheStore(),
      now: options.now ?? (() => new Date()),
      digests: createKvsDigestStore(),
    };
    this.resolver = buildResolver(this.deps);
  }

  /** What Custom UI's invoke() reaches: the resolver, run as the calling user. */
  invoke(functionKey: string, payload: unknown, context: InvokeContext): Promise<unknown> {
    return runInvocation({ accountId: context.accountId }, () =>
      this.resolver(
        {
          call: { functionKey, payload },
          context: { extension: context.extension, localId: context.localId, moduleKey: context.moduleKey, accountId: context.accountId },
        },
        { principal: { accountId: context.accountId }, installContext: 'ari:cloud:jira::site/local' },
      ),
    );
  }

  /** A Jira event delivered to the trigger, which runs as the app. */
  trigger(event: unknown): Promise<IssueEventOutcome> {
    return runInvocation({ accountId: null }, () => handleIssueEvent(this.deps, event));
  }

  /** A scheduled invocation of the digest (the daily trigger by default; `mode: 'resume'` for the hourly one), as the app. */
  runDigest(options: DigestRunOptions = {}): Promise<DigestRunOutcome> {
    return runInvocation({ accountId: null }, () => runDailyDigest(this.deps, { mode: 'start', ...options }));
  }

  close(): void {
    this.uninstall();
    this.kvs.close();
  }
}
