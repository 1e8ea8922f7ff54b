/**
 * The invalid cases of `respect-backpressure`, shared by the RuleTester suites and the suggestion
 * check (tests/streams/respect-backpressure.suggestions.test.ts), which applies every suggestion,
 * type-checks the result and lints it again.
 */
export interface BackpressureCase {
  readonly name: string;
  readonly code: string;
  readonly errors: readonly { readonly messageId: 'ignoredInLoop' | 'ignoredPerEvent' | 'drainOnly'; readonly line: number; readonly suggestions: readonly string[] }[];
  /** Reported without types too (the shapes: a handler's `res`, a factory's stream, a grpc-js call). */
  readonly untyped: boolean;
}

export const backpressureCases: readonly BackpressureCase[] = [
  {
    name: 'an NDJSON exporter writes every row of an async iterator to the response',
    code: `
import http from 'node:http';
declare function rows(): AsyncIterable<{ id: number }>;
http.createServer(async (req, res) => {
  for await (const row of rows()) {
    res.write(JSON.stringify(row) + '\\n');
  }
  res.end();
});
`,
    errors: [{ messageId: 'ignoredInLoop', line: 6, suggestions: ['awaitDrainOrClose'] }],
    untyped: true,
  },
  {
    name: 'a sync loop over rows in an express route, ended after the loop',
    code: `
import express from 'express';
declare function loadRows(): { id: number }[];
const app = express();
app.get('/export', (req, res) => {
  const rows = loadRows();
  for (const row of rows) {
    res.write(JSON.stringify(row) + '\\n');
  }
  res.end();
});
`,
    errors: [{ messageId: 'ignoredInLoop', line: 8, suggestions: ['usePipeline'] }],
    untyped: true,
  },
  {
    name: 'an SSE broadcaster writes every bus event to the response',
    code: `
import http from 'node:http';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
http.createServer((req, res) => {
  const onOrder = (order: unknown) => {
    res.write(\`data: \${JSON.stringify(order)}\\n\\n\`);
  };
  bus.on('order', onOrder);
  req.on('close', () => bus.off('order', onOrder));
});
`,
    errors: [{ messageId: 'ignoredPerEvent', line: 7, suggestions: [] }],
    untyped: true,
  },
  {
    name: 'an interval writes a growing payload to the response',
    code: `
import http from 'node:http';
declare function snapshot(): object;
http.createServer((req, res) => {
  const timer = setInterval(() => res.write(JSON.stringify(snapshot())), 100);
  req.on('close', () => clearInterval(timer));
});
`,
    errors: [{ messageId: 'ignoredPerEvent', line: 5, suggestions: [] }],
    untyped: true,
  },
  {
    name: 'an upload copied into a file stream from data events without pausing',
    code: `
import http from 'node:http';
import fs from 'node:fs';
http.createServer((req, res) => {
  const file = fs.createWriteStream('/tmp/upload');
  req.on('data', (chunk: Buffer) => file.write(chunk));
  req.on('end', () => {
    file.end();
    res.end('ok');
  });
});
`,
    errors: [{ messageId: 'ignoredPerEvent', line: 6, suggestions: [] }],
    untyped: true,
  },
  {
    name: 'a wait for drain alone parks for ever when the client leaves',
    code: `
import http from 'node:http';
import { once } from 'node:events';
declare function rows(): AsyncIterable<string>;
http.createServer(async (req, res) => {
  for await (const row of rows()) {
    if (!res.write(row)) await once(res, 'drain');
  }
  res.end();
});
`,
    errors: [{ messageId: 'drainOnly', line: 7, suggestions: ['waitForCloseToo'] }],
    untyped: true,
  },
  {
    name: 'a hand-made drain promise without close or error',
    code: `
import { createGzip } from 'node:zlib';
export async function compress(chunks: AsyncIterable<Buffer>) {
  const gzip = createGzip();
  for await (const chunk of chunks) {
    if (!gzip.write(chunk)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  return gzip;
}
`,
    errors: [{ messageId: 'drainOnly', line: 6, suggestions: ['waitForCloseToo'] }],
    untyped: true,
  },
  {
    name: 'a grpc-js server-streaming handler writes every item of a page loop',
    code: `
import * as grpc from '@grpc/grpc-js';
declare function page(offset: number): Promise<{ id: number }[]>;
export async function listItems(call: grpc.ServerWritableStream<{ q: string }, { id: number }>) {
  let offset = 0;
  for (;;) {
    const items = await page(offset);
    if (items.length === 0) break;
    for (const item of items) call.write(item);
    offset += items.length;
  }
  call.end();
}
`,
    errors: [{ messageId: 'ignoredInLoop', line: 9, suggestions: ['awaitDrainOrClose'] }],
    untyped: false,
  },
  {
    name: 'a typed socket written in a while loop of an async function',
    code: `
import type { Socket } from 'node:net';
declare function next(): Promise<Buffer | undefined>;
export async function relay(socket: Socket) {
  let chunk = await next();
  while (chunk) {
    socket.write(chunk);
    chunk = await next();
  }
}
`,
    errors: [{ messageId: 'ignoredInLoop', line: 7, suggestions: ['awaitDrainOrClose'] }],
    untyped: false,
  },
];
