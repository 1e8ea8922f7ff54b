import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';

type Reply = (body: string) => void;

export class Commands {
  private readonly pending: LRUCache<string, Reply> = new LRUCache<string, Reply>({ max: 1000 });

  send(command: string, done: Reply): string {
    const id = randomUUID();
    this.pending.set(id, done);
    return `${id} ${command}`;
  }

  receive(id: string, body: string): void {
    const reply = this.pending.get(id)!;
    if (reply) reply(body);
  }
}
