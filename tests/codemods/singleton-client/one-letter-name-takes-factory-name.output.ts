// `const r = …` says nothing of what the client is: the shared one is named after its factory.
import Redis from 'ioredis';

function createSessionStore(): Redis {
  return new Redis(String(process.env.REDIS_URL));
}

let sessionStore: ReturnType<typeof createSessionStore> | undefined;

function getSessionStore(): ReturnType<typeof createSessionStore> {
  return (sessionStore ??= createSessionStore());
}

/** Closes the shared client on graceful shutdown; the next `getSessionStore()` creates a new one. */
export async function closeSessionStore(): Promise<void> {
  const current = sessionStore;
  sessionStore = undefined;
  await current?.quit();
}

export async function touchSession(id: string, r = getSessionStore()): Promise<void> {
  await r.expire(`session:${id}`, 3600);
}
