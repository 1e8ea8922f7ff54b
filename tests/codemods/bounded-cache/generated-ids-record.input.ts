import { randomUUID } from 'node:crypto';

type Reply = (body: string) => void;

export class Commands {
  private readonly pending: Record<string, Reply> = {};

  send(command: string, done: Reply): string {
    const id = randomUUID();
    this.pending[id] = done;
    return `${id} ${command}`;
  }

  receive(id: string, body: string): void {
    const reply = this.pending[id];
    if (reply) reply(body);
  }
}
