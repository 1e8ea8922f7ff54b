import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Entries that end on only some of the ways their life can end: a collection declared weak but made
 * strong, deletes only on failure, on an expired read or when a caller names the key — and the shapes
 * next to them that do bound (a sweep in a loop, an eviction loop, a delete the file calls when an
 * entry ends, a timer sweep), which must stay quiet. Verdicts from syntax, so both modes agree.
 */
const valid = [
  {
    name: 'a field declared a WeakMap and made one is bounded by its keys',
    code: `
export class Blocker {
  private readonly contexts: WeakMap<object, { enabled: boolean }> = new WeakMap();
  enable(page: object): void {
    this.contexts.set(page, { enabled: true });
  }
}`,
  },
  {
    name: 'a lease cache that also sweeps expired leases in a loop is bounded',
    code: `
export class Worker {
  private readonly leases = new Map<string, { expiresAt: number }>();
  async serve(tenant: string, session: string, renew: () => Promise<{ expiresAt: number }>): Promise<void> {
    const key = tenant + ':' + session;
    try {
      this.leases.set(key, await renew());
    } catch {
      this.leases.delete(key);
    }
    for (const [other, lease] of this.leases) {
      if (lease.expiresAt < Date.now()) this.leases.delete(other);
    }
  }
}`,
  },
  {
    name: 'a queue drained in a loop deletes a different key on each turn',
    code: `
import { randomUUID } from 'node:crypto';
export class Jobs {
  private readonly jobs = new Map<string, () => void>();
  private readonly order: string[] = [];
  add(job: () => void): string {
    const id = randomUUID();
    this.jobs.set(id, job);
    this.order.push(id);
    return id;
  }
  drain(): void {
    while (this.order.length > 0) {
      const id = this.order.shift()!;
      this.jobs.get(id)?.();
      this.jobs.delete(id);
    }
  }
}`,
  },
  {
    name: 'peers deleted on a stopped announce and swept when stale are bounded',
    code: `
export class Swarm {
  private readonly peers: Record<string, { port: number; seen: number }> = {};
  announce(params: { peerId: string; port: number; event?: string }): void {
    if (params.event === 'stopped') {
      delete this.peers[params.peerId];
      return;
    }
    this.peers[params.peerId] = { port: params.port, seen: Date.now() };
  }
  sweep(): void {
    for (const id of Object.keys(this.peers)) {
      if (Date.now() - this.peers[id].seen > 60_000) delete this.peers[id];
    }
  }
}`,
  },
  {
    name: 'a delete under a status the code sets itself is no goodbye from a peer',
    code: `
import { randomUUID } from 'node:crypto';
export class Jobs {
  private readonly jobs = new Map<string, { status: string }>();
  start(): string {
    const id = randomUUID();
    this.jobs.set(id, { status: 'running' });
    return id;
  }
  finish(id: string): void {
    const job = this.jobs.get(id);
    if (job && job.status === 'running') this.jobs.delete(id);
  }
}`,
  },
  {
    name: 'a fresh hit returns first, and every write also sweeps the expired entries',
    code: `
export class ResponseCache {
  private responses: Record<string, { at: number; body: unknown }> = {};
  async get(fetcher: (...args: unknown[]) => Promise<unknown>, args: unknown[], ttlMs: number): Promise<unknown> {
    const key = JSON.stringify(args);
    const hit = this.responses[key];
    if (hit) {
      if (Date.now() - hit.at < ttlMs) return hit.body;
      delete this.responses[key];
    }
    const body = await fetcher(...args);
    for (const other of Object.keys(this.responses)) {
      if (Date.now() - this.responses[other].at >= ttlMs) delete this.responses[other];
    }
    this.responses[key] = { at: Date.now(), body };
    return body;
  }
}`,
  },
  {
    name: 'an eviction loop that tests the size deletes the oldest key',
    code: `
import { randomUUID } from 'node:crypto';
export class Recent {
  private readonly items = new Map<string, string>();
  remember(value: string): void {
    this.items.set(randomUUID(), value);
    while (this.items.size > 100) {
      const oldest = this.items.keys().next().value;
      if (oldest === undefined) break;
      this.items.delete(oldest);
    }
  }
}`,
  },
  {
    name: 'an LRU that only deletes a key to set it again, keyed by what callers pass, is a registry of their names',
    code: `
export class Ordered {
  private readonly values = new Map<string, number>();
  touch(name: string, value: number): void {
    this.values.delete(name);
    this.values.set(name, value);
  }
}`,
  },
  {
    name: 'a TTL store that also sweeps on a timer is bounded',
    code: `
export class SessionStore {
  private readonly sessions = new Map<string, { data: string; expiresAt: number }>();
  constructor() {
    setInterval(() => {
      for (const [sid, session] of this.sessions) if (session.expiresAt < Date.now()) this.sessions.delete(sid);
    }, 60_000).unref();
  }
  set(sid: string, data: string): void {
    this.sessions.set(sid, { data, expiresAt: Date.now() + 60_000 });
  }
  get(sid: string): string | undefined {
    const session = this.sessions.get(sid);
    if (session && session.expiresAt < Date.now()) {
      this.sessions.delete(sid);
      return undefined;
    }
    return session?.data;
  }
  destroy(sid: string): void {
    this.sessions.delete(sid);
  }
}`,
  },
  {
    name: 'a TTL store whose delete the file calls when each connection closes ends every entry',
    code: `
import type { WebSocket } from 'ws';
export class Presence {
  private readonly seen = new Map<string, number>();
  track(id: string, socket: WebSocket): void {
    this.seen.set(id, Date.now());
    socket.once('close', () => this.forget(id));
  }
  lastSeen(id: string): number | undefined {
    const at = this.seen.get(id);
    if (at !== undefined && Date.now() - at > 60_000) {
      this.seen.delete(id);
      return undefined;
    }
    return at;
  }
  forget(id: string): void {
    this.seen.delete(id);
  }
}`,
  },
  {
    name: 'expired entries swept through a helper method in a loop are bounded',
    code: `
export class Cache {
  private readonly items = new Map<string, { value: string; expiresAt: number }>();
  set(key: string, value: string): void {
    this.items.set(key, { value, expiresAt: Date.now() + 1000 });
    for (const [other, item] of this.items) {
      if (item.expiresAt < Date.now()) this.remove(other);
    }
  }
  get(key: string): string | undefined {
    const item = this.items.get(key);
    if (item && item.expiresAt < Date.now()) {
      this.items.delete(key);
      return undefined;
    }
    return item?.value;
  }
  remove(key: string): void {
    this.items.delete(key);
  }
}`,
  },
  {
    name: 'an exported factory whose closure registers the names its callers give is a registry',
    code: `
export function createRegistry() {
  const handlers = new Map<string, (body: string) => string>();
  return {
    register(name: string, handler: (body: string) => string): void {
      handlers.set(name, handler);
    },
    dispatch(name: string, body: string): string | undefined {
      return handlers.get(name)?.(body);
    },
  };
}`,
  },
  {
    name: 'an exported factory whose store expires entries on reads and sweeps on every write is bounded',
    code: `
export function memoryStore(ttl: number) {
  const records = new Map<string, { at: number }>();
  return {
    get(key: string) {
      const record = records.get(key);
      if (record && Date.now() - record.at > ttl) {
        records.delete(key);
        return undefined;
      }
      return record;
    },
    put(key: string) {
      for (const [other, record] of records) if (Date.now() - record.at > ttl) records.delete(other);
      records.set(key, { at: Date.now() });
    },
  };
}`,
  },
  {
    name: "pending changes a peer answers, removed for that peer when it leaves, are bounded",
    code: `
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
export class Bridge {
  private readonly pending = new Map<string, { ws: WebSocket; text: string }>();
  propose(ws: WebSocket, text: string): string {
    const id = randomUUID();
    this.pending.set(id, { ws, text });
    ws.send(JSON.stringify({ id, text }));
    ws.on('close', () => {
      for (const [other, change] of this.pending) if (change.ws === ws) this.pending.delete(other);
    });
    return id;
  }
  onAnswer(message: { id: string }): void {
    this.pending.delete(message.id);
  }
}`,
  },
  {
    name: "a pending map whose peer's close handler calls the method that removes its request is bounded",
    code: `
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
export class Bridge {
  private readonly pending = new Map<string, string>();
  private readonly requestOf = new WeakMap<WebSocket, string>();
  ask(ws: WebSocket, text: string): void {
    const id = randomUUID();
    this.pending.set(id, text);
    this.requestOf.set(ws, id);
    ws.on('close', () => this.abandon(ws));
  }
  onAnswer(message: { id: string }): void {
    this.pending.delete(message.id);
  }
  private abandon(ws: WebSocket): void {
    const id = this.requestOf.get(ws);
    if (id !== undefined) this.pending.delete(id);
  }
}`,
  },
  {
    name: 'a pending map answered by a peer, in a class that never sees a peer leave, is taken as complete',
    code: `
import { randomUUID } from 'node:crypto';
export class Bridge {
  private readonly pending = new Map<string, string>();
  propose(send: (message: string) => void, text: string): string {
    const id = randomUUID();
    this.pending.set(id, text);
    send(JSON.stringify({ id, text }));
    return id;
  }
  onAnswer(message: { id: string }): void {
    this.pending.delete(message.id);
  }
}`,
  },
  {
    name: 'sessions made at login and deleted at logout, also swept by a timer for idle ones',
    code: `
import express from 'express';
import { randomUUID } from 'node:crypto';
const app = express();
const sessions = new Map<string, { user: string; seenAt: number }>();
app.post('/login', (req, res) => {
  const token = randomUUID();
  sessions.set(token, { user: String(req.body.user), seenAt: Date.now() });
  res.json({ token });
});
app.post('/logout', (req, res) => {
  sessions.delete(String(req.body.token));
  res.end();
});
setInterval(() => {
  for (const [token, session] of sessions) if (Date.now() - session.seenAt > 3_600_000) sessions.delete(token);
}, 60_000).unref();
app.listen(0);`,
  },
  {
    name: 'an upload made per request and deleted when the same request ends, whatever happens',
    code: `
import express from 'express';
import { randomUUID } from 'node:crypto';
const app = express();
const uploads = new Map<string, { bytes: number }>();
app.post('/upload', (req, res) => {
  const id = randomUUID();
  uploads.set(id, { bytes: 0 });
  req.on('data', (chunk: Buffer) => {
    const upload = uploads.get(id);
    if (upload) upload.bytes += chunk.length;
  });
  req.on('close', () => uploads.delete(id));
  res.json({ id });
});
app.get('/upload/:id', (req, res) => {
  res.json(uploads.get(req.params.id) ?? null);
});
app.listen(0);`,
  },
];

const invalid = [
  {
    name: 'a field declared a WeakMap but made a Map keeps every key it was given',
    code: `
export class Blocker {
  private readonly contexts: WeakMap<object, { enabled: boolean }> = new Map();
  enable(page: object): void {
    this.contexts.set(page, { enabled: true });
  }
  disable(page: object): void {
    this.contexts.delete(page);
  }
}`,
    errors: [{ messageId: 'strongCollectionDeclaredWeak' as const, line: 3 }],
  },
  {
    name: 'a module-level set declared a WeakSet but made a Set',
    code: `
const handled: WeakSet<object> = new Set();
export function handle(event: object): boolean {
  if (handled.has(event)) return false;
  handled.add(event);
  return true;
}`,
    errors: [{ messageId: 'strongCollectionDeclaredWeak' as const, line: 2 }],
  },
  {
    name: 'a lease cache pruned only when a quota is denied or a renewal fails keeps every lease that went well',
    code: `
export class Worker {
  private readonly leases = new Map<string, { token: string }>();
  async serve(tenant: string, session: string, next: () => Promise<boolean>, reserve: () => Promise<void>): Promise<void> {
    const key = tenant + ':' + session;
    while (true) {
      if (!(await next())) break;
      try {
        await reserve();
      } catch {
        this.leases.delete(key);
        return;
      }
      this.leases.set(key, { token: session });
    }
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 3 }],
  },
  {
    name: 'a session store that expires sessions only when they are read again, or destroyed by name',
    code: `
export class SessionStore {
  private readonly sessions = new Map<string, { data: string; expiresAt: number }>();
  set(sid: string, data: string): void {
    this.sessions.set(sid, { data, expiresAt: Date.now() + 60_000 });
  }
  get(sid: string): string | undefined {
    const session = this.sessions.get(sid);
    if (session && session.expiresAt < Date.now()) {
      this.sessions.delete(sid);
      return undefined;
    }
    return session?.data;
  }
  destroy(sid: string): void {
    this.sessions.delete(sid);
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 3 }],
  },
  {
    name: "an exported factory's store that expires records only on reads",
    code: `
export function memoryStore(ttl: number) {
  const records = new Map<string, { at: number }>();
  return {
    get(key: string) {
      const record = records.get(key);
      if (record && Date.now() - record.at > ttl) {
        records.delete(key);
        return undefined;
      }
      return record;
    },
    put(key: string) {
      records.set(key, { at: Date.now() });
    },
    delete(key: string) {
      records.delete(key);
    },
  };
}`,
    errors: [{ messageId: 'unboundedClosureCache' as const, line: 3 }],
  },
  {
    name: "a cache whose expiry runs through a helper only when a key is read again, keyed by an options bag's key",
    code: `
export class PageStore {
  private readonly pages: Record<string, { html: string; savedAt: number; ttlMs: number }> = {};
  save(options: { key: string; html: string; ttlMs: number }): void {
    this.pages[options.key] = { html: options.html, savedAt: Date.now(), ttlMs: options.ttlMs };
  }
  load(key: string): string | undefined {
    const page = this.pages[key];
    if (!page) return undefined;
    if (Date.now() - page.savedAt > page.ttlMs) {
      this.drop(key);
      return undefined;
    }
    return page.html;
  }
  drop(key: string): void {
    delete this.pages[key];
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 3 }],
  },
  {
    name: 'peers deleted only when their announce says stopped: peers that vanish stay',
    code: `
export class Swarm {
  private readonly peers: Record<string, { port: number }> = {};
  announce(params: { peerId: string; port: number; event?: string }): void {
    if (params.event === 'stopped') {
      delete this.peers[params.peerId];
      return;
    }
    this.peers[params.peerId] = { port: params.port };
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 3 }],
  },
  {
    name: 'subscriptions deleted only on an unsubscribe message: clients that disconnect keep theirs',
    code: `
import type { WebSocket } from 'ws';
const subscriptions = new Map<string, WebSocket>();
export function onMessage(ws: WebSocket, message: { type: string; topic: string }): void {
  switch (message.type) {
    case 'subscribe':
      subscriptions.set(message.topic, ws);
      break;
    case 'unsubscribe':
      subscriptions.delete(message.topic);
      break;
  }
}`,
    errors: [{ messageId: 'unboundedCache' as const, line: 3 }],
  },
  {
    name: 'an entry dropped only after a fresh hit has returned, when the same key is asked for again',
    code: `
export class ResponseCache {
  private responses: Record<string, { at: number; body: unknown }> = {};
  async get(fetcher: (...args: unknown[]) => Promise<unknown>, args: unknown[], ttlMs: number): Promise<unknown> {
    const key = JSON.stringify(args);
    const hit = this.responses[key];
    if (hit) {
      if (Date.now() - hit.at < ttlMs) return hit.body;
      delete this.responses[key];
    }
    const body = await fetcher(...args);
    this.responses[key] = { at: Date.now(), body };
    return body;
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 3 }],
  },
  {
    name: 'pending changes deleted only when a client answers, in a class that sees clients leave and keeps their entries',
    code: `
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
export class Bridge {
  private readonly clients = new Set<WebSocket>();
  private readonly pending = new Map<string, string>();
  connect(ws: WebSocket): void {
    this.clients.add(ws);
    ws.on('message', (data: string) => this.onAnswer(JSON.parse(data) as { id: string }));
    ws.on('close', () => this.clients.delete(ws));
  }
  propose(text: string): string {
    const id = randomUUID();
    this.pending.set(id, text);
    for (const client of this.clients) client.send(JSON.stringify({ id, text }));
    return id;
  }
  private onAnswer(message: { id: string }): void {
    this.pending.delete(message.id);
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 6 }],
  },
  {
    name: 'sessions made at login are deleted only when their client logs out',
    code: `
import express from 'express';
import { randomUUID } from 'node:crypto';
const app = express();
const sessions: Record<string, { user: string }> = {};
app.post('/login', (req, res) => {
  const token = randomUUID();
  sessions[token] = { user: String(req.body.user) };
  res.json({ token });
});
app.post('/logout', (req, res) => {
  delete sessions[String(req.body.token)];
  res.end();
});
app.listen(0);`,
    errors: [{ messageId: 'unboundedCache' as const, line: 5 }],
  },
  {
    name: 'job results kept under an id the submitting request made, deleted only when a client fetches them',
    code: `
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
const results = new Map<string, string>();
createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'POST') {
    const id = randomUUID();
    results.set(id, 'pending');
    res.end(id);
    return;
  }
  const id = url.searchParams.get('id') ?? '';
  res.end(results.get(id) ?? 'unknown');
}).listen(0);
export function collect(req: { query: { id: string } }, res: { json(body: unknown): void }): void {
  res.json(results.get(req.query.id));
  results.delete(req.query.id);
}`,
    errors: [{ messageId: 'unboundedCache' as const, line: 4 }],
  },
];

typedRuleTester().run('no-unbounded-cache (entries that end on only some paths, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (entries that end on only some paths, untyped)', rule, { valid, invalid });
