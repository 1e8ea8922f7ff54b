import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A service's `start()` (or `init()`, `setup()` …) in a class that also has a way to stop runs once per
 * lifecycle, like its constructor: what it puts in the instance's collections — one promise per
 * configured worker loop, one limiter per loop — is filled at start-up, not per request. A `start()`
 * the class calls again itself (a reconnect from an error listener) runs per event, and a class with
 * no way to stop gives `start` no lifecycle meaning. Verdicts from syntax, so both modes agree.
 */
const worker = (extra: string, stop = `
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }`) => `
import { randomUUID } from 'node:crypto';
type Limiter = { active: number };
export class QueueWorker {
  private loops: Promise<void>[] = [];
  private limiters: Record<string, Limiter> = {};
  private stopping = false;
  constructor(private readonly options: { workers: number; pollMs: number }) {}
  start(): void {
    for (let i = 0; i < this.options.workers; i++) {
      this.loops.push(this.runLoop(\`worker-\${randomUUID()}\`));
    }
  }${stop}
  private async runLoop(id: string): Promise<void> {
    this.limiters[id] = { active: 0 };
    while (!this.stopping) await new Promise((resolve) => setTimeout(resolve, this.options.pollMs));
  }${extra}
}`;

const valid = [
  { name: "a worker's start() launching its configured loops, beside stop()", code: worker('') },
  {
    name: 'an init() that loads a table once, beside shutdown()',
    code: `
export class Catalogue {
  private names = new Set<string>();
  init(rows: { name: string }[]): void {
    for (const row of rows) this.names.add(row.name);
  }
  shutdown(): void {
    this.names = new Set();
  }
}`,
  },
];

const invalid = [
  {
    name: 'a start() the class calls again from an error listener runs per failure',
    code: worker(`
  attach(source: { on(event: 'error', listener: () => void): void }): void {
    source.on('error', () => this.start());
  }`),
    errors: [
      { messageId: 'unboundedFieldCache' as const, line: 5 },
      { messageId: 'unboundedFieldCache' as const, line: 6 },
    ],
  },
  {
    name: 'a start() in a class with no way to stop is an ordinary method',
    code: worker('', ''),
    errors: [
      { messageId: 'unboundedFieldCache' as const, line: 5 },
      { messageId: 'unboundedFieldCache' as const, line: 6 },
    ],
  },
];

typedRuleTester().run('no-unbounded-cache (lifecycle starts, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (lifecycle starts, untyped)', rule, { valid, invalid });
