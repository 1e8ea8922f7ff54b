import rule from '../../rules/require-cleanup-on-disconnect';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

const typed = typedRuleTester();
const untyped = untypedRuleTester();

/** Cases whose verdict does not depend on type information: both modes must agree. */
const valid = [
  {
    name: 'an SSE interval cleared when the request closes',
    code: `
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const timer = setInterval(() => res.write('data: ping\\n\\n'), 1000);
  req.on('close', () => clearInterval(timer));
}).listen(8080);`,
  },
  {
    name: 'an express route that removes its bus listener, the same function, when the client leaves',
    code: `
import express from 'express';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
const app = express();
app.get('/orders', (req, res) => {
  const onOrder = (order: unknown) => res.write(JSON.stringify(order));
  bus.on('order', onOrder);
  req.on('close', () => bus.off('order', onOrder));
});`,
  },
  {
    name: 'a ws heartbeat cleared on the socket’s close',
    code: `
import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  const heartbeat = setInterval(() => ws.ping(), 30_000);
  ws.on('close', () => clearInterval(heartbeat));
});`,
  },
  {
    name: 'a socket.io listener removed on disconnect',
    code: `
import { Server } from 'socket.io';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
const io = new Server(3000);
io.on('connection', (socket) => {
  const relay = (message: string) => socket.emit('message', message);
  bus.on('message', relay);
  socket.on('disconnect', () => bus.off('message', relay));
});`,
  },
  {
    name: 'a grpc-js server-streaming write loop that stops when the call is cancelled',
    code: `
import * as grpc from '@grpc/grpc-js';
import { setTimeout as sleep } from 'node:timers/promises';
declare const definition: grpc.ServiceDefinition;
const server = new grpc.Server();
server.addService(definition, {
  watch: async (call: grpc.ServerWritableStream<unknown, unknown>) => {
    while (true) {
      if (call.cancelled) return;
      await sleep(1000);
      call.write({ now: Date.now() });
    }
  },
});`,
  },
  {
    name: 'a grpc-js bidi handler that clears its interval when the call is cancelled or closes',
    code: `
import * as grpc from '@grpc/grpc-js';
declare const definition: grpc.ServiceDefinition;
const server = new grpc.Server();
server.addService(definition, {
  chat: (call: grpc.ServerDuplexStream<unknown, unknown>) => {
    const ping = setInterval(() => call.write({ ping: true }), 5000);
    call.on('cancelled', () => clearInterval(ping));
    call.on('close', () => clearInterval(ping));
  },
});`,
  },
  {
    name: 'a write loop that reads a closed flag set by the close listener',
    code: `
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
http.createServer(async (req, res) => {
  let closed = false;
  req.on('close', () => { closed = true; });
  for (;;) {
    if (closed) break;
    await sleep(1000);
    res.write('data: tick\\n\\n');
  }
});`,
  },
  {
    name: 'an upstream response connected with pipeline, which destroys it when the client leaves',
    code: `
import http from 'node:http';
import { pipeline } from 'node:stream';
http.createServer((req, res) => {
  http.get('http://upstream.local/feed', (upstream) => {
    pipeline(upstream, res, () => {});
  });
});`,
  },
  {
    name: 'the request piped into a parser dies with the connection',
    code: `
import http from 'node:http';
import { PassThrough } from 'node:stream';
http.createServer((req, res) => {
  req.pipe(new PassThrough());
  const echo = new PassThrough();
  echo.pipe(res);
  echo.end('hi');
});`,
  },
  {
    name: 'an events.on loop ended by the request’s signal',
    code: `
import http from 'node:http';
import { EventEmitter, on } from 'node:events';
const bus = new EventEmitter();
http.createServer(async (req, res) => {
  const controller = new AbortController();
  req.on('close', () => controller.abort());
  for await (const [order] of on(bus, 'order', { signal: controller.signal })) res.write(String(order));
});`,
  },
  {
    name: 'an RxJS subscription kept and unsubscribed on close',
    code: `
import express from 'express';
import { Subject } from 'rxjs';
const orders$ = new Subject<string>();
const app = express();
app.get('/orders', (req, res) => {
  const subscription = orders$.subscribe((order) => res.write(order));
  req.on('close', () => subscription.unsubscribe());
});`,
  },
  {
    name: 'an RxJS subscription that ends itself after one value',
    code: `
import express from 'express';
import { Subject, take } from 'rxjs';
const orders$ = new Subject<string>();
const app = express();
app.get('/next', (req, res) => {
  orders$.pipe(take(1)).subscribe((order) => res.end(order));
});`,
  },
  {
    name: 'an interval outside any connection handler is no-leaked-interval’s (one site, one report)',
    code: `
export function track(name: string): void {
  setInterval(() => console.log(name), 1000).unref();
}`,
  },
  {
    name: 'a bounded write loop over a finite list is not an endless one',
    code: `
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
http.createServer(async (req, res) => {
  for (const line of ['a', 'b', 'c']) {
    await sleep(10);
    res.write(line);
  }
  res.end();
});`,
  },
];

const invalid = [
  {
    name: 'an SSE interval on node:http that nothing clears when the client leaves',
    code: `
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  setInterval(() => res.write('data: ping\\n\\n'), 1000);
}).listen(8080);`,
    errors: [{ messageId: 'intervalOutlivesConnection' as const, line: 5, data: { timer: 'setInterval', where: 'a server request handler', end: '`req`’s \'close\'' } }],
  },
  {
    name: 'an express route subscribing a module-level bus per request and never unsubscribing',
    code: `
import express from 'express';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
const app = express();
app.get('/orders', (req, res) => {
  bus.on('order', (order) => res.write(JSON.stringify(order)));
});`,
    errors: [{ messageId: 'listenerOutlivesConnection' as const, line: 7 }],
  },
  {
    name: 'a ws connection whose heartbeat is kept but never cleared',
    code: `
import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  const heartbeat = setInterval(() => ws.ping(), 30_000);
  ws.on('pong', () => heartbeat.refresh());
});`,
    errors: [{ messageId: 'intervalOutlivesConnection' as const, line: 5, data: { timer: 'setInterval', where: 'a `connection` listener', end: '`ws`’s \'close\'' } }],
  },
  {
    name: 'a socket.io connection whose ticker survives disconnect',
    code: `
import { Server } from 'socket.io';
const io = new Server(3000);
io.on('connection', (socket) => {
  setInterval(() => socket.emit('tick', Date.now()), 1000);
});`,
    errors: [{ messageId: 'intervalOutlivesConnection' as const, line: 5, data: { timer: 'setInterval', where: 'a `connection` listener', end: '`socket`’s \'disconnect\'' } }],
  },
  {
    name: 'a grpc-js streaming handler whose write loop never looks at cancellation',
    code: `
import * as grpc from '@grpc/grpc-js';
import { setTimeout as sleep } from 'node:timers/promises';
declare const definition: grpc.ServiceDefinition;
const server = new grpc.Server();
server.addService(definition, {
  watch: async (call: grpc.ServerWritableStream<unknown, unknown>) => {
    while (true) {
      await sleep(1000);
      call.write({ now: Date.now() });
    }
  },
});`,
    errors: [{ messageId: 'writeLoopIgnoresEnd' as const, line: 8, }],
  },
  {
    name: 'grpc-js bidi and client-streaming handlers: an interval and a bus listener that outlive the call',
    code: `
import * as grpc from '@grpc/grpc-js';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
declare const definition: grpc.ServiceDefinition;
const server = new grpc.Server();
server.addService(definition, {
  chat: (call: grpc.ServerDuplexStream<unknown, unknown>) => {
    setInterval(() => call.write({ ping: true }), 5000);
  },
  record: (call: grpc.ServerReadableStream<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
    bus.on('flush', () => callback(null, {}));
  },
});`,
    errors: [
      { messageId: 'intervalOutlivesConnection' as const, line: 9, data: { timer: 'setInterval', where: 'a gRPC service method', end: '`call`’s \'cancelled\' / \'close\'' } },
      { messageId: 'listenerOutlivesConnection' as const, line: 12 },
    ],
  },
  {
    name: 'a koa middleware streaming on an interval',
    code: `
import Koa from 'koa';
import { PassThrough } from 'node:stream';
const app = new Koa();
app.use(async (ctx) => {
  const body = new PassThrough();
  ctx.body = body;
  setInterval(() => body.write('data: ping\\n\\n'), 1000);
});`,
    errors: [{ messageId: 'intervalOutlivesConnection' as const, line: 8, data: { timer: 'setInterval', where: 'a middleware', end: '`ctx.req`’s \'close\'' } }],
  },
  {
    name: 'a fastify route writing to the raw reply on an interval',
    code: `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/events', (request, reply) => {
  reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
  setInterval(() => reply.raw.write('data: ping\\n\\n'), 1000);
});`,
    errors: [{ messageId: 'intervalOutlivesConnection' as const, line: 6, data: { timer: 'setInterval', where: 'a route handler', end: '`request.raw`’s \'close\'' } }],
  },
  {
    name: 'an RxJS subject subscribed per request and dropped',
    code: `
import express from 'express';
import { Subject } from 'rxjs';
const orders$ = new Subject<string>();
const app = express();
app.get('/orders', (req, res) => {
  orders$.subscribe((order) => res.write(order));
});`,
    errors: [{ messageId: 'subscriptionOutlivesConnection' as const, line: 7}],
  },
  {
    name: 'an RxJS interval subscribed per connection',
    code: `
import { WebSocketServer } from 'ws';
import { interval, map } from 'rxjs';
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  interval(1000).pipe(map(String)).subscribe((tick) => ws.send(tick));
});`,
    errors: [{ messageId: 'subscriptionOutlivesConnection' as const, line: 6 }],
  },
  {
    name: 'a for await over events.on with no signal in an SSE handler',
    code: `
import http from 'node:http';
import { EventEmitter, on } from 'node:events';
const bus = new EventEmitter();
http.createServer(async (req, res) => {
  for await (const [order] of on(bus, 'order')) res.write(String(order));
});`,
    errors: [{ messageId: 'loopOutlivesConnection' as const, line: 6 }],
  },
  {
    name: 'an upstream response piped into the client, not destroyed when the client leaves',
    code: `
import http from 'node:http';
http.createServer((req, res) => {
  http.get('http://upstream.local/feed', (upstream) => {
    upstream.pipe(res);
  });
});`,
    errors: [{ messageId: 'pipeNotDestroyed' as const, line: 5}],
  },
  {
    name: 'a file stream piped inline into the response (no variable for require-close to judge)',
    code: `
import http from 'node:http';
import fs from 'node:fs';
http.createServer((req, res) => {
  fs.createReadStream('big.log').pipe(res);
});`,
    errors: [{ messageId: 'pipeNotDestroyed' as const, line: 5 }],
  },
  {
    name: 'a self-re-arming poll started per ws message',
    code: `
import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  ws.on('message', () => {
    const poll = () => {
      ws.send('status');
      setTimeout(poll, 1000);
    };
    poll();
  });
});`,
    errors: [{ messageId: 'rearmOutlivesConnection' as const, line: 8 }],
  },
  {
    name: 'an endless SSE write loop with sleeps and no closed check',
    code: `
import express from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
const app = express();
app.get('/clock', async (req, res) => {
  res.setHeader('content-type', 'text/event-stream');
  while (true) {
    res.write(\`data: \${Date.now()}\\n\\n\`);
    await sleep(1000);
  }
});`,
    errors: [{ messageId: 'writeLoopIgnoresEnd' as const, line: 7}],
  },
  {
    name: 'a handler known by its express parameter types (annotations resolve through the imports, with or without types)',
    code: `
import type { Request, Response } from 'express';
export function stream(req: Request, res: Response): void {
  setInterval(() => res.write('data: ping\\n\\n'), 1000);
}`,
    errors: [{ messageId: 'intervalOutlivesConnection' as const, line: 4 }],
  },
];

/** Typed only: handlers known by their parameters' types, and subscribe APIs known by their result. */
const typedInvalid = [
  {
    name: 'an imported event bus whose subscribe returns an unsubscribe function',
    code: `
import http from 'node:http';
declare const bus: { subscribe(topic: string, fn: (message: string) => void): () => void };
http.createServer((req, res) => {
  bus.subscribe('orders', (message) => res.write(message));
});`,
    errors: [{ messageId: 'subscriptionOutlivesConnection' as const, line: 5}],
  },
];

const typedValid = [
  {
    name: 'a subscribe that returns a promise is no subscription handle',
    code: `
import http from 'node:http';
declare const redis: { subscribe(channel: string, fn: (message: string) => void): Promise<void> };
http.createServer(async (req, res) => {
  await redis.subscribe('orders', (message) => res.write(message));
});`,
  },
];

typed.run('require-cleanup-on-disconnect (typed)', rule, { valid: [...valid, ...typedValid], invalid: [...invalid, ...typedInvalid] });
untyped.run('require-cleanup-on-disconnect (untyped)', rule, {
  valid: [...valid, ...typedInvalid.map(({ name, code }) => ({ name: `${name} (untyped: no types, no handler)`, code }))],
  invalid,
});
