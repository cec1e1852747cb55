// Counts every call that reaches Google, by method: the call counts are the performance figures of the
// Google side. Each fake service (Sheets, SpreadsheetApp, LockService, later DriveApp/DocumentApp) takes one.
export class CallLog {
  private readonly counts = new Map<string, number>();
  /** Every call in order, for tests that care about the sequence. */
  readonly sequence: string[] = [];

  hit(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    this.sequence.push(method);
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
