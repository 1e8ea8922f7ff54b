const { createClient } = require('redis');

let client;

// Each call may name another server: one slot cannot be filled once for all of them.
function getRedisClient(url) {
  /* leakguard-todo(singleton-client): the client stored in `client` is made from values of each call, so one made once cannot serve every caller: keep one per key (a Map keyed by those values), or release the previous one before `client` is filled again */
  client = createClient({ url });
  return client;
}

async function count(url, key) {
  const redis = getRedisClient(url);
  return redis.get(key);
}

module.exports = { count };
