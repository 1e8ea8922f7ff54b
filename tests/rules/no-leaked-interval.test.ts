import rule from '../../rules/no-leaked-interval';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

const typed = typedRuleTester();
const untyped = untypedRuleTester();

/** Cases whose verdict does not depend on type information: both modes must agree. */
const valid = [
  {
    name: 'a module-level interval lives as long as the process',
    code: `
setInterval(() => console.log('tick'), 1000).unref();
const flush = setInterval(() => {}, 5000);`,
  },
  {
    name: 'an interval cleared by the stop method of the class that stores it, started behind a check',
    code: `
export class Poller {
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.poll(), 1000);
  }
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
  private poll(): void {}
}`,
  },
  {
    name: 'a start method that stops the previous interval first',
    code: `
export class Heartbeat {
  #timer?: ReturnType<typeof setInterval>;
  start(ms: number): void {
    this.stop();
    this.#timer = setInterval(() => {}, ms);
  }
  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
  }
}`,
  },
  {
    name: 'an interval in a constructor cleared by close()',
    code: `
export class Cache {
  private readonly sweeper: NodeJS.Timeout;
  constructor() {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
  }
  close(): void {
    clearInterval(this.sweeper);
  }
  private sweep(): void {}
}`,
  },
  {
    name: 'an interval that clears itself when its work is done',
    code: `
export function waitFor(check: () => boolean, done: () => void): void {
  const timer = setInterval(() => {
    if (check()) {
      clearInterval(timer);
      done();
    }
  }, 100);
}`,
  },
  {
    name: 'an interval handle returned to the caller, who owns it',
    code: `
export function every(ms: number, fn: () => void): NodeJS.Timeout {
  return setInterval(fn, ms);
}
export function watch(ms: number) {
  const handle = setInterval(() => {}, ms);
  return { stop: () => clearInterval(handle) };
}`,
  },
  {
    name: 'a React effect whose cleanup clears its interval',
    code: `
import { useEffect, useState } from 'react';
export function Clock() {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}`,
  },
  {
    name: 'an interval started by main, which runs once',
    code: `
function startMetrics(): void {
  setInterval(() => {}, 10_000);
}
async function main(): Promise<void> {
  startMetrics();
}
void main();`,
  },
  {
    name: 'a setTimeout loop that tests a stop flag before re-arming',
    code: `
export class Pump {
  private stopped = false;
  run(): void {
    if (this.stopped) return;
    setTimeout(() => this.run(), 100);
  }
  stop(): void {
    this.stopped = true;
  }
}`,
  },
  {
    name: 'a lifecycle start that the file calls once is not judged (its users are not in the source)',
    code: `
export class Reporter {
  private renderInterval?: NodeJS.Timeout;
  start(): void {
    this.renderInterval = setInterval(() => this.render(), 100).unref();
  }
  stop(): void {
    clearInterval(this.renderInterval);
  }
  private render(): void {}
}`,
  },
  {
    name: 'a one-shot setTimeout is not an interval',
    code: `
export function later(fn: () => void): void {
  setTimeout(fn, 1000);
}`,
  },
  {
    name: 'a timers/promises interval that stops on a signal or breaks',
    code: `
import { setInterval as every } from 'node:timers/promises';
export async function poll(signal: AbortSignal): Promise<void> {
  for await (const _ of every(1000, undefined, { signal })) {
    console.log('tick');
  }
}
export async function until(done: () => boolean): Promise<void> {
  for await (const _ of every(1000)) {
    if (done()) break;
  }
}`,
  },
  {
    name: 'an interval inside a request handler is left to require-cleanup-on-disconnect',
    code: `
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  setInterval(() => res.write('data: ping\\n\\n'), 1000);
}).listen(8080);`,
  },
  {
    name: 'a local function called setInterval is not the timer',
    code: `
function setInterval(fn: () => void, ms: number): void {
  fn();
}
export function run(): void {
  setInterval(() => {}, 1000);
}`,
  },
];

const invalid = [
  {
    name: 'an interval dropped in an exported function, even unref()ed',
    code: `
export function track(name: string): void {
  setInterval(() => console.log(name), 1000).unref();
}`,
    errors: [{ messageId: 'dropped' as const, line: 3 }],
  },
  {
    name: 'a start method called again on every reconnect overwrites its running interval',
    code: `
export class Poller {
  private timer?: NodeJS.Timeout;
  constructor(socket: { on(event: string, listener: () => void): void }) {
    socket.on('reconnect', () => this.start());
  }
  start(): void {
    this.timer = setInterval(() => {}, 1000);
  }
  stop(): void {
    clearInterval(this.timer);
  }
}`,
    errors: [{ messageId: 'overwritten' as const, line: 8, data: { timer: 'setInterval', slot: 'this.timer', where: '`start`' } }],
  },
  {
    name: 'an interval kept in a constructor and never cleared by any method',
    code: `
export class Sampler {
  private readonly timer: NodeJS.Timeout;
  constructor() {
    this.timer = setInterval(() => {}, 1000);
  }
}`,
    errors: [{ messageId: 'neverCleared' as const, line: 5 }],
  },
  {
    name: 'a handle kept in a local and never cleared, in a message listener',
    code: `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
bus.on('job', () => {
  const progress = setInterval(() => {}, 500);
  progress.unref();
});`,
    errors: [{ messageId: 'neverCleared' as const, line: 5 }],
  },
  {
    name: 'a React effect without a cleanup',
    code: `
import { useEffect } from 'react';
export function Ticker({ onTick }: { onTick: () => void }) {
  useEffect(() => {
    setInterval(onTick, 1000);
  }, [onTick]);
  return null;
}`,
    errors: [{ messageId: 'dropped' as const, line: 5, data: { timer: 'setInterval', where: 'a `useEffect` callback' } }],
  },
  {
    name: 'a setTimeout loop with no stop started per call',
    code: `
export function watchFile(path: string): void {
  const check = () => {
    console.log(path);
    setTimeout(check, 1000);
  };
  check();
}`,
    errors: [{ messageId: 'rearmedForever' as const, line: 5 }],
  },
  {
    name: 'window.setInterval and node:timers setInterval in a method',
    code: `
import { setInterval as every } from 'node:timers';
export class Widget {
  mount(): void {
    window.setInterval(() => {}, 1000);
    every(() => {}, 1000);
  }
}`,
    errors: [
      { messageId: 'dropped' as const, line: 5 },
      { messageId: 'dropped' as const, line: 6 },
    ],
  },
  {
    name: 'a timers/promises interval loop with no way out',
    code: `
import { setInterval } from 'node:timers/promises';
export async function heartbeat(send: () => void): Promise<void> {
  for await (const _ of setInterval(1000)) send();
}`,
    errors: [{ messageId: 'iteratorNeverEnds' as const, line: 4 }],
  },
  {
    name: 'a module variable overwritten by an exported function',
    code: `
let refresh: NodeJS.Timeout | undefined;
export function setRefreshRate(ms: number): void {
  refresh = setInterval(() => {}, ms);
}
export function shutdown(): void {
  clearInterval(refresh);
}
process.on('SIGHUP', () => setRefreshRate(1000));`,
    errors: [{ messageId: 'overwritten' as const, line: 4 }],
  },
];

typed.run('no-leaked-interval (typed)', rule, { valid, invalid });
untyped.run('no-leaked-interval (untyped)', rule, {
  valid: valid.map((test) => ({ ...test, filename: test.code.includes('useEffect') ? 'react.tsx' : 'file.ts' })),
  invalid: invalid.map((test) => ({ ...test, filename: test.code.includes('useEffect') ? 'react.tsx' : 'file.ts' })),
});
