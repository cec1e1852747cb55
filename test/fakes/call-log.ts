// Counts every call that reaches Google, by method, and the size of what each read brought back: the call
// counts and the bytes read are the performance figures of the Google side. Each fake service (Sheets,
// SpreadsheetApp, LockService, Drive, DocumentApp, Utilities…) takes one.
export class CallLog {
  private readonly counts = new Map<string, number>();
  private readonly sizes = new Map<string, number>();
  /** Every call in order, for tests that care about the sequence. */
  readonly sequence: string[] = [];

  private readonly listeners: ((method: string) => void)[] = [];

  hit(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    this.sequence.push(method);
    for (const listen of this.listeners) listen(method);
  }

  /**
   * What a read call returned, as the length of its JSON (`JSON.stringify(response).length`, the response as the
   * REST API would send it): a figure of its own, beside the calls, because one call can bring back megabytes.
   */
  received(method: string, response: unknown): number {
    const size = JSON.stringify(response ?? null).length;
    this.sizes.set(method, (this.sizes.get(method) ?? 0) + size);
    return size;
  }

  /**
   * Milliseconds the fakes spent being Google (building a read's answer, applying a batch): not the script's own
   * time, which the bench measures as the wall time less this.
   */
  fakeMs = 0;

  /** Runs `fn` as Google's side of a call: its time goes to `fakeMs`. */
  asGoogle<T>(fn: () => T): T {
    const start = performance.now();
    try {
      return fn();
    } finally {
      this.fakeMs += performance.now() - start;
    }
  }

  /** Called at every call, whatever resets happen (the fake clock adds up latencies this way). */
  listen(fn: (method: string) => void): void {
    this.listeners.push(fn);
  }

  count(method?: string): number {
    if (method === undefined) return this.sequence.length;
    return this.counts.get(method) ?? 0;
  }

  /** Characters of JSON the read calls returned since the last reset, of one method or of all. */
  bytes(method?: string): number {
    if (method !== undefined) return this.sizes.get(method) ?? 0;
    let total = 0;
    for (const n of this.sizes.values()) total += n;
    return total;
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  bytesByMethod(): Record<string, number> {
    return Object.fromEntries([...this.sizes].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.fakeMs = 0;
    this.counts.clear();
    this.sizes.clear();
    this.sequence.length = 0;
  }
}
