import { randomUUID } from 'node:crypto';

interface Pending {
  resolve: (reply: string) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

// A reply removes its request; a request that times out stays for good.
export class ReplyRouter {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly send: (id: string, body: string) => void) {}

  request(body: string, timeoutMs: number): Promise<string> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no reply to ${id} in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.send(id, body);
    });
  }

  onReply(id: string, reply: string): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(reply);
  }
}

export const router = new ReplyRouter((id, body) => process.stdout.write(`${id} ${body}\n`));
