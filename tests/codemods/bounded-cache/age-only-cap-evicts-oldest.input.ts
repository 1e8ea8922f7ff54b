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
    this.delivered.set(deliveryId, now);
    return true;
  }

  handleMessage(message: { id: string; body: string }, process: (body: string) => void): void {
    if (this.isNew(message.id)) process(message.body);
  }
}
