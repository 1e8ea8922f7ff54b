import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Values the registry does not know, made by a package's constructor or factory and released by the
 * function itself (`socket.close()`, `browser.close()`): the function's own release says the value has
 * a lifetime, and it must hold on every path. `ws` is installed with its types, so the typed run sees
 * a real `WebSocket`; packages that are not installed (`basic-ftp`) are `any` typed and untyped alike.
 * And connection-owning clients used once: made and closed by one function that is not a hot path.
 */
const valid = [
  {
    name: 'a WebSocket closed in finally',
    code: `
import WebSocket from 'ws';
export async function ping(url: string): Promise<void> {
  const socket = new WebSocket(url);
  try {
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send('ping');
  } finally {
    socket.close();
  }
}`,
  },
  {
    name: 'a value the function never releases itself is not judged by this model',
    code: `
import WebSocket from 'ws';
export function connect(url: string): WebSocket {
  const socket = new WebSocket(url);
  socket.on('error', () => undefined);
  return socket;
}`,
  },
  {
    name: "a value handed out is the caller's, even when an error path closes it",
    code: `
import { Client } from 'basic-ftp';
export async function open(host: string) {
  const client = new Client();
  try {
    await client.access({ host });
  } catch (error) {
    client.close();
    throw error;
  }
  return client;
}`,
  },
  {
    name: "Node built-ins are the registry's to judge, not this model's",
    code: `
import { PassThrough } from 'node:stream';
export function relay(chunks: string[]): string {
  const stream = new PassThrough();
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  return String(stream.read());
}`,
  },
  {
    name: 'a local class whose close() does nothing holds nothing to release',
    code: `
class Session { close(): void {} run(): void {} }
export function once(): void {
  const session = new Session();
  session.run();
  session.close();
}`,
  },
  {
    name: 'a one-shot pg client ended in finally',
    code: `
import pg from 'pg';
export async function serverVersion(connectionString: string): Promise<string> {
  const probe = new pg.Client({ connectionString });
  try {
    await probe.connect();
    const result = await probe.query<{ server_version: string }>('show server_version');
    return result.rows[0]!.server_version;
  } finally {
    await probe.end();
  }
}`,
  },
  {
    name: 'a client made and ended per request is no-client-per-call\'s site, not this rule\'s',
    code: `
import express from 'express';
import pg from 'pg';
const app = express();
app.get('/version', async (req, res) => {
  const probe = new pg.Client();
  await probe.connect();
  const result = await probe.query('show server_version');
  await probe.end();
  res.json(result.rows[0]);
});`,
  },
  {
    name: 'a client kept by the function that makes it is not a one-shot client',
    code: `
import pg from 'pg';
export async function connect(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  return client;
}`,
  },
];

const invalid = [
  {
    name: 'a page of a browser the caller may pass, typed any, closed only after the work that can throw (typed mode reads it as untyped mode does)',
    code: `
export async function capture(options: any, url: string) {
  const browser = options.browser;
  const page = await browser.newPage();
  await page.goto(url);
  const shot = await page.screenshot();
  await page.close();
  return shot;
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 4,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
export async function capture(options: any, url: string) {
  const browser = options.browser;
  const page = await browser.newPage();
  try {
    await page.goto(url);
    const shot = await page.screenshot();
    return shot;
  } finally {
    await page.close();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a WebSocket closed only at the end of the happy path',
    code: `
import { once } from 'node:events';
import WebSocket from 'ws';
export async function ping(url: string): Promise<void> {
  const socket = new WebSocket(url);
  await once(socket, 'open');
  socket.send('ping');
  socket.close();
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 5,
        data: { resource: '`socket` from `new WebSocket()`', thrower: "await once(socket, 'open')", line: '6' },
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import { once } from 'node:events';
import WebSocket from 'ws';
export async function ping(url: string): Promise<void> {
  const socket = new WebSocket(url);
  try {
    await once(socket, 'open');
    socket.send('ping');
  } finally {
    socket.close();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'an FTP client from a package without types, closed inside the try it can throw out of',
    code: `
const ftp = require('basic-ftp');
async function deploy(options) {
  const client = new ftp.Client();
  try {
    await client.access(options);
    await client.uploadFromDir(options.localDir);
    client.close();
  } catch (error) {
    console.error(error);
  }
}
module.exports = { deploy };`,
    errors: [
      {
        messageId: 'notReleasedOnEveryPath' as const,
        line: 4,
        data: { resource: '`client` from `new ftp.Client()`', line: '12' },
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
const ftp = require('basic-ftp');
async function deploy(options) {
  const client = new ftp.Client();
  try {
    await client.access(options);
    await client.uploadFromDir(options.localDir);
  } catch (error) {
    console.error(error);
  } finally {
    client.close();
  }
}
module.exports = { deploy };`,
          },
        ],
      },
    ],
  },
  {
    name: 'a launched browser closed after the steps that can time out',
    code: `
import puppeteer from 'puppeteer';
export async function title(url: string): Promise<string> {
  const browser = await puppeteer.launch();
  const page = await browser.newPage();
  await page.goto(url);
  const text = await page.title();
  await browser.close();
  return text;
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 4,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import puppeteer from 'puppeteer';
export async function title(url: string): Promise<string> {
  const browser = await puppeteer.launch();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const text = await page.title();
    return text;
  } finally {
    await browser.close();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a one-shot pg client ended after a step that can throw (a setup connection before the pool)',
    code: `
import pg from 'pg';
export async function typeOids(connectionString: string, names: string[]): Promise<number[]> {
  const setup = new pg.Client({ connectionString });
  await setup.connect();
  const result = await setup.query<{ oid: number }>('select oid from pg_type where typname = any($1)', [names]);
  if (result.rows.length !== names.length) throw new Error('unknown type');
  await setup.end();
  return result.rows.map((row) => row.oid);
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 4,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import pg from 'pg';
export async function typeOids(connectionString: string, names: string[]): Promise<number[]> {
  const setup = new pg.Client({ connectionString });
  try {
    await setup.connect();
    const result = await setup.query<{ oid: number }>('select oid from pg_type where typname = any($1)', [names]);
    if (result.rows.length !== names.length) throw new Error('unknown type');
    return result.rows.map((row) => row.oid);
  } finally {
    await setup.end();
  }
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (values the function releases itself, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (values the function releases itself, untyped)', rule, { valid, invalid });

/**
 * Typed only: a package's object whose type speaks of no I/O (no events, no close/end/disconnect
 * beside `destroy()`) is an in-memory object clearing its own state; untyped, nothing tells it apart.
 */
typedRuleTester().run('require-close (in-memory objects a function destroys, typed)', rule, {
  valid: [
    {
      name: 'a feature evaluator built from features per request and destroyed after use',
      code: `
import { FeatureEvaluator } from 'feature-evaluator';
import { createServer } from 'node:http';
createServer((req, res) => {
  const evaluator = new FeatureEvaluator({ features: {}, attributes: { url: req.url } });
  const enabled = evaluator.isOn('new-checkout');
  res.end(JSON.stringify({ enabled }));
  evaluator.destroy();
}).listen(0);`,
    },
  ],
  invalid: [],
});
