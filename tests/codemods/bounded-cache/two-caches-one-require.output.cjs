'use strict';
const { LRUCache } = require('lru-cache');

/** @type {LRUCache<any, any>} */
const cache = new LRUCache({ max: 1000 });
/** @type {LRUCache<any, true>} */
const seen = new LRUCache({ max: 1000 });
function remember(key, value) {
  cache.set(key, value);
  seen.set(key, true);
}
module.exports = { remember };
