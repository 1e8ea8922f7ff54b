import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Three lifetimes beyond "a local released in a finally": a resource made in a `new Promise` executor
 * lives until the promise settles, so every settling callback is an exit; a value a method keeps in
 * `this.<field>` and releases itself (or through a sibling method) is that method's; and `.pipe()` only
 * borrows the stream piped into a connection's other end, even when the stream has no name.
 * `ws` and `pg` are installed with their types; `basic-ftp` is not (typed and untyped alike see `any`).
 */
const valid = [
  {
    name: 'a UDP socket closed on every way its promise settles',
    code: `
import dgram from 'node:dgram';
export function probe(host: string, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('timeout'));
    }, timeoutMs);
    socket.once('message', (message) => {
      clearTimeout(timer);
      socket.close();
      resolve(message);
    });
    socket.send(Buffer.alloc(1), 9, host);
  });
}`,
  },
  {
    name: "a resource also released by its own 'close' listener: a rejecting timeout does not leave it open",
    code: `
import WebSocket from 'ws';
export function firstMessage(url: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('error', () => socket.terminate());
    setTimeout(() => reject(new Error('timeout')), timeoutMs);
    socket.once('message', (data) => {
      socket.close();
      resolve(String(data));
    });
  });
}`,
  },
  {
    name: "a resource the promise resolves with is the awaiting caller's",
    code: `
import WebSocket from 'ws';
export function open(url: string, timeoutMs: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('timeout'));
    }, timeoutMs);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve(socket);
    });
  });
}`,
  },
  {
    name: "settling from the resource's own 'error' listener, registered in a chain, is not judged",
    code: `
import WebSocket from 'ws';
export function firstMessage(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket
      .once('message', (data) => {
        socket.close();
        resolve(String(data));
      })
      .once('error', (error) => reject(error));
  });
}`,
  },
  {
    name: "settling from the resource's own 'close'/'error' listeners registered by name is not judged",
    code: `
import net from 'node:net';
export function tcpConnect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const onClose = () => {
      reject(new Error('socket closed'));
    };
    function onError(error: Error) {
      reject(error);
    }
    const socket = net.connect(port, () => {
      socket.removeListener('close', onClose);
      socket.removeListener('error', onError);
      resolve(socket);
    });
    socket.once('close', onClose);
    socket.once('error', onError);
  });
}`,
  },
  {
    name: 'a field the method releases in a finally, through a sibling method',
    code: `
import { Client } from 'basic-ftp';
export class Uploader {
  private client: Client | undefined;
  async upload(host: string, file: string): Promise<void> {
    this.client = new Client();
    try {
      await this.client.access({ host });
      await this.client.uploadFrom(file, file);
    } finally {
      this.disconnect();
    }
  }
  disconnect(): void {
    this.client?.close();
    this.client = undefined;
  }
}`,
  },
  {
    name: 'a field set up by connect() and ended by close() lives with the instance, not with connect()',
    code: `
import { Client } from 'basic-ftp';
export class Session {
  private client: Client | undefined;
  async connect(host: string): Promise<void> {
    this.client = new Client();
    await this.client.access({ host });
  }
  close(): void {
    this.client?.close();
  }
}`,
  },
  {
    name: 'a reconnect that releases the previous value and keeps the new one in the field',
    code: `
import { Pool, type PoolClient } from 'pg';
export class Listener {
  private client: PoolClient | undefined;
  constructor(private readonly pool: Pool) {}
  async reconnect(): Promise<void> {
    this.client?.release();
    this.client = await this.pool.connect();
    await this.client.query('listen jobs');
  }
}`,
  },
  {
    name: 'a stream piped into the response through pipeline(), which destroys it when the client goes away',
    code: `
import fs from 'node:fs';
import http from 'node:http';
import { pipeline } from 'node:stream';
http.createServer((req, res) => {
  pipeline(fs.createReadStream('index.html'), res, () => undefined);
}).listen(0);`,
  },
  {
    name: "an unnamed stream piped into something that is not the connection's other end",
    code: `
import fs from 'node:fs';
export function show(path: string): void {
  fs.createReadStream(path).pipe(process.stdout);
}`,
  },
  {
    name: 'a helper of the file that closes what it is given takes it over',
    code: `
import { open, type FileHandle } from 'node:fs/promises';
async function finish(handle: FileHandle): Promise<string> {
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
export async function load(path: string): Promise<string> {
  const fh = await open(path);
  return finish(fh);
}`,
  },
  {
    name: 'a helper that passes on what a method of the resource answers (a part of it may live on) does not only borrow it',
    code: `
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
function copy(handle: FileHandle, target: NodeJS.WritableStream) {
  return pipeline(handle.createReadStream(), target);
}
export async function send(path: string, target: NodeJS.WritableStream): Promise<void> {
  const fh = await open(path);
  await copy(fh, target);
}`,
  },
  {
    name: 'a helper that makes a stream over the handle (which closes it when it ends) takes it over',
    code: `
import { open, type FileHandle } from 'node:fs/promises';
const streamOf = (handle: FileHandle) => handle.createReadStream();
export async function download(path: string) {
  const fh = await open(path);
  return streamOf(fh);
}`,
  },
  {
    name: 'a helper that hands the resource back (returns it) does not only borrow it',
    code: `
import { open, type FileHandle } from 'node:fs/promises';
const keep = (handle: FileHandle) => handle;
export async function reopen(path: string): Promise<FileHandle> {
  const fh = await open(path);
  return keep(fh);
}`,
  },
  {
    name: 'a table of helpers that only read: the caller releases in finally',
    code: `
import { open, type FileHandle } from 'node:fs/promises';
const readers = {
  size: (handle: FileHandle) => handle.stat(),
  text: (handle: FileHandle) => handle.readFile('utf8'),
};
export async function inspect(path: string, kind: 'size' | 'text'): Promise<unknown> {
  const fh = await open(path);
  try {
    return await readers[kind](fh);
  } finally {
    await fh.close();
  }
}`,
  },
];

const invalid = [
  {
    name: 'a UDP socket closed when the reply comes but not when the timeout rejects',
    code: `
import dgram from 'node:dgram';
export function probe(host: string, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    const timer = setTimeout(() => {
      reject(new Error('timeout'));
    }, timeoutMs);
    socket.once('message', (message) => {
      clearTimeout(timer);
      socket.close();
      resolve(message);
    });
    socket.send(Buffer.alloc(1), 9, host);
  });
}`,
    errors: [
      {
        messageId: 'settledWithoutRelease' as const,
        line: 5,
        data: { resource: 'UDP socket', release: '.close()', settle: "reject(new Error('timeout'))", line: '7' },
        suggestions: [
          {
            messageId: 'releaseBeforeSettle' as const,
            output: `
import dgram from 'node:dgram';
export function probe(host: string, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('timeout'));
    }, timeoutMs);
    socket.once('message', (message) => {
      clearTimeout(timer);
      socket.close();
      resolve(message);
    });
    socket.send(Buffer.alloc(1), 9, host);
  });
}`,
          },
        ],
      },
    ],
  },
  {
    name: "a package's connection kept on success but left open when a later step rejects (the class's close method says how it ends)",
    code: `
import { Client } from 'basic-ftp';
export class Mirror {
  private client: Client | undefined;
  connect(host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const client = new Client();
      client.access({ host }).then(() => {
        client.cd('/pub').then(() => {
          this.client = client;
          resolve();
        }, (error: Error) => {
          reject(error);
        });
      }, reject);
    });
  }
  close(): void {
    this.client?.close();
  }
}`,
    errors: [
      {
        messageId: 'settledWithoutRelease' as const,
        line: 7,
        data: { resource: '`client` from `new Client()`', release: '.close()', settle: 'reject(error)', line: '13' },
      },
    ],
  },
  {
    name: 'a pg client checked out into a field and released only after the work that can throw',
    code: `
import { Pool, type PoolClient } from 'pg';
export class Repository {
  private checkedOut: PoolClient | null = null;
  constructor(private readonly pool: Pool) {}
  async count(table: string): Promise<number> {
    this.checkedOut = await this.pool.connect();
    const result = await this.checkedOut.query('select count(*) from ' + table);
    this.checkedOut.release();
    this.checkedOut = null;
    return Number(result.rows[0].count);
  }
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 7,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import { Pool, type PoolClient } from 'pg';
export class Repository {
  private checkedOut: PoolClient | null = null;
  constructor(private readonly pool: Pool) {}
  async count(table: string): Promise<number> {
    this.checkedOut = await this.pool.connect();
    try {
      const result = await this.checkedOut.query('select count(*) from ' + table);
      return Number(result.rows[0].count);
    } finally {
      this.checkedOut.release();
      this.checkedOut = null;
    }
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a package value in a field closed by a sibling method only when every step succeeded',
    code: `
import { Client } from 'basic-ftp';
export class Uploader {
  private client: Client | undefined;
  async upload(host: string, file: string): Promise<void> {
    this.client = new Client();
    await this.client.access({ host });
    await this.client.uploadFrom(file, file);
    this.disconnect();
  }
  disconnect(): void {
    this.client?.close();
    this.client = undefined;
  }
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 6,
        data: { resource: '`this.client` from `new Client()`', release: '.close()', thrower: 'await this.client.access({ host })', line: '7' },
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import { Client } from 'basic-ftp';
export class Uploader {
  private client: Client | undefined;
  async upload(host: string, file: string): Promise<void> {
    this.client = new Client();
    try {
      await this.client.access({ host });
      await this.client.uploadFrom(file, file);
    } finally {
      this.disconnect();
    }
  }
  disconnect(): void {
    this.client?.close();
    this.client = undefined;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'an unnamed file stream piped into the response: .pipe() leaves it open when the client goes away',
    code: `
import fs from 'node:fs';
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200);
  fs.createReadStream('index.html').pipe(res);
}).listen(0);`,
    errors: [
      {
        messageId: 'pipedIntoPeer' as const,
        line: 6,
        data: { resource: 'file stream', release: '.close()', peer: 'res' },
        suggestions: [
          {
            messageId: 'destroyOnPeerClose' as const,
            output: `
import fs from 'node:fs';
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200);
  const stream = fs.createReadStream('index.html');
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}).listen(0);`,
          },
        ],
      },
    ],
  },
];

const borrowedByTable = `
import { open, type FileHandle } from 'node:fs/promises';
const readers = {
  size: (handle: FileHandle) => handle.stat(),
  text: (handle: FileHandle) => handle.readFile('utf8'),
};
export async function inspect(path: string, kind: 'size' | 'text'): Promise<unknown> {
  const fh = await open(path);
  const reader = readers[kind];
  return reader(fh);
}`;

const releasedAfterTheRead = `
import { open, type FileHandle } from 'node:fs/promises';
const readers = {
  size: (handle: FileHandle) => handle.stat(),
  text: (handle: FileHandle) => handle.readFile('utf8'),
};
export async function inspect(path: string, kind: 'size' | 'text'): Promise<unknown> {
  const fh = await open(path);
  try {
    const reader = readers[kind];
    return await reader(fh);
  } finally {
    await fh.close();
  }
}`;

/** Handed to helpers that only read it: the function still owns it (typed mode also offers `await using`). */
function borrowedByTableCase(typed: boolean) {
  const suggestions: { messageId: 'wrapInTryFinally' | 'declareWithUsing'; output: string }[] = [{ messageId: 'wrapInTryFinally', output: releasedAfterTheRead }];
  if (typed) suggestions.push({ messageId: 'declareWithUsing', output: borrowedByTable.replace('const fh = await open(path);', 'await using fh = await open(path);').replace('return reader(fh);', 'return await reader(fh);') });
  return {
    name: "a resource given to a table of helpers that only read it is still the caller's to release",
    code: borrowedByTable,
    errors: [{ messageId: 'neverReleased' as const, line: 8, suggestions }],
  };
}

typedRuleTester().run('require-close (ownership lifetimes, typed)', rule, { valid, invalid: [...invalid, borrowedByTableCase(true)] });
untypedRuleTester().run('require-close (ownership lifetimes, untyped)', rule, { valid, invalid: [...invalid, borrowedByTableCase(false)] });
