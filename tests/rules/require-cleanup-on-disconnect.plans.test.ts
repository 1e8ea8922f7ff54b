import { describe, expect, it } from 'vitest';
import { createOracle } from '../../src/analysis/create-oracle';
import type { Analysis } from '../../src/analysis/analysis';
import { parseSource } from '../../src/codemod/parse-source';
import { requireCleanupOnDisconnect } from '../../src/detectors/require-cleanup-on-disconnect';
import { resolveRegistry } from '../../src/registry/settings';

/** The remedies the detector attaches, with nodes shown as their source text (untyped parse). */
function remedies(source: string, filePath = 'server.ts'): unknown[] {
  const parsed = parseSource(source, filePath);
  const registry = resolveRegistry(undefined);
  const analysis: Analysis = { ast: parsed.ast, scopeManager: parsed.scopeManager, sourceText: source, oracle: createOracle(parsed.ast, parsed.scopeManager, registry, undefined), registry };
  const text = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(text);
    if (value && typeof value === 'object') {
      if ('range' in value && 'type' in value) return source.slice(...(value as { range: [number, number] }).range);
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, text(inner)]));
    }
    return value;
  };
  return requireCleanupOnDisconnect.detect(analysis, {}).map((finding) => text(finding.remedy));
}

describe('require-cleanup-on-disconnect plans for cleanup-on-close', () => {
  it('names a dropped interval and an inline bus listener, and releases both on the request’s close', () => {
    expect(
      remedies(`
import http from 'node:http';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
http.createServer((req, res) => {
  setInterval(() => res.write('data: ping\\n\\n'), 1000);
  bus.on('order', (order) => res.write(String(order)));
});`),
    ).toEqual([
      {
        kind: 'cleanup-on-close',
        start: "setInterval(() => res.write('data: ping\\n\\n'), 1000)",
        release: { kind: 'clear-timer', clear: 'clearInterval', handle: { kind: 'unnamed', value: "setInterval(() => res.write('data: ping\\n\\n'), 1000)", proposedName: 'interval' } },
        end: { kind: 'connection-event', object: 'req', events: ['close'] },
      },
      {
        kind: 'cleanup-on-close',
        start: "bus.on('order', (order) => res.write(String(order)))",
        release: {
          kind: 'remove-listener',
          target: 'bus',
          event: "'order'",
          // A .ts file: the named listener declares its parameter (untyped: `any`, as the inline one was).
          listener: { kind: 'unnamed', value: '(order) => res.write(String(order))', proposedName: 'onOrder', parameterType: 'any' },
          method: 'off',
        },
        end: { kind: 'connection-event', object: 'req', events: ['close'] },
      },
    ]);
  });

  it('uses grpc-js cancelled and close, socket.io disconnect and koa ctx.req', () => {
    const ends = (source: string) => remedies(source).map((remedy) => (remedy as { end?: unknown }).end);
    expect(
      ends(`
import * as grpc from '@grpc/grpc-js';
const server = new grpc.Server();
server.addService(definition, { watch: (call) => { setInterval(() => call.write({}), 1000); } });`),
    ).toEqual([{ kind: 'connection-event', object: 'call', events: ['cancelled', 'close'] }]);
    expect(
      ends(`
import { Server } from 'socket.io';
const io = new Server(3000);
io.on('connection', (socket) => { const tick = setInterval(() => socket.emit('tick'), 1000); });`),
    ).toEqual([{ kind: 'connection-event', object: 'socket', events: ['disconnect'] }]);
    expect(
      ends(`
import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => { setInterval(() => ctx.res.write('x'), 1000); });`),
    ).toEqual([{ kind: 'connection-event', object: 'ctx.req', events: ['close'] }]);
  });

  it('turns a pipe into pipeline and a dropped subscription into a named one to unsubscribe', () => {
    expect(
      remedies(`
import http from 'node:http';
import { interval } from 'rxjs';
http.createServer((req, res) => {
  http.get('http://upstream.local', (upstream) => upstream.pipe(res));
  interval(1000).subscribe(() => res.write('.'));
});`),
    ).toEqual([
      { kind: 'cleanup-on-close', start: 'upstream.pipe(res)', release: { kind: 'pipe-to-pipeline', source: 'upstream', destination: 'res' }, end: { kind: 'pipeline' } },
      {
        kind: 'cleanup-on-close',
        start: "interval(1000).subscribe(() => res.write('.'))",
        release: { kind: 'call-method', handle: { kind: 'unnamed', value: "interval(1000).subscribe(() => res.write('.'))", proposedName: 'subscription' }, method: 'unsubscribe' },
        end: { kind: 'connection-event', object: 'req', events: ['close'] },
      },
    ]);
  });
});
