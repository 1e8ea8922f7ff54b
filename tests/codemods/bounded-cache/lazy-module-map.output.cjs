const { LRUCache } = require('lru-cache');

let cache;

function remember(key, value) {
  cache ??= new LRUCache({ max: 1000 });
  cache.set(key, value);
  return cache.get(key);
}

module.exports = { remember };
