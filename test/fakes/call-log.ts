// Counts every call that reaches Google, by method: the call counts are the performance figures of the
// Google side. Each fake service (Sheets, SpreadsheetApp, LockService, Drive, DocumentApp, Utilities…) takes one.
export class CallLog {
  private readonly counts = new Map<string, number>();
  /** Every call in order, for tests that care about the sequence. */
  readonly sequence: string[] = [];

  private readonly listeners: ((method: string) => void)[] = [];

  hit(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    this.sequence.push(method);
    for (const listen of this.listeners) listen(method);
  }

  /** Called at every call, whatever resets happen (the fake clock adds up latencies this way). */
  listen(fn: (method: string) => void): void {
    this.listeners.push(fn);
  }

  count(method?: string): number {
    if (method === undefined) return this.sequence.length;
    return this.counts.get(method) ?? 0;
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.sequence.length = 0;
  }
}
