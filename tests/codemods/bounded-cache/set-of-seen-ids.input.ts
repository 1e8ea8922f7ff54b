import { EventEmitter } from 'node:events';

export const bus = new EventEmitter();
const seenIds = new Set<string>();

bus.on('message', (id: string) => {
  if (seenIds.has(id)) return;
  seenIds.add(id);
  bus.emit('fresh', id);
});
