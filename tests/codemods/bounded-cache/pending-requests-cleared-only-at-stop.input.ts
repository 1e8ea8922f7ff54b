import { randomUUID } from 'node:crypto';

export class Rpc {
  private readonly pending = new Map<string, { resolve: (body: string) => void; timer: NodeJS.Timeout }>();

  request(body: string, send: (id: string, body: string) => void): Promise<string> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out')), 5000);
      this.pending.set(id, { resolve, timer });
      send(id, body);
    });
  }

  onReply(id: string, body: string): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(id);
    entry.resolve(body);
  }

  stop(): void {
    this.pending.clear();
  }
}
