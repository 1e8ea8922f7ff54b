import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Maps and Sets compare keys by identity: a key the call makes itself is a new key every time. And a
 * registry keyed by names its callers give is judged by what the collections it holds gain.
 */
const valid = [
  {
    name: 'a set keyed by objects made once, at module load',
    code: `
import express from 'express';
const HOME = { path: '/' };
const ABOUT = { path: '/about' };
const visited = new Set<{ path: string }>();
const app = express();
app.get('/', (req, res) => {
  visited.add(req.query.about ? ABOUT : HOME);
  res.end();
});`,
  },
  {
    name: 'a gauge per metric name, each keyed by a tag string',
    code: `
class Gauges {
  private readonly gauges: Record<string, Map<string, number>> = {};
  gauge(name: string, value: number, tag: string): void {
    this.gauges[name] = this.gauges[name] || new Map();
    this.gauges[name]!.set(tag, value);
  }
}
const client = new Gauges();
setInterval(() => {
  client.gauge('heap.used', process.memoryUsage().heapUsed, 'space:old');
}, 10_000).unref();`,
  },
  {
    name: 'keys re-read from a copy of its own keys are the same keys, not new ones',
    code: `
export default class Revisions {
  private static instance: Revisions | undefined;
  private readonly latest = new Map<string, number>();
  static getInstance(): Revisions {
    if (!Revisions.instance) Revisions.instance = new Revisions();
    return Revisions.instance;
  }
  async latestFor(environment: string): Promise<number> {
    return this.latest.get(environment) ?? this.refresh(environment);
  }
  async refresh(environment: string): Promise<number> {
    this.latest.set(environment, Date.now());
    return 1;
  }
  async refreshAll(): Promise<void> {
    const known = [...this.latest.keys()];
    await Promise.all(known.map((environment) => this.refresh(environment)));
  }
}`,
  },
];

const invalid = [
  {
    name: 'a module-level map keyed by an object made on every request never hits',
    code: `
import express from 'express';
const renders = new Map<{ path: string }, string>();
const app = express();
app.get('/', (req, res) => {
  const key = { path: 'home' };
  renders.set(key, '<h1>home</h1>');
  res.end(renders.get(key));
});`,
    errors: [{ messageId: 'unboundedCache' as const, line: 3 }],
  },
  {
    name: 'a gauge per metric name whose entries are keyed by a tags array made on every tick',
    code: `
class Gauges {
  private readonly gauges: Record<string, Map<string[], number>> = {};
  gauge(name: string, value: number, tags: string[]): void {
    this.gauges[name] = this.gauges[name] || new Map();
    this.gauges[name]!.set(tags, value);
  }
}
let client: Gauges | undefined;
export function start(): void {
  client = new Gauges();
  setInterval(() => {
    const tags = ['space:old'];
    client?.gauge('heap.used', process.memoryUsage().heapUsed, tags);
  }, 10_000).unref();
}`,
    errors: [{ messageId: 'unboundedNestedCollection' as const, line: 3 }],
  },
];

typedRuleTester().run('no-unbounded-cache (identity keys, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (identity keys, untyped)', rule, { valid, invalid });
