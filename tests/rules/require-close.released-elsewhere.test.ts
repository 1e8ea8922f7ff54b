import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Released code the rule must leave alone: a release reached through a local helper, a promise
 * chain, a callback, a listener of the peer, or a `finally` of the calling method. Guards the models
 * that follow releases through callbacks, continuations, settle paths and method-scoped fields.
 */
const valid = [
  {
    name: 'released in finally by a local helper that releases it',
    code: `
import { Pool, type PoolClient } from 'pg';
const pool = new Pool();
function cleanup(client: PoolClient): void {
  client.release();
}
export async function run(sql: string) {
  const client = await pool.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    cleanup(client);
  }
}`,
  },
  {
    name: 'released in a .finally() of the promise the function returns',
    code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function run(sql: string) {
  const client = await pool.connect();
  return client.query(sql).finally(() => client.release());
}`,
  },
  {
    name: "a stream piped into the response and destroyed on the response's 'close'",
    code: `
import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
export function send(path: string, res: ServerResponse): void {
  const stream = createReadStream(path);
  res.on('close', () => stream.destroy());
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}`,
  },
  {
    name: 'a socket whose timeout calls a local done() that destroys it and settles',
    code: `
import net from 'node:net';
export function probe(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}`,
  },
  {
    name: "a UDP socket closed in send's callback",
    code: `
import dgram from 'node:dgram';
export function notify(message: Buffer, port: number, host: string): void {
  const socket = dgram.createSocket('udp4');
  socket.send(message, port, host, () => socket.close());
}`,
  },
  {
    name: 'a withClient helper that lends the client to a callback and releases it in finally',
    code: `
import { Pool, type PoolClient } from 'pg';
const pool = new Pool();
export async function withClient<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}
export async function run(sql: string) {
  return withClient(async (client) => (await client.query(sql)).rows);
}`,
  },
  {
    name: 'released in a .finally() of a chain inside the .then() that acquired it',
    code: `
import { Pool } from 'pg';
const pool = new Pool();
export function run(sql: string): Promise<unknown[]> {
  return pool.connect().then((client) =>
    client
      .query(sql)
      .then((result) => result.rows)
      .finally(() => client.release()),
  );
}`,
  },
  {
    name: "a field started by one method and stopped by another in the caller's finally",
    code: `
import puppeteer, { type Browser } from 'puppeteer';
export class Renderer {
  private browser: Browser | undefined;
  async start(): Promise<void> {
    this.browser = await puppeteer.launch();
  }
  async stop(): Promise<void> {
    await this.browser?.close();
    this.browser = undefined;
  }
  async render(url: string): Promise<string> {
    try {
      await this.start();
      const page = await this.browser!.newPage();
      await page.goto(url);
      return await page.content();
    } finally {
      await this.stop();
    }
  }
}`,
  },
  {
    name: 'a worker terminated when its result arrives, the promise settled on error and exit',
    code: `
import { Worker } from 'node:worker_threads';
export function runJob(file: string, data: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: data });
    worker.once('message', (result) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error('exit ' + code));
    });
  });
}`,
  },
];

const invalid = [
  {
    name: 'a socket whose timeout calls a local helper that only settles leaves it open',
    code: `
import net from 'node:net';
export function probe(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    const settle = (ok: boolean) => resolve(ok);
    socket.setTimeout(1000, () => settle(false));
    socket.once('connect', () => {
      socket.end();
      settle(true);
    });
    socket.once('error', () => settle(false));
  });
}`,
    errors: [{ messageId: 'timeoutWithoutRelease' as const, line: 5 }],
  },
  {
    name: 'a socket whose timeout calls a local helper that only looks at it leaves it open',
    code: `
import net from 'node:net';
export function probe(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host);
    const fail = (reason: string) => reject(new Error(reason + ' ' + socket.remoteAddress));
    socket.setTimeout(1000, () => fail('timeout'));
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => fail('error'));
  });
}`,
    errors: [{ messageId: 'timeoutWithoutRelease' as const, line: 5 }],
  },
];

typedRuleTester().run('require-close (released through helpers, chains and callbacks, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (released through helpers, chains and callbacks, untyped)', rule, { valid, invalid });
