import { randomUUID } from 'node:crypto';

interface Pending {
  resolve: (reply: string) => void;
  timer: ReturnType<typeof setTimeout>;
}

// The timer lives in the entry; the reply handler clears it and resolves, but left the entry: it is
// now deleted there under the key the reply looked it up by.
export class Rpc {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly send: (id: string, body: string) => void) {}

  call(body: string): Promise<string> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve,
        timer: setTimeout(() => {
          this.pending.delete(id);
          reject(new Error('timed out'));
        }, 5000),
      });
      this.send(id, body);
    });
  }

  onReply(id: string, reply: string): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(id);
    entry.resolve(reply);
  }
}
