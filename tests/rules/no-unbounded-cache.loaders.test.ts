import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A DataLoader caches every key it loads for as long as the loader lives: one per request is the
 * documented use; one made at load (or by a factory that runs at load) is a module-lived map.
 */
const valid = [
  {
    name: 'a loader made per request dies with the request',
    code: `
import DataLoader from 'dataloader';
export function createContext(fetchUsers: (ids: readonly string[]) => Promise<string[]>) {
  const users = new DataLoader((ids: readonly string[]) => fetchUsers(ids));
  return { userName: (id: string) => users.load(id) };
}`,
  },
  {
    name: 'a module-level loader with its cache turned off only batches',
    code: `
import DataLoader from 'dataloader';
declare function fetchUsers(ids: readonly string[]): Promise<string[]>;
const users = new DataLoader((ids: readonly string[]) => fetchUsers(ids), { cache: false, maxBatchSize: 100 });
export const resolvers = { Post: { author: (post: { authorId: string }) => users.load(post.authorId) } };`,
  },
  {
    name: 'a module-level loader given a cache map of its own',
    code: `
import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
declare function fetchUsers(ids: readonly string[]): Promise<string[]>;
const users = new DataLoader((ids: readonly string[]) => fetchUsers(ids), { cacheMap: new LRUCache<string, Promise<string>>({ max: 500 }) });
export const resolvers = { Post: { author: (post: { authorId: string }) => users.load(post.authorId) } };`,
  },
  {
    name: 'a module-level loader emptied by clearAll',
    code: `
import DataLoader from 'dataloader';
declare function fetchUsers(ids: readonly string[]): Promise<string[]>;
const users = new DataLoader((ids: readonly string[]) => fetchUsers(ids));
export const resolvers = { Post: { author: (post: { authorId: string }) => users.load(post.authorId) } };
setInterval(() => users.clearAll(), 60_000).unref();`,
  },
  {
    name: 'a class of our own called DataLoader is not the package',
    code: `
class DataLoader {
  load(id: string): string {
    return id;
  }
}
const users = new DataLoader();
export const resolvers = { Post: { author: (post: { authorId: string }) => users.load(post.authorId) } };`,
  },
];

const invalid = [
  {
    name: 'a loader built by a factory that runs at load, keyed by an object made per call',
    code: `
import DataLoader from 'dataloader';
export const batchLoader = <T>(loader: (ids: string[], user: unknown) => Promise<T[]>) => {
  const dataLoader = new DataLoader((keys: readonly { id: string; user: unknown }[]) => loader(keys.map((key) => key.id), keys[0]?.user), { maxBatchSize: 300 });
  return { load: (id: string, user: unknown) => dataLoader.load({ id, user }) };
};
declare function batchCreators(ids: string[], user: unknown): Promise<string[]>;
const creatorLoader = batchLoader(batchCreators);
export const resolvers = { Report: { creator: (report: { creatorId: string }, _: unknown, context: { user: unknown }) => creatorLoader.load(report.creatorId, context.user) } };`,
    errors: [{ messageId: 'unboundedClosureCache' as const, line: 4 }],
  },
  {
    name: 'a module-level loader that resolvers load request ids into',
    code: `
import DataLoader from 'dataloader';
import express from 'express';
declare function fetchUsers(ids: readonly string[]): Promise<string[]>;
const users = new DataLoader((ids: readonly string[]) => fetchUsers(ids), { maxBatchSize: 100 });
const app = express();
app.get('/users/:id', async (req, res) => {
  res.json(await users.load(req.params.id));
});`,
    errors: [{ messageId: 'unboundedCache' as const, line: 5 }],
  },
];

typedRuleTester().run('no-unbounded-cache (loaders, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (loaders, untyped)', rule, { valid, invalid });
