import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A package loaded on first use with `await import('x')` inside a function (a health probe, a CLI
 * command, an optional dependency) is still that package: `mod.default`, `(await import('x')).X` and
 * `const { default: X } = await import('x')` name what an import would. Without types this used to
 * be an unknown constructor, and a client made per request from it went unreported.
 */
const valid = [
  {
    name: 'a lazily loaded client kept in a module slot and made once',
    code: `
let shared: unknown;
export async function healthRedis(): Promise<unknown> {
  if (!shared) {
    const mod = await import('ioredis');
    const Redis = mod.default;
    shared = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  }
  return shared;
}`,
  },
  {
    name: 'a local name bound to two different packages in two functions is not guessed',
    code: `
export async function a(url: string) {
  const { default: Client } = await import('ioredis');
  return new Client(url);
}
export async function b() {
  const { default: Client } = await import('node:events');
  const emitter = new Client();
  emitter.emit('x');
}`,
  },
];

const invalid = [
  {
    name: "a route handler's lazily imported ioredis client, closed only after a successful ping",
    code: `
import { Router } from 'express';
export function healthRouter(): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    let ok = true;
    try {
      const mod = await import('ioredis');
      const Redis = mod.default;
      const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
      await redis.connect();
      await redis.ping();
      await redis.quit();
    } catch {
      ok = false;
    }
    res.status(ok ? 200 : 503).end();
  });
  return router;
}`,
    errors: [{ messageId: 'closedOnlyOnSuccess' as const, line: 10 }],
  },
  {
    name: 'a destructured default of a dynamic import, made per request and never closed',
    code: `
import { Router } from 'express';
export function statsRouter(): Router {
  const router = Router();
  router.get('/stats', async (_req, res) => {
    const { default: Redis } = await import('ioredis');
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    res.json({ keys: await redis.dbsize() });
  });
  return router;
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 7 }],
  },
];

typedRuleTester().run('no-client-per-call (lazily imported packages, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-client-per-call (lazily imported packages, untyped)', rule, { valid, invalid });
