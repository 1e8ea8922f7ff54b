#!/usr/bin/env node
/*!
 * visit-counter
 * MIT Licensed
 */
// @ts-check

/**
 * Visits per path since start-up.
 * @type {Object<string, number>}
 */
const visits = {};

function count(path) {
  visits[path] = (visits[path] || 0) + 1;
}

require('node:http')
  .createServer((req, res) => {
    count(req.url || '/');
    res.end();
  })
  .listen(8080);
