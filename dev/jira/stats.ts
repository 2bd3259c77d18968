/** Call counts per endpoint, keyed `METHOD /path/{template}`. */
export class CallStats {
  private counts = new Map<string, number>();
  private inFlight = 0;
  private peak = 0;

  /** A request started being served (answered after any injected latency): counts toward the in-flight peak. */
  begin(): void {
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
  }

  end(): void {
    this.inFlight--;
  }

  /** Most requests in flight at once since the last reset. */
  maxInFlight(): number {
    return this.peak;
  }

  record(endpoint: string): void {
    this.counts.set(endpoint, (this.counts.get(endpoint) ?? 0) + 1);
  }

  /** A snapshot: endpoint → number of calls since the last reset. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  reset(): void {
    this.counts.clear();
    this.peak = this.inFlight;
  }
}
