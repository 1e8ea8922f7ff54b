import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Collections whose holder's lifetime the file does not show: a field of an exported class nobody
 * here makes, a closure of an exported factory nobody here calls, an exported module collection.
 * Judging them on the arguments their callers pass was measured on the labelled repositories and
 * on node_modules (docs/rules/no-unbounded-cache.md, "Instance lifetime"): every new finding was a
 * per-request helper, a test double, a registry or a per-compilation object, so these stay quiet.
 * A module collection made lazily (`cache ??= new Map()`) lives as long as the module, like one
 * made at load, and is judged like it. Verdicts from syntax, so both modes agree.
 */
const valid = [
  {
    name: 'a per-request context of an exported class that records the results it is given (logto’s hook context)',
    code: `
interface HookResult { hookId: string; ok: boolean }
export class InteractionHookContext {
  public released: HookResult[] = [];
  constructor(public readonly metadata: { userAgent: string }) {}
  record(result: HookResult): void {
    this.released.push(result);
  }
}`,
  },
  {
    name: 'a fake store of an exported class keyed by what its test callers pass (unleash’s fakes)',
    code: `
export class FakeStrategiesStore {
  environmentAndFeature: Map<string, string[]> = new Map();
  async addStrategy(environment: string, feature: string, strategy: string): Promise<void> {
    const key = environment + ':' + feature;
    this.environmentAndFeature.set(key, [...(this.environmentAndFeature.get(key) ?? []), strategy]);
  }
}`,
  },
  {
    name: 'a path-mapping registry of an exported class (bullmq’s script loader)',
    code: `
export class ScriptLoader {
  private pathMapper = new Map<string, string>();
  addPathMapping(name: string, mappedPath: string): void {
    this.pathMapper.set(name, mappedPath);
  }
}`,
  },
  {
    name: 'a memo named a cache in a per-interaction validator of an exported class (logto’s adaptive MFA)',
    code: `
export class AdaptiveMfaValidator {
  private readonly recentCountriesCache = new Map<string, string[]>();
  constructor(private readonly lookup: (userId: string) => Promise<string[]>) {}
  async recentCountries(userId: string): Promise<string[]> {
    if (this.recentCountriesCache.has(userId)) return this.recentCountriesCache.get(userId) ?? [];
    const countries = await this.lookup(userId);
    this.recentCountriesCache.set(userId, countries);
    return countries;
  }
}`,
  },
  {
    name: 'a results memo of an exported class nobody here makes that fills a miss',
    code: `
export class TokenMap {
  private readonly occurrences = new Map<string, number[]>();
  find(token: string): number[] {
    const hit = this.occurrences.get(token);
    if (hit) return hit;
    const found = [token.length];
    this.occurrences.set(token, found);
    return found;
  }
}`,
  },
  {
    name: 'a pool of an exported factory keyed by the options its caller passes (fastify’s ajv compiler)',
    code: `
export function compilerPool() {
  const pool = new Map<string, (data: unknown) => boolean>();
  return function compilerFor(schemas: object, options: object) {
    const key = JSON.stringify(schemas) + JSON.stringify(options);
    const cached = pool.get(key);
    if (cached) return cached;
    const validate = (data: unknown) => data !== undefined;
    pool.set(key, validate);
    return validate;
  };
}`,
  },
  {
    name: 'a lazily made module map that is dropped again is bounded',
    code: `
let cache: Map<string, number> | undefined;
export function remember(key: string, value: number): void {
  cache ??= new Map();
  cache.set(key, value);
}
export function forget(): void {
  cache = undefined;
}`,
  },
  {
    name: 'a lazily made module map filled with names written in the program is a registry',
    code: `
let handlers: Map<string, () => void> | undefined;
function register(name: string, handler: () => void): void {
  (handlers ??= new Map()).set(name, handler);
}
register('ping', () => undefined);
register('pong', () => undefined);`,
  },
  {
    name: 'an exported module map keyed by what its exported functions are passed: the importers may delete those keys',
    code: `
export const sessions = new Map<string, { userId: string }>();
export function remember(token: string, userId: string): void {
  sessions.set(token, { userId });
}`,
  },
  {
    name: 'an exported module map of ids it makes, deleted in this file, is bounded',
    code: `
import { randomUUID } from 'node:crypto';
export const sessions = new Map<string, { userId: string }>();
export function start(userId: string): string {
  const token = randomUUID();
  sessions.set(token, { userId });
  return token;
}
export function end(token: string): void {
  sessions.delete(token);
}`,
  },
  {
    name: 'a module array whose entries leave by splice(indexOf) when their work settles is bounded',
    code: `
const running: string[] = [];
export async function run(id: string, work: () => Promise<void>): Promise<void> {
  running.push(id);
  try {
    await work();
  } finally {
    running.splice(running.indexOf(id), 1);
  }
}`,
  },
  {
    name: 'a module array filtered on a timer by each entry’s age is swept',
    code: `
let samples: Array<{ at: number; value: number }> = [];
export function sample(value: number): void {
  samples.push({ at: Date.now(), value });
}
setInterval(() => {
  samples = samples.filter((entry) => entry.at > Date.now() - 60_000);
}, 10_000).unref();`,
  },
  {
    name: 'a memo whose entries each expire on a timer of their own is bounded by time',
    code: `
const rates = new Map<string, Promise<number>>();
export function rateFor(currency: string, fetchRate: (currency: string) => Promise<number>): Promise<number> {
  let rate = rates.get(currency);
  if (!rate) {
    rate = fetchRate(currency);
    rates.set(currency, rate);
    setTimeout(() => rates.delete(currency), 60_000).unref();
  }
  return rate;
}`,
  },
];

const invalid = [
  {
    name: 'a module map made lazily with ??= lives as long as one made at load',
    code: `
let cache: Map<string, number> | undefined;
export function remember(key: string, value: number): void {
  cache ??= new Map();
  cache.set(key, value);
}`,
    errors: [{ messageId: 'unboundedCache' as const, line: 2 }],
  },
  {
    name: 'a module set made lazily inside the growth itself',
    code: `
let seen;
export function markSeen(id) {
  (seen ||= new Set()).add(id);
}`,
    errors: [{ messageId: 'unboundedCache' as const, line: 2 }],
  },
  {
    name: 'an exported module map of ids it makes per call, never deleted here: no importer can name them all (metacom’s sessions)',
    code: `
const { randomUUID } = require('node:crypto');
const sessions = new Map();
function startSession(userId) {
  const token = randomUUID();
  sessions.set(token, { userId });
  return token;
}
module.exports = { sessions, startSession };`,
    errors: [{ messageId: 'unboundedCache' as const, line: 3 }],
  },
  {
    name: 'an exported module map keyed by request data in a route handler',
    code: `
import express from 'express';
export const lastSeen = new Map<string, number>();
const app = express();
app.get('/ping', (req, res) => {
  lastSeen.set(String(req.query.client), Date.now());
  res.send('pong');
});`,
    errors: [{ messageId: 'unboundedCache' as const, line: 3 }],
  },
];

typedRuleTester().run('no-unbounded-cache (holders of unknown lifetime, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (holders of unknown lifetime, untyped)', rule, { valid, invalid });
