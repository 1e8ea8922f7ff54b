import { randomUUID } from 'node:crypto';

// The timeout deletes a pending call; the reply only cancels the timeout, so every call answered in
// time stayed. The same deletion now follows the `clearTimeout`.
export class RpcClient {
  private readonly pending: Record<string, (reply: string) => void> = {};

  constructor(private readonly send: (id: string, body: string) => void) {}

  call(body: string, ms = 5000): Promise<string> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        delete this.pending[id];
        reject(new Error('timed out'));
      }, ms);
      this.pending[id] = (reply) => {
        clearTimeout(timer);
        delete this.pending[id];
        resolve(reply);
      };
      this.send(id, body);
    });
  }

  onReply(id: string, reply: string): void {
    this.pending[id]?.(reply);
  }
}
