import rule from '../../rules/no-leaked-listener';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

const typed = typedRuleTester();
const untyped = untypedRuleTester();

/** Cases whose verdict does not depend on type information: both modes must agree. */
const valid = [
  {
    name: 'listeners added at module level live as long as the process',
    code: `
process.on('SIGTERM', () => process.exit(0));
window.addEventListener('resize', () => {});`,
  },
  {
    name: 'a listener removed by the same function reference',
    code: `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export function watch(onOrder: (order: unknown) => void): () => void {
  bus.on('order', onOrder);
  return () => bus.off('order', onOrder);
}`,
  },
  {
    name: 'once, { once: true } and { signal } end the listener',
    code: `
export function waitForExit(done: () => void, controller: AbortController): void {
  process.once('exit', done);
  window.addEventListener('load', done, { once: true });
  document.addEventListener('click', done, { signal: controller.signal });
}`,
  },
  {
    name: 'an abort listener removed when the call settles',
    code: `
export async function fetchWithSignal(url: string, signal: AbortSignal): Promise<unknown> {
  const onAbort = () => console.log('aborted', url);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await fetch(url);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}`,
  },
  {
    name: 'a register-once guard whose flag is set',
    code: `
let installed = false;
export function installCrashHandler(): void {
  if (installed) return;
  installed = true;
  process.on('uncaughtException', (error) => console.error(error));
}`,
  },
  {
    name: 'a React effect whose cleanup removes the listener',
    code: `
import { useEffect } from 'react';
export function useResize(onResize: () => void): void {
  useEffect(() => {
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [onResize]);
}`,
  },
  {
    name: 'process handlers installed by a start-up function that nothing shows running twice',
    code: `
export function startWorker(): void {
  process.on('SIGTERM', () => process.exit(0));
  process.on('uncaughtException', (error) => console.error(error));
}`,
  },
  {
    name: 'an abort listener on the signal a framework hands a callback for one job',
    code: `
declare class Worker { constructor(name: string, processor: (job: unknown, signal?: AbortSignal) => Promise<void>); }
new Worker('jobs', async (job, signal) => {
  signal?.addEventListener('abort', () => console.log('cancelled', job));
});`,
  },
  {
    name: 'a guard that tests the object holding the flag, which is assigned',
    code: `
let modalRoot: HTMLElement | undefined;
export function ensureModal(): void {
  if (modalRoot?.isConnected) return;
  modalRoot = document.createElement('div');
  document.addEventListener('keydown', () => {});
}`,
  },
  {
    name: 'an effect whose cleanup disconnects its observer',
    code: `
import { useEffect } from 'react';
export function useSize(element: Element, onSize: () => void): void {
  useEffect(() => {
    const observer = new ResizeObserver(onSize);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, onSize]);
}`,
  },
  {
    name: 'a listener on an emitter made per call dies with it',
    code: `
import { EventEmitter } from 'node:events';
export function run(): EventEmitter {
  const local = new EventEmitter();
  local.on('data', () => {});
  return local;
}`,
  },
  {
    name: 'a listener added in a connection handler is left to require-cleanup-on-disconnect',
    code: `
import http from 'node:http';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
http.createServer((req, res) => {
  bus.on('order', (order) => res.write(JSON.stringify(order)));
}).listen(8080);`,
  },
];

const invalid = [
  {
    name: 'a module-level bus subscribed per call and never unsubscribed',
    code: `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export function trackOrders(log: string[]): void {
  bus.on('order', (order) => log.push(String(order)));
}`,
    errors: [{ messageId: 'neverRemoved' as const, line: 5, data: { event: 'order', target: 'bus', where: '`trackOrders`', remove: 'off' } }],
  },
  {
    name: 'process listeners added per instance',
    code: `
export class Connection {
  constructor() {
    process.on('exit', () => this.close());
  }
  close(): void {}
}`,
    errors: [{ messageId: 'neverRemoved' as const, line: 4 }],
  },
  {
    name: 'an abort listener with { once: true } on the caller’s signal, never removed',
    code: `
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}`,
    errors: [{ messageId: 'abortListenerNotRemoved' as const, line: 5 }],
  },
  {
    name: 'an abort listener on options.signal',
    code: `
export async function download(url: string, options: { signal?: AbortSignal } = {}): Promise<void> {
  options.signal?.addEventListener('abort', () => console.log('stop', url));
  await fetch(url);
}`,
    errors: [{ messageId: 'abortListenerNotRemoved' as const, line: 3 }],
  },
  {
    name: 'a React effect adding a window listener with no cleanup',
    code: `
import { useEffect } from 'react';
export function useKey(onKey: (event: KeyboardEvent) => void): void {
  useEffect(() => {
    window.addEventListener('keydown', onKey);
  }, [onKey]);
}`,
    errors: [{ messageId: 'effectWithoutCleanup' as const, line: 5, data: { event: 'keydown', target: 'window', where: 'a `useEffect` callback', remove: 'removeEventListener' } }],
  },
  {
    name: 'an effect that starts an observer and never disconnects it',
    code: `
import { useEffect } from 'react';
export function useSize(element: Element, onSize: () => void): void {
  useEffect(() => {
    const observer = new ResizeObserver(onSize);
    observer.observe(element);
  }, [element, onSize]);
}`,
    errors: [{ messageId: 'observerNotDisconnected' as const, line: 6, data: { observer: 'ResizeObserver', where: 'a `useEffect` callback' } }],
  },
  {
    name: 'a register-once guard whose flag is never set is no guard',
    code: `
let registered = false;
export function onUnload(fn: () => void): void {
  if (!registered) {
    window.addEventListener('beforeunload', fn);
  }
}`,
    errors: [{ messageId: 'guardNeverSet' as const, line: 5, data: { event: 'beforeunload', target: 'window', where: '`onUnload`', remove: 'removeEventListener', flag: 'registered' } }],
  },
  {
    name: 'a removal with a new bound function removes nothing',
    code: `
export class Watcher {
  start(): void {
    document.addEventListener('visibilitychange', this.onChange.bind(this));
  }
  stop(): void {
    document.removeEventListener('visibilitychange', this.onChange.bind(this));
  }
  onChange(): void {}
}`,
    errors: [{ messageId: 'neverRemoved' as const, line: 4 }],
  },
];

/** What only the checker sees: imported emitters, fields of long-lived objects, signals by type. */
const typedValid = [
  {
    name: 'typed: a service subscribing its injected bus in a listen() the file calls once, and a delegating on()',
    code: `
import { EventEmitter } from 'node:events';
export class LifecycleService {
  constructor(private readonly eventBus: EventEmitter) {}
  listen(): void {
    this.eventBus.on('feature-created', () => this.initialise());
  }
  on(event: string, listener: (...args: unknown[]) => void): EventEmitter {
    return this.eventBus.on(event, listener);
  }
  private initialise(): void {}
}`,
  },
  {
    name: 'typed: an object with an on method that is no event source (a jQuery-like set)',
    code: `
declare const $: (selector: string) => { on(event: string, listener: () => void): void };
export function bind(): void {
  $('#save').on('click', () => {});
}`,
  },
];

const typedInvalid = [
  {
    name: 'typed: an emitter imported from a module, subscribed per call',
    code: `
import { EventEmitter } from 'node:events';
import { parentPort } from 'node:worker_threads';
export function forward(sink: EventEmitter): void {
  parentPort?.on('message', (message) => sink.emit('message', message));
}`,
    errors: [{ messageId: 'neverRemoved' as const, line: 5 }],
  },
  {
    name: 'typed: a field holding an injected emitter, subscribed by a method each request reaches',
    code: `
import { EventEmitter } from 'node:events';
export class OrderFeed {
  constructor(private readonly bus: EventEmitter, requests: EventEmitter) {
    requests.on('request', (log: string[]) => this.follow(log));
  }
  follow(log: string[]): void {
    this.bus.on('order', (order) => log.push(String(order)));
  }
}`,
    errors: [{ messageId: 'neverRemoved' as const, line: 8 }],
  },
  {
    name: 'typed: a signal parameter by its type, whatever its name',
    code: `
export function withDeadline(work: Promise<void>, cancel: AbortSignal): Promise<void> {
  cancel.addEventListener('abort', () => console.log('cancelled'));
  return work;
}`,
    errors: [{ messageId: 'abortListenerNotRemoved' as const, line: 3 }],
  },
];

const fileFor = (code: string) => (code.includes('useEffect') ? 'react.tsx' : 'file.ts');

typed.run('no-leaked-listener (typed)', rule, { valid: [...valid, ...typedValid], invalid: [...invalid, ...typedInvalid] });
untyped.run('no-leaked-listener (untyped)', rule, {
  valid: [...valid, ...typedValid, ...typedInvalid.map(({ name, code }) => ({ name: `untyped, not judged: ${name}`, code }))].map((test) => ({ ...test, filename: fileFor(test.code) })),
  invalid: invalid.map((test) => ({ ...test, filename: fileFor(test.code) })),
});
