import DataLoader from 'dataloader';

declare function fetchNames(ids: readonly string[]): Promise<string[]>;

// The loader's types are inferred, not written: the LRUCache given as its cacheMap would not know them.
/* leakguard-todo(bounded-cache): it is a DataLoader whose key and value types are not written (`new DataLoader<K, V>(…)`); the LRUCache given as its `cacheMap` needs them */
const names = new DataLoader((ids: readonly string[]) => fetchNames(ids), { maxBatchSize: 100 });

export const resolvers = {
  Post: {
    author: (post: { authorId: string }) => names.load(post.authorId),
  },
};
