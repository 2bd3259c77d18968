/** Round-trip accounting for benchmarks: calls per path, bytes of values read and written. */
export class KvsStats {
  /** Calls per endpoint path, e.g. `{ '/api/v1/get': 3 }` (faulted calls included). */
  calls: Record<string, number> = {};
  totalCalls = 0;
  /** Calls answered with a non-2xx status, by error code. */
  errors: Record<string, number> = {};
  /** UTF-8 bytes of value JSON returned to the client. */
  bytesRead = 0;
  /** UTF-8 bytes of value JSON stored. */
  bytesWritten = 0;
  /** Largest value (JSON bytes) written since the last reset. */
  largestValueBytes = 0;

  recordCall(path: string): void {
    this.calls[path] = (this.calls[path] ?? 0) + 1;
    this.totalCalls += 1;
  }

  recordError(code: string): void {
    this.errors[code] = (this.errors[code] ?? 0) + 1;
  }

  recordRead(bytes: number): void {
    this.bytesRead += bytes;
  }

  recordWrite(bytes: number): void {
    this.bytesWritten += bytes;
    if (bytes > this.largestValueBytes) this.largestValueBytes = bytes;
  }

  reset(): void {
    this.calls = {};
    this.totalCalls = 0;
    this.errors = {};
    this.bytesRead = 0;
    this.bytesWritten = 0;
    this.largestValueBytes = 0;
  }
}
