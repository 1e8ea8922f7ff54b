import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Values the registry does not know, made by a package's constructor or factory and released by the
 * function itself (`socket.close()`, `browser.close()`): the function's own release says the value has
 * a lifetime, and it must hold on every path. `ws` is installed with its types, so the typed run sees
 * a real `WebSocket`; packages that are not installed (`basic-ftp`) are `any` typed and untyped alike.
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
    name: "a local class is not a package's resource",
    code: `
class Session { close(): void {} run(): void {} }
export function once(): void {
  const session = new Session();
  session.run();
  session.close();
}`,
  },
];

const invalid = [
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
];

typedRuleTester().run('require-close (values the function releases itself, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (values the function releases itself, untyped)', rule, { valid, invalid });
