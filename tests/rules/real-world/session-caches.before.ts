// Yeachan-Heo/oh-my-claudecode, src/hooks/project-memory/index.ts — https://github.com/Yeachan-Heo/oh-my-claudecode/issues/1274
// (fixed by https://github.com/Yeachan-Heo/oh-my-claudecode/pull/1287). The hook keeps what it has
// injected per session in a module-level Map: one entry per session id, never removed, in an MCP
// server process that lives across hundreds of sessions in team mode.
// Rule: leakguard/no-unbounded-cache
interface SessionCache {
  injectedPaths: Set<string>;
  lastInjectedAt: number;
}

const sessionCaches = new Map<string, SessionCache>();

function getSessionCache(sessionId: string): SessionCache {
  let cache = sessionCaches.get(sessionId);
  if (!cache) {
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
