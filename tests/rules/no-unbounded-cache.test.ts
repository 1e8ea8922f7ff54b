import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

const typed = typedRuleTester();
const untyped = untypedRuleTester();

/** Verdicts that need no type information: both modes must agree. */
const valid = [
  {
    name: 'a warn-once set keyed by a composed key (babel’s import-meta-resolve)',
    code: `
const emittedPackageWarnings = new Set<string>();
export function emitTrailingSlashPatternDeprecation(match: string, pjsonPath: string): void {
  if (emittedPackageWarnings.has(pjsonPath + '|' + match)) return;
  emittedPackageWarnings.add(pjsonPath + '|' + match);
  process.emitWarning(\`Use of deprecated trailing slash pattern mapping "\${match}" in \${pjsonPath}\`, 'DeprecationWarning');
}`,
  },
  {
    name: 'a warn-once set whose caller prints the warning (vite’s shouldSkipWarning)',
    code: `
const warnedMessages = new Set<string>();
export function shouldSkipWarning(warning: { code: string; message: string }): boolean {
  if (warning.code === 'UNSUPPORTED_TSCONFIG_OPTION') {
    if (warnedMessages.has(warning.message)) return true;
    warnedMessages.add(warning.message);
  }
  return false;
}`,
  },
  {
    name: 'ignore patterns added from the command line are configuration (jscodeshift’s addIgnorePattern)',
    code: `
const matchers: string[] = [];
export function addIgnorePattern(val: string): void {
  if (val && val[0] !== '#') matchers.push(val.includes('/') ? val : '**/' + val);
}
export function shouldIgnore(path: string): boolean {
  return matchers.some((pattern) => path.includes(pattern));
}`,
  },
  {
    name: 'a warn-once set is as large as the set of warnings the code prints',
    code: `
const warned = new Set<string>();
export function deprecate(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  process.emitWarning(message, 'DeprecationWarning');
}`,
  },
  {
    name: 'a cache whose key is range-checked first has a finite key space (long.js small ints)',
    code: `
const SMALL: Record<number, { value: number }> = {};
export function boxed(value: number): { value: number } {
  const cacheable = -128 <= value && value < 128;
  if (cacheable && SMALL[value]) return SMALL[value];
  const box = { value };
  if (cacheable) SMALL[value] = box;
  return box;
}`,
  },
  {
    name: 'callbacks registered by callers are a listener registry, not a cache',
    code: `
const onShutdown: Array<() => void> = [];
export function atShutdown(callback: () => void): void {
  onShutdown.push(callback);
}
export function shutdown(): void {
  for (const callback of onShutdown) callback();
}`,
  },
  {
    name: 'a registry filled by exported register functions is configuration, not a cache (grpc-js resolvers)',
    code: `
export interface Resolver { resolve(target: string): string[] }
const registeredResolvers: Record<string, Resolver> = {};
export function registerResolver(scheme: string, resolver: Resolver): void {
  registeredResolvers[scheme] = resolver;
}
export function resolverFor(scheme: string): Resolver | undefined {
  return registeredResolvers[scheme];
}`,
  },
  {
    name: 'a WeakMap is bounded by the lifetime of its keys',
    code: `
import express from 'express';
const sessions = new WeakMap<object, string>();
const app = express();
app.get('/me', (req, res) => {
  sessions.set(req, 'seen');
  res.send('ok');
});`,
  },
  {
    name: 'an LRUCache from lru-cache is bounded',
    code: `
import { LRUCache } from 'lru-cache';
import express from 'express';
const users = new LRUCache<string, { name: string }>({ max: 500 });
const app = express();
app.get('/users/:id', (req, res) => {
  users.set(req.params.id, { name: 'x' });
  res.send('ok');
});`,
  },
  {
    name: 'a cache local to a function dies with its call',
    code: `
export function dedupe(ids: string[]): string[] {
  const seen = new Set<string>();
  for (const id of ids) seen.add(id);
  return [...seen];
}`,
  },
  {
    name: 'a map swept by a timer',
    code: `
const metrics = new Map<string, { at: number }>();
export function record(name: string) {
  metrics.set(name, { at: Date.now() });
}
setInterval(() => {
  for (const [name, metric] of metrics) if (Date.now() - metric.at > 60_000) metrics.delete(name);
}, 10_000);`,
  },
  {
    name: 'a size guard bounds the map',
    code: `
const cache = new Map<string, string>();
export function remember(key: string, value: string) {
  if (cache.size > 10_000) cache.clear();
  cache.set(key, value);
}`,
  },
  {
    name: 'a registry of route handlers filled at start-up is not a cache',
    code: `
type Handler = (body: string) => string;
const handlers = new Map<string, Handler>();
function register(name: string, handler: Handler) {
  handlers.set(name, handler);
}
register('echo', (body) => body);
register('upper', (body) => body.toUpperCase());
export function dispatch(name: string, body: string) {
  return handlers.get(name)?.(body);
}`,
  },
  {
    name: 'growth in a loop at module level runs once',
    code: `
const known = new Set<string>();
for (const name of ['a', 'b', 'c']) known.add(name);
export function isKnown(name: string) {
  return known.has(name);
}`,
  },
  {
    name: 'a literal union key type bounds the map',
    code: `
const lastSeen = new Map<'web' | 'worker' | 'cron', number>();
export function touch(kind: 'web' | 'worker' | 'cron') {
  lastSeen.set(kind, Date.now());
}`,
  },
  {
    name: 'an exported cache may be shrunk by other modules (not judged by default)',
    code: `
export const cache = new Map<string, string>();
export function remember(key: string, value: string) {
  cache.set(key, value);
}`,
  },
  {
    name: 'a buffer that the timer trims',
    code: `
const samples: number[] = [];
setInterval(() => {
  samples.push(process.memoryUsage().rss);
  if (samples.length > 60) samples.shift();
}, 1000);`,
  },
  {
    name: 'a fixed key cannot grow the map',
    code: `
const settings = new Map<string, string>();
export function setTheme(theme: string) {
  settings.set('theme', theme);
}`,
  },
  {
    name: 'a collection reassigned on a schedule is swept',
    code: `
let seen: Record<string, number> = {};
export function hit(id: string) {
  seen[id] = Date.now();
}
setInterval(() => {
  seen = {};
}, 60_000);`,
  },
];

const unboundedMap = {
  name: 'a module-level Map filled by a route handler and never shrunk',
  code: `
import express from 'express';
const userCache = new Map<string, { name: string }>();
const app = express();
app.get('/users/:id', (req, res) => {
  const id = req.params.id;
  userCache.set(id, { name: id });
  res.send('ok');
});`,
  errors: [{ messageId: 'unboundedCache' as const, line: 3, data: { name: 'userCache', collection: 'a Map', line: '7', where: 'a route handler', operation: 'set', removal: 'nothing in this module ever removes entries' } }],
};

const unboundedRecord = {
  name: 'an index-signature object written by key in an exported function',
  code: `
const metricCache: Record<string, number> = {};
export function observe(metric: string, value: number) {
  metricCache[metric] = value;
}`,
  errors: [{ messageId: 'unboundedCache' as const, line: 2 }],
};

const periodicArray = {
  name: 'a module-level array appended to by setInterval and never trimmed',
  code: `
const rssSamples: number[] = [];
setInterval(() => {
  rssSamples.push(process.memoryUsage().rss);
}, 1000);`,
  errors: [{ messageId: 'untrimmedBuffer' as const, line: 2, data: { name: 'rssSamples', collection: 'an array', line: '4', where: 'a `setInterval` callback', operation: 'push' } }],
};

const sharedInvalid = [
  unboundedMap,
  unboundedRecord,
  periodicArray,
  {
    name: 'a Set grown by a message listener',
    code: `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
const seenIds = new Set<string>();
bus.on('message', (id: string) => {
  seenIds.add(id);
});`,
    errors: [{ messageId: 'unboundedCache' as const, line: 4 }],
  },
  {
    name: 'a static field of a class',
    code: `
export class Tokens {
  private static issued = new Map<string, number>();
  static issue(user: string) {
    Tokens.issued.set(user, Date.now());
  }
}`,
    errors: [{ messageId: 'unboundedCache' as const, line: 3, data: { name: 'Tokens.issued', collection: 'a Map', line: '5', where: '`issue`, which can run any number of times', operation: 'set', removal: 'nothing in this module ever removes entries' } }],
  },
  {
    name: 'Object.assign into an index-signature object',
    code: `
const profiles: { [id: string]: string } = {};
export function merge(updates: { [id: string]: string }) {
  Object.assign(profiles, updates);
}`,
    errors: [{ messageId: 'unboundedCache' as const, line: 2 }],
  },
  {
    name: 'growth through an alias',
    code: `
const cache = new Map<string, string>();
const byId = cache;
export function put(id: string, value: string) {
  byId.set(id, value);
}`,
    errors: [{ messageId: 'unboundedCache' as const, line: 2 }],
  },
  {
    name: 'an exported cache, judged with checkExported',
    code: `
export const cache = new Map<string, string>();
export function remember(key: string, value: string) {
  cache.set(key, value);
}`,
    options: [{ checkExported: true }] as [{ checkExported: boolean }],
    errors: [{ messageId: 'unboundedCache' as const, line: 2 }],
  },
];

typed.run('no-unbounded-cache (typed)', rule, {
  valid: [
    ...valid,
    {
      name: 'typed: an enum key type bounds the map',
      code: `
enum Status { Up, Down, Degraded }
const since = new Map<Status, number>();
export function transition(status: Status) {
  since.set(status, Date.now());
}`,
    },
    {
      name: 'typed: a key type alias of literals bounds the map',
      code: `
type Region = 'eu' | 'us';
const latency = new Map<Region, number>();
export function measure(region: Region, ms: number) {
  latency.set(region, ms);
}`,
    },
  ],
  invalid: [
    ...sharedInvalid,
    {
      name: 'typed: a Map created by a factory',
      code: `
function createStore() {
  return new Map<string, Buffer>();
}
const blobs = createStore();
export function keep(id: string, blob: Buffer) {
  blobs.set(id, blob);
}`,
      errors: [{ messageId: 'unboundedCache' as const, line: 5 }],
    },
    {
      name: 'typed: an index-signature object through a type alias',
      code: `
type UserCache = Record<string, { name: string }>;
const users: UserCache = {};
export function cacheUser(id: string, name: string) {
  users[id] = { name };
}`,
      errors: [{ messageId: 'unboundedCache' as const, line: 3 }],
    },
  ],
});

untyped.run('no-unbounded-cache (untyped)', rule, {
  valid: [
    ...valid,
    {
      name: 'untyped: a key type alias of literals declared in the same file bounds the map',
      code: `
type Region = 'eu' | 'us';
type Zone = Region | 'ap';
const latency = new Map<Zone, number>();
export function measure(zone: Zone, ms: number) {
  latency.set(zone, ms);
}`,
    },
    {
      name: 'untyped: an enum of the same file as the key type bounds the map',
      code: `
export enum Status { Up, Down, Degraded }
const since: Map<Status, number> = new Map();
export function transition(status: Status) {
  since.set(status, Date.now());
}`,
    },
    {
      name: 'untyped: an object typed by an interface of the same file with named properties is no map',
      code: `
interface Totals {
  requests: number;
  errors: number;
}
const totals: Totals = { requests: 0, errors: 0 };
export function count(field: 'requests' | 'errors') {
  totals[field] = totals[field] + 1;
}`,
    },
    {
      name: 'untyped: a factory-made Map is invisible without types (the typed mode reports it)',
      code: `
function createStore() {
  return new Map<string, Buffer>();
}
const blobs = createStore();
export function keep(id: string, blob: Buffer) {
  blobs.set(id, blob);
}`,
    },
  ],
  invalid: [
    ...sharedInvalid,
    {
      name: 'untyped: an alias of string keys bounds nothing',
      code: `
type UserId = string;
const names = new Map<UserId, string>();
export function remember(id: UserId, name: string) {
  names.set(id, name);
}`,
      errors: [{ messageId: 'unboundedCache' as const, line: 3 }],
    },
    {
      name: 'untyped: an object typed by an interface of the same file with an index signature is a map',
      code: `
interface VisitsByIp {
  [ip: string]: number;
}
const visits: VisitsByIp = {};
export function countVisit(ip: string) {
  visits[ip] = (visits[ip] ?? 0) + 1;
}`,
      errors: [{ messageId: 'unboundedCache' as const, line: 5 }],
    },
    {
      name: 'untyped: an empty object asserted to be a Record is a map',
      code: `
const previews = {} as Record<string, string>;
export function preview(url: string) {
  previews[url] = url.toUpperCase();
}`,
      errors: [{ messageId: 'unboundedCache' as const, line: 2 }],
    },
  ],
});
