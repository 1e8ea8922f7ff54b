interface Waiter {
  resolve: (value?: unknown) => void;
  reject: (error: Error) => void;
}

// Replies delete their entry; notifications get no reply and are only settled here: the entry stays.
export class RequestManager {
  private pending: { [id: string]: Waiter } = {};

  add(id: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending[id] = { resolve, reject };
    });
  }

  settle(ids: string[], error?: Error): void {
    for (const id of ids) {
      const waiter = this.pending[id];
      if (waiter === undefined) continue;
      if (error) {
        waiter.reject(error);
        delete this.pending[id];
        continue;
      }
      waiter.resolve();
      delete this.pending[id];
    }
  }

  reply(id: string, result: unknown): void {
    const waiter = this.pending[id];
    if (!waiter) return;
    delete this.pending[id];
    waiter.resolve(result);
  }
}

export const manager = new RequestManager();
