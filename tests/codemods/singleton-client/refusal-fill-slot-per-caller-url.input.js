const { createClient } = require('redis');

let client;

// Each call may name another server: one slot cannot be filled once for all of them.
function getRedisClient(url) {
  client = createClient({ url });
  return client;
}

async function count(url, key) {
  const redis = getRedisClient(url);
  return redis.get(key);
}

module.exports = { count };
