import fs from 'node:fs/promises';

type SessionManagerCacheEntry = {
  sessionFile: string;
  loadedAt: number;
};

const SESSION_MANAGER_CACHE = new Map<string, SessionManagerCacheEntry>();
const SESSION_MANAGER_TTL_MS = 45_000;
const MAX_SESSION_MANAGER_ENTRIES = 500;

export function trackSessionManagerAccess(sessionFile: string): void {
  // Map.set does not refresh insertion order: delete first so the oldest entry stays first.
  SESSION_MANAGER_CACHE.delete(sessionFile);
  if (SESSION_MANAGER_CACHE.size >= MAX_SESSION_MANAGER_ENTRIES) {
    const oldest = SESSION_MANAGER_CACHE.keys().next().value;
    if (oldest !== undefined) SESSION_MANAGER_CACHE.delete(oldest);
  }
  SESSION_MANAGER_CACHE.set(sessionFile, { sessionFile, loadedAt: Date.now() });
}

function isSessionManagerCached(sessionFile: string): boolean {
  const entry = SESSION_MANAGER_CACHE.get(sessionFile);
  if (!entry) return false;
  if (Date.now() - entry.loadedAt > SESSION_MANAGER_TTL_MS) {
    SESSION_MANAGER_CACHE.delete(sessionFile);
    return false;
  }
  return true;
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
