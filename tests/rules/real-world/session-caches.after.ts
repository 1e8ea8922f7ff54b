interface SessionCache {
  injectedPaths: Set<string>;
  lastInjectedAt: number;
}

const MAX_SESSIONS = 100;
const sessionCaches = new Map<string, SessionCache>();

function getSessionCache(sessionId: string): SessionCache {
  let cache = sessionCaches.get(sessionId);
  if (!cache) {
    if (sessionCaches.size >= MAX_SESSIONS) {
      const oldest = sessionCaches.keys().next().value;
      if (oldest !== undefined) sessionCaches.delete(oldest);
    }
    cache = { injectedPaths: new Set(), lastInjectedAt: 0 };
    sessionCaches.set(sessionId, cache);
  }
  return cache;
}

export function shouldInjectMemory(sessionId: string, memoryPath: string): boolean {
  const cache = getSessionCache(sessionId);
  if (cache.injectedPaths.has(memoryPath)) return false;
  cache.injectedPaths.add(memoryPath);
  cache.lastInjectedAt = Date.now();
  return true;
}
