'use strict';

const http = require('node:http');
const { LRUCache } = require('lru-cache');

/** @type {LRUCache<any, any>} */
const renders = new LRUCache({ max: 1000 });

function render(path) {
  if (!renders.has(path)) {
    renders.set(path, '<h1>' + path + '</h1>');
  }
  return renders.get(path);
}

const server = http.createServer((req, res) => {
  res.end(render(req.url));
});

module.exports = { server };
