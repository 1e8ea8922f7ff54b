import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A resource a class opens and keeps in a field, in a class that has a method ending its instances
 * (`dispose()`, `close()`, `stop()` …) that never releases it — and nothing else in the file does:
 * every instance torn down leaves it open (podman-desktop's file-system watcher: `dispose()` ended
 * its emitters, not its chokidar watcher). The fix releases it at the end of that method. A class
 * with no such method says nothing about its instances' lifetime; a field handed to someone else
 * (an argument, a return, a collection) may be released by them; a subclass may inherit a teardown
 * that releases what it holds. Judged from syntax and the registry, so both modes agree.
 */
const valid = [
  {
    name: 'dispose() closes the watcher',
    code: `
import chokidar, { type FSWatcher } from 'chokidar';
export class ConfigWatcher {
  private watcher: FSWatcher | undefined;
  watch(path: string): void {
    this.watcher = chokidar.watch(path);
  }
  dispose(): void {
    void this.watcher?.close();
  }
}`,
  },
  {
    name: 'closed through a local copy of the field in stop()',
    code: `
import { createServer, type Server } from 'node:net';
export class Listener {
  private server: Server | undefined;
  start(port: number): void {
    this.server = createServer();
    this.server.listen(port);
  }
  stop(): void {
    const server = this.server;
    this.server = undefined;
    server?.close();
  }
}`,
  },
  {
    name: 'no method ends the instance: its lifetime is not this file’s to judge',
    code: `
import chokidar, { type FSWatcher } from 'chokidar';
export class ConfigWatcher {
  private watcher: FSWatcher | undefined;
  watch(path: string): void {
    this.watcher = chokidar.watch(path);
  }
}`,
  },
  {
    name: 'the watcher is handed to a registry that closes what it holds',
    code: `
import chokidar, { type FSWatcher } from 'chokidar';
declare function track(watcher: FSWatcher): void;
export class ConfigWatcher {
  private watcher: FSWatcher | undefined;
  watch(path: string): void {
    this.watcher = chokidar.watch(path);
    track(this.watcher);
  }
  dispose(): void {
    this.watcher = undefined;
  }
}`,
  },
  {
    name: 'a subclass: the base class may end what it holds',
    code: `
import chokidar, { type FSWatcher } from 'chokidar';
declare class Disposable { dispose(): void }
export class ConfigWatcher extends Disposable {
  private watcher: FSWatcher | undefined;
  watch(path: string): void {
    this.watcher = chokidar.watch(path);
  }
  dispose(): void {
    super.dispose();
  }
}`,
  },
  {
    name: 'returned to the caller, who owns it from then on',
    code: `
import chokidar, { type FSWatcher } from 'chokidar';
export class Watchers {
  private last: FSWatcher | undefined;
  open(path: string): FSWatcher {
    this.last = chokidar.watch(path);
    return this.last;
  }
  close(): void {
    this.last = undefined;
  }
}`,
  },
  {
    name: 'a page made by a browser field that close() ends: it closes with its browser (webhint)',
    code: `
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
export class Connector {
  private browser: Browser | undefined;
  private page: Page | undefined;
  async collect(url: string): Promise<string> {
    this.browser = await puppeteer.launch({ headless: true });
    this.page = await this.browser.newPage();
    await this.page.goto(url);
    return this.page.content();
  }
  async close(): Promise<void> {
    await this.browser?.close();
  }
}`,
  },
  {
    name: 'close() asks the worker to exit by message and waits for it: its own protocol',
    code: `
import { Worker } from 'node:worker_threads';
export class Pool {
  private worker: Worker | undefined;
  start(script: string): void {
    this.worker = new Worker(script);
  }
  async close(): Promise<void> {
    await this.drain();
  }
  private async drain(): Promise<void> {
    this.worker?.postMessage({ type: 'close' });
    await new Promise((resolve) => this.worker?.once('exit', resolve));
  }
}`,
  },
];

const podmanWatcher = `
import * as chokidar from 'chokidar';
import { EventEmitter } from 'node:events';
export class FileSystemWatcherImpl {
  watcher: chokidar.FSWatcher | undefined;
  private readonly events = new EventEmitter();
  constructor(path: string) {
    this.doWatch(path);
  }
  doWatch(path: string): void {
    this.watcher = chokidar.watch(path, { persistent: true });
    this.watcher.on('add', (added: string) => this.events.emit('create', added));
  }
  dispose(): void {
    this.events.removeAllListeners();
  }
}`;

const auditLog = `
import { createWriteStream, type WriteStream } from 'node:fs';
export class AuditLog {
  private readonly out: WriteStream;
  constructor(path: string) {
    this.out = createWriteStream(path, { flags: 'a' });
  }
  write(line: string): void {
    this.out.write(line + '\\n');
  }
  async close(): Promise<void> {
    this.closed = true;
  }
  private closed = false;
}`;

const invalid = [
  {
    name: "dispose() ends the instance's emitters but not its chokidar watcher (podman-desktop)",
    code: podmanWatcher,
    errors: [
      {
        messageId: 'notReleasedByTeardown' as const,
        line: 11,
        data: { resource: 'chokidar watcher', field: 'this.watcher', teardown: 'dispose()', release: '.close()' },
        suggestions: [
          {
            messageId: 'releaseInTeardown' as const,
            output: podmanWatcher.replace('    this.events.removeAllListeners();\n', '    this.events.removeAllListeners();\n    this.watcher?.close().catch(() => undefined);\n'),
          },
        ],
      },
    ],
  },
  {
    name: "an async close() that never ends the file stream the constructor opened: ended, no optional chain",
    code: auditLog,
    errors: [
      {
        messageId: 'notReleasedByTeardown' as const,
        line: 6,
        suggestions: [{ messageId: 'releaseInTeardown' as const, output: auditLog.replace('    this.closed = true;\n', '    this.closed = true;\n    this.out.end();\n') }],
      },
    ],
  },
];

typedRuleTester().run('require-close (fields a teardown method leaves open, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (fields a teardown method leaves open, untyped)', rule, { valid, invalid });
