import type { DeclarationSpecifier } from '../registry/specifiers';

/**
 * Parameter types that only exist while a request, response or call is in flight. A function that
 * takes one is a handler, and runs once per request, wherever it is declared: `function list(req:
 * Request, res: Response)` passed by name to `app.get('/users', list)` is as hot as an inline arrow.
 * Subclasses and interfaces extending these match too (express's `Request` extends `IncomingMessage`).
 */
export const requestScopedTypes: readonly DeclarationSpecifier[] = [
  { from: 'package', package: 'http', name: 'IncomingMessage' },
  { from: 'package', package: 'http', name: 'ServerResponse' },
  { from: 'package', package: 'http2', name: 'Http2ServerRequest' },
  { from: 'package', package: 'http2', name: 'Http2ServerResponse' },
  { from: 'package', package: 'express', name: 'Request' },
  { from: 'package', package: 'express', name: 'Response' },
  { from: 'package', package: 'express-serve-static-core', name: 'Request' },
  { from: 'package', package: 'express-serve-static-core', name: 'Response' },
  // grpc-js declares these as type aliases of intersections (`ServerSurfaceCall & ObjectReadable<T>`).
  { from: 'package', package: '@grpc/grpc-js', name: 'ServerUnaryCall' },
  { from: 'package', package: '@grpc/grpc-js', name: 'ServerReadableStream' },
  { from: 'package', package: '@grpc/grpc-js', name: 'ServerWritableStream' },
  { from: 'package', package: '@grpc/grpc-js', name: 'ServerDuplexStream' },
];
