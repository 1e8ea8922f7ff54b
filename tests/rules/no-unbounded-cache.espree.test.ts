import { describe, expect, it } from 'vitest';
import { lintWithEspree } from './espree-linter';

const lint = (code: string, filename: string) => lintWithEspree('no-unbounded-cache', code, filename);

describe('no-unbounded-cache with espree', () => {
  it('reports a CommonJS object used as a map by a request handler', () => {
    const messages = lint(
      `
const http = require('node:http');
const renders = {};
function render(path) {
  if (!(path in renders)) renders[path] = '<h1>' + path + '</h1>';
  return renders[path];
}
module.exports = http.createServer((req, res) => res.end(render(req.url)));`,
      'server.cjs',
    );
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([['unboundedCache', 3]]);
  });

  it('reports an array appended to by setInterval in an ES module', () => {
    const messages = lint(
      `const samples = [];
setInterval(() => {
  samples.push(process.memoryUsage().rss);
}, 1000);`,
      'sampler.mjs',
    );
    expect(messages.map((message) => message.messageId)).toEqual(['untrimmedBuffer']);
  });

  it('stays quiet on an LRUCache and on a map that is swept', () => {
    const messages = lint(
      `import { LRUCache } from 'lru-cache';
const pages = new LRUCache({ max: 100 });
const seen = new Map();
export function visit(url, html) {
  pages.set(url, html);
  seen.set(url, Date.now());
}
setInterval(() => seen.clear(), 60000);`,
      'pages.js',
    );
    expect(messages).toEqual([]);
  });

  it('reports a map kept by the middleware a factory makes at load (a CommonJS rate limiter)', () => {
    const messages = lint(
      `'use strict';
function createRateLimiter({ windowMs }) {
  const store = new Map();
  return function rateLimiter(req, res, next) {
    const key = req.headers['x-forwarded-for'] || req.socket.remoteAddress;
    store.set(key, { resetAt: Date.now() + windowMs });
    next();
  };
}
const apiLimiter = createRateLimiter({ windowMs: 60000 });
module.exports = { apiLimiter };`,
      'limiter.cjs',
    );
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([['unboundedClosureCache', 3]]);
  });

  it('reports a field assigned in the constructor of a CommonJS singleton', () => {
    const messages = lint(
      `'use strict';
const { randomUUID } = require('node:crypto');
class Calls {
  constructor(transport) {
    this.transport = transport;
    this.handlers = {};
  }
  execute(command, callback) {
    const id = randomUUID();
    this.handlers[id] = callback;
    this.transport.write(id + ' ' + command);
  }
}
module.exports = new Calls(process.stdout);`,
      'calls.cjs',
    );
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([['unboundedFieldCache', 6]]);
  });

  it('stays quiet when the constructor-assigned field is deleted once the reply came', () => {
    const messages = lint(
      `const { randomUUID } = require('node:crypto');
class Calls {
  constructor() {
    this.handlers = {};
  }
  execute(callback) {
    const id = randomUUID();
    this.handlers[id] = callback;
    return id;
  }
  reply(id, body) {
    const handler = this.handlers[id];
    delete this.handlers[id];
    if (handler) handler(body);
  }
}
module.exports = new Calls();`,
      'calls.cjs',
    );
    expect(messages).toEqual([]);
  });

  it('reports a field of a constructor function whose prototype method keys it by generated ids', () => {
    const messages = lint(
      `const { randomUUID } = require('node:crypto');
function Connection(socket) {
  this.socket = socket;
  this.executeHandlers = {};
}
Connection.prototype.execute = function (app, cb) {
  const eventUuid = randomUUID();
  this.executeHandlers[eventUuid] = cb;
  this.socket.write(eventUuid + ' ' + app);
};
Connection.prototype.onEvent = function (uuid, event) {
  if (this.executeHandlers[uuid]) this.executeHandlers[uuid](event);
};
module.exports = Connection;`,
      'connection.cjs',
    );
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([['unboundedFieldCache', 4]]);
  });

  it('stays quiet on a constructor function whose prototype deletes the handler once it ran', () => {
    const messages = lint(
      `const { randomUUID } = require('node:crypto');
function Connection() {
  this.executeHandlers = {};
}
Connection.prototype = {
  execute(cb) {
    const id = randomUUID();
    this.executeHandlers[id] = cb;
    return id;
  },
  complete(id, event) {
    const handler = this.executeHandlers[id];
    delete this.executeHandlers[id];
    if (handler) handler(event);
  },
};
module.exports = Connection;`,
      'connection.cjs',
    );
    expect(messages).toEqual([]);
  });

  it('reports a CommonJS RPC client that deletes a request on reply but not when its timer fires', () => {
    const messages = lint(
      `class RpcClient {
  constructor(channel) {
    this.channel = channel;
    this.sequence = 0;
    this.requests = new Map();
  }
  send(command) {
    const id = String(this.sequence++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timeout')), 1000);
      this.requests.set(id, { timer, resolve });
      this.channel.send(command, id);
    });
  }
  dispatchReply(message) {
    const request = this.requests.get(message.id);
    this.requests.delete(message.id);
    if (request) request.resolve(message.body);
  }
}
module.exports = RpcClient;`,
      'rpc.cjs',
    );
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([['unboundedFieldCache', 5]]);
  });

  it('reports a lodash memo applied at load through require and called with a fresh object', () => {
    const messages = lint(
      `const memoize = require('lodash/memoize');
const resolve = memoize((context) => context.project + context.env);
exports.resolveFor = (project, env) => resolve({ project, env });`,
      'resolve.cjs',
    );
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([['unboundedMemo', 2]]);
  });

  it('follows `var self = this` into callbacks, and reports a timeout delete the answer cancels', () => {
    const messages = lint(
      `function HubClient(hub) {
  this._requests = {};
  this._count = 0;
  this._hub = hub;
}
HubClient.prototype.request = function (method) {
  var client = this;
  client._count++;
  var req = { id: 'hub:' + client._count, method: method };
  return new Promise(function (resolve, reject) {
    var timeout = setTimeout(function () {
      if (!client._requests[req.id]) return;
      delete client._requests[req.id];
      reject(new Error('timeout'));
    }, 3000);
    client._requests[req.id] = function (err, result) {
      clearTimeout(timeout);
      if (err) return reject(new Error(err));
      resolve(result);
    };
    client._hub.postMessage(JSON.stringify(req));
  });
};
HubClient.prototype.onMessage = function (response) {
  var client = this;
  if (client._requests[response.id]) client._requests[response.id](response.error, response.result);
};
module.exports = HubClient;`,
      'hub.cjs',
    );
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([['unboundedFieldCache', 2]]);
  });

  it('is quiet when the answer handler deletes the entry it answers', () => {
    const messages = lint(
      `function HubClient(hub) {
  this._requests = {};
  this._count = 0;
  this._hub = hub;
}
HubClient.prototype.request = function (method) {
  var client = this;
  client._count++;
  var req = { id: 'hub:' + client._count, method: method };
  return new Promise(function (resolve, reject) {
    var timeout = setTimeout(function () {
      delete client._requests[req.id];
      reject(new Error('timeout'));
    }, 3000);
    client._requests[req.id] = function (err, result) {
      clearTimeout(timeout);
      resolve(result);
    };
    client._hub.postMessage(JSON.stringify(req));
  });
};
HubClient.prototype.onMessage = function (response) {
  var self = this;
  if (self._requests[response.id]) {
    self._requests[response.id](response.error, response.result);
    delete self._requests[response.id];
  }
};
module.exports = HubClient;`,
      'hub.cjs',
    );
    expect(messages).toEqual([]);
  });

  it('reports a required DataLoader made at load and loaded per request, and not one that only batches', () => {
    const messages = lint(
      `
const DataLoader = require('dataloader');
const express = require('express');
const users = new DataLoader((ids) => Promise.all(ids.map((id) => ({ id }))));
const batchOnly = new DataLoader((ids) => Promise.all(ids.map((id) => ({ id }))), { cache: false });
const app = express();
app.get('/users/:id', async (req, res) => {
  res.json([await users.load(req.params.id), await batchOnly.load(req.params.id)]);
});`,
      'users.cjs',
    );
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([['unboundedCache', 4]]);
  });

  it('reports a constructor-function cache made at load whose expiry runs only when a key is read again, and not one a timer sweeps', () => {
    const backend = (sweep: string) => `
function MemoryBackend() {
  this._cache = {};${sweep}
}
MemoryBackend.prototype.set = function (options, cb) {
  this._cache[options.key] = { data: options.data, ttl: options.ttl, timestamp: Date.now() };
  cb();
};
MemoryBackend.prototype.get = function (key, cb) {
  const item = this._cache[key];
  if (item && item.ttl && item.ttl * 1000 < Date.now() - item.timestamp) return this.clear(key, () => cb(null, null));
  cb(null, item || null);
};
MemoryBackend.prototype.clear = function (key, cb) {
  delete this._cache[key];
  cb(null);
};
const pages = new MemoryBackend();
module.exports = { pages };`;
    const sweep = `
  const self = this;
  setInterval(function () {
    for (const key of Object.keys(self._cache)) if (self._cache[key].ttl * 1000 < Date.now() - self._cache[key].timestamp) self.clear(key, function () {});
  }, 60000).unref();`;
    expect(lint(backend(''), 'backend.cjs').map((message) => [message.messageId, message.line])).toEqual([['unboundedFieldCache', 3]]);
    expect(lint(backend(sweep), 'backend.cjs')).toEqual([]);
  });
});
