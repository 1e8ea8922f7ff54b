'use strict';

const http = require('node:http');

const visitors = new Map();

function recordVisit(ip) {
  let entry = visitors.get(ip);
  if (!entry) {
    entry = { hits: 0, first: Date.now() };
    visitors.set(ip, entry);
  }
  entry.hits++;
  return entry.hits;
}

const server = http.createServer((req, res) => {
  res.end(String(recordVisit(req.socket.remoteAddress)));
});

module.exports = { server };
