// A profile lookup whose module-level cache never forgets: the monitoring agent's `metricCache`
// incident in miniature (100 MB to 2 GB in a week, then the OOM killer).
//
// `profile` memoises every id it is asked for in a Map that nothing ever shrinks. leakguard's
// `no-unbounded-cache` reports it; `bounded-cache` turns the Map into lru-cache's LRUCache.
//
// Run as a script: node --expose-gc profile-cache.mjs <N>
// It looks up N distinct ids (about 1 KB of profile each), then prints one JSON line:
// {"program","n","hits","heapBefore","heapAfter"} with the heap used after a full GC before and after.
import { pathToFileURL } from 'node:url';

const profiles = new Map();

/** The profile of `id`, built once (about 1 KB on the JS heap) and served from the cache after. */
export function profile(id) {
  const cached = profiles.get(id);
  if (cached) return cached;
  const built = { id, scores: Array.from({ length: 128 }, (_, index) => index * 2) };
  profiles.set(id, built);
  return built;
}

function heapAfterGc() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 20000);
  const heapBefore = heapAfterGc();
  let hits = 0;
  for (let index = 0; index < n; index++) {
    const id = `user-${index}`;
    if (profile(id).id === id) hits++;
  }
  const heapAfter = heapAfterGc();
  console.log(JSON.stringify({ program: 'profile-cache', n, hits, heapBefore, heapAfter }));
}
