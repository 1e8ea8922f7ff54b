import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A long-lived instance that looks a key up and stores what it computed on a miss is a cache of
 * results, keyed by whatever its callers ask for: judged on argument keys. A registry that stores
 * what its caller hands it, and a memo of an instance whose lifetime the file does not show, stay
 * quiet. Verdicts from syntax, so both modes agree.
 */
const valid = [
  {
    name: 'a long-lived registry that checks for a name before storing the handler its caller gives',
    code: `
class Handlers {
  private readonly byName = new Map<string, (body: string) => string>();
  register(name: string, handler: (body: string) => string): void {
    if (this.byName.has(name)) throw new Error('duplicate ' + name);
    this.byName.set(name, handler);
  }
}
export const handlers = new Handlers();`,
  },
  {
    name: 'a results memo of an exported class nobody here makes is judged by its callers',
    code: `
export class Compiler {
  private readonly compiled = new Map<string, string>();
  compile(source: string): string {
    const hit = this.compiled.get(source);
    if (hit !== undefined) return hit;
    const output = source.trim();
    this.compiled.set(source, output);
    return output;
  }
}`,
  },
  {
    name: 'a singleton that reads a value to update it is no miss: a revision per environment it is told about',
    code: `
class Revisions {
  private readonly latest = new Map<string, number>();
  async refresh(environment: string, fetchLatest: (after: number) => Promise<number>): Promise<number> {
    let current = this.latest.get(environment) ?? 0;
    const actual = await fetchLatest(current);
    if (current < actual) {
      this.latest.set(environment, actual);
      current = actual;
    }
    return current;
  }
}
export const revisions = new Revisions();`,
  },
];

const invalid = [
  {
    name: 'a singleton that looks a key up and stores what it computed on a miss keeps every key it was asked for',
    code: `
export class Platform {
  private readonly factories = new Map<string, { render(): string }>();
  async factoryFor(moduleId: string, compile: (id: string) => Promise<{ render(): string }>): Promise<{ render(): string }> {
    const cached = this.factories.get(moduleId);
    if (cached) return cached;
    const factory = await compile(moduleId);
    this.factories.set(moduleId, factory);
    return factory;
  }
}
let platform: Platform | undefined;
export function getPlatform(): Platform {
  return (platform ??= new Platform());
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 3 }],
  },
  {
    name: 'a service that fills the memo under a miss test keeps every key it was asked for',
    code: `
export class Shards {
  private readonly shardOf = new Map<string, number>();
  constructor() {
    setInterval(() => undefined, 1000).unref();
  }
  shard(key: string): number {
    let shard = this.shardOf.get(key);
    if (shard === undefined) {
      shard = key.length % 10;
      this.shardOf.set(key, Math.abs(shard));
    }
    return shard;
  }
}`,
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 3 }],
  },
];

typedRuleTester().run('no-unbounded-cache (results memo of a long-lived instance, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (results memo of a long-lived instance, untyped)', rule, { valid, invalid });
