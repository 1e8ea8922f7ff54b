'use strict';

const { LRUCache } = require('lru-cache');

const pages = new LRUCache({ max: 50 });
/** @type {LRUCache<any, any>} */
const etags = new LRUCache({ max: 1000 });
/** @type {LRUCache<any, true>} */
const misses = new LRUCache({ max: 1000 });

function remember(url, body, etag) {
  pages.set(url, body);
  etags.set(url, etag);
  misses.set(url, true);
}

module.exports = { remember };
