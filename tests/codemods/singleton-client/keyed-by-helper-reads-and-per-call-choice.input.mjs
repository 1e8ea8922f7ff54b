import Redis from 'ioredis';

function primaryOptionsFor(tenant) {
  return { host: tenant.cacheHost, port: tenant.cachePort, db: tenant.cacheDb ?? 0 };
}

function replicaOptionsFor(tenant) {
  return { host: tenant.replicaHost, port: tenant.cachePort, readOnly: true };
}

// Reads go to the replica, writes to the primary: the choice is per call, the clients are per tenant.
export async function cacheCommand(tenant, command, ...args) {
  const primary = primaryOptionsFor(tenant);
  const reading = command.startsWith('get') || command === 'exists';
  const redis = reading ? new Redis(replicaOptionsFor(tenant)) : new Redis(primary);
  return redis.call(command, ...args);
}
