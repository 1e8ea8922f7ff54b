import { describe, expect, it } from 'vitest';
import { lintWithEspree } from './espree-linter';

const lint = (code: string, filename: string) => lintWithEspree('no-leaked-listener', code, filename).map((message) => [message.messageId, message.line]);

describe('no-leaked-listener with espree', () => {
  it('reports a bus made with require("events") and subscribed per call, in CommonJS', () => {
    expect(
      lint(
        `
const EventEmitter = require('events');
const bus = new EventEmitter();
module.exports = function ask(question, onReply) {
  bus.on('reply', onReply);
  bus.emit('ask', question);
};`,
        'ask.cjs',
      ),
    ).toEqual([['neverRemoved', 5]]);
  });

  it('reports an abort listener a retry helper adds per attempt to the caller’s signal', () => {
    expect(
      lint(
        `
export function retry(fn, { signal } = {}) {
  return new Promise((resolve, reject) => {
    fn().then(resolve, (error) => {
      signal?.addEventListener('abort', () => reject(signal.reason));
      setTimeout(() => retry(fn, { signal }).then(resolve, reject), 100);
    });
  });
}`,
        'retry.mjs',
      ),
    ).toEqual([['abortListenerNotRemoved', 5]]);
  });

  it('stays quiet on an imported object with an on method: without types it may be anything', () => {
    expect(
      lint(
        `
import app from './app.js';
export function mount(router) {
  app.on('mount', () => router.reset());
}`,
        'mount.mjs',
      ),
    ).toEqual([]);
  });

  it('stays quiet on a listener the class removes with the same bound method', () => {
    expect(
      lint(
        `
export class Tracker {
  constructor() { this.onMove = this.onMove.bind(this); }
  start() { document.addEventListener('mousemove', this.onMove); }
  stop() { document.removeEventListener('mousemove', this.onMove); }
  onMove() {}
}`,
        'tracker.js',
      ),
    ).toEqual([]);
  });

  it('stays quiet on a fetch-API handler listening to its own request’s signal, which ends with the request', () => {
    expect(
      lint(
        `
export function createHandler(run) {
  return async function handler(req) {
    const stream = run(req);
    req.signal.addEventListener('abort', () => stream.return());
    return new Response(stream);
  };
}`,
        'fetch.mjs',
      ),
    ).toEqual([]);
  });
});
