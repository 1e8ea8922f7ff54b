import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { createOracle } from '../../src/analysis/create-oracle';
import { parseSource } from '../../src/codemod/parse-source';
import { connectionEndsOf, type ConnectionEnd } from '../../src/lifetime/connection-end';
import { executionOf } from '../../src/lifetime/execution';
import type { ExecutionRole } from '../../src/lifetime/execution-role';
import { resolveRegistry } from '../../src/registry/settings';
import { createTypedProject } from '../typed-project';
import { siteCall } from './site-call';

/**
 * Every handler shape the connection-cleanup rules need, typed (real package types installed: node,
 * express, fastify, koa, ws, socket.io, grpc-js, kafkajs, React) and untyped: the role of the code
 * at `site()`, the parameters that stand for its connection, and the event that ends it.
 */
const shapes = {
  nodeHttp: `import http from 'node:http';
http.createServer((req, res) => { site(); res.end(); }).listen(0);
declare function site(): void;`,
  nodeHttpRequestEvent: `import { createServer } from 'node:http';
const server = createServer();
server.on('request', (req, res) => { site(); res.end(); });
declare function site(): void;`,
  express: `import express from 'express';
const app = express();
app.get('/events', (req, res) => { site(); res.end(); });
declare function site(): void;`,
  fastify: `import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/events', async (request, reply) => { site(); return reply.send('ok'); });
declare function site(): void;`,
  koa: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => { site(); await next(); });
declare function site(): void;`,
  ws: `import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ port: 0 });
wss.on('connection', (socket, req) => { site(); socket.send('hi'); });
declare function site(): void;`,
  socketIo: `import { Server } from 'socket.io';
const io = new Server();
io.on('connection', (socket) => { site(); socket.emit('hi'); });
declare function site(): void;`,
  grpcUnary: `import * as grpc from '@grpc/grpc-js';
const server = new grpc.Server();
declare const service: grpc.ServiceDefinition;
server.addService(service, {
  sayHello(call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) { site(); callback(null, {}); },
});
declare function site(): void;`,
  grpcServerStream: `import * as grpc from '@grpc/grpc-js';
const server = new grpc.Server();
declare const service: grpc.ServiceDefinition;
server.addService(service, {
  watch(call: grpc.ServerWritableStream<unknown, unknown>) { site(); call.write({}); },
});
declare function site(): void;`,
  grpcByType: `import type { ServerDuplexStream } from '@grpc/grpc-js';
export function chat(call: ServerDuplexStream<unknown, unknown>) { site(); call.end(); }
declare function site(): void;`,
  kafkaConsumer: `import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers: ['127.0.0.1:9092'] }).consumer({ groupId: 'g' });
void consumer.run({ eachMessage: async ({ message }) => { site(); void message; } });
declare function site(): void;`,
  interval: `setInterval(() => { site(); }, 1000);
declare function site(): void;`,
  reactEffect: `import { useEffect } from 'react';
export function Clock() {
  useEffect(() => { site(); }, []);
  return null;
}
declare function site(): void;`,
  abortSignal: `import express from 'express';
const app = express();
app.get('/slow', (req, res, signal?: AbortSignal) => { site(); res.end(); void signal; });
declare function site(): void;`,
  fastifyByType: `import type { FastifyReply, FastifyRequest } from 'fastify';
export async function stream(request: FastifyRequest, reply: FastifyReply) { site(); return reply.send('ok'); }
declare function site(): void;`,
  koaByType: `import type { ParameterizedContext } from 'koa';
export async function events(ctx: ParameterizedContext) { site(); ctx.body = 'ok'; }
declare function site(): void;`,
  wsByType: `import type { WebSocket } from 'ws';
export function onConnection(socket: WebSocket) { site(); socket.send('hi'); }
declare function site(): void;`,
  socketIoByType: `import type { Socket } from 'socket.io';
export function onConnection(socket: Socket) { site(); socket.emit('hi'); }
declare function site(): void;`,
} as const;

type Shape = keyof typeof shapes;

const project = createTypedProject('roles');
const files = Object.fromEntries(Object.entries(shapes).map(([name, code]) => [name, project.writeSource(`${name}.ts`, code)])) as Record<Shape, string>;
const config = ts.getParsedCommandLineOfConfigFile(project.tsconfigPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
const program = ts.createProgram(config.fileNames, config.options);
afterAll(() => project.remove());

/** What a connection-cleanup rule reads: role kind, framework, connection parameters, and the ends. */
function summary(role: ExecutionRole) {
  return {
    kind: role.kind,
    ...('framework' in role ? { framework: role.framework } : {}),
    ...('method' in role ? { method: role.method } : {}),
    ...('connection' in role ? { connection: role.connection.map((object) => `${object.name ?? '?'}:${object.object}`) } : {}),
    ends: connectionEndsOf(role).map(describeEnd),
  };
}

function describeEnd(end: ConnectionEnd): string {
  if (end.kind === 'effect-cleanup') return 'effect cleanup';
  if (end.kind === 'abort-signal') return `${end.object.name ?? '?'} abort`;
  return `${[end.object.name ?? '?', ...end.path].join('.')} ${end.events.join('|')}`;
}

function roleAt(shape: Shape, typed: boolean) {
  const parsed = parseSource(shapes[shape], files[shape], typed ? program : undefined);
  const oracle = createOracle(parsed.ast, parsed.scopeManager, resolveRegistry(undefined), parsed.services);
  expect(oracle.typed).toBe(typed);
  const execution = executionOf(siteCall(parsed.ast), oracle);
  return { frequency: execution.kind, ...summary(execution.role) };
}

/** The same answer with and without types: what the call site shows is enough. */
function expectBoth(shape: Shape, expected: object): void {
  expect(roleAt(shape, false), 'untyped').toEqual(expected);
  expect(roleAt(shape, true), 'typed').toEqual(expected);
}

describe('execution roles and connection ends, typed and untyped', () => {
  it('node:http: createServer and server.on("request") handlers end with req/res close', () => {
    const expected = { frequency: 'hot', kind: 'request-handler', framework: 'node-http', connection: ['req:request', 'res:response'], ends: ['req close', 'res close'] };
    expectBoth('nodeHttp', expected);
    expectBoth('nodeHttpRequestEvent', expected);
  });

  it('express: a route handler ends with req/res close', () => {
    expectBoth('express', { frequency: 'hot', kind: 'request-handler', framework: 'express', connection: ['req:request', 'res:response'], ends: ['req close', 'res close'] });
  });

  it('fastify: a route handler ends with request.raw/reply.raw close', () => {
    expectBoth('fastify', {
      frequency: 'hot',
      kind: 'request-handler',
      framework: 'fastify',
      connection: ['request:request', 'reply:response'],
      ends: ['request.raw close', 'reply.raw close'],
    });
  });

  it('koa: a middleware ends with ctx.req close', () => {
    expectBoth('koa', { frequency: 'hot', kind: 'request-handler', framework: 'koa', connection: ['ctx:context'], ends: ['ctx.req close'] });
  });

  it('ws: a connection handler ends with socket close', () => {
    expectBoth('ws', { frequency: 'hot', kind: 'connection-handler', framework: 'ws', connection: ['socket:socket'], ends: ['socket close'] });
  });

  it('socket.io: a connection handler ends with socket disconnect', () => {
    expectBoth('socketIo', { frequency: 'hot', kind: 'connection-handler', framework: 'socket.io', connection: ['socket:socket'], ends: ['socket disconnect'] });
  });

  it('grpc-js: a unary method ends with cancelled; with types a streaming method also ends with error or close', () => {
    expect(roleAt('grpcUnary', true)).toEqual({
      frequency: 'hot',
      kind: 'stream-handler',
      framework: 'grpc-js',
      method: 'unary',
      connection: ['call:call'],
      ends: ['call cancelled'],
    });
    // Untyped, the call type written on the parameter still names the method kind.
    expect(roleAt('grpcUnary', false)).toMatchObject({ kind: 'stream-handler', method: 'unary', ends: ['call cancelled'] });
    expectBoth('grpcServerStream', {
      frequency: 'hot',
      kind: 'stream-handler',
      framework: 'grpc-js',
      method: 'server-streaming',
      connection: ['call:call'],
      ends: ['call cancelled|error|close'],
    });
  });

  it('grpc-js: a function whose parameter is a call type is a stream handler wherever it is declared', () => {
    expectBoth('grpcByType', {
      frequency: 'hot',
      kind: 'stream-handler',
      framework: 'grpc-js',
      method: 'bidi-streaming',
      connection: ['call:call'],
      ends: ['call cancelled|error|close'],
    });
  });

  it('handlers declared apart are recognised by their parameter types (typed: through aliases; untyped: the written annotation)', () => {
    const byType = (shape: Shape, kind: string, framework: string, connection: string[], ends: string[]) => {
      const registration = { frequency: 'hot', kind, framework, connection, ends };
      expect(roleAt(shape, true), `${shape} typed`).toEqual(registration);
      expect(roleAt(shape, false), `${shape} untyped`).toEqual(registration);
    };
    byType('fastifyByType', 'request-handler', 'fastify', ['request:request', 'reply:response'], ['request.raw close', 'reply.raw close']);
    byType('wsByType', 'connection-handler', 'ws', ['socket:socket'], ['socket close']);
    byType('socketIoByType', 'connection-handler', 'socket.io', ['socket:socket'], ['socket disconnect']);
    // koa's context type is an alias of an intersection: only the checker sees ExtendableContext inside it.
    expect(roleAt('koaByType', true)).toEqual({ frequency: 'hot', kind: 'request-handler', framework: 'koa', connection: ['ctx:context'], ends: ['ctx.req close'] });
    expect(roleAt('koaByType', false)).toEqual({ frequency: 'repeated', kind: 'function', ends: [] });
  });

  it('kafkajs: eachMessage is a consumer callback with no connection of its own', () => {
    expectBoth('kafkaConsumer', { frequency: 'hot', kind: 'consumer-callback', ends: [] });
  });

  it('timers: an interval callback', () => {
    expectBoth('interval', { frequency: 'hot', kind: 'timer-callback', ends: [] });
  });

  it('React: an effect is repeated (not a hot path) and ends with its cleanup', () => {
    expectBoth('reactEffect', { frequency: 'repeated', kind: 'effect', ends: ['effect cleanup'] });
  });

  it('an AbortSignal parameter of a handler ends its call too', () => {
    expectBoth('abortSignal', {
      frequency: 'hot',
      kind: 'request-handler',
      framework: 'express',
      connection: ['req:request', 'res:response', 'signal:signal'],
      ends: ['req close', 'res close', 'signal abort'],
    });
  });
});
