/** Fault injection for reliability tests: scripted failures, rate limiting and latency. */
import type { EmulatedResponse } from '../http-types';
import { KvsErrorCode } from './errors';

export interface FaultSpec {
  status: number;
  code: string;
  message?: string;
  context?: Record<string, unknown>;
}

export interface NthCallOptions {
  /** Only calls to this path count (e.g. '/api/v1/set'). */
  path?: string;
}

export type FaultPredicate = (path: string, body: unknown) => boolean;

interface NthRule {
  remaining: number;
  path?: string;
  fault: FaultSpec;
}

interface WhenRule {
  predicate: FaultPredicate;
  fault: FaultSpec;
  /** Remaining times to fire; Infinity until cleared. */
  times: number;
}

const toResponse = (f: FaultSpec): EmulatedResponse => ({
  status: f.status,
  headers: { 'content-type': 'application/json' },
  body: { code: f.code, message: f.message ?? `Injected fault ${f.code}`, ...(f.context ? { context: f.context } : {}) },
});

export class FaultInjector {
  /** Delay added before every answer, in ms. */
  latencyMs = 0;
  private nth: NthRule[] = [];
  private when: WhenRule[] = [];
  private rateLimited = 0;

  /** Fails the n-th call from now (n = 1: the next call), counting only calls to `opts.path` when given. */
  failNthCall(n: number, fault: FaultSpec, opts: NthCallOptions = {}): this {
    if (!Number.isInteger(n) || n < 1) throw new Error('failNthCall: n must be a positive integer');
    this.nth.push({ remaining: n, path: opts.path, fault });
    return this;
  }

  /** Fails every call (or the next `times` calls) for which `predicate(path, body)` holds. */
  failWhen(predicate: FaultPredicate, fault: FaultSpec, times = Infinity): this {
    this.when.push({ predicate, fault, times });
    return this;
  }

  /** The next `count` calls answer 429 RATE_LIMIT_EXCEEDED. */
  rateLimitNext(count = 1): this {
    this.rateLimited += count;
    return this;
  }

  clear(): void {
    this.latencyMs = 0;
    this.nth = [];
    this.when = [];
    this.rateLimited = 0;
  }

  /** Decides whether this call fails; advances the counters. Undefined means "serve normally". */
  intercept(path: string, body: unknown): EmulatedResponse | undefined {
    let hit: FaultSpec | undefined;
    for (const rule of this.nth) {
      if (rule.path !== undefined && rule.path !== path) continue;
      rule.remaining -= 1;
      if (rule.remaining === 0 && !hit) hit = rule.fault;
    }
    this.nth = this.nth.filter((r) => r.remaining > 0);
    if (hit) return toResponse(hit);
    if (this.rateLimited > 0) {
      this.rateLimited -= 1;
      return toResponse({ status: 429, code: KvsErrorCode.RATE_LIMIT_EXCEEDED, message: 'Rate limit exceeded' });
    }
    for (const rule of this.when) {
      if (rule.times > 0 && rule.predicate(path, body)) {
        rule.times -= 1;
        return toResponse(rule.fault);
      }
    }
    return undefined;
  }
}
