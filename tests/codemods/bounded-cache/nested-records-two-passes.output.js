import { EventEmitter } from 'node:events';
import { LRUCache } from 'lru-cache';

export const bus = new EventEmitter();

// Filled at login, read on every rename.
/** @type {LRUCache<any, any>} */
var userIdByToken = new LRUCache({ max: 1000 });
/** @type {LRUCache<any, any>} */
var nameByUserId = new LRUCache({ max: 1000 });

bus.on('login', (token, userId, name) => {
  userIdByToken.set(token, userId);
  nameByUserId.set(userId, name);
});

bus.on('rename', (token, name) => {
  nameByUserId.set(userIdByToken.get(token), name);
});
