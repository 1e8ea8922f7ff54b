// `const r = …` says nothing of what the client is: the shared one is named after its factory.
import Redis from 'ioredis';

function createSessionStore(): Redis {
  return new Redis(String(process.env.REDIS_URL));
}

export async function touchSession(id: string): Promise<void> {
  const r = createSessionStore();
  await r.expire(`session:${id}`, 3600);
}
