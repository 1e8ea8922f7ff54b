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
});
