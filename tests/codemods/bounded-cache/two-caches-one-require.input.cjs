'use strict';
const cache = new Map();
const seen = new Set();
function remember(key, value) {
  cache.set(key, value);
  seen.add(key);
}
module.exports = { remember };
