/** The newest 64 session ids, with their slot in a ring. */
export class RecentSessions {
  private readonly slots: Array<string | undefined> = new Array(64);
  private readonly slotOf = new Map<string, number>();
  private readonly touchedAt: number[] = [];
  private next = 0;
  private filled = 0;

  touch(sessionId: string): void {
    if (this.slotOf.has(sessionId)) return;
    const evicted = this.slots[this.next];
    if (evicted !== undefined) this.slotOf.delete(evicted);
    this.slots[this.next] = sessionId;
    this.touchedAt[this.next] = Date.now();
    this.slotOf.set(sessionId, this.next);
    this.next = (this.next + 1) % this.slots.length;
    this.filled = Math.min(this.filled + 1, this.slots.length);
  }

  reset(): void {
    this.slots.fill(undefined);
    this.touchedAt.length = 0;
    this.next = 0;
    this.filled = 0;
    this.slotOf.clear();
  }
}
