const MAX_TRACKED = 500;

export class WebhookReceiver {
  private delivered = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  private forgetExpired(now: number): void {
    for (const [id, at] of this.delivered) {
      if (now - at > this.windowMs) this.delivered.delete(id);
    }
  }

  private isNew(deliveryId: string): boolean {
    const now = Date.now();
    if (this.delivered.has(deliveryId)) return false;
    if (this.delivered.size >= MAX_TRACKED) this.forgetExpired(now);
    // The cleanup above removes only expired entries: drop the oldest until it is under the cap again.
    while (this.delivered.size >= MAX_TRACKED) {
      const oldest = this.delivered.keys().next().value;
      if (oldest === undefined) break;
      this.delivered.delete(oldest);
    }
    this.delivered.set(deliveryId, now);
    return true;
  }

  handleMessage(message: { id: string; body: string }, process: (body: string) => void): void {
    if (this.isNew(message.id)) process(message.body);
  }
}
