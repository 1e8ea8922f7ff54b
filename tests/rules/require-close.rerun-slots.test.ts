import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A handle a method keeps in a field of the instance, where the class runs that method again itself
 * (a retry, a reconnect): each run replaces the handle, and the previous one — released only by a
 * listener of its own end, which a failed stream never reaches — stays open (node-downloader-helper).
 */
const valid = [
  {
    name: 'a method nobody in the class runs again',
    code: `
import fs from 'node:fs';
export class Downloader {
  private file: fs.WriteStream | undefined;
  constructor(private readonly path: string) {}
  start(): void {
    this.file = fs.createWriteStream(this.path);
    this.file.on('finish', () => this.file?.close());
  }
}`,
  },
  {
    name: 'the method releases the previous handle before filling the slot again',
    code: `
import fs from 'node:fs';
export class Downloader {
  private file: fs.WriteStream | undefined;
  constructor(private readonly path: string) {}
  start(): void {
    this.file?.destroy();
    this.file = fs.createWriteStream(this.path);
    this.file.on('error', () => setTimeout(() => this.start(), 1000));
  }
}`,
  },
  {
    name: 'the error handler releases the slot before the retry',
    code: `
import fs from 'node:fs';
export class Downloader {
  private file: fs.WriteStream | undefined;
  constructor(private readonly path: string) {}
  start(): void {
    this.file = fs.createWriteStream(this.path);
    this.file.on('error', () => this.retry());
  }
  private retry(): void {
    this.file!.destroy();
    setTimeout(() => this.start(), 1000);
  }
}`,
  },
  {
    name: 'a socket reconnected from its own close listener: the one it replaces has ended',
    code: `
import net from 'node:net';
export class Link {
  private socket: net.Socket | undefined;
  constructor(private readonly port: number) {}
  connect(): void {
    this.socket = net.connect(this.port);
    this.socket.on('close', () => setTimeout(() => this.connect(), 1000));
  }
}`,
  },
  {
    name: "a public entry that runs the filling method first, and a respawn from the worker's own exit listener",
    code: `
import { Worker } from 'node:worker_threads';
export class WorkerConnection {
  private worker: Worker | undefined;
  private closing = false;
  constructor(private readonly script: string) {}
  async connect(): Promise<void> {
    this.createWorker();
    await new Promise((resolve) => this.worker?.once('online', resolve));
  }
  private createWorker(): void {
    this.worker = new Worker(this.script);
    this.worker.on('exit', () => {
      if (!this.closing) setTimeout(() => this.createWorker(), 1000);
    });
  }
  async close(): Promise<void> {
    this.closing = true;
    this.worker?.postMessage({ type: 'close' });
    await new Promise((resolve) => this.worker?.once('exit', resolve));
    this.worker = undefined;
  }
}`,
  },
];

const invalid = [
  {
    name: 'a per-operation method that spawns again after a failure reruns the filling method',
    code: `
import { spawn, type ChildProcess } from 'node:child_process';
export class HelperProcess {
  private child: ChildProcess | undefined;
  spawnHelper(): void {
    this.child = spawn('helper', ['--serve']);
    this.child.on('exit', () => undefined);
  }
  async withRespawn<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch {
      this.spawnHelper();
      return operation();
    }
  }
}`,
    errors: [
      {
        messageId: 'replacedOnRerun' as const,
        line: 6,
        suggestions: [
          {
            messageId: 'releaseBeforeReplace' as const,
            output: `
import { spawn, type ChildProcess } from 'node:child_process';
export class HelperProcess {
  private child: ChildProcess | undefined;
  spawnHelper(): void {
    this.child?.kill();
    this.child = spawn('helper', ['--serve']);
    this.child.on('exit', () => undefined);
  }
  async withRespawn<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch {
      this.spawnHelper();
      return operation();
    }
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a write stream replaced by a retry after its source failed, released only when it finishes',
    code: `
import fs from 'node:fs';
import type { Readable } from 'node:stream';
export class Downloader {
  private file: fs.WriteStream | undefined;
  constructor(private readonly path: string, private readonly open: () => Readable) {}
  start(): void {
    this.file = fs.createWriteStream(this.path);
    this.file.on('finish', () => this.file?.close());
    this.open().on('error', () => this.retry()).pipe(this.file);
  }
  private retry(): void {
    setTimeout(() => this.start(), 1000);
  }
}`,
    errors: [
      {
        messageId: 'replacedOnRerun' as const,
        line: 8,
        data: { resource: 'file stream', slot: 'this.file', method: 'start', rerun: 'this.start()', line: '13', release: '.destroy()' },
        suggestions: [
          {
            messageId: 'releaseBeforeReplace' as const,
            output: `
import fs from 'node:fs';
import type { Readable } from 'node:stream';
export class Downloader {
  private file: fs.WriteStream | undefined;
  constructor(private readonly path: string, private readonly open: () => Readable) {}
  start(): void {
    this.file?.destroy();
    this.file = fs.createWriteStream(this.path);
    this.file.on('finish', () => this.file?.close());
    this.open().on('error', () => this.retry()).pipe(this.file);
  }
  private retry(): void {
    setTimeout(() => this.start(), 1000);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a reconnect the class runs from an error listener fills the slot again',
    code: `
import fs from 'node:fs';
import type { Readable } from 'node:stream';
export class Recorder {
  private file: fs.WriteStream | undefined;
  constructor(private readonly path: string, private readonly source: Readable) {}
  start(): void {
    this.source.on('error', () => this.reconnect());
    this.openFile();
  }
  private reconnect(): void {
    this.openFile();
  }
  private openFile(): void {
    this.file = fs.createWriteStream(this.path);
    this.file.on('finish', () => this.file?.close());
    this.source.pipe(this.file);
  }
}`,
    errors: [{ messageId: 'replacedOnRerun' as const, line: 15, suggestions: [{ messageId: 'releaseBeforeReplace' as const, output: `
import fs from 'node:fs';
import type { Readable } from 'node:stream';
export class Recorder {
  private file: fs.WriteStream | undefined;
  constructor(private readonly path: string, private readonly source: Readable) {}
  start(): void {
    this.source.on('error', () => this.reconnect());
    this.openFile();
  }
  private reconnect(): void {
    this.openFile();
  }
  private openFile(): void {
    this.file?.destroy();
    this.file = fs.createWriteStream(this.path);
    this.file.on('finish', () => this.file?.close());
    this.source.pipe(this.file);
  }
}` }] }],
  },
];

typedRuleTester().run('require-close (slots a rerun replaces, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (slots a rerun replaces, untyped)', rule, { valid, invalid });
