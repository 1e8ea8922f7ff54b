import type { IncomingMessage, ServerResponse } from 'node:http';

// The field's type is the interface's: an LRUCache in its place would not be a Map, so the Map stays
// and its oldest entry goes past the cap.
interface SessionStore {
  sessions: Map<string, string>;
  touch(id: string, user: string): void;
}

class MemorySessionStore implements SessionStore {
  sessions = new Map<string, string>();

  touch(id: string, user: string): void {
    this.sessions.set(id, user);
    if (this.sessions.size > 1000) this.sessions.delete(this.sessions.keys().next().value!);
  }
}

const store = new MemorySessionStore();

export function handle(req: IncomingMessage, res: ServerResponse): void {
  const id = req.headers['x-session'] ?? 'anonymous';
  store.touch(String(id), 'user');
  res.end(store.sessions.get(String(id)));
}
