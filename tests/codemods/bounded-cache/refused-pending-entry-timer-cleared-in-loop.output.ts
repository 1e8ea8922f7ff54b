import { randomUUID } from 'node:crypto';

interface Pending {
  resolve: (reply: string) => void;
  timer: ReturnType<typeof setTimeout>;
}

// `cancelAll` clears every timer but keeps the entries, and no look-up says which key it clears:
// a person decides whether cancelling forgets the requests.
/* leakguard-todo(bounded-cache): its entries are pending requests that only their timeout deletes: `clearTimeout(entry.timer)` clears a timer whose entry is not looked up in `this.pending` there; delete the entry where it is answered too */
export class Rpc {
  private readonly pending = new Map<string, Pending>();

  call(send: (id: string) => void): Promise<string> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve,
        timer: setTimeout(() => {
          this.pending.delete(id);
          reject(new Error('timed out'));
        }, 5000),
      });
      send(id);
    });
  }

  cancelAll(): void {
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.resolve('cancelled');
    }
  }
}
