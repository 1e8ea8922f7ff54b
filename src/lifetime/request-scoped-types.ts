import type { DeclarationSpecifier } from '../registry/specifiers';
import type { ConnectionObject, Framework } from './execution-role';

/**
 * A parameter type that only exists while a request, response, connection or call is in flight, and
 * what it is to the handler. A function that takes one is a handler, and runs once per request,
 * wherever it is declared: `function list(req: Request, res: Response)` passed by name to
 * `app.get('/users', list)` is as hot as an inline arrow. Subclasses and interfaces extending these
 * match too (express's `Request` extends `IncomingMessage`).
 */
export interface RequestScopedType {
  readonly type: DeclarationSpecifier;
  readonly object: ConnectionObject['object'];
  readonly framework: Framework;
}

const http = (name: string, object: 'request' | 'response'): RequestScopedType => ({ type: { from: 'package', package: 'http', name }, object, framework: 'node-http' });
const express = (from: string, name: 'Request' | 'Response'): RequestScopedType => ({
  type: { from: 'package', package: from, name },
  object: name === 'Request' ? 'request' : 'response',
  framework: 'express',
});
// grpc-js declares these as type aliases of intersections (`ServerSurfaceCall & ObjectReadable<T>`).
const grpc = (name: string): RequestScopedType => ({ type: { from: 'package', package: '@grpc/grpc-js', name }, object: 'call', framework: 'grpc-js' });

export const requestScopedTypes: readonly RequestScopedType[] = [
  http('IncomingMessage', 'request'),
  http('ServerResponse', 'response'),
  { type: { from: 'package', package: 'http2', name: 'Http2ServerRequest' }, object: 'request', framework: 'node-http' },
  { type: { from: 'package', package: 'http2', name: 'Http2ServerResponse' }, object: 'response', framework: 'node-http' },
  express('express', 'Request'),
  express('express', 'Response'),
  express('express-serve-static-core', 'Request'),
  express('express-serve-static-core', 'Response'),
  grpc('ServerUnaryCall'),
  grpc('ServerReadableStream'),
  grpc('ServerWritableStream'),
  grpc('ServerDuplexStream'),
  { type: { from: 'package', package: 'fastify', name: 'FastifyRequest' }, object: 'request', framework: 'fastify' },
  { type: { from: 'package', package: 'fastify', name: 'FastifyReply' }, object: 'response', framework: 'fastify' },
  // koa's middleware `ctx` is `ParameterizedContext`, an alias of an intersection with `ExtendableContext`.
  { type: { from: 'package', package: 'koa', name: 'ExtendableContext' }, object: 'context', framework: 'koa' },
  // A server-side socket: the handler runs per connection (ws's `WebSocket` is also a client: only its server-side use reaches here through a parameter).
  { type: { from: 'package', package: 'ws', name: 'WebSocket' }, object: 'socket', framework: 'ws' },
  { type: { from: 'package', package: 'socket.io', name: 'Socket' }, object: 'socket', framework: 'socket.io' },
];

/** The grpc-js method kind a handler implements, from the call type its parameter matched. */
export const grpcMethodKinds: Readonly<Record<string, 'unary' | 'client-streaming' | 'server-streaming' | 'bidi-streaming'>> = {
  ServerUnaryCall: 'unary',
  ServerReadableStream: 'client-streaming',
  ServerWritableStream: 'server-streaming',
  ServerDuplexStream: 'bidi-streaming',
};
