import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Shrinking that bounds nothing (issue 10, item 5) and collections a server's handler keeps: a delete
 * on one completion path, an age-only cleanup behind a size cap, a delete of the key read after it
 * expired — and the shapes that do bound, which must stay quiet. Verdicts from syntax, so both modes agree.
 */
const valid = [
  {
    name: 'a registry whose callers name both the keys they add and the keys they remove is bounded by them',
    code: `
const handlers = new Map<string, () => void>();
export function register(name: string, handler: () => void) {
  handlers.set(name, handler);
}
export function unregister(name: string) {
  handlers.delete(name);
}`,
  },
  {
    name: 'a per-request map whose delete runs when the response finishes is bounded by the requests in flight',
    code: `
import express from 'express';
const inFlight = new Map<string, number>();
const app = express();
app.get('/jobs/:id', (req, res) => {
  inFlight.set(req.params.id, Date.now());
  res.on('finish', () => inFlight.delete(req.params.id));
  res.send('ok');
});
export function forget(id: string) {
  inFlight.delete(id);
}`,
  },
  {
    name: 'a timeout delete whose answer also deletes the entry is bounded',
    code: `
export class HubClient {
  private count = 0;
  private requests: Record<string, (error: string | undefined, result: unknown) => void> = {};
  request(method: string, post: (message: string) => void): Promise<unknown> {
    this.count++;
    const req = { id: 'hub:' + this.count, method };
    return new Promise((resolve, reject) => {
      const timeout = setTimeout(() => {
        delete this.requests[req.id];
        reject(new Error('timeout'));
      }, 3000);
      this.requests[req.id] = (error, result) => {
        clearTimeout(timeout);
        if (error) reject(new Error(error));
        else resolve(result);
      };
      post(JSON.stringify(req));
    });
  }
  onMessage(data: { id: string; error?: string; result?: unknown }): void {
    this.requests[data.id]?.(data.error, data.result);
    delete this.requests[data.id];
  }
}`,
  },
  {
    name: 'a timeout delete that nothing cancels removes every entry',
    code: `
export class Waiters {
  private sequence = 0;
  private waiting = new Map<number, () => void>();
  wait(): Promise<void> {
    const id = this.sequence++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      setTimeout(() => {
        this.waiting.delete(id);
        resolve();
      }, 1000);
    });
  }
}`,
  },
  {
    name: 'a pending-request map deleted under its own id when the timer fires is bounded',
    code: `
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
  onReply(reply: { id: string; body: unknown }): void {
    const entry = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    entry?.resolve(reply.body);
  }
}`,
  },
  {
    name: 'a pending map answered by replies and cleared when the connection closes is bounded',
    code: `
export class Bridge {
  private pending = new Map<string, string>();
  propose(change: string): string {
    const id = crypto.randomUUID();
    this.pending.set(id, change);
    return id;
  }
  onAnswer(message: { id: string }): void {
    this.pending.delete(message.id);
  }
  onClose(): void {
    this.pending.clear();
  }
}`,
  },
  {
    name: 'a size cap that evicts the oldest entries after the age-only cleanup is a bound',
    code: `
const MAX = 1000;
export class Dedup {
  private seen = new Map<string, number>();
  private cleanup(now: number): void {
    for (const [id, at] of this.seen) if (now - at > 60_000) this.seen.delete(id);
  }
  onMessage(message: { id: string }): boolean {
    const now = Date.now();
    if (this.seen.has(message.id)) return true;
    if (this.seen.size >= MAX) {
      this.cleanup(now);
      while (this.seen.size >= MAX) {
        const oldest = this.seen.keys().next().value;
        if (oldest === undefined) break;
        this.seen.delete(oldest);
      }
    }
    this.seen.set(message.id, now);
    return false;
  }
}`,
  },
  {
    name: 'an age-only sweep on a timer bounds the collection',
    code: `
const seen = new Map<string, number>();
setInterval(() => {
  const now = Date.now();
  for (const [id, at] of seen) if (now - at > 60_000) seen.delete(id);
}, 10_000).unref();
export function onMessage(message: { id: string }): void {
  seen.set(message.id, Date.now());
}`,
  },
  {
    name: "connections a server's handler tracks and removes when each closes are bounded",
    code: `
import { WebSocketServer, type WebSocket } from 'ws';
export function createListener() {
  const server = new WebSocketServer({ port: 0 });
  const connections: WebSocket[] = [];
  server.on('connection', (socket: WebSocket) => {
    connections.push(socket);
    socket.once('close', () => connections.splice(connections.indexOf(socket), 1));
  });
  return { close: () => connections.forEach((socket) => socket.close()) };
}`,
  },
  {
    name: 'pending requests deleted wherever their waiter is settled are bounded',
    code: `
export class Requests {
  private pending: { [id: string]: { resolve: (value: unknown) => void } } = {};
  private next = 0;
  send(): Promise<unknown> {
    const id = String(++this.next);
    return new Promise((resolve) => {
      this.pending[id] = { resolve };
    });
  }
  answer(id: string, value: unknown): void {
    const waiter = this.pending[id];
    if (!waiter) return;
    delete this.pending[id];
    waiter.resolve(value);
  }
  settleAll(ids: string[]): void {
    for (const id of ids) {
      const waiter = this.pending[id];
      if (!waiter) continue;
      waiter.resolve(undefined);
      delete this.pending[id];
    }
  }
}
export const requests = new Requests();`,
  },
  {
    name: 'entries settled in a function that hands the key to a helper (which may delete them) are not judged',
    code: `
export class Requests {
  private pending = new Map<string, { resolve: (value: unknown) => void }>();
  private next = 0;
  send(): Promise<unknown> {
    const id = String(++this.next);
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
    });
  }
  answer(id: string, value: unknown): void {
    const waiter = this.pending.get(id);
    if (!waiter) return;
    this.pending.delete(id);
    waiter.resolve(value);
  }
  settleAll(ids: string[]): void {
    for (const id of ids) {
      const waiter = this.pending.get(id);
      if (waiter) waiter.resolve(undefined);
      this.finish(id);
    }
  }
  private finish(id: string): void {
    this.pending.delete(id);
  }
}
export const requests = new Requests();`,
  },
  {
    name: "rooms a connection's message listener fills and its close listener deletes are bounded",
    code: `
import { WebSocketServer, type WebSocket } from 'ws';
export function createRooms() {
  const server = new WebSocketServer({ port: 0 });
  const members: Record<string, WebSocket> = {};
  server.on('connection', (socket: WebSocket) => {
    let name = '';
    socket.on('message', (data) => {
      name = String(data);
      members[name] = socket;
    });
    socket.on('close', () => {
      delete members[name];
    });
  });
  return server;
}`,
  },
  {
    name: 'entries under fresh ids deleted when the peer answers, with no other end armed, are complete',
    code: `
import { randomUUID } from 'node:crypto';
export class Bridge {
  private pending = new Map<string, string>();
  propose(change: string): string {
    const id = randomUUID();
    this.pending.set(id, change);
    return id;
  }
  onAnswer(message: { id: string }): void {
    this.pending.delete(message.id);
  }
}`,
  },
  {
    name: 'a class of unknown lifetime that removes each connection when it closes',
    code: `
import type { WebSocket } from 'ws';
export class Room {
  private sockets = new Set<WebSocket>();
  join(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
  }
}`,
  },
  {
    name: 'a class of unknown lifetime keyed by its callers\' arguments, with no end it listens for, is not judged',
    code: `
export class PathMapper {
  private paths = new Map<string, string>();
  addMapping(name: string, target: string): void {
    this.paths.set(name, target);
  }
}`,
  },
  {
    name: 'an in-flight map that forgets a lookup when it settles, whichever way',
    code: `
import express from 'express';
const inFlight = new Map<string, Promise<string>>();
declare function fetchProfile(id: string): Promise<string>;
const app = express();
app.get('/profiles/:id', async (req, res) => {
  const id = req.params.id;
  let pending = inFlight.get(id);
  if (!pending) {
    pending = fetchProfile(id);
    inFlight.set(id, pending);
    pending.catch(() => undefined).finally(() => inFlight.delete(id));
  }
  res.send(await pending);
});`,
  },
  {
    name: 'pending requests deleted by the reply and by their timeout, and cleared when the communicator stops',
    code: `
import { randomUUID } from 'node:crypto';
export class Rpc {
  private readonly pending = new Map<string, { resolve: (body: string) => void; timer: NodeJS.Timeout }>();
  request(body: string, send: (id: string, body: string) => void): Promise<string> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      this.registerRequest(id, resolve, reject);
      send(id, body);
    });
  }
  onReply(id: string, body: string): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(id);
    entry.resolve(body);
  }
  private registerRequest(id: string, resolve: (body: string) => void, reject: (error: Error) => void): void {
    const timer = setTimeout(() => {
      this.pending.delete(id);
      reject(new Error('timed out'));
    }, 5000);
    this.pending.set(id, { resolve, timer });
  }
  stop(): void {
    this.pending.clear();
  }
}`,
  },
];

const invalid = [
  {
    name: 'a module map filled with request URLs whose only delete is an API function nothing here calls',
    code: `
const redirects: Record<string, string> = {};
export function remember() {
  return (req: { originalUrl: string }, res: { redirect(url: string): void }, next: () => void) => {
    const cached = redirects[req.originalUrl];
    if (cached) return res.redirect(cached);
    res.redirect = (url: string) => {
      redirects[req.originalUrl] = url;
    };
    next();
  };
}
module.exports.removeRedirect = function (url: string) {
  delete redirects[url];
};`,
    errors: [{ messageId: 'unboundedCache' as const, line: 2 }],
  },
  {
    name: 'a timeout delete that the answer cancels with clearTimeout: every answered request stays',
    code: `
export class HubClient {
  private count = 0;
  private requests: Record<string, (error: string | undefined, result: unknown) => void> = {};
  request(method: string, post: (message: string) => void): Promise<unknown> {
    this.count++;
    const req = { id: 'hub:' + this.count, method };
    return new Promise((resolve, reject) => {
      const timeout = setTimeout(() => {
        delete this.requests[req.id];
        reject(new Error('timeout'));
      }, 3000);
      this.requests[req.id] = (error, result) => {
        clearTimeout(timeout);
        if (error) reject(new Error(error));
        else resolve(result);
      };
      post(JSON.stringify(req));
    });
  }
  onMessage(data: { id: string; error?: string; result?: unknown }): void {
    this.requests[data.id]?.(data.error, data.result);
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 4 }],
  },
  {
    name: 'a timer kept in the entry and cleared on the reply, which forgets the entry',
    code: `
export class Rpc {
  private next = 0;
  private pending = new Map<number, { resolve: (body: unknown) => void; timer: ReturnType<typeof setTimeout> }>();
  call(send: (id: number) => void): Promise<unknown> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve,
        timer: setTimeout(() => {
          this.pending.delete(id);
          reject(new Error('timeout'));
        }, 5000),
      });
      send(id);
    });
  }
  onReply(reply: { id: number; body: unknown }): void {
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.resolve(reply.body);
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 4 }],
  },
  {
    name: 'a pending-request map deleted only when a reply names the id: a timed-out request stays',
    code: `
export class RpcClient {
  private sequence = 0;
  private pending = new Map<string, { resolve: (value: unknown) => void; timer: NodeJS.Timeout }>();
  call(send: (id: string) => void): Promise<unknown> {
    const id = String(this.sequence++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timeout')), 1000);
      this.pending.set(id, { resolve, timer });
      send(id);
    });
  }
  dispatchReply(reply: { id: string; body: unknown }): void {
    const entry = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    entry?.resolve(reply.body);
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 4 }],
  },
  {
    name: 'a size cap whose cleanup only deletes entries older than a window',
    code: `
const MAX = 1000;
export class Dedup {
  private seen = new Map<string, number>();
  private cleanup(now: number): void {
    for (const [id, at] of this.seen) if (now - at > 60_000) this.seen.delete(id);
  }
  onMessage(message: { id: string }): boolean {
    const now = Date.now();
    if (this.seen.has(message.id)) return true;
    if (this.seen.size >= MAX) this.cleanup(now);
    this.seen.set(message.id, now);
    return false;
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 4 }],
  },
  {
    name: 'a module-level cache instance that deletes only keys read after they expired',
    code: `
export class TtlCache {
  private entries = new Map<string, { value: unknown; expiry: number }>();
  get(key: string): unknown {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiry <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }
  set(key: string, value: unknown): void {
    this.entries.set(key, { value, expiry: Date.now() + 60_000 });
  }
}
export const cache = new TtlCache();`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 3 }],
  },
  {
    name: "connections a server's handler pushes and never removes",
    code: `
import { WebSocketServer, type WebSocket } from 'ws';
export function createListener() {
  const server = new WebSocketServer({ port: 0 });
  const connections: WebSocket[] = [];
  server.on('connection', (socket: WebSocket) => {
    connections.push(socket);
  });
  return { close: () => connections.forEach((socket) => socket.close()) };
}`,
    errors: [{ messageId: 'unboundedClosureCache' as const, line: 5 }],
  },
  {
    name: 'pending requests deleted when answered but settled without a delete elsewhere',
    code: `
export class Requests {
  private pending: { [id: string]: { resolve: (value: unknown) => void } } = {};
  private next = 0;
  send(): Promise<unknown> {
    const id = String(++this.next);
    return new Promise((resolve) => {
      this.pending[id] = { resolve };
    });
  }
  answer(id: string, value: unknown): void {
    const waiter = this.pending[id];
    if (!waiter) return;
    delete this.pending[id];
    waiter.resolve(value);
  }
  settleAll(ids: string[]): void {
    for (const id of ids) {
      const waiter = this.pending[id];
      if (waiter) waiter.resolve(undefined);
    }
  }
}
export const requests = new Requests();`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 3 }],
  },
  {
    name: "rooms a listener registered by a server's connection handler fills and never empties",
    code: `
import { WebSocketServer, type WebSocket } from 'ws';
export function createRooms() {
  const server = new WebSocketServer({ port: 0 });
  const rooms: Record<string, WebSocket[]> = {};
  server.on('connection', (socket: WebSocket) => {
    socket.on('message', (data) => {
      const room = String(data);
      rooms[room] = rooms[room] ?? [];
      rooms[room].push(socket);
    });
  });
  return server;
}`,
    errors: [{ messageId: 'unboundedClosureCache' as const, line: 5 }],
  },
  {
    name: 'a class of unknown lifetime that listens for each connection\'s close but never removes it',
    code: `
import type { WebSocket } from 'ws';
export class Room {
  private sockets = new Set<WebSocket>();
  private members: string[] = [];
  join(name: string, ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.leave(name));
  }
  private leave(name: string): void {
    this.members = this.members.filter((member) => member !== name);
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 4 }],
  },
  {
    name: 'a promise cache that forgets only the lookups that failed keeps every one that succeeded',
    code: `
import express from 'express';
const profiles = new Map<string, Promise<string>>();
declare function fetchProfile(id: string): Promise<string>;
const app = express();
app.get('/profiles/:id', async (req, res) => {
  const id = req.params.id;
  let pending = profiles.get(id);
  if (!pending) {
    pending = fetchProfile(id);
    profiles.set(id, pending);
    pending.catch(() => profiles.delete(id));
  }
  res.send(await pending);
});`,
    errors: [{ messageId: 'unboundedCache' as const, line: 3 }],
  },
  {
    name: 'a cache pruned only in a catch clause',
    code: `
import express from 'express';
const sessions = new Map<string, { token: string }>();
declare function verify(token: string): Promise<void>;
const app = express();
app.post('/sessions/:id', async (req, res) => {
  const id = req.params.id;
  sessions.set(id, { token: String(req.body) });
  try {
    await verify(String(req.body));
    res.sendStatus(204);
  } catch {
    sessions.delete(id);
    res.sendStatus(401);
  }
});`,
    errors: [{ messageId: 'unboundedCache' as const, line: 3 }],
  },
  {
    name: 'pending requests deleted only by the reply: the clear when the communicator stops bounds nothing while it runs',
    code: `
import { randomUUID } from 'node:crypto';
export class Rpc {
  private readonly pending = new Map<string, { resolve: (body: string) => void; timer: NodeJS.Timeout }>();
  request(body: string, send: (id: string, body: string) => void): Promise<string> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      this.registerRequest(id, resolve, reject);
      send(id, body);
    });
  }
  onReply(id: string, body: string): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(id);
    entry.resolve(body);
  }
  private registerRequest(id: string, resolve: (body: string) => void, reject: (error: Error) => void): void {
    const timer = setTimeout(() => reject(new Error('timed out')), 5000);
    this.pending.set(id, { resolve, timer });
  }
  stop(): void {
    this.pending.clear();
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 4 }],
  },
];

typedRuleTester().run('no-unbounded-cache (shrinking that bounds nothing, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (shrinking that bounds nothing, untyped)', rule, { valid, invalid });
