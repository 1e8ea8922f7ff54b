import DataLoader from 'dataloader';

interface User {
  id: string;
  name: string;
}

declare function fetchUsers(ids: readonly string[]): Promise<User[]>;

// Made at load, so its cache keeps every user any request asked for: it gets an LRUCache as its cacheMap.
const users = new DataLoader<string, User>((ids) => fetchUsers(ids));

export const resolvers = {
  Post: {
    author: (post: { authorId: string }) => users.load(post.authorId),
  },
};
