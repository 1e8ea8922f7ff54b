import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';

interface User {
  id: string;
  name: string;
}

declare function fetchUsers(ids: readonly string[]): Promise<User[]>;

// Made at load, so its cache keeps every user any request asked for: it gets an LRUCache as its cacheMap.
const users = new DataLoader<string, User>((ids) => fetchUsers(ids), { cacheMap: new LRUCache<string, Promise<User>>({ max: 1000 }) });

export const resolvers = {
  Post: {
    author: (post: { authorId: string }) => users.load(post.authorId),
  },
};
