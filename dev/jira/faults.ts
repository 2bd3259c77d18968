/** Fault injection: rate limits (429 + Retry-After), server errors and latency, per path regex. */
import type { EmulatedResponse } from '../http-types';
import { jiraError, MESSAGES } from './errors';

interface Rule {
  pattern: RegExp;
  /** Calls left to affect; Infinity = until cleared. */
  remaining: number;
  kind: 'rateLimit' | 'serverError' | 'latency';
  status?: number;
  retryAfterSeconds?: number;
  ms?: number;
}

export interface FaultOutcome {
  delayMs: number;
  response?: EmulatedResponse;
}

export class FaultInjector {
  private rules: Rule[] = [];

  /** The next `times` matching calls answer 429 with `Retry-After: retryAfterSeconds`. */
  rateLimit(pattern: RegExp, opts: { times?: number; retryAfterSeconds?: number } = {}): this {
    this.rules.push({ pattern, kind: 'rateLimit', remaining: opts.times ?? 1, retryAfterSeconds: opts.retryAfterSeconds ?? 1 });
    return this;
  }

  /** The next `times` matching calls answer `status` (default 503). */
  serverError(pattern: RegExp, opts: { times?: number; status?: number } = {}): this {
    const status = opts.status ?? 503;
    if (status < 500 || status > 599) throw new Error(`serverError needs a 5xx status, got ${status}`);
    this.rules.push({ pattern, kind: 'serverError', remaining: opts.times ?? 1, status });
    return this;
  }

  /** Matching calls wait `ms` before being answered (the next `times` calls; default every call until cleared). */
  latency(pattern: RegExp, ms: number, opts: { times?: number } = {}): this {
    this.rules.push({ pattern, kind: 'latency', remaining: opts.times ?? Infinity, ms });
    return this;
  }

  clear(): void {
    this.rules = [];
  }

  /** Consumes the rules matching this path (without query string) and says what to do. */
  apply(path: string): FaultOutcome {
    const outcome: FaultOutcome = { delayMs: 0 };
    for (const rule of this.rules) {
      if (rule.remaining <= 0 || !matches(rule.pattern, path)) continue;
      if (rule.kind === 'latency') {
        outcome.delayMs += rule.ms ?? 0;
        rule.remaining--;
      } else if (!outcome.response) {
        rule.remaining--;
        outcome.response = rule.kind === 'rateLimit' ? rateLimited(rule.retryAfterSeconds ?? 1) : serverError(rule.status ?? 503);
      }
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return outcome;
  }
}

function matches(pattern: RegExp, path: string): boolean {
  pattern.lastIndex = 0; // tolerate /g and /y regexes
  return pattern.test(path);
}

function rateLimited(retryAfterSeconds: number): EmulatedResponse {
  return jiraError(
    429,
    [MESSAGES.rateLimited],
    {},
    {
      'Retry-After': String(retryAfterSeconds),
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': new Date(Date.now() + retryAfterSeconds * 1000).toISOString(),
      'RateLimit-Reason': 'jira-burst-based',
    },
  );
}

function serverError(status: number): EmulatedResponse {
  const message = status === 503 ? 'Service Unavailable' : status === 504 ? 'Gateway Timeout' : 'Internal server error';
  return jiraError(status, [message]);
}
