// A library helper that listens to its caller's AbortSignal and never removes the listener: with
// one long-lived signal (a service's shutdown signal) every call leaves a listener, and each keeps
// what it captures alive. `no-leaked-listener` reports it; `cleanup-on-close` removes it in a
// `finally` when the call settles.
//
// Run as a script: node abort-signal-helper.mjs <N>
// Calls the helper N times with one signal that never aborts; prints one JSON line:
// {"program","n","fetched","listenersBefore","listenersAfter"} — abort listeners on the signal,
// counted by node:events' getEventListeners.
import { getEventListeners } from 'node:events';

export async function fetchWithSignal(load, key, options = {}) {
  options.signal?.addEventListener('abort', () => console.error(`gave up loading ${key}`));
  const value = await load(key);
  return { key, value };
}

const n = Number(process.argv[2] ?? 50);
const shutdown = new AbortController();
const listenersBefore = getEventListeners(shutdown.signal, 'abort').length;
let fetched = 0;
for (let index = 0; index < n; index++) {
  const result = await fetchWithSignal(async (key) => key.length, `key-${index}`, { signal: shutdown.signal });
  if (result.value > 0) fetched++;
}
const listenersAfter = getEventListeners(shutdown.signal, 'abort').length;
console.log(JSON.stringify({ program: 'abort-signal-helper', n, fetched, listenersBefore, listenersAfter }));
