/**
 * `cleanup-on-close` on work started for a connection: the release goes on the connection's end,
 * right after the start. These sites are `require-cleanup-on-disconnect`'s (one site, one report).
 */
import { describe, expect, it } from 'vitest';
import { runCodemod } from '../../src/codemod/run-codemod';
import { cleanupOnClose } from '../../src/codemods/cleanup-on-close';

function rewrite(source: string, file = 'handler.js'): string | undefined {
  const codemod = cleanupOnClose;
  const first = runCodemod(codemod, { source, filePath: file });
  // Idempotent: the output has nothing left to fix.
  if (first.output !== undefined) expect(runCodemod(codemod, { source: first.output, filePath: file }).output).toBeUndefined();
  return first.output;
}

describe('cleanup-on-close on connection-scoped work', () => {
  it('names a dropped interval in an express handler and clears it on req close', () => {
    const input = `import express from 'express';
const app = express();
app.get('/events', (req, res) => {
  res.flushHeaders();
  setInterval(() => res.write('data: tick\\n\\n'), 1000).unref();
});
`;
    expect(rewrite(input)).toBe(`import express from 'express';
const app = express();
app.get('/events', (req, res) => {
  res.flushHeaders();
  const interval = setInterval(() => res.write('data: tick\\n\\n'), 1000).unref();
  req.on('close', () => clearInterval(interval));
});
`);
  });

  it('gives two dropped intervals of one handler two names', () => {
    const input = `import http from 'node:http';
http.createServer((req, res) => {
  setInterval(() => res.write(': ping\\n\\n'), 1000);
  setInterval(() => res.write('data: {}\\n\\n'), 5000);
});
`;
    expect(rewrite(input)).toBe(`import http from 'node:http';
http.createServer((req, res) => {
  const interval = setInterval(() => res.write(': ping\\n\\n'), 1000);
  req.on('close', () => clearInterval(interval));
  const interval2 = setInterval(() => res.write('data: {}\\n\\n'), 5000);
  req.on('close', () => clearInterval(interval2));
});
`);
  });

  it('uses request.raw under fastify and the socket of a ws connection', () => {
    const input = `import Fastify from 'fastify';
import { WebSocketServer } from 'ws';
const fastify = Fastify();
fastify.get('/events', async (request, reply) => {
  setInterval(() => reply.raw.write('data: tick\\n\\n'), 1000); // keep-alive
});
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  setInterval(() => ws.ping(), 30000);
});
`;
    expect(rewrite(input)).toBe(`import Fastify from 'fastify';
import { WebSocketServer } from 'ws';
const fastify = Fastify();
fastify.get('/events', async (request, reply) => {
  const interval = setInterval(() => reply.raw.write('data: tick\\n\\n'), 1000); // keep-alive
  request.raw.on('close', () => clearInterval(interval));
});
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  const interval = setInterval(() => ws.ping(), 30000);
  ws.on('close', () => clearInterval(interval));
});
`);
  });

  it('uses ctx.req under koa and socket.io disconnect, keeping quotes and semicolons', () => {
    const input = `import Koa from "koa"
import { Server } from "socket.io"
import { EventEmitter } from "node:events"
const bus = new EventEmitter()
const app = new Koa()
app.use(async (ctx) => {
  bus.on("price", (price) => ctx.res.write(String(price)))
})
const io = new Server()
io.on("connection", (socket) => {
  setInterval(() => socket.emit("ping"), 5000)
})
`;
    expect(rewrite(input)).toBe(`import Koa from "koa"
import { Server } from "socket.io"
import { EventEmitter } from "node:events"
const bus = new EventEmitter()
const app = new Koa()
app.use(async (ctx) => {
  const onPrice = (price) => ctx.res.write(String(price))
  bus.on("price", onPrice)
  ctx.req.on("close", () => bus.off("price", onPrice))
})
const io = new Server()
io.on("connection", (socket) => {
  const interval = setInterval(() => socket.emit("ping"), 5000)
  socket.on("disconnect", () => clearInterval(interval))
})
`);
  });

  it('clears a grpc-js stream handler’s interval on cancelled and close, with a typed listener hoisted in TypeScript', () => {
    const input = `import * as grpc from '@grpc/grpc-js';
import { EventEmitter } from 'node:events';
const prices = new EventEmitter();
const server = new grpc.Server();
server.addService({} as grpc.ServiceDefinition, {
  watch: (call: grpc.ServerWritableStream<unknown, unknown>) => {
    prices.on('price', (price) => call.write(price));
  },
});
`;
    expect(rewrite(input, 'service.ts')).toBe(`import * as grpc from '@grpc/grpc-js';
import { EventEmitter } from 'node:events';
const prices = new EventEmitter();
const server = new grpc.Server();
server.addService({} as grpc.ServiceDefinition, {
  watch: (call: grpc.ServerWritableStream<unknown, unknown>) => {
    const onPrice = (price: any) => call.write(price);
    prices.on('price', onPrice);
    call.on('cancelled', () => prices.off('price', onPrice));
    call.on('close', () => prices.off('price', onPrice));
  },
});
`);
  });

  it('turns src.pipe(res) into pipeline(src, res, cb), importing pipeline the way the file imports', () => {
    const input = `const fs = require('node:fs');
const http = require('node:http');
http.createServer((req, res) => {
  fs.createReadStream('big.log').pipe(res);
});
`;
    expect(rewrite(input, 'server.cjs')).toBe(`const fs = require('node:fs');
const http = require('node:http');
const { pipeline } = require('node:stream');
http.createServer((req, res) => {
  pipeline(fs.createReadStream('big.log'), res, () => {});
});
`);
  });
});
