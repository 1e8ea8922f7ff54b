export class RpcClient {
  private sequence = 0;
  private pending = new Map<string, { resolve: (value: unknown) => void; timer: NodeJS.Timeout }>();

  call(send: (id: string) => void): Promise<unknown> {
    const id = String(this.sequence++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error('timeout'));
      }, 1000);
      this.pending.set(id, { resolve, timer });
      send(id);
    });
  }

  dispatchReply(reply: { id: string; body: unknown }): void {
    const entry = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    entry?.resolve(reply.body);
  }
}
