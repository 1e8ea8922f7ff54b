const { LRUCache } = require('lru-cache');

/** @type {LRUCache<string, true>} */
const seen = new LRUCache({ max: 1000 });
function see(id) {
  seen.set(id, true);
}
module.exports = { see };
