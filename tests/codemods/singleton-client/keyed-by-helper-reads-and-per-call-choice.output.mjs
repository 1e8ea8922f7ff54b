import Redis from 'ioredis';

function primaryOptionsFor(tenant) {
  return { host: tenant.cacheHost, port: tenant.cachePort, db: tenant.cacheDb ?? 0 };
}

function replicaOptionsFor(tenant) {
  return { host: tenant.replicaHost, port: tenant.cachePort, readOnly: true };
}

const redisByKey = new Map();

function getRedis(reading, tenant) {
  const key = JSON.stringify([reading, tenant.replicaHost, tenant.cachePort, tenant.cacheHost, tenant.cacheDb]);
  let redis = redisByKey.get(key);
  if (!redis) {
    redis = reading ? new Redis(replicaOptionsFor(tenant)) : new Redis(primaryOptionsFor(tenant));
    redisByKey.set(key, redis);
  }
  return redis;
}

/** Closes the shared clients on graceful shutdown; the next `getRedis()` creates new ones. */
export async function closeRedisByKey() {
  const current = [...redisByKey.values()];
  redisByKey.clear();
  await Promise.all(current.map((redis) => redis.quit()));
}

// Reads go to the replica, writes to the primary: the choice is per call, the clients are per tenant.
export async function cacheCommand(tenant, command, ...args) {
  const reading = command.startsWith('get') || command === 'exists';
  const redis = getRedis(reading, tenant);
  return redis.call(command, ...args);
}
