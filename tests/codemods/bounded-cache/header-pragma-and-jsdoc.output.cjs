#!/usr/bin/env node
/*!
 * visit-counter
 * MIT Licensed
 */
// @ts-check

const { LRUCache } = require('lru-cache');

/**
 * Visits per path since start-up.
 * @type {LRUCache<string, number>}
 */
const visits = new LRUCache({ max: 1000 });

function count(path) {
  visits.set(path, (visits.get(path) || 0) + 1);
}

require('node:http')
  .createServer((req, res) => {
    count(req.url || '/');
    res.end();
  })
  .listen(8080);
