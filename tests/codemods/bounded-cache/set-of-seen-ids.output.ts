import { EventEmitter } from 'node:events';
import { LRUCache } from 'lru-cache';

export const bus = new EventEmitter();
const seenIds = new LRUCache<string, true>({ max: 1000 });

bus.on('message', (id: string) => {
  if (seenIds.has(id)) return;
  seenIds.set(id, true);
  bus.emit('fresh', id);
});
