// A listener this function adds to the client on every call would pile up on a shared client
// (MaxListenersExceededWarning, each error logged once per earlier call): refused with a marker.
import Redis from 'ioredis';

export async function getValue(key: string) {
  /* leakguard-todo(singleton-client): it adds a listener to the client on every call (`redis.on('error', (err) => console.error(err));`); a shared client would collect one per call: register it once where the client is made */
  const redis = new Redis('redis://localhost');
  redis.on('error', (err) => console.error(err));
  return redis.get(key);
}
