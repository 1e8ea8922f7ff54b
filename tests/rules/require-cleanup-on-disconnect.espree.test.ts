import { describe, expect, it } from 'vitest';
import { lintWithEspree } from './espree-linter';

const CONNECTION_RULES = ['require-cleanup-on-disconnect', 'no-leaked-interval', 'no-leaked-listener'] as const;

/** Every report of the three rules on `code`, as `rule:line`. */
function reports(code: string, filename: string): string[] {
  return CONNECTION_RULES.flatMap((rule) => lintWithEspree(rule, code, filename).map((message) => `${rule}:${message.line}`)).sort();
}

describe('require-cleanup-on-disconnect with espree', () => {
  it('reports an SSE ticker and a bus listener of a CommonJS express route, and nothing else reports them', () => {
    expect(
      reports(
        `
const express = require('express');
const { EventEmitter } = require('events');
const bus = new EventEmitter();
const app = express();
app.get('/events', (req, res) => {
  setInterval(() => res.write('data: ping\\n\\n'), 1000);
  bus.on('order', (order) => res.write(JSON.stringify(order)));
});`,
        'routes.cjs',
      ),
    ).toEqual(['require-cleanup-on-disconnect:7', 'require-cleanup-on-disconnect:8']);
  });

  it('leaves the same work outside any connection handler to no-leaked-interval and no-leaked-listener', () => {
    expect(
      reports(
        `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
module.exports = function track(log) {
  setInterval(() => log.push(Date.now()), 1000);
  bus.on('order', (order) => log.push(order));
};`,
        'track.cjs',
      ),
    ).toEqual(['no-leaked-interval:5', 'no-leaked-listener:6']);
  });

  it('stays quiet on a ws connection that releases its work on close', () => {
    expect(
      reports(
        `
import { WebSocketServer } from 'ws';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  const ping = setInterval(() => ws.ping(), 30000);
  const relay = (message) => ws.send(message);
  bus.on('message', relay);
  ws.on('close', () => {
    clearInterval(ping);
    bus.off('message', relay);
  });
});`,
        'ws.mjs',
      ),
    ).toEqual([]);
  });

  it('reports a grpc-js server-streaming write loop (CommonJS, addService) that never reads call.cancelled', () => {
    expect(
      lintWithEspree(
        'require-cleanup-on-disconnect',
        `
const grpc = require('@grpc/grpc-js');
const { setTimeout: sleep } = require('timers/promises');
const server = new grpc.Server();
server.addService(definition, {
  async watch(call) {
    for (;;) {
      await sleep(1000);
      call.write({ now: Date.now() });
    }
  },
  chat: (call) => {
    call.on('data', (note) => call.write(note));
  },
});`,
        'server.cjs',
      ).map((message) => [message.messageId, message.line]),
    ).toEqual([['writeLoopIgnoresEnd', 7]]);
  });
});
