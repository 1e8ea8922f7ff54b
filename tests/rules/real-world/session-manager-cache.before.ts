// openclaw/openclaw, src/agents/pi-embedded-runner/session-manager-cache.ts — https://github.com/openclaw/openclaw/pull/51114
// trackSessionManagerAccess() records every session file it prewarms; isSessionManagerCached()
// checks the TTL but never deletes an expired entry, and nothing else does either. On a busy
// gateway (50+ crons) the Map grew ~170 MB an hour until the heap ran out after ~22 hours.
// Rule: leakguard/no-unbounded-cache
import fs from 'node:fs/promises';

type SessionManagerCacheEntry = {
  sessionFile: string;
  loadedAt: number;
};

const SESSION_MANAGER_CACHE = new Map<string, SessionManagerCacheEntry>();
const SESSION_MANAGER_TTL_MS = 45_000;

export function trackSessionManagerAccess(sessionFile: string): void {
  SESSION_MANAGER_CACHE.set(sessionFile, { sessionFile, loadedAt: Date.now() });
}

function isSessionManagerCached(sessionFile: string): boolean {
  const entry = SESSION_MANAGER_CACHE.get(sessionFile);
  if (!entry) return false;
  return Date.now() - entry.loadedAt <= SESSION_MANAGER_TTL_MS;
}

export async function prewarmSessionFile(sessionFile: string): Promise<void> {
  if (isSessionManagerCached(sessionFile)) return;
  try {
    // Read a small chunk to encourage OS page cache warmup.
    const handle = await fs.open(sessionFile, 'r');
    try {
      await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    } finally {
      await handle.close();
    }
    trackSessionManagerAccess(sessionFile);
  } catch {
    // File doesn't exist yet, SessionManager will create it
  }
}
