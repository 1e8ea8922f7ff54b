import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

const typed = typedRuleTester();
const untyped = untypedRuleTester();

/**
 * Where a collection lives (instance fields, closures), which shrinks bound it, and where its keys
 * come from: verdicts that need no type information, so both modes must agree.
 */
const valid = [
  {
    name: 'a field of a class this file only makes per call is dropped with the instance',
    code: `
class Batch {
  private readonly rows = new Map<string, number>();
  add(id: string, value: number) {
    this.rows.set(id, value);
  }
  total() {
    return [...this.rows.values()].reduce((a, b) => a + b, 0);
  }
}
export function sum(rows: Array<[string, number]>): number {
  const batch = new Batch();
  for (const [id, value] of rows) batch.add(id, value);
  return batch.total();
}`,
  },
  {
    name: 'an exported class keyed by what its callers pass: its lifetime and key space are the callers’',
    code: `
export class Catalog {
  private readonly byName = new Map<string, { price: number }>();
  add(name: string, price: number) {
    this.byName.set(name, { price });
  }
}`,
  },
  {
    name: 'a registry the module keeps, keyed by the names its callers register',
    code: `
class HandlerRegistry {
  private readonly handlers = new Map<string, () => void>();
  register(name: string, handler: () => void): void {
    this.handlers.set(name, handler);
  }
}
export const registry = new HandlerRegistry();`,
  },
  {
    name: 'a DI service keyed by its configuration’s endpoints is a registry',
    code: `
function Injectable(): ClassDecorator {
  return () => undefined;
}
interface Endpoint { name: string; url: string }
@Injectable()
export class Upstreams {
  private readonly clients = new Map<string, string>();
  constructor(private readonly config: { endpoints: Endpoint[] }) {}
  refresh() {
    this.config.endpoints.forEach((endpoint) => {
      void fetch(endpoint.url).then(() => this.clients.set(endpoint.name, endpoint.url));
    });
  }
}`,
  },
  {
    name: 'a log-once set of messages its callers write (kysely’s logOnce)',
    code: `
const LOGGED_MESSAGES = new Set<string>();
export function logOnce(message: string): void {
  if (LOGGED_MESSAGES.has(message)) return;
  LOGGED_MESSAGES.add(message);
  console.log(message);
}`,
  },
  {
    name: 'a memo keyed by the names every caller in the file writes out',
    code: `
const statements = new Map<string, string>();
function statement(name: string): string {
  let text = statements.get(name);
  if (text === undefined) {
    text = 'SELECT ' + name;
    statements.set(name, text);
  }
  return text;
}
export const listJobs = () => statement('list_jobs');
export const addJob = () => statement('add_job');`,
  },
  {
    name: 'a memo of files read from disk by name is as large as the folder',
    code: `
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
const sqlCache = new Map<string, string>();
export function loadSql(file: string): string {
  let sql = sqlCache.get(file);
  if (sql === undefined) {
    sql = readFileSync(join(__dirname, 'sql', file), 'utf8');
    sqlCache.set(file, sql);
  }
  return sql;
}`,
  },
  {
    name: 'a factory called per call makes a closure that dies with the call',
    code: `
function counter() {
  const seen = new Set<string>();
  return (id: string) => seen.add(id).size;
}
export function distinct(ids: string[]): number {
  const count = counter();
  let last = 0;
  for (const id of ids) last = count(id);
  return last;
}`,
  },
  {
    name: 'a closure’s collection swept by a function it is handed to',
    code: `
function evictStale(store: Map<string, { resetAt: number }>, now: number) {
  for (const [key, bucket] of store) if (bucket.resetAt <= now) store.delete(key);
}
function createLimiter(windowMs: number) {
  const store = new Map<string, { resetAt: number }>();
  return (req: { ip: string }, res: unknown, next: () => void) => {
    evictStale(store, Date.now());
    store.set(req.ip, { resetAt: Date.now() + windowMs });
    next();
  };
}
export const limiter = createLimiter(60_000);`,
  },
  {
    name: 'a delete when the connection ends bounds a map keyed by connections',
    code: `
import * as net from 'node:net';
const peers = new Map<net.Socket, string[]>();
export const server = net.createServer((socket) => {
  peers.set(socket, []);
  socket.on('data', (chunk) => peers.get(socket)?.push(chunk.toString()));
  socket.on('close', () => peers.delete(socket));
  socket.on('data', () => peers.get(socket)?.splice(0));
});`,
  },
  {
    name: 'an exported class recording every event it handles in an array: a test double, as often as not',
    code: `
export class RecordingAddon {
  readonly events: Array<{ type: string }> = [];
  handleEvent(event: { type: string }): void {
    this.events.push(event);
  }
}`,
  },
  {
    name: 'a size check that refuses new entries when full bounds the map',
    code: `
const MAX = 10_000;
const seen = new Map<string, number>();
export function remember(id: string): void {
  if (seen.size >= MAX) return;
  seen.set(id, Date.now());
}`,
  },
  {
    name: 'a constructor filling its own field runs once per instance',
    code: `
export class Palette {
  private readonly colours = new Map<string, string>();
  constructor(names: string[]) {
    for (const name of names) this.colours.set(name, '#000');
  }
}
export const palette = new Palette(['red', 'green']);`,
  },
  {
    name: 'a DI service filling a table once, from its start-up hook through a private method (a locale table read from files)',
    code: `
import { readdirSync, readFileSync } from 'node:fs';
function Injectable(): ClassDecorator {
  return () => undefined;
}
@Injectable()
export class Translations {
  private readonly byLocale: Record<string, string> = {};
  onModuleInit() {
    this.loadAll();
  }
  translate(locale: string) {
    return this.byLocale[locale] ?? '';
  }
  private loadAll() {
    for (const file of readdirSync('locales')) {
      this.byLocale[this.localeOf(file)] = readFileSync(\`locales/\${file}\`, 'utf8');
    }
  }
  private localeOf(file: string) {
    return file.split('.')[1] ?? 'en';
  }
}`,
  },
];

const invalid = [
  {
    name: 'a cache the module keeps, keyed by what its callers ask for: named a cache, it holds results, not names',
    code: `
class MemoryCache {
  private readonly entries = new Map<string, string>();
  set(key: string, value: string): void {
    this.entries.set(key, value);
  }
  get(key: string): string | undefined {
    return this.entries.get(key);
  }
}
export const cache = new MemoryCache();`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 3 }],
  },
  {
    name: 'a field of an exported singleton grown with request data (hocuspocus’ throttle)',
    code: `
import type { IncomingMessage } from 'node:http';
class Throttle {
  connectionsByIp: Map<string, number[]> = new Map();
  private ipOf(request: IncomingMessage): string {
    return request.socket.remoteAddress ?? '';
  }
  onConnect(data: { request: IncomingMessage }): void {
    const ip = this.ipOf(data.request);
    const recent = this.connectionsByIp.get(ip) ?? [];
    recent.push(Date.now());
    this.connectionsByIp.set(ip, recent);
  }
}
export const throttle = new Throttle();`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 4, data: { name: 'this.connectionsByIp', collection: 'a Map', line: '12', where: '`onConnect`, which can run any number of times', operation: 'set', owner: 'Throttle', lifetime: 'an instance is made at module load and kept', removal: 'nothing ever removes entries' } }],
  },
  {
    name: 'a gateway’s field keyed by client addresses, cleaned for another map only',
    code: `
import type { IncomingMessage } from 'node:http';
export class ChatGateway {
  private readonly attempts = new Map<string, number>();
  private readonly addresses = new Map<string, string>();
  handleConnection(client: { id: string }, request: IncomingMessage): void {
    const ip = request.socket.remoteAddress ?? 'unknown';
    this.attempts.set(ip, (this.attempts.get(ip) ?? 0) + 1);
    this.addresses.set(client.id, ip);
  }
  handleDisconnect(client: { id: string }): void {
    this.addresses.delete(client.id);
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 4 }],
  },
  {
    name: 'a set grown from event payloads by a class that listens in its constructor',
    code: `
import { EventEmitter } from 'node:events';
export class FailureNotices {
  private readonly shown = new Set<string>();
  constructor(bus: EventEmitter, private readonly notify: (text: string) => void) {
    bus.on('failed', (event: { job: string; reason: string }) => this.onFailed(event));
  }
  private onFailed(event: { job: string; reason: string }): void {
    const key = event.job + ':' + event.reason;
    if (this.shown.has(key)) return;
    this.shown.add(key);
    this.notify(key);
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 4 }],
  },
  {
    name: 'callbacks kept under generated ids and never removed (node-esl’s execute)',
    code: `
import { randomUUID } from 'node:crypto';
export class Commands {
  private readonly pending: Record<string, (reply: string) => void> = {};
  send(command: string, done: (reply: string) => void): string {
    const id = randomUUID();
    this.pending[id] = done;
    return id + command;
  }
  receive(id: string, reply: string): void {
    this.pending[id]?.(reply);
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 4 }],
  },
  {
    name: 'an exported class keyed by the messages it handles lives as long as their stream',
    code: `
export class TypingIndicator {
  private readonly lastTyped = new Map<string, number>();
  onMessage(message: { user: string; at: number }): void {
    this.lastTyped.set(message.user, message.at);
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 3 }],
  },
  {
    name: 'a rate limiter’s map kept by the middleware its factory makes at load',
    code: `
function createRateLimiter(windowMs: number) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return function limit(req: { ip: string }, res: unknown, next: () => void) {
    const bucket = hits.get(req.ip) ?? { count: 0, resetAt: Date.now() + windowMs };
    bucket.count += 1;
    hits.set(req.ip, bucket);
    next();
  };
}
export const apiLimiter = createRateLimiter(60_000);`,
    errors: [{ messageId: 'unboundedClosureCache' as const, line: 3, data: { name: 'hits', collection: 'a Map', line: '7', where: 'a request handler (returned by `createRateLimiter`)', operation: 'set', keptBy: 'the function `createRateLimiter` returns, which is made at module load', removal: 'nothing ever removes entries' } }],
  },
  {
    name: 'an exported middleware factory: middleware is mounted once',
    code: `
export function remember() {
  const seen = new Set<string>();
  return (req: { url: string }, res: unknown, next: () => void) => {
    seen.add(req.url);
    next();
  };
}`,
    errors: [{ messageId: 'unboundedClosureCache' as const, line: 3 }],
  },
  {
    name: 'a delete that only makes room for the same key again bounds nothing',
    code: `
const banned = new Map<string, number>();
export function strike(ip: string, now: number): boolean {
  banned.delete(ip);
  if (now % 2 === 0) banned.set(ip, now);
  return banned.has(ip);
}`,
    errors: [{ messageId: 'unboundedCache' as const, line: 2 }],
  },
  {
    name: 'a size check that only logs bounds nothing',
    code: `
const seen = new Map<string, number>();
export function remember(id: string): void {
  if (seen.size > 10_000) console.warn('seen is large', seen.size);
  seen.set(id, Date.now());
}`,
    errors: [{ messageId: 'unboundedCache' as const, line: 2 }],
  },
  {
    name: 'deleting an entry only when it is read after it expired bounds nothing',
    code: `
const sessions = new Map<string, { expiresAt: number }>();
export function open(id: string): void {
  sessions.set(id, { expiresAt: Date.now() + 60_000 });
}
export function read(id: string): { expiresAt: number } | undefined {
  const session = sessions.get(id);
  if (session && session.expiresAt < Date.now()) {
    sessions.delete(id);
    return undefined;
  }
  return session;
}`,
    errors: [{ messageId: 'unboundedCache' as const, line: 2 }],
  },
  {
    name: 'a per-connection set that grows per message while the connection stays (live-mutex’s broker)',
    code: `
import * as net from 'node:net';
const lockIds = new Map<net.Socket, Set<string>>();
export const broker = net.createServer((socket) => {
  lockIds.set(socket, new Set());
  socket.on('data', (chunk) => {
    const request = JSON.parse(chunk.toString()) as { id: string };
    lockIds.get(socket)?.add(request.id);
  });
  socket.once('close', () => lockIds.delete(socket));
});`,
    errors: [{ messageId: 'unboundedNestedCollection' as const, line: 3 }],
  },
  {
    name: 'a private method that a per-call method also calls is not start-up code',
    code: `
import { randomUUID } from 'node:crypto';
function Injectable(): ClassDecorator {
  return () => undefined;
}
@Injectable()
export class Sessions {
  private readonly startedAt = new Map<string, number>();
  onModuleInit() {
    this.open();
  }
  login() {
    return this.open();
  }
  private open() {
    const id = randomUUID();
    this.startedAt.set(id, Date.now());
    return id;
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 8 }],
  },
];

typed.run('no-unbounded-cache lifetimes (typed)', rule, { valid, invalid });
untyped.run('no-unbounded-cache lifetimes (untyped)', rule, { valid, invalid });
