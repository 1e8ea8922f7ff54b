import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Where keys come from, seen through callers in this module: calls on an instance the module makes
 * (`tracker.track(req.body.id)`), listeners registered by name, `var self = this` aliases.
 * Verdicts from syntax, so both modes agree.
 */
const valid = [
  {
    name: "a helper a service keeps in a field, called with names written in the program",
    code: `
function Injectable(): ClassDecorator {
  return () => undefined;
}
class Counters {
  private counts = new Map<string, number>();
  bump(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }
}
@Injectable()
export class MetricsService {
  private readonly counters = new Counters();
  handleRequest(): void {
    this.counters.bump('requests');
  }
}`,
  },
  {
    name: 'an instance made at load whose callers here pass names written in the program',
    code: `
class Registry {
  private handlers = new Map<string, () => void>();
  register(name: string, handler: () => void): void {
    this.handlers.set(name, handler);
  }
}
const registry = new Registry();
registry.register('boot', () => undefined);
registry.register('shutdown', () => undefined);
export function handlerCount(): number {
  return 1;
}`,
  },
  {
    name: 'a named listener whose entries are removed when the socket closes',
    code: `
import type { WebSocket } from 'ws';
export class Room {
  private lastSeen = new Map<string, number>();
  attach(ws: WebSocket, user: string): void {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { user: string };
      this.lastSeen.set(message.user, Date.now());
    };
    ws.on('message', onMessage);
    ws.on('close', () => this.lastSeen.delete(user));
  }
}`,
  },
  {
    name: 'keys refused unless another table already has them: at most as many entries as that table',
    code: `
const templates = require('./templates.json');
const compiled = {};
function compile(name) {
  if (!compiled[name]) {
    const source = templates[name];
    if (!source) throw new ReferenceError('Unknown template ' + name);
    compiled[name] = new Function('data', source);
  }
  return compiled[name];
}
exports.render = (name, data) => compile(name)(data);`,
  },
  {
    name: "one shared adapter per entry of a constant table of factories: calling the table's entry throws for any other key first",
    code: `
type Adapter = { publish(items: string[]): Promise<void> };
declare function makeAdapter(kind: string): Adapter;
const factories = {
  feature: () => makeAdapter('feature'),
  segment: () => makeAdapter('segment'),
};
const instances = new Map();
export function adapterFor(type: keyof typeof factories): Adapter {
  const cached = instances.get(type);
  if (cached) return cached;
  const adapter = factories[type]();
  instances.set(type, adapter);
  return adapter;
}`,
  },
  {
    name: 'a memo keyed by names every caller in this file writes out, though the function is exported too',
    code: `
import { createHash } from 'node:crypto';
const prefixes: Record<string, Buffer> = {};
export function taggedHash(tag: string, message: string): string {
  let prefix = prefixes[tag];
  if (prefix === undefined) {
    prefix = createHash('sha256').update(tag).digest();
    prefixes[tag] = prefix;
  }
  return createHash('sha256').update(prefix).update(message).digest('hex');
}
export function challenge(message: string): string {
  return taggedHash('BIP0340/challenge', message);
}
export const utils = { taggedHash };`,
  },
];

const invalid = [
  {
    name: "an optional call of a table's entry lets an unknown key through to the growth",
    code: `
type Adapter = { publish(items: string[]): Promise<void> };
declare function makeAdapter(kind: string): Adapter;
const factories: Record<string, (() => Adapter) | undefined> = { feature: () => makeAdapter('feature') };
const instances = new Map();
export function adapterFor(type: string): Adapter | undefined {
  const cached = instances.get(type);
  if (cached) return cached;
  const adapter = factories[type]?.();
  instances.set(type, adapter);
  return adapter;
}`,
    errors: [{ messageId: 'unboundedCache' as const, line: 5 }],
  },
  {
    name: 'a limiter kept in a private field, called from a request handler with the client address through a helper',
    code: `
import { createServer } from 'node:http';
class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();
  allow(key: string): boolean {
    const window = this.#windows.get(key);
    if (!window || Date.now() - window.start > 60_000) {
      this.#windows.set(key, { start: Date.now(), count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= 100;
  }
}
function addressOf(remote: string | undefined): string {
  return remote ?? 'unknown';
}
export class Relay {
  readonly #limiter = new RateLimiter();
  start(port: number): void {
    createServer((req, res) => {
      if (!this.#limiter.allow(addressOf(req.socket.remoteAddress))) res.statusCode = 429;
      res.end();
    }).listen(port);
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 4 }],
  },
  {
    name: 'a helper a DI service keeps in a field lives as long as the service, and its callers pass event data',
    code: `
function Injectable(): ClassDecorator {
  return () => undefined;
}
class Limiter {
  private hits = new Map<string, number>();
  hit(key: string): number {
    const count = (this.hits.get(key) ?? 0) + 1;
    this.hits.set(key, count);
    return count;
  }
}
@Injectable()
export class GatewayService {
  private readonly limiter = new Limiter();
  handleMessage(client: { id: string }, payload: { room: string }): boolean {
    return this.limiter.hit(client.id + ':' + payload.room) < 100;
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 6 }],
  },
  {
    name: 'an instance made at load whose method a route handler calls with request data',
    code: `
import express from 'express';
class Tracker {
  private seen = new Map<string, number>();
  track(id: string): void {
    this.seen.set(id, Date.now());
  }
}
const tracker = new Tracker();
const app = express();
app.post('/events', (req, res) => {
  tracker.track(String(req.body.id));
  res.end();
});
export default app;`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 4 }],
  },
  {
    name: 'a map keyed by what a named message listener receives, in a class of unknown lifetime',
    code: `
import type { WebSocket } from 'ws';
export class Room {
  private lastSeen = new Map<string, number>();
  attach(ws: WebSocket): void {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { user: string };
      this.lastSeen.set(message.user, Date.now());
    };
    ws.on('message', onMessage);
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 4 }],
  },
  {
    name: 'a check of the cache itself refuses nothing: every new name is stored',
    code: `
const compiled = {};
function compile(name, source) {
  if (!compiled[name]) {
    if (!source) throw new TypeError('no source');
    compiled[name] = new Function('data', source);
  }
  return compiled[name];
}
exports.render = (name, source, data) => compile(name, source)(data);`,
    errors: [{ messageId: 'unboundedCache' as const, line: 2 }],
  },
  {
    name: 'an exported memo that a request handler of this file calls with a query parameter',
    code: `
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
const prefixes: Record<string, Buffer> = {};
export function taggedHash(tag: string, message: string): string {
  let prefix = prefixes[tag];
  if (prefix === undefined) {
    prefix = createHash('sha256').update(tag).digest();
    prefixes[tag] = prefix;
  }
  return createHash('sha256').update(prefix).update(message).digest('hex');
}
taggedHash('boot', 'ready');
createServer((req, res) => {
  res.end(taggedHash(new URL(req.url ?? '/', 'http://localhost').searchParams.get('tag') ?? '', 'ping'));
}).listen(0);`,
    errors: [{ messageId: 'unboundedCache' as const, line: 4 }],
  },
];

typedRuleTester().run('no-unbounded-cache (key origins through callers in view, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (key origins through callers in view, untyped)', rule, { valid, invalid });
