const { LRUCache } = require('lru-cache');

let seen;

function markSeen(id) {
  seen ||= new LRUCache({ max: 1000 });
  seen.set(id, true);
  return seen.has(id);
}

module.exports = { markSeen };
